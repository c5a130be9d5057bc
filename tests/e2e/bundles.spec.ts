// Signed bundles from two auditors to the QA sub-committee, through the real interface on three
// installations (three browser hosts, three encrypted databases): identities, identity cards
// exchanged and enrolled, review and sign, export (encrypted to the QA sub-committee), a bundle
// tampered with on the way, import with progress and per-file results, the quarantine, revoking a
// key. Then the settings: idle lock, lock now, a LOCKED refusal from any call, backups and restore.
// Every screen visited is checked with axe.
import { expect, test, type Download, type Locator, type Page } from '@playwright/test';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildDemoAudit } from '../../electron/demo/demoAudit.js';
import { DEFAULT_AGENCIES } from '../../shared/board.js';
import type { Api } from '../../shared/contract.js';
import type { RpcResult } from '../../shared/errors.js';
import { METHOD_NAMES } from '../../shared/methodNames.js';
import { e2eWorkspace, startHost, type E2eHost, type E2eWorkspace } from './host.js';
import { expectAccessible } from './support.js';

const PASSPHRASE = 'an e2e passphrase for case audit';
/** Set UI_SCREENSHOTS=/some/folder to keep a full-page screenshot of the main screens. */
const SHOTS = process.env.UI_SCREENSHOTS;

async function expectScreen(page: Page, h1: string | RegExp, timeout?: number): Promise<void> {
  await expect(page.getByRole('heading', { level: 1, name: h1 })).toBeVisible(timeout ? { timeout } : {});
}

async function shot(page: Page, name: string): Promise<void> {
  if (!SHOTS) return;
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

/** The typed API over the host's HTTP transport, as the test's back door for building audits quickly. */
function httpApi(host: E2eHost): Api {
  const url = new URL(host.url);
  const token = /token=([A-Za-z0-9_-]+)/.exec(url.hash)?.[1];
  if (!token) throw new Error(`no token in ${host.url}`);
  const call = async (method: string, input: unknown): Promise<unknown> => {
    const response = await fetch(new URL(`/rpc/${method}`, url.origin), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: JSON.stringify(input ?? {}),
    });
    const body = (await response.json()) as RpcResult<unknown>;
    if (!body.ok) throw new Error(`${method}: ${body.error.code} ${body.error.message}`);
    return body.value;
  };
  return Object.fromEntries(METHOD_NAMES.map((m) => [m, (input: unknown) => call(m, input)])) as unknown as Api;
}

async function setUpBoard(api: Api, name: string): Promise<string[]> {
  const board = await api['board.setup']({ name, agencies: DEFAULT_AGENCIES.map((a) => ({ ...a, active: true })) });
  return board.agencies.slice(0, 3).map((a) => a.id);
}

function nav(page: Page, name: string): Locator {
  return page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name, exact: true });
}

/** "Keys" in the header, then one of its two screens. */
async function keys(page: Page, screen: 'Your identity' | 'Trusted keys'): Promise<void> {
  await nav(page, 'Keys').click();
  await expectScreen(page, 'Your identity');
  if (screen === 'Trusted keys') {
    await page.getByRole('navigation', { name: 'Keys' }).getByRole('link', { name: 'Trusted keys' }).click();
    await expect(
      page.getByRole('navigation', { name: 'Keys' }).getByRole('link', { name: 'Trusted keys' }),
    ).toHaveAttribute('aria-current', 'page');
  }
  await expectScreen(page, screen);
}

async function saveDownload(download: Download, dir: string, name?: string): Promise<string> {
  const path = join(dir, name ?? download.suggestedFilename());
  await download.saveAs(path);
  return path;
}

/** Clicks and waits for the file the click offers for download. */
async function downloadBy(page: Page, trigger: Locator): Promise<Download> {
  const [download] = await Promise.all([page.waitForEvent('download'), trigger.click()]);
  return download;
}

interface Person {
  name: string;
  role: string;
  agency: string;
}

/** "Your identity": create it through the form, then download the identity card. Returns the card's path. */
async function createIdentity(page: Page, person: Person, dir: string, check = false): Promise<string> {
  await keys(page, 'Your identity');
  if (check) {
    await expectAccessible(page, 'your identity (create)');
    await page.getByRole('button', { name: 'Create your identity' }).click();
    const problems = page.getByRole('alert').filter({ hasText: 'There is a problem' });
    await expect(problems.getByRole('link', { name: 'Enter your name' })).toBeVisible();
    await expect(problems.getByRole('link', { name: 'Enter your organisation' })).toBeVisible();
    await expectAccessible(page, 'your identity (with errors)');
    await problems.getByRole('link', { name: 'Enter your name' }).click();
    await expect(page.getByLabel('Your name')).toBeFocused();
  }
  await page.getByLabel('Your name').fill(person.name);
  await page.getByLabel('Your role').fill(person.role);
  await page.getByLabel('Your organisation').fill(person.agency);
  await page.getByRole('button', { name: 'Create your identity' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Your identity is created' })).toBeVisible();
  await expect(page.getByRole('definition').filter({ hasText: person.name })).toBeVisible();
  const download = await downloadBy(page, page.getByRole('button', { name: 'Download your identity card' }));
  expect(download.suggestedFilename()).toMatch(/-identity\.json$/);
  await expect(page.getByRole('status').filter({ hasText: 'Your identity card is saved as' })).toBeVisible();
  if (check) {
    await expectAccessible(page, 'your identity');
    await shot(page, 'identity');
  }
  return saveDownload(download, dir, `${person.name.replace(/\W+/g, '-').toLowerCase()}-identity.json`);
}

/** "Trusted keys": enrol an identity card from a file, confirming its safety number was compared. */
async function enrolCard(page: Page, cardPath: string, asRecipient: boolean, check = false): Promise<void> {
  await keys(page, 'Trusted keys');
  if (check) {
    await expectAccessible(page, 'trusted keys (none yet)');
    await page.getByRole('button', { name: 'Continue' }).click();
    const problem = page.getByRole('alert').filter({ hasText: 'There is a problem' });
    await expect(problem.getByRole('link', { name: 'Choose the identity card file' })).toBeVisible();
    await expectAccessible(page, 'trusted keys (no file chosen)');
  }
  await page.getByLabel('Identity card file').setInputFiles(cardPath);
  await page.getByRole('button', { name: 'Continue' }).click();
  if (asRecipient) await page.getByLabel('This is the QA sub-committee: encrypt my bundles to it').check();
  await page.getByLabel(/^I have compared this number with the one .* read to me$/).check();
  await page.getByRole('button', { name: 'Enrol key' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'key is enrolled' })).toBeVisible();
}

/** From the audit's overview: review, sign, and land on the export screen. */
async function reviewAndSign(page: Page, auditTitle: string, revision: number, check = false): Promise<void> {
  await page.getByRole('link', { name: 'Review and sign' }).click();
  await expectScreen(page, `Check your answers before signing revision ${revision}`);
  await expect(page.getByRole('button', { name: `Sign revision ${revision}` })).toBeEnabled();
  if (check) {
    await expectAccessible(page, 'review and sign');
    await shot(page, 'review-and-sign');
  }
  await page.getByRole('button', { name: `Sign revision ${revision}` }).click();
  // Signing draws the report PDF first.
  await expectScreen(page, `Send revision ${revision} to the QA sub-committee`, 60_000);
  await expect(page.getByText(`Revision ${revision} is signed`)).toBeVisible();
  await expect(page.getByText(auditTitle).first()).toBeVisible();
}

/** On the export screen: export, check it says it is encrypted, and keep the file. */
async function exportBundle(page: Page, dir: string, name: string, check = false): Promise<string> {
  await expect(page.getByText('The bundle is encrypted to the QA sub-committee')).toBeVisible();
  const download = await downloadBy(page, page.getByRole('button', { name: 'Export encrypted bundle' }));
  expect(download.suggestedFilename()).toMatch(/\.caseaudit$/);
  const banner = page.getByRole('status').filter({ hasText: 'Bundle exported' });
  await expect(banner).toContainText(download.suggestedFilename());
  await expect(banner).toContainText('encrypted to the QA sub-committee');
  if (check) {
    await expectAccessible(page, 'send the signed audit (exported)');
    await shot(page, 'export-bundle');
  }
  return saveDownload(download, dir, name);
}

/** A copy of the file with one byte in the middle changed (to another base64url character, for a JWE). */
function tamper(from: string, to: string): void {
  const bytes = readFileSync(from);
  let i = Math.floor(bytes.length / 2);
  if (bytes[i] === 0x2e) i += 1; // not one of the JWE's dots
  const b = bytes[i]!;
  const isBase64Url = /[A-Za-z0-9_-]/.test(String.fromCharCode(b));
  bytes[i] = isBase64Url ? (b === 0x41 ? 0x42 : 0x41) : b ^ 0xff;
  writeFileSync(to, bytes);
}

test.describe('bundles from auditors to the QA sub-committee', () => {
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
    return { ws, host, api: httpApi(host) };
  }

  test('two auditors sign and export; the QA sub-committee imports, refuses a tampered bundle and checks an unknown signer', async ({
    page,
    context,
  }) => {
    test.setTimeout(480_000);
    const [one, two, qa] = await Promise.all([installation(), installation(), installation()]);
    const files = qa.ws.dir;

    // Each auditor's complete (not yet signed) audit, built through the API; the QA board set up.
    const [agenciesOne, agenciesTwo] = await Promise.all([
      setUpBoard(one.api, 'Northshire Safeguarding Children Partnership'),
      setUpBoard(two.api, 'Northshire Safeguarding Children Partnership'),
      setUpBoard(qa.api, 'Northshire Safeguarding Children Partnership'),
    ]);
    const titleOne = 'MASH repeat audit, spring 2027';
    const titleTwo = 'Neglect audit, spring 2027';
    await Promise.all([
      buildDemoAudit(one.api, { title: titleOne, cases: 3, seed: 11, agencyIds: agenciesOne }),
      buildDemoAudit(two.api, { title: titleTwo, cases: 2, seed: 22, agencyIds: agenciesTwo }),
    ]);

    const qaPage = page;
    const onePage = await context.newPage();
    const twoPage = await context.newPage();
    await Promise.all([qaPage.goto(qa.host.url), onePage.goto(one.host.url), twoPage.goto(two.host.url)]);
    for (const p of [qaPage, onePage, twoPage]) await expectScreen(p, 'Audits');

    // --- The QA sub-committee creates its identity and downloads its card -----------------------
    const qaPerson = { name: 'Pat Quality', role: 'Chair of the QA sub-committee', agency: 'Northshire SCP' };
    const qaCard = await createIdentity(qaPage, qaPerson, files, true);
    const qaIdentity = (await qa.api['identity.get']({}))!;
    await expect(qaPage.locator('#own-fingerprint')).toHaveText(qaIdentity.fingerprint);

    // --- Auditor 2 cannot sign before having an identity ---------------------------------------
    await twoPage.getByRole('link', { name: titleTwo }).click();
    await expectScreen(twoPage, titleTwo);
    await twoPage.getByRole('link', { name: 'Review and sign' }).click();
    await expectScreen(twoPage, 'Check your answers before signing revision 1');
    const blockers = twoPage.getByRole('alert').filter({ hasText: 'You cannot sign this audit yet' });
    await expect(blockers).toContainText('Create your identity first');
    await expect(twoPage.getByRole('button', { name: 'Sign revision 1' })).toBeDisabled();
    await expect(twoPage).toHaveTitle(/^Error: /);
    await expectAccessible(twoPage, 'review and sign (blocked)');
    await shot(twoPage, 'review-and-sign-blocked');

    // --- Auditor 1: identity, the QA card as recipient, sign, export, then a second revision -----
    const personOne = { name: 'Alex Auditor', role: 'Independent auditor', agency: 'Audit Partners Ltd' };
    const cardOne = await createIdentity(onePage, personOne, files);
    await enrolCard(onePage, qaCard, true, true);
    const keysOne = onePage.getByRole('table', { name: 'Keys you trust' });
    const qaRow = keysOne.getByRole('row', { name: /Pat Quality/ });
    await expect(qaRow).toContainText('QA sub-committee');
    await expect(qaRow).toContainText('The bundles you export are encrypted to it.');
    await expect(qaRow).toContainText(qaIdentity.fingerprint);
    await expectAccessible(onePage, 'trusted keys (enrolled)');
    await shot(onePage, 'trusted-keys');

    await nav(onePage, 'Audits').click();
    await onePage.getByRole('link', { name: titleOne }).click();
    await expectScreen(onePage, titleOne);
    await expectAccessible(onePage, 'audit overview (ready to sign)');
    await reviewAndSign(onePage, titleOne, 1, true);
    // What was signed is what the preview showed: the counts of the built audit.
    await expectAccessible(onePage, 'send the signed audit');
    const bundleOne = await exportBundle(onePage, files, 'one-r1.caseaudit', true);

    await onePage.getByRole('button', { name: 'Start a new revision' }).click();
    await expectScreen(onePage, titleOne);
    await expect(onePage.getByText('Revision 2 started')).toBeVisible();
    await expectAccessible(onePage, 'audit overview (revision 2 started)');
    await reviewAndSign(onePage, titleOne, 2);
    const bundleOneR2 = await exportBundle(onePage, files, 'one-r2.caseaudit');

    // --- Auditor 2: identity, the QA card, sign, export ---------------------------------------
    const personTwo = { name: 'Sam Second', role: 'Independent auditor', agency: 'Second Opinion Audits' };
    await createIdentity(twoPage, personTwo, files);
    await enrolCard(twoPage, qaCard, true);
    await nav(twoPage, 'Audits').click();
    await twoPage.getByRole('link', { name: titleTwo }).click();
    await reviewAndSign(twoPage, titleTwo, 1);
    const bundleTwo = await exportBundle(twoPage, files, 'two-r1.caseaudit');
    const fingerprintTwo = (await two.api['identity.get']({}))!.fingerprint;

    // --- The QA sub-committee trusts auditor 1 (only) ------------------------------------------
    await enrolCard(qaPage, cardOne, false);
    await expect(
      qaPage.getByRole('table', { name: 'Keys you trust' }).getByRole('row', { name: /Alex Auditor/ }),
    ).toContainText('Trusted');

    // --- A bundle is changed on the way ----------------------------------------------------------
    const tampered = join(files, 'one-r1-tampered.caseaudit');
    tamper(bundleOne, tampered);

    // --- Import: all four files, one at a time, with progress ------------------------------------
    await nav(qaPage, 'Import bundles').click();
    await expectScreen(qaPage, 'Import bundles');
    await expectAccessible(qaPage, 'import bundles');
    await qaPage.getByRole('button', { name: 'Import bundles' }).click();
    await expect(
      qaPage.getByRole('alert').getByRole('link', { name: 'Choose one or more bundle files to import' }),
    ).toBeVisible();
    await expectAccessible(qaPage, 'import bundles (no files chosen)');

    // Each import answers a little late, a second after the one before (the page sends two at a time),
    // so the progress can be seen.
    let lastLetGo = Promise.resolve();
    await qaPage.route('**/rpc/bundles.import', async (route) => {
      const letGo = lastLetGo.then(() => new Promise<void>((resolve) => setTimeout(resolve, 1000)));
      lastLetGo = letGo;
      await letGo;
      await route.continue();
    });
    await qaPage.getByLabel('Bundle files').setInputFiles([tampered, bundleOne, bundleOneR2, bundleTwo]);
    await qaPage.getByRole('button', { name: 'Import bundles' }).click();
    const progress = qaPage.getByRole('progressbar');
    await expect(qaPage.getByText('Importing 2 of 4…')).toBeVisible();
    await shot(qaPage, 'import-progress');
    await expect(qaPage.getByLabel('Importing 2 of 4…')).toHaveJSProperty('value', 1);
    await expect(qaPage.getByRole('status').filter({ has: progress })).toHaveAttribute('aria-live', 'polite');
    await expectAccessible(qaPage, 'import bundles (importing)');
    await expect(qaPage.getByText('2 of 4 files imported: 1 waiting in quarantine, 1 refused')).toBeVisible({
      timeout: 60_000,
    });
    await expect(progress).toHaveJSProperty('value', 4);
    await expect(progress).toHaveJSProperty('max', 4);
    await qaPage.unroute('**/rpc/bundles.import');

    const results = qaPage.getByRole('table', { name: 'What happened to each file' });
    const row = (file: string) => results.getByRole('row', { name: new RegExp(file.replace(/\./g, '\\.')) });
    await expect(row('one-r1-tampered.caseaudit')).toContainText('Refused');
    await expect(row('one-r1-tampered.caseaudit')).toContainText(
      /Refused: decryption — the bundle is encrypted for another recipient, or was altered on the way/,
    );
    await expect(row('one-r1.caseaudit')).toContainText('Added');
    await expect(row('one-r1.caseaudit')).toContainText(titleOne);
    await expect(row('one-r2.caseaudit')).toContainText('Superseded revision 1');
    await expect(row('two-r1.caseaudit')).toContainText('Waiting in quarantine');
    await expect(row('two-r1.caseaudit')).toContainText(fingerprintTwo);
    await expect(
      qaPage.getByText('1 added, 1 superseded an older revision, 1 waiting in quarantine, 1 refused.'),
    ).toBeVisible();
    await expect(qaPage.getByRole('heading', { name: 'Results' })).toBeFocused();
    await expectAccessible(qaPage, 'import bundles (results)');
    await shot(qaPage, 'import-results');

    // --- The quarantine: check the fingerprint, accept -------------------------------------------
    await row('two-r1.caseaudit').getByRole('link', { name: 'Check it in the quarantine' }).click();
    await expectScreen(qaPage, 'Bundles in quarantine');
    const item = qaPage.getByRole('region', { name: titleTwo });
    await expect(item).toContainText('Sam Second');
    await expect(item).toContainText('Second Opinion Audits');
    await expect(item.locator('code').last()).toHaveText(fingerprintTwo);
    await expect(qaPage.getByText('ask them to read out the safety number')).toBeVisible();
    await expectAccessible(qaPage, 'quarantine');
    await shot(qaPage, 'quarantine');
    await item.getByLabel('I have compared this number with the one the signer read to me').check();
    await item.getByRole('button', { name: /^Accept and trust this signer/ }).click();
    await expect(qaPage.getByRole('alert').filter({ hasText: 'Sam Second’s key is now trusted' })).toBeVisible({
      timeout: 30_000,
    });
    await expect(qaPage.getByText('There are no bundles waiting in quarantine.')).toBeVisible();
    await expectAccessible(qaPage, 'quarantine (accepted)');

    const imported = await qa.api['audits.list']({});
    expect(imported.map((a) => [a.title, a.revision, a.origin]).sort()).toEqual([
      [titleOne, 2, 'imported'],
      [titleTwo, 1, 'imported'],
    ]);

    // --- Revoke auditor 1's key, with a reason; their bundles are refused from now on --------------
    await keys(qaPage, 'Trusted keys');
    const keysQa = qaPage.getByRole('table', { name: 'Keys you trust' });
    await expect(keysQa.getByRole('row', { name: /Sam Second/ })).toContainText('Trusted');
    await keysQa.getByRole('link', { name: 'Revoke Alex Auditor’s key' }).click();
    await expectScreen(qaPage, 'Revoke Alex Auditor’s key');
    await expectAccessible(qaPage, 'revoke a key');
    await qaPage.getByRole('button', { name: 'Revoke key' }).click();
    await expect(
      qaPage.getByRole('alert').getByRole('link', { name: 'Say why you are revoking this key' }),
    ).toBeVisible();
    await expectAccessible(qaPage, 'revoke a key (no reason)');
    // With the keyboard alone: the summary's link to the box, type, Tab to the button, Enter.
    await qaPage.getByRole('alert').getByRole('link', { name: 'Say why you are revoking this key' }).press('Enter');
    await expect(qaPage.getByLabel('Why are you revoking this key?')).toBeFocused();
    await qaPage.keyboard.type('The auditor’s laptop was lost on 3 March.');
    await qaPage.keyboard.press('Tab');
    await expect(qaPage.getByRole('button', { name: 'Revoke key' })).toBeFocused();
    await qaPage.keyboard.press('Enter');
    await expectScreen(qaPage, 'Trusted keys');
    await expect(qaPage.getByText('Alex Auditor’s key is revoked')).toBeVisible();
    const revokedRow = keysQa.getByRole('row', { name: /Alex Auditor/ });
    await expect(revokedRow).toContainText('Revoked');
    await expect(revokedRow).toContainText('The auditor’s laptop was lost on 3 March.');
    await expect(revokedRow.getByRole('link', { name: /Revoke/ })).toHaveCount(0);
    await expectAccessible(qaPage, 'trusted keys (revoked)');

    await nav(qaPage, 'Import bundles').click();
    await qaPage.getByLabel('Bundle files').setInputFiles([bundleOneR2]);
    await qaPage.getByRole('button', { name: 'Import bundles' }).click();
    await expect(qaPage.getByText('0 of 1 file imported: 1 refused')).toBeVisible({ timeout: 30_000 });
    await expect(results.getByRole('row', { name: /one-r2/ })).toContainText('Refused: revoked');

    // The imported audit's overview says where it came from, and offers no signing.
    await nav(qaPage, 'Audits').click();
    await qaPage.getByRole('link', { name: titleTwo }).click();
    await expectScreen(qaPage, titleTwo);
    await expect(qaPage.getByText('imported from its auditor’s signed bundle')).toBeVisible();
    await expect(qaPage.getByRole('link', { name: 'Review and sign' })).toHaveCount(0);
    await expectAccessible(qaPage, 'audit overview (imported)');
  });

  test('a bulk import cancelled part-way: the files done keep their outcome, the rest are left, and only those done are in the database', async ({
    page,
  }) => {
    test.setTimeout(240_000);
    const [auditor, qa] = await Promise.all([installation(), installation()]);
    const [agencies] = await Promise.all([
      setUpBoard(auditor.api, 'Northshire Safeguarding Children Partnership'),
      setUpBoard(qa.api, 'Northshire Safeguarding Children Partnership'),
    ]);
    await auditor.api['identity.create']({
      name: 'Alex Auditor',
      role: 'Independent auditor',
      agency: 'Audit Partners',
    });
    await qa.api['trust.enrol']({
      card: (await auditor.api['identity.card']({})).json,
      asRecipient: false,
      safetyNumberCompared: true,
    });

    // Five signed audits, each exported as its own bundle file (unencrypted: no recipient here).
    const titles = [
      'CSE audit 2027',
      'Neglect audit 2027',
      'MASH audit 2027',
      'Disability audit 2027',
      'Missing audit 2027',
    ];
    const files: string[] = [];
    for (const [i, title] of titles.entries()) {
      const auditId = await buildDemoAudit(auditor.api, { title, cases: 1, seed: 40 + i, agencyIds: agencies });
      const preview = await auditor.api['audits.signingPreview']({ auditId });
      expect(preview.blockers).toEqual([]);
      await auditor.api['audits.sign']({ auditId, contentHash: preview.contentHash });
      const bundle = await auditor.api['bundles.export']({ auditId, encrypt: false });
      const path = join(qa.ws.dir, `${i + 1}-${title.split(' ')[0]!.toLowerCase()}.caseaudit`);
      writeFileSync(path, Buffer.from(bundle.base64, 'base64'));
      files.push(path);
    }
    const names = files.map((f) => f.slice(f.lastIndexOf('/') + 1));

    await page.goto(qa.host.url);
    await expectScreen(page, 'Audits');
    await nav(page, 'Import bundles').click();
    await expectScreen(page, 'Import bundles');

    // The second file's request is held until Cancel has been pressed (nothing is slowed down: it
    // goes through as soon as the test lets it), so the cancel lands while file 2 is on its way, and
    // file 3 with it: the page sends the next file while the one before is written.
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    let calls = 0;
    await page.route('**/rpc/bundles.import', async (route) => {
      calls += 1;
      if (calls === 2) await held;
      await route.continue();
    });
    await page.getByLabel('Bundle files').setInputFiles(files);
    await page.getByRole('button', { name: 'Import bundles' }).click();
    // File 1 done, files 2 and 3 on their way.
    await expect(page.getByLabel('Importing 2 of 5…')).toHaveJSProperty('value', 1);
    await expect.poll(() => calls).toBe(3);
    const cancel = page.getByRole('button', { name: 'Cancel import' });
    await expect(cancel).toHaveClass(/govuk-button--secondary/);
    await expectAccessible(page, 'import bundles (importing, can cancel)');
    await cancel.click();
    await expect(page.getByRole('button', { name: 'Cancelling…' })).toBeFocused();
    await expect(page.getByText('Cancelling: finishing file 2 of 5…')).toBeVisible();
    release();

    await expect(page.getByText('Import cancelled after 3 of 5 files')).toBeVisible({ timeout: 60_000 });
    await expect(page.getByRole('button', { name: /Cancel/ })).toHaveCount(0);
    await expect(page.getByRole('progressbar')).toHaveJSProperty('value', 3);
    await expect(page.getByText(/Import cancelled: 3 of 5 files imported .*, 2 left not imported/)).toBeVisible();
    await expect(page.getByText('3 added, 2 not imported.')).toBeVisible();
    const results = page.getByRole('table', { name: 'What happened to each file' });
    const row = (name: string) => results.getByRole('row', { name: new RegExp(name.replace(/\./g, '\\.')) });
    await expect(results.getByRole('row')).toHaveCount(6); // the header and five files
    await expect(row(names[0]!)).toContainText('Added');
    await expect(row(names[0]!)).toContainText(titles[0]!);
    await expect(row(names[1]!)).toContainText('Added');
    await expect(row(names[1]!)).toContainText(titles[1]!);
    await expect(row(names[2]!)).toContainText('Added');
    await expect(row(names[2]!)).toContainText(titles[2]!);
    for (const name of names.slice(3)) {
      await expect(row(name).getByRole('cell').nth(0)).toHaveText('Not imported');
      await expect(row(name).getByRole('cell').nth(1)).toHaveText('Cancelled before this file');
    }
    await expect(page.getByRole('heading', { name: 'Results' })).toBeFocused();
    await expectAccessible(page, 'import bundles (cancelled)');
    await page.unroute('**/rpc/bundles.import');
    // Only the files sent before the cancel were imported: two requests never left the page.
    expect(calls).toBe(3);
    const imported = await qa.api['audits.list']({});
    expect(imported.map((a) => a.title).sort()).toEqual([titles[0], titles[1], titles[2]].sort());
    expect(imported.every((a) => a.origin === 'imported')).toBe(true);

    // The files left can be chosen again, and import as usual.
    await page.getByLabel('Bundle files').setInputFiles(files.slice(3));
    await page.getByRole('button', { name: 'Import bundles' }).click();
    await expect(page.getByText('2 files imported')).toBeVisible({ timeout: 60_000 });
    expect((await qa.api['audits.list']({})).map((a) => a.title).sort()).toEqual([...titles].sort());

    // Imported audits are indexed for search in the background soon after the import.
    await expect.poll(async () => (await qa.api['search.indexStatus']({})).pendingAudits, { timeout: 30_000 }).toBe(0);
    // One more, whose indexing is stopped before it starts: Search says so and can start it.
    const lateId = await buildDemoAudit(auditor.api, {
      title: 'Exploitation audit 2028',
      cases: 1,
      seed: 60,
      agencyIds: agencies,
    });
    const latePreview = await auditor.api['audits.signingPreview']({ auditId: lateId });
    await auditor.api['audits.sign']({ auditId: lateId, contentHash: latePreview.contentHash });
    const late = await auditor.api['bundles.export']({ auditId: lateId, encrypt: false });
    const [lateFinding] = await auditor.api['findings.list']({ auditId: lateId });
    expect((await qa.api['bundles.import']({ fileName: late.fileName, base64: late.base64 })).outcome).toBe('added');
    expect(await qa.api['search.indexStop']({})).toMatchObject({ pendingAudits: 1, running: false });

    await nav(page, 'Search').click();
    await expectScreen(page, 'Search');
    await expect(
      page.getByRole('status').filter({ hasText: '1 imported audit is not indexed for search yet' }),
    ).toBeVisible();
    const words = lateFinding!.text.split(' ').slice(0, 4).join(' ');
    await page.getByLabel('Search findings, recommendations, actions and evidence notes').fill(words);
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    const found = page.locator('main');
    await expect(found.getByText(/result/).first()).toBeVisible();
    await expect(found.getByText('Exploitation audit 2028')).toHaveCount(0);
    await expectAccessible(page, 'search (an imported audit waits to be indexed)');
    await page.getByRole('button', { name: 'Index them now' }).click();
    await expect(page.getByText('Every imported audit is now indexed for search.')).toBeVisible({ timeout: 30_000 });
    // The results are asked for again: the finding of the newly indexed audit is there.
    await expect(found.getByText('Exploitation audit 2028').first()).toBeVisible();
    await expectAccessible(page, 'search (indexed)');
  });

  test('settings: idle lock saved, lock now, a locked call shows the unlock screen, backups made, listed and restored', async ({
    page,
  }) => {
    test.setTimeout(240_000);
    const { host, api } = await installation();
    await setUpBoard(api, 'Northshire Safeguarding Children Partnership');
    await page.goto(host.url);
    await expectScreen(page, 'Audits');

    // --- Idle lock ---------------------------------------------------------------------------
    await nav(page, 'Settings').click();
    await expectScreen(page, 'Settings');
    const minutes = page.getByLabel('Lock after this many minutes without use');
    await expect(minutes).toHaveValue('15');
    await expectAccessible(page, 'settings');
    await minutes.fill('0');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    const problem = page
      .getByRole('alert')
      .getByRole('link', { name: 'Enter a whole number of minutes between 1 and 240' });
    await expect(problem).toBeVisible();
    await expectAccessible(page, 'settings (with an error)');
    // With the keyboard alone: follow the summary's link, retype, submit with Enter.
    await problem.press('Enter');
    await expect(minutes).toBeFocused();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('30');
    await page.keyboard.press('Enter');
    await expect(
      page.getByRole('alert').filter({ hasText: 'Case Audit now locks after 30 minutes without use' }),
    ).toBeVisible();
    expect((await api['session.status']({})).idleLockMinutes).toBe(30);
    await shot(page, 'settings');

    // --- Lock now, then unlock: back where we were --------------------------------------------
    await page.getByRole('button', { name: 'Lock now' }).click();
    await expectScreen(page, 'Unlock Case Audit');
    await expect(page.getByText(/locks itself after 30 minutes without use/)).toBeVisible();
    await expectAccessible(page, 'unlock');
    await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
    await page.getByRole('button', { name: 'Unlock' }).click();
    await expectScreen(page, 'Settings', 60_000);
    await expect(minutes).toHaveValue('30');

    // --- Locked behind the screen's back (as after idle time): the next call shows the unlock screen
    await api['session.lock']({});
    await nav(page, 'Keys').click();
    await expectScreen(page, 'Unlock Case Audit');
    await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
    await page.getByRole('button', { name: 'Unlock' }).click();
    await expectScreen(page, 'Your identity', 60_000);
    await expect(page.getByRole('button', { name: 'Create your identity' })).toBeVisible();

    // --- Backups: make one; it is listed ---------------------------------------------------------
    await nav(page, 'Settings').click();
    await page.getByRole('link', { name: 'See the backups, make one or restore one' }).click();
    await expectScreen(page, 'Backups');
    await expectAccessible(page, 'backups');
    await page.getByRole('button', { name: 'Make a backup now' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'Backup made' })).toBeVisible();
    const backups = page.getByRole('table', { name: /\d+ backups?/ });
    await expect(backups.getByRole('row').filter({ hasText: 'Made by hand' })).toHaveCount(1);
    await expectAccessible(page, 'backups (made one)');
    await shot(page, 'backups');

    // --- Restore it: the passphrase again, and the current database kept -----------------------------
    await backups
      .getByRole('row')
      .filter({ hasText: 'Made by hand' })
      .getByRole('link', { name: /^Restore/ })
      .click();
    await expectScreen(page, 'Restore a backup');
    await expect(page.getByText('the current database is kept as a “before a restore” backup')).toBeVisible();
    await expectAccessible(page, 'restore a backup');
    await page.getByLabel('Passphrase', { exact: true }).fill('not the passphrase at all');
    await page.getByRole('button', { name: 'Restore this backup' }).click();
    await expect(
      page.getByRole('alert').getByRole('link', { name: 'The passphrase is not right: check it and try again' }),
    ).toBeVisible();
    await expectAccessible(page, 'restore a backup (wrong passphrase)');
    await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
    await page.getByRole('button', { name: 'Restore this backup' }).click();
    // Restoring derives the key from the passphrase twice and checks the backup: slow on a busy machine.
    await expectScreen(page, 'Backup restored', 60_000);
    await expect(page.getByText(/Kept as the backup .*-pre-restore\.db/)).toBeVisible();
    await expectAccessible(page, 'backup restored');
    await shot(page, 'backup-restored');
    await page.getByRole('button', { name: 'Continue' }).click();
    await expectScreen(page, 'Backups');
    await expect(backups.getByRole('row').filter({ hasText: 'Before a restore' })).toHaveCount(1);
  });
});
