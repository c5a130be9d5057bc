// The identity backup through the real interface on two browser hosts (the old laptop and a new one):
// export a backup behind a passphrase, make a new encryption key, then restore the identity on the new
// laptop from its create-identity screen; a wrong passphrase is refused on the screen. axe on each state.
import { expect, test, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_AGENCIES } from '../../shared/board.js';
import type { Api } from '../../shared/contract.js';
import { e2eWorkspace, startHost, type E2eHost, type E2eWorkspace } from './host.js';
import { expectAccessible, httpApi } from './support.js';

const BOARD = 'Northshire Safeguarding Children Partnership';
const PASS = 'copper kettle harbour';

async function go(page: Page, path: string): Promise<void> {
  await page.evaluate((hash) => {
    window.location.hash = hash;
  }, path);
}
/** Set UI_SCREENSHOTS=/some/folder to keep a full-page screenshot of each state. */
async function shot(page: Page, name: string): Promise<void> {
  const dir = process.env.UI_SCREENSHOTS;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: join(dir, `${name}.png`), fullPage: true });
}
const heading = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name });

test.describe('identity backup', () => {
  const workspaces: E2eWorkspace[] = [];
  const hosts: E2eHost[] = [];
  test.afterEach(async () => {
    for (const host of hosts.splice(0)) await host.stop();
    for (const ws of workspaces.splice(0)) ws.cleanup();
  });
  async function laptop(): Promise<{ ws: E2eWorkspace; host: E2eHost; api: Api }> {
    const ws = e2eWorkspace();
    workspaces.push(ws);
    const host = await startHost(ws);
    hosts.push(host);
    const api = httpApi(host.url);
    await api['board.setup']({ name: BOARD, agencies: DEFAULT_AGENCIES.map((a) => ({ ...a, active: true })) });
    return { ws, host, api };
  }

  test('exports a backup on the old laptop and restores it on a new one', async ({ page }) => {
    test.setTimeout(240_000);
    const [old, fresh] = await Promise.all([laptop(), laptop()]);
    const me = await old.api['identity.create']({ name: 'Pat Quality', role: 'Chair, QA', agency: 'Northshire SCP' });

    await page.goto(old.host.url);
    await go(page, '/identity/backup');
    await expect(heading(page, 'Back up or restore your identity')).toBeVisible();
    await expectAccessible(page, 'identity backup');
    const problems = page.getByRole('alert').filter({ hasText: 'There is a problem' });
    await page.getByLabel('Choose a passphrase for the backup').fill('short');
    await page.getByRole('button', { name: 'Export identity backup' }).click();
    await expect(problems.getByRole('link', { name: 'Enter a passphrase of at least 12 characters' })).toBeVisible();
    await expectAccessible(page, 'identity backup (passphrase too short)');

    await page.getByLabel('Choose a passphrase for the backup').fill(PASS);
    await page.getByLabel('Type the passphrase again').fill(PASS);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export identity backup' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('pat-quality-identity-backup.jwe');
    const backupPath = join(old.ws.dir, download.suggestedFilename());
    await download.saveAs(backupPath);
    await expect(page.getByRole('alert').filter({ hasText: 'Your identity backup is saved' })).toBeVisible();

    await page.getByRole('button', { name: 'Make a new encryption key' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'You have a new encryption key' })).toBeVisible();
    await expect(page.getByRole('cell', { name: /^Retired on / })).toHaveCount(1);
    await expectAccessible(page, 'identity backup (a new encryption key)');
    await shot(page, 'identity-backup-new-key');

    // The new laptop: no identity yet, and its create screen points to the restore.
    await page.goto(fresh.host.url);
    await go(page, '/identity');
    await expect(heading(page, 'Your identity')).toBeVisible();
    await page.getByRole('link', { name: 'Restore your identity from its backup' }).click();
    await expect(page.getByRole('heading', { name: 'Restore your identity from a backup' })).toBeVisible();
    await page.getByLabel('Identity backup file').setInputFiles(backupPath);
    await page.getByLabel('The backup’s passphrase').fill('not the passphrase');
    await page.getByRole('button', { name: 'Restore identity' }).click();
    await expect(problems.getByRole('link', { name: /The backup passphrase is wrong/ })).toBeVisible();
    await expectAccessible(page, 'restore identity (wrong passphrase)');
    await shot(page, 'identity-restore-wrong-passphrase');
    expect(await fresh.api['identity.get']({})).toBeNull();

    await page.getByLabel('The backup’s passphrase').fill(PASS);
    await page.getByRole('button', { name: 'Restore identity' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'Your identity is restored' })).toBeVisible();
    await expectAccessible(page, 'restore identity (restored)');
    await shot(page, 'identity-restored');
    expect(await fresh.api['identity.get']({})).toEqual(me);
  });
});
