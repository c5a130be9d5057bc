// Safe defaults, through the real interface on two browser hosts (an auditor and the QA sub-committee)
// and a third installation driven through its API (an auditor of another partnership): set-up asks
// for the QA sub-committee's identity card and its safety number is confirmed; export is encrypted by
// default (the file is a JWE, not a zip) and an unencrypted export sits behind a warning; with no
// recipient the export screen says the file is readable by anyone; trusting a quarantined signer needs
// the safety-number confirmation; a bundle from another board is shown as such before it is imported.
// Every new screen state is checked with axe.
import { expect, test, type Download, type Locator, type Page } from '@playwright/test';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildDemoAudit } from '../../electron/demo/demoAudit.js';
import { DEFAULT_AGENCIES } from '../../shared/board.js';
import type { Api } from '../../shared/contract.js';
import { safetyNumber } from '../../shared/safetyNumber.js';
import { e2eWorkspace, startHost, type E2eHost, type E2eWorkspace } from './host.js';
import { expectAccessible, httpApi } from './support.js';

/** Set UI_SCREENSHOTS=/some/folder to keep a full-page screenshot of the new screens. */
const SHOTS = process.env.UI_SCREENSHOTS;
const NORTH = 'Northshire Safeguarding Children Partnership';
const SOUTH = 'Southmoor Safeguarding Children Partnership';

async function expectScreen(page: Page, h1: string | RegExp, timeout?: number): Promise<void> {
  await expect(page.getByRole('heading', { level: 1, name: h1 })).toBeVisible(timeout ? { timeout } : {});
}

async function shot(page: Page, name: string): Promise<void> {
  if (!SHOTS) return;
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

async function downloadBy(page: Page, trigger: Locator): Promise<Download> {
  const [download] = await Promise.all([page.waitForEvent('download'), trigger.click()]);
  return download;
}

/** Moves to a route of the running interface (the token was taken from the address on first load). */
async function go(page: Page, path: string): Promise<void> {
  await page.evaluate((hash) => {
    window.location.hash = hash;
  }, path);
}

async function signedAudit(api: Api, title: string, seed: number): Promise<string> {
  const board = (await api['board.get']({}))!;
  const auditId = await buildDemoAudit(api, {
    title,
    cases: 1,
    seed,
    agencyIds: board.agencies.slice(0, 3).map((a) => a.id),
  });
  const preview = await api['audits.signingPreview']({ auditId });
  expect(preview.blockers).toEqual([]);
  await api['audits.sign']({ auditId, contentHash: preview.contentHash });
  return auditId;
}

/** The JWE's protected header, from either serialisation; null when the bytes are not a JWE. */
function jweHeader(bytes: Buffer): Record<string, unknown> | null {
  const text = bytes.toString('utf8');
  let protectedPart: string | undefined;
  if (text.startsWith('{')) {
    const json = JSON.parse(text) as { protected?: string; ciphertext?: string; iv?: string; tag?: string };
    if (!json.ciphertext || !json.iv || !json.tag) return null;
    protectedPart = json.protected;
  } else {
    const parts = text.trim().split('.');
    if (parts.length !== 5) return null;
    protectedPart = parts[0];
  }
  return protectedPart
    ? (JSON.parse(Buffer.from(protectedPart, 'base64url').toString('utf8')) as Record<string, unknown>)
    : null;
}

test.describe('safe defaults: the QA card at set-up, encrypted export, safety numbers, other boards', () => {
  const workspaces: E2eWorkspace[] = [];
  const hosts: E2eHost[] = [];

  test.afterEach(async () => {
    for (const host of hosts.splice(0)) await host.stop();
    for (const ws of workspaces.splice(0)) ws.cleanup();
  });

  async function installation(): Promise<{ ws: E2eWorkspace; host: E2eHost; api: Api }> {
    const ws = e2eWorkspace();
    workspaces.push(ws);
    const host = await startHost(ws);
    hosts.push(host);
    return { ws, host, api: httpApi(host.url) };
  }

  test('an auditor enrols the QA card at set-up and exports encrypted; the QA sub-committee confirms safety numbers and sees another board', async ({
    page,
    context,
  }) => {
    test.setTimeout(300_000);
    const [auditor, qa, south] = await Promise.all([installation(), installation(), installation()]);
    const files = qa.ws.dir;

    // The QA sub-committee's installation and its identity card (through its API).
    await qa.api['board.setup']({ name: NORTH, agencies: DEFAULT_AGENCIES.map((a) => ({ ...a, active: true })) });
    const qaIdentity = await qa.api['identity.create']({
      name: 'Pat Quality',
      role: 'Chair of the QA sub-committee',
      agency: 'Northshire SCP',
    });
    const qaCardPath = join(files, 'pat-quality-identity.json');
    writeFileSync(qaCardPath, (await qa.api['identity.card']({})).json);
    const qaSafetyNumber = safetyNumber(qaIdentity.fingerprint);

    // --- The auditor's first run: the board, then the QA sub-committee's card ---------------------
    await page.goto(auditor.host.url);
    await expectScreen(page, 'Set up your partnership');
    await page.getByLabel('Name of the partnership').fill(NORTH);
    await page.getByRole('button', { name: 'Save and continue' }).click();
    await expectScreen(page, 'The QA sub-committee’s identity card');
    await expect(page.getByText(`${NORTH} is set up`)).toBeVisible();
    await expect(
      page.getByText('the bundles you export are not encrypted: anyone who gets the file can read it'),
    ).toBeVisible();
    await expectAccessible(page, 'set up: the QA card');
    await page.getByRole('button', { name: 'Continue' }).click();
    const problems = page.getByRole('alert').filter({ hasText: 'There is a problem' });
    await expect(problems.getByRole('link', { name: 'Choose the identity card file' })).toBeVisible();
    await expect(page).toHaveTitle(/^Error: /);
    await expectAccessible(page, 'set up: the QA card (no file chosen)');

    await page.getByLabel('The QA sub-committee’s identity card').setInputFiles(qaCardPath);
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(page.getByRole('heading', { name: 'Check Pat Quality’s safety number' })).toBeVisible();
    await expect(page.locator('#qa-card-safety-number')).toHaveText(qaSafetyNumber);
    expect(qaSafetyNumber).toMatch(/^(\d{5} ){11}\d{5}$/);
    await expectAccessible(page, 'set up: the QA card (its safety number)');
    // Enrolling without the confirmation is refused on the screen, with the GOV.UK error summary.
    await page.getByRole('button', { name: 'Enrol the QA sub-committee’s card' }).click();
    const notCompared = problems.getByRole('link', {
      name: 'Confirm you have compared the safety number with the one Pat Quality read to you',
    });
    await expect(notCompared).toBeVisible();
    await expectAccessible(page, 'set up: the QA card (not confirmed)');
    await shot(page, 'setup-qa-card-not-confirmed');
    await notCompared.click();
    const compared = page.getByLabel('I have compared this number with the one Pat Quality read to me');
    await expect(compared).toBeFocused();
    await compared.check();
    await page.getByRole('button', { name: 'Enrol the QA sub-committee’s card' }).click();
    await expectScreen(page, 'Audits');
    await expect(page.getByText('Pat Quality’s card is enrolled as the QA sub-committee’s')).toBeVisible();
    const recipients = await auditor.api['trust.list']({});
    expect(recipients.map((k) => [k.name, k.isRecipient])).toEqual([['Pat Quality', true]]);

    // --- The auditor's own safety number, to read out ---------------------------------------------
    const auditorIdentity = await auditor.api['identity.create']({
      name: 'Alex Auditor',
      role: 'Independent auditor',
      agency: 'Audit Partners Ltd',
    });
    await go(page, '/identity');
    await expectScreen(page, 'Your identity');
    await expect(page.locator('#own-safety-number')).toHaveText(safetyNumber(auditorIdentity.fingerprint));
    await expect(page.getByRole('heading', { name: 'Your safety number' })).toBeVisible();
    await expectAccessible(page, 'your identity (with its safety number)');

    // --- Export: encrypted by default --------------------------------------------------------------
    const auditId = await signedAudit(auditor.api, 'MASH audit, summer 2027', 5);
    await go(page, `/audits/${auditId}/export`);
    await expectScreen(page, 'Send revision 1 to the QA sub-committee');
    await expect(
      page.getByText(
        'The bundle is encrypted to the QA sub-committee, so only they can open it: Pat Quality (Northshire SCP).',
      ),
    ).toBeVisible();
    await expect(page.getByRole('definition').filter({ hasText: qaSafetyNumber })).toBeVisible();
    await expectAccessible(page, 'export (encrypted by default)');
    await shot(page, 'export-encrypted');
    const sealed = await downloadBy(page, page.getByRole('button', { name: 'Export encrypted bundle' }));
    const sealedPath = join(files, 'sealed.caseaudit');
    await sealed.saveAs(sealedPath);
    const sealedBytes = readFileSync(sealedPath);
    expect(sealedBytes.subarray(0, 2).toString('latin1')).not.toBe('PK');
    const header = jweHeader(sealedBytes);
    expect(header, 'the exported bundle is a JWE').not.toBeNull();
    expect(header!.enc).toBe('A256GCM');
    await expect(page.getByRole('status').filter({ hasText: 'Bundle exported' })).toContainText(
      'encrypted to the QA sub-committee: only they can open it (Pat Quality (Northshire SCP)).',
    );

    // --- Unencrypted: a second step, behind a warning --------------------------------------------------
    await page.getByRole('button', { name: 'Export an unencrypted bundle instead' }).click();
    const confirmPlain = page.locator('#plain-export-confirm');
    await expect(confirmPlain).toBeFocused();
    await expect(confirmPlain.locator('.govuk-warning-text')).toContainText(
      'An unencrypted bundle can be read by anyone who gets the file',
    );
    await expectAccessible(page, 'export (unencrypted: the warning)');
    await shot(page, 'export-unencrypted-warning');
    await confirmPlain.getByRole('button', { name: 'Cancel' }).click();
    await expect(confirmPlain).toHaveCount(0);
    await page.getByRole('button', { name: 'Export an unencrypted bundle instead' }).click();
    const plain = await downloadBy(page, page.getByRole('button', { name: 'Export without encryption' }));
    const plainPath = join(files, 'plain.caseaudit');
    await plain.saveAs(plainPath);
    expect(readFileSync(plainPath).subarray(0, 4)).toEqual(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
    await expect(page.getByRole('status').filter({ hasText: 'Bundle exported' })).toContainText(
      'signed but not encrypted: anyone who gets the file can read it',
    );

    // --- With no recipient, the screen says so plainly and links to enrolling the card -----------------
    await auditor.api['trust.revoke']({ fingerprint: qaIdentity.fingerprint, reason: 'A test of the warning.' });
    await go(page, '/identity');
    await expectScreen(page, 'Your identity');
    await go(page, `/audits/${auditId}/export`);
    await expectScreen(page, 'Send revision 1 to the QA sub-committee');
    await expect(page.locator('.govuk-warning-text')).toContainText(
      'The bundle will not be encrypted: anyone who gets the file can read it',
    );
    await expect(page.getByRole('button', { name: 'Export encrypted bundle' })).toHaveCount(0);
    await expectAccessible(page, 'export (no recipient)');
    await page.getByRole('link', { name: 'Enrol the QA sub-committee’s identity card' }).click();
    await expectScreen(page, 'The QA sub-committee’s identity card');

    // --- Another partnership's auditor (through its API), encrypting to the same QA key -------------
    await south.api['board.setup']({ name: SOUTH, agencies: DEFAULT_AGENCIES.map((a) => ({ ...a, active: true })) });
    const southIdentity = await south.api['identity.create']({
      name: 'Sol South',
      role: 'Independent auditor',
      agency: 'Southmoor Reviews',
    });
    await south.api['trust.enrol']({
      card: (await qa.api['identity.card']({})).json,
      asRecipient: true,
      safetyNumberCompared: true,
    });
    const southPaths: string[] = [];
    for (const [i, title] of ['Southmoor neglect audit 2027', 'Southmoor CSE audit 2027'].entries()) {
      const id = await signedAudit(south.api, title, 60 + i);
      const bundle = await south.api['bundles.export']({ auditId: id });
      expect(bundle.encrypted).toBe(true);
      const path = join(files, `south-${i + 1}.caseaudit`);
      writeFileSync(path, Buffer.from(bundle.base64, 'base64'));
      southPaths.push(path);
    }

    // --- The QA sub-committee imports: both signers are unknown, so both bundles wait -----------------
    const qaPage = await context.newPage();
    await qaPage.goto(qa.host.url);
    await expectScreen(qaPage, 'Audits');
    await go(qaPage, '/import');
    await expectScreen(qaPage, 'Import bundles');
    await qaPage.getByLabel('Bundle files').setInputFiles([sealedPath, southPaths[0]!]);
    await qaPage.getByRole('button', { name: 'Import bundles' }).click();
    await expect(qaPage.getByText('0 of 2 files imported: 2 waiting in quarantine')).toBeVisible({ timeout: 60_000 });
    await expect(qaPage.getByText('2 waiting in quarantine.')).toBeVisible();

    await go(qaPage, '/quarantine');
    await expectScreen(qaPage, 'Bundles in quarantine');
    const alexItem = qaPage.getByRole('region', { name: 'MASH audit, summer 2027' });
    const solItem = qaPage.getByRole('region', { name: 'Southmoor neglect audit 2027' });
    await expect(
      alexItem.getByRole('definition').filter({ hasText: safetyNumber(auditorIdentity.fingerprint) }),
    ).toBeVisible();
    await expect(
      solItem.getByRole('definition').filter({ hasText: safetyNumber(southIdentity.fingerprint) }),
    ).toBeVisible();
    await expectAccessible(qaPage, 'quarantine (safety numbers)');

    // Accepting without the confirmation: an error summary linking to the item's checkbox; nothing trusted.
    await alexItem.getByRole('button', { name: /^Accept and trust this signer/ }).click();
    const qaProblems = qaPage.getByRole('alert').filter({ hasText: 'There is a problem' });
    const alexNotCompared = qaProblems.getByRole('link', {
      name: 'Confirm you have compared the safety number with the one Alex Auditor read to you',
    });
    await expect(alexNotCompared).toBeVisible();
    await expect(alexItem.locator('.govuk-error-message')).toContainText('Confirm you have compared the safety number');
    await expectAccessible(qaPage, 'quarantine (not confirmed)');
    await shot(qaPage, 'quarantine-not-confirmed');
    expect(await qa.api['trust.list']({})).toEqual([]);
    await alexNotCompared.click();
    const alexCompared = alexItem.getByLabel('I have compared this number with the one the signer read to me');
    await expect(alexCompared).toBeFocused();
    await alexCompared.check();
    await alexItem.getByRole('button', { name: /^Accept and trust this signer/ }).click();
    await expect(qaPage.getByRole('alert').filter({ hasText: 'Alex Auditor’s key is now trusted' })).toBeVisible({
      timeout: 30_000,
    });

    // The other board's bundle: confirmed, then shown as from another board before anything is written.
    await solItem.getByLabel('I have compared this number with the one the signer read to me').check();
    await solItem.getByRole('button', { name: /^Accept and trust this signer/ }).click();
    const boardNotice = solItem.locator('.govuk-inset-text');
    await expect(boardNotice).toContainText(`This bundle comes from ${SOUTH}, not ${NORTH}.`);
    await expect(boardNotice).toBeFocused();
    expect((await qa.api['audits.list']({})).map((a) => a.title)).toEqual(['MASH audit, summer 2027']);
    await expectAccessible(qaPage, 'quarantine (another board)');
    await shot(qaPage, 'quarantine-other-board');
    await solItem.getByRole('button', { name: `Accept the bundle from ${SOUTH}` }).click();
    await expect(qaPage.getByRole('alert').filter({ hasText: 'Sol South’s key is now trusted' })).toBeVisible({
      timeout: 30_000,
    });
    await expect(qaPage.getByText('There are no bundles waiting in quarantine.')).toBeVisible();

    // --- Sol's second bundle: a trusted signer, but another board: held on the import screen ----------
    await go(qaPage, '/import');
    await expectScreen(qaPage, 'Import bundles');
    await qaPage.getByLabel('Bundle files').setInputFiles([southPaths[1]!]);
    await qaPage.getByRole('button', { name: 'Import bundles' }).click();
    await expect(qaPage.getByText('0 of 1 file imported: 1 refused')).toBeVisible({ timeout: 60_000 });
    const results = qaPage.getByRole('table', { name: 'What happened to each file' });
    const southRow = results.getByRole('row', { name: /south-2\.caseaudit/ });
    await expect(southRow).toContainText('From another board');
    await expect(southRow).toContainText(`This bundle comes from ${SOUTH}, not ${NORTH}.`);
    await expect(qaPage.getByText('1 from another board (not imported).')).toBeVisible();
    await expectAccessible(qaPage, 'import bundles (another board)');
    expect((await qa.api['audits.list']({})).map((a) => a.title).sort()).toEqual([
      'MASH audit, summer 2027',
      'Southmoor neglect audit 2027',
    ]);
    await southRow.getByRole('button', { name: `Import it from ${SOUTH}` }).click();
    await expect(southRow).toContainText('Added');
    expect((await qa.api['audits.list']({})).map((a) => a.title).sort()).toEqual([
      'MASH audit, summer 2027',
      'Southmoor CSE audit 2027',
      'Southmoor neglect audit 2027',
    ]);

    // --- The trusted keys list shows safety numbers --------------------------------------------------
    await go(qaPage, '/trust');
    await expectScreen(qaPage, 'Trusted keys');
    const solRow = qaPage.getByRole('table', { name: 'Keys you trust' }).getByRole('row', { name: /Sol South/ });
    await expect(solRow).toContainText(safetyNumber(southIdentity.fingerprint));
    await expectAccessible(qaPage, 'trusted keys (safety numbers)');
  });
});
