// Set-up on a machine whose organisation's policy names the partner agencies and provides the QA
// sub-committee's identity card: the agencies are offered as given, and the card is offered for
// enrolment, its safety number still compared. axe on each screen.
import { expect, test } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { installation } from '../helpers/installations.js';
import { e2eWorkspace, startHost, type E2eHost, type E2eWorkspace } from './host.js';
import { expectAccessible, httpApi } from './support.js';

let ws: E2eWorkspace;
let host: E2eHost;
let qaFingerprint: string;

test.beforeAll(async () => {
  ws = e2eWorkspace();
  // The QA sub-committee's own installation makes the card the IT department puts in the policy.
  const qa = await installation(ws.dir, 'qa', { name: 'Quinn Chair', role: 'Chair', agency: 'Northshire SCP' });
  const card = JSON.parse((await qa.api['identity.card']({})).json) as { fingerprint: string };
  qaFingerprint = card.fingerprint;
  qa.app.close();
  const policy = join(ws.dir, 'policy.json');
  writeFileSync(
    policy,
    JSON.stringify({
      format: 'case-audit-policy',
      formatVersion: 1,
      defaultAgencies: [
        { name: 'Northshire Police', kind: 'police' },
        { name: 'Northshire Schools', kind: 'schools' },
      ],
      qaRecipientCard: card,
    }),
  );
  process.env.CASE_AUDIT_POLICY = policy;
  try {
    host = await startHost(ws);
  } finally {
    delete process.env.CASE_AUDIT_POLICY;
  }
});

test.afterAll(async () => {
  await host?.stop();
  ws?.cleanup();
});

test('set-up offers the policy’s agencies and its QA sub-committee card, compared before it is enrolled', async ({
  page,
}) => {
  await page.goto(host.url);
  await expect(page.getByRole('heading', { level: 1, name: 'Set up your partnership' })).toBeVisible();
  await expect(page.getByText('Your organisation has set the agencies')).toBeVisible();
  await expect(page.locator('#agency-0-name')).toHaveValue('Northshire Police');
  await expect(page.locator('#agency-1-name')).toHaveValue('Northshire Schools');
  await expect(page.locator('#agency-2-name')).toHaveCount(0);
  await expectAccessible(page, 'set-up with managed agencies');

  await page.getByLabel('Name of the partnership').fill('Northshire Safeguarding Children Partnership');
  await page.getByRole('button', { name: 'Save and continue' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'The QA sub-committee’s identity card' })).toBeVisible();
  await expect(page.getByTestId('policy-card')).toContainText('Quinn Chair (Northshire SCP)');
  await expectAccessible(page, 'QA card offered by the policy');

  await page.getByRole('button', { name: 'Use this card' }).click();
  await page.getByRole('button', { name: 'Enrol the QA sub-committee’s card' }).click();
  // Not without the safety number compared.
  await expect(page.locator('.govuk-error-summary')).toBeVisible();
  await page.getByLabel('I have compared this number with the one Quinn Chair read to me').check();
  await page.getByRole('button', { name: 'Enrol the QA sub-committee’s card' }).click();
  await expect(page.getByText('Quinn Chair’s card is enrolled as the QA sub-committee’s')).toBeVisible();

  const keys = await httpApi(host.url)['trust.list']({});
  expect(keys.find((k) => k.fingerprint === qaFingerprint)).toBeTruthy();
});
