// The About screen on a machine with an organisation's policy: versions and paths, what is managed,
// the diagnostics file downloaded and read back (no audit data in it), and the managed idle lock
// refused above its limit. axe on the screen.
import { expect, test } from '@playwright/test';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildDemoAudit } from '../../electron/demo/demoAudit.js';
import { DEFAULT_AGENCIES } from '../../shared/board.js';
import { e2eWorkspace, startHost, type E2eHost, type E2eWorkspace } from './host.js';
import { expectAccessible, httpApi } from './support.js';

let ws: E2eWorkspace;
let host: E2eHost;

test.beforeAll(async () => {
  ws = e2eWorkspace();
  const policy = join(ws.dir, 'policy.json');
  writeFileSync(
    policy,
    JSON.stringify({
      format: 'case-audit-policy',
      formatVersion: 1,
      maxIdleLockMinutes: 10,
      allowUnencryptedExport: false,
    }),
  );
  // The host reads the policy from its environment, as the desktop app reads the machine's file.
  process.env.CASE_AUDIT_POLICY = policy;
  try {
    host = await startHost(ws);
  } finally {
    delete process.env.CASE_AUDIT_POLICY;
  }
  await httpApi(host.url)['board.setup']({
    name: 'Northshire Safeguarding Children Partnership',
    agencies: DEFAULT_AGENCIES.map((a) => ({ ...a })),
  });
});

test.afterAll(async () => {
  await host?.stop();
  ws?.cleanup();
});

test('About shows the versions, paths and managed settings, and saves diagnostics without audit data', async ({
  page,
}) => {
  await page.goto(host.url);
  await page.getByRole('link', { name: 'About Case Audit' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'About Case Audit' })).toBeVisible();
  const about = page.getByTestId('about');
  await expect(about).toContainText(ws.dbPath);
  await expect(about).toContainText(join(ws.dir, 'logs'));
  await expect(about).toContainText('policy.json');
  await expect(page.getByTestId('managed')).toContainText('The longest idle lock');
  await expect(page.getByTestId('managed')).toContainText('Whether bundles may be exported unencrypted');
  await expectAccessible(page, 'About');

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download diagnostics' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^case-audit-diagnostics-.*\.json$/);
  const body = JSON.parse(readFileSync((await download.path())!, 'utf8')) as Record<string, unknown>;
  expect(body).toMatchObject({ format: 'case-audit-diagnostics', databasePath: ws.dbPath, managed: expect.any(Array) });
  expect(JSON.stringify(body)).not.toContain('Northshire');
  await expect(page.getByRole('alert')).toContainText('Diagnostics saved');
  await expectAccessible(page, 'About, diagnostics saved');

  // The Settings screen says the limit, and refuses a longer lock on its field.
  await page.getByRole('link', { name: 'Settings' }).first().click();
  await expect(page.getByText('your organisation allows at most 10 minutes')).toBeVisible();
  await page.getByLabel('Lock after this many minutes without use').fill('30');
  await page.getByRole('button', { name: 'Save' }).first().click();
  await expect(page.locator('.govuk-error-summary')).toContainText(
    /your organisation allows an idle lock of at most 10 minutes/i,
  );
  await expectAccessible(page, 'Settings with a managed idle lock');
  await expect(httpApi(host.url)['settings.setIdleLock']({ minutes: 30 })).rejects.toThrow(
    /VALIDATION minutes: your organisation allows an idle lock of at most 10 minutes/,
  );
});

test('the export screen offers no unencrypted bundle where the policy allows only encrypted ones', async ({ page }) => {
  const api = httpApi(host.url);
  await api['identity.create']({ name: 'Sam Auditor', role: 'Independent auditor', agency: 'Ind' });
  const board = (await api['board.get']({}))!;
  const auditId = await buildDemoAudit(api, {
    title: 'Managed export',
    cases: 1,
    seed: 3,
    agencyIds: board.agencies.slice(0, 3).map((a) => a.id),
  });
  const preview = await api['audits.signingPreview']({ auditId });
  await api['audits.sign']({ auditId, contentHash: preview.contentHash });

  await page.goto(host.url);
  await page.evaluate((id) => {
    window.location.hash = `/audits/${id}/export`;
  }, auditId);
  await expect(page.getByText('Your organisation allows only encrypted bundles')).toBeVisible();
  await expect(page.getByRole('button', { name: /unencrypted/ })).toHaveCount(0);
  await expectAccessible(page, 'export with encrypted bundles only');
});
