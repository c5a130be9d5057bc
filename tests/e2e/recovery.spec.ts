// The recovery key in the real interface: shown once at set-up (saved as a file, or confirmed as
// written down before going on); and with a forgotten passphrase, the unlock screen offers it, which
// opens the database and sets a new passphrase; a wrong one is refused on the form; the old
// passphrase no longer unlocks, the new one does.
import { expect, test } from '@playwright/test';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createDatabaseKey } from '../../electron/security/databaseKey.js';
import { DEFAULT_AGENCIES } from '../../shared/board.js';
import { e2eWorkspace, startHost, type E2eHost, type E2eWorkspace } from './host.js';
import { expectAccessible, httpApi } from './support.js';

const NEW_PASSPHRASE = 'chosen after the recovery';
let workspace: E2eWorkspace;
let host: E2eHost;
let recoveryKey: string;

test.beforeAll(async () => {
  workspace = e2eWorkspace();
  // The database as the set-up screen makes it: with a recovery key, here kept by the test.
  const passphrase = readFileSync(workspace.passphraseFile, 'utf8').trim();
  ({ recoveryKey } = await createDatabaseKey(workspace.dbPath, passphrase));
  host = await startHost(workspace);
});
test.afterAll(async () => {
  await host.stop();
  workspace.cleanup();
});

test('forgotten passphrase: the recovery key opens the database and sets a new passphrase', async ({ page }) => {
  await httpApi(host.url)['session.lock']({});
  await page.goto(host.url);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Unlock Case Audit');
  await page.getByRole('button', { name: 'Forgotten your passphrase? Use your recovery key' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Use your recovery key');
  await expectAccessible(page, 'use your recovery key');

  const submit = page.getByRole('button', { name: 'Recover and set the new passphrase' });
  const wrong = recoveryKey.replace(/^./, (c) => (c === '0' ? '1' : '0'));
  await page.getByLabel('Recovery key').fill(wrong);
  await page.getByLabel('New passphrase', { exact: true }).fill(NEW_PASSPHRASE);
  await page.getByLabel('Type the new passphrase again').fill(NEW_PASSPHRASE);
  await submit.click();
  const summary = page.getByRole('alert');
  await expect(summary).toContainText('The recovery key is not right: check it and try again');
  await expect(summary).toBeFocused();
  await expectAccessible(page, 'use your recovery key (wrong key)');

  await page.getByLabel('Recovery key').fill(recoveryKey.toLowerCase());
  await submit.click();
  await expect(page.getByRole('heading', { level: 1 })).not.toHaveText(/Unlock Case Audit|Use your recovery key/);
  expect(await httpApi(host.url)['session.status']({})).toMatchObject({ locked: false });

  await httpApi(host.url)['session.lock']({});
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Unlock Case Audit');
  const field = page.getByLabel('Passphrase');
  await field.fill(readFileSync(workspace.passphraseFile, 'utf8').trim());
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(summary).toContainText('The passphrase is not right');
  await field.fill(NEW_PASSPHRASE);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByRole('heading', { level: 1 })).not.toHaveText('Unlock Case Audit');
});

test('set-up shows the recovery key once, saved as a file or confirmed as written down', async ({ page }) => {
  const first = e2eWorkspace();
  const child = spawn(
    process.execPath,
    [join(import.meta.dirname, '..', 'fixtures', 'firstRunHost.mjs'), first.dbPath],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout.setEncoding('utf8').on('data', (c: string) => {
        out += c;
        const m = /Case Audit is running at (\S+)/.exec(out);
        if (m?.[1]) resolve(m[1]);
      });
      child.once('exit', (code) => reject(new Error(`the host exited (${code})`)));
    });
    await page.goto(url);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Choose a passphrase');
    const passphrase = 'the first passphrase of this laptop';
    await page.getByLabel('Passphrase', { exact: true }).fill(passphrase);
    await page.getByLabel('Type the passphrase again').fill(passphrase);
    await page.getByRole('button', { name: 'Create the database' }).click();

    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your recovery key');
    const shown = (await page.locator('#recovery-key').innerText()).trim();
    expect(shown).toMatch(/^([0-9A-HJKMNP-TV-Z]{4}-){7}[0-9A-HJKMNP-TV-Z]{4}$/);
    await expectAccessible(page, 'your recovery key');
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Save the recovery key as a file' }).click();
    const file = await (await download).path();
    expect(readFileSync(file, 'utf8')).toContain(shown);

    // Not without the confirmation.
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(page.getByRole('alert')).toContainText('Confirm that you have written down the recovery key');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your recovery key');
    await page.getByLabel('I have written down the recovery key or saved the file somewhere safe').check();
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(page.getByRole('heading', { level: 1 })).not.toHaveText('Your recovery key');

    // The key shown is the database's: it recovers it.
    const api = httpApi(url);
    await api['session.lock']({});
    const again = 'a passphrase set by the recovery key';
    expect(await api['session.recover']({ recoveryKey: shown, passphrase: again, confirm: again })).toMatchObject({
      locked: false,
    });
  } finally {
    child.kill('SIGTERM');
    first.cleanup();
  }
});

test('a database with no recovery key gets one in Settings, after the passphrase', async ({ page }) => {
  // `case-audit serve` made this database from its passphrase file: it has no recovery key.
  const cli = e2eWorkspace();
  const cliHost = await startHost(cli);
  try {
    const api = httpApi(cliHost.url);
    await api['board.setup']({ name: 'Northshire Safeguarding Children Partnership', agencies: [...DEFAULT_AGENCIES] });
    await page.goto(cliHost.url);
    await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Settings', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Settings');
    const make = page.getByRole('button', { name: 'Make a new recovery key' });
    await page.getByLabel('Your passphrase').fill('not the passphrase at all');
    await make.click();
    await expect(page.locator('#recovery-passphrase-error')).toContainText('The passphrase is not right');
    await page.getByLabel('Your passphrase').fill(readFileSync(cli.passphraseFile, 'utf8').trim());
    await make.click();
    const shown = (await page.locator('#new-recovery-key').innerText()).trim();
    expect(shown).toMatch(/^([0-9A-HJKMNP-TV-Z]{4}-){7}[0-9A-HJKMNP-TV-Z]{4}$/);
    await expectAccessible(page, 'settings (new recovery key)');

    await api['session.lock']({});
    const again = 'a passphrase set by the new recovery key';
    expect(await api['session.recover']({ recoveryKey: shown, passphrase: again, confirm: again })).toMatchObject({
      locked: false,
    });
  } finally {
    await cliHost.stop();
    cli.cleanup();
  }
});
