// The real desktop app through Playwright's Electron launcher, on a fresh database in a temporary
// folder. It needs Electron's binary, which cannot be downloaded on the project's build machines:
// there the whole file is skipped with one line, and the same checks run under plain Node instead
// (tests/unit/windowPolicy.test.ts, tests/unit/preloadBundle.test.ts).
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { METHOD_NAMES } from '../../shared/methodNames.js';
import { tempDir } from '../helpers/tmp.js';

const ROOT = join(import.meta.dirname, '..', '..');

/** The npm package resolves to the binary's path, or throws when the binary was never downloaded. */
function electronInstalled(): boolean {
  try {
    const path: unknown = createRequire(import.meta.url)('electron');
    return typeof path === 'string' && existsSync(path);
  } catch {
    return false;
  }
}

const SKIP_REASON =
  'Electron binary is not installed on this machine (it cannot be downloaded here); the Electron end-to-end test runs where it is.';
const installed = electronInstalled();
test.skip(!installed, SKIP_REASON);
// Reporters list skipped tests without their reason: say it once, where the file is collected.
if (!installed && !process.env.TEST_WORKER_INDEX) console.log(SKIP_REASON);

type Bridge = Record<string, (input?: unknown) => Promise<{ ok: boolean; value?: unknown; error?: { code: string } }>>;

let nativeBinding = '';
let app: ElectronApplication;
let page: Page;
let tmp: ReturnType<typeof tempDir>;
let dbPath: string;

test.beforeAll(() => {
  // Electron's own build of the SQLite module (compiled once, a few minutes, into dist/native).
  test.setTimeout(15 * 60_000);
  const built = spawnSync(process.execPath, [join(ROOT, 'bin', 'electron-native.js')], { cwd: ROOT, encoding: 'utf8' });
  if (built.status !== 0) throw new Error(`could not build the SQLite module for Electron:\n${built.stderr}`);
  nativeBinding = built.stdout.trim().split('\n').at(-1) ?? '';
});

test.beforeEach(async () => {
  tmp = tempDir('case-audit-electron-');
  dbPath = join(tmp.dir, 'e2e.db');
  app = await electron.launch({
    args: [ROOT, '--db', dbPath],
    cwd: ROOT,
    env: { ...process.env, CASE_AUDIT_NATIVE_BINDING: nativeBinding },
  });
  page = await app.firstWindow();
});

test.afterEach(async () => {
  await app.close();
  tmp.cleanup();
});

test('opens the first-run screen from app:// in a window without Node', async () => {
  await expect(page.getByRole('heading', { name: 'Set up your partnership' })).toBeVisible();
  expect(page.url()).toMatch(/^app:\/\/case-audit\//);
  const globals = await page.evaluate(() => {
    const g = globalThis as unknown as Record<string, unknown>;
    return {
      require: typeof g.require,
      process: typeof g.process,
      module: typeof g.module,
      ipcRenderer: typeof g.ipcRenderer,
    };
  });
  expect(globals).toEqual({
    require: 'undefined',
    process: 'undefined',
    module: 'undefined',
    ipcRenderer: 'undefined',
  });
});

test('exposes exactly the contract on window.caseAudit, answering from the chosen database', async () => {
  const keys = await page.evaluate(() =>
    Object.keys((globalThis as unknown as { caseAudit: Bridge }).caseAudit).sort(),
  );
  expect(keys).toEqual([...METHOD_NAMES, 'on'].sort());
  const info = await page.evaluate(() => (globalThis as unknown as { caseAudit: Bridge }).caseAudit['app.info']!({}));
  expect(info).toMatchObject({ ok: true, value: { databasePath: dbPath } });
  const bad = await page.evaluate(() =>
    (globalThis as unknown as { caseAudit: Bridge }).caseAudit['audits.get']!({ auditId: 42 }),
  );
  expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
});

test('sends the Content Security Policy with the interface', async () => {
  const csp = await page.evaluate(async () => (await fetch('/')).headers.get('content-security-policy'));
  expect(csp).toContain("script-src 'self'");
  expect(csp).toContain("default-src 'none'");
});

test('blocks new windows', async () => {
  const opened = await page.evaluate(() => [
    window.open('https://example.com/') === null,
    window.open('app://case-audit/') === null,
    window.open('file:///etc/passwd') === null,
  ]);
  expect(opened).toEqual([true, true, true]);
  // Give a window that slipped through the time to appear.
  await page.waitForTimeout(500);
  expect(app.windows()).toHaveLength(1);
});

test('opens a presentation’s audience view as a second window with no bridge, showing the slides it is sent', async () => {
  const key = 'panel:0b5e8f7a-1c2d-4e3f-8a9b-0c1d2e3f4a5b';
  const popup = app.waitForEvent('window');
  await page.evaluate(() =>
    window.open('app://case-audit/#/panels/0b5e8f7a-1c2d-4e3f-8a9b-0c1d2e3f4a5b/present/audience', 'audience'),
  );
  const audience = await popup;
  await expect(audience.getByRole('heading', { level: 1, name: 'Waiting for the presenter' })).toBeVisible();
  expect(await audience.evaluate(() => 'caseAudit' in globalThis)).toBe(false);
  // What the presenter's window sends, the audience window shows.
  await page.evaluate((k) => {
    const channel = new BroadcastChannel('case-audit.presentation');
    channel.postMessage({
      type: 'slide',
      key: k,
      slide: {
        title: 'A panel',
        position: 'Item 1 of 2',
        heading: 'Checks are late',
        blocks: [],
        tag: null,
        note: null,
        mark: null,
      },
    });
    channel.close();
  }, key);
  await expect(audience.getByRole('heading', { level: 1 })).toContainText('Item 1 of 2');
  expect(app.windows()).toHaveLength(2);
});

test('blocks navigation away from the app', async () => {
  await expect(page.getByRole('heading', { name: 'Set up your partnership' })).toBeVisible();
  for (const target of ['https://example.com/', 'file:///etc/passwd', 'data:text/html,<h1>elsewhere</h1>']) {
    await page.evaluate((url) => {
      window.location.href = url;
    }, target);
    await page.waitForTimeout(500);
    expect(page.url()).toMatch(/^app:\/\/case-audit\//);
  }
  await expect(page.getByRole('heading', { name: 'Set up your partnership' })).toBeVisible();
  expect(app.windows()).toHaveLength(1);
});

test('brings a .caseaudit file given to a second launch to the running app’s import screen, as chosen', async () => {
  const bridgeCall = (method: string, input: unknown) =>
    page.evaluate(([m, i]) => (globalThis as unknown as { caseAudit: Bridge }).caseAudit[m as string]!(i), [
      method,
      input,
    ] as const);
  expect(
    await bridgeCall('board.setup', {
      name: 'Northshire Safeguarding Children Partnership',
      agencies: [{ name: 'Police', kind: 'police' }],
    }),
  ).toMatchObject({ ok: true });
  await page.reload();
  const bundle = join(tmp.dir, 'police-r1.caseaudit');
  writeFileSync(bundle, Buffer.from('PK\u0003\u0004 not really a bundle'));
  // What double-clicking the file does while the app runs: a second launch, which hands its
  // arguments to this one through the single-instance lock and quits.
  const binary = createRequire(import.meta.url)('electron') as string;
  const second = spawnSync(binary, [ROOT, '--db', dbPath, bundle], {
    cwd: tmp.dir,
    env: { ...process.env, CASE_AUDIT_NATIVE_BINDING: nativeBinding },
    timeout: 60_000,
  });
  expect(second.status).toBe(0);
  await expect(page.getByTestId('opened-bundles')).toContainText('police-r1.caseaudit');
  expect(page.url()).toContain('#/import');
  expect(app.windows()).toHaveLength(1);
});

test('enforces a machine-wide policy and says what it manages', async () => {
  await app.close();
  const policy = join(tmp.dir, 'policy.json');
  writeFileSync(policy, JSON.stringify({ format: 'case-audit-policy', formatVersion: 1, maxIdleLockMinutes: 5 }));
  app = await electron.launch({
    args: [ROOT, '--db', dbPath],
    cwd: ROOT,
    env: { ...process.env, CASE_AUDIT_NATIVE_BINDING: nativeBinding, CASE_AUDIT_POLICY: policy },
  });
  page = await app.firstWindow();
  const call = (method: string, input: unknown) =>
    page.evaluate(([m, i]) => (globalThis as unknown as { caseAudit: Bridge }).caseAudit[m as string]!(i), [
      method,
      input,
    ] as const);
  expect(await call('settings.policy', {})).toMatchObject({
    ok: true,
    value: { source: policy, problem: null, maxIdleLockMinutes: 5, managed: ['maxIdleLockMinutes'] },
  });
  expect(await call('settings.setIdleLock', { minutes: 30 })).toMatchObject({
    ok: false,
    error: { code: 'VALIDATION' },
  });
});
