// A forgotten passphrase, in the real interface: the unlock screen offers the recovery key, which
// opens the database and sets a new passphrase; a wrong one is refused on the form; the old
// passphrase no longer unlocks, the new one does.
import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { createDatabaseKey } from '../../electron/security/databaseKey.js';
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
