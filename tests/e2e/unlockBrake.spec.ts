// The unlock screen after too many wrong passphrases: the wait the application gives is shown as a
// GOV.UK error that counts down, and the right passphrase works once it is over.
import { expect, test } from '@playwright/test';
import { e2eWorkspace, startHost, type E2eHost, type E2eWorkspace } from './host.js';
import { expectAccessible, httpApi } from './support.js';

const PASSPHRASE = 'an e2e passphrase for case audit';
let workspace: E2eWorkspace;
let host: E2eHost;

test.beforeAll(async () => {
  workspace = e2eWorkspace();
  host = await startHost(workspace);
});
test.afterAll(async () => {
  await host.stop();
  workspace.cleanup();
});

test('wrong passphrases: three are free, then the screen counts the wait down', async ({ page }) => {
  await httpApi(host.url)['session.lock']({});
  await page.goto(host.url);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Unlock Case Audit');
  const field = page.getByLabel('Passphrase');
  const unlock = page.getByRole('button', { name: 'Unlock' });
  const summary = page.getByRole('alert');

  for (let i = 0; i < 3; i++) {
    await field.fill(`wrong passphrase number ${i}`);
    await unlock.click();
    await expect(summary).toContainText('The passphrase is not right: check it and try again');
    await expect(summary).toBeFocused();
  }
  // The fourth wrong one starts the brake; the fifth, once allowed, doubles it.
  await field.fill('wrong passphrase number 3');
  await unlock.click();
  await expect(summary).toContainText('Too many wrong passphrases. Try again in 1 second');
  await expect(page.locator('#unlock-passphrase-error')).toContainText('Too many wrong passphrases');
  await expectAccessible(page, 'unlock (waiting after wrong passphrases)');
  await expect(summary).toContainText('Too many wrong passphrases. You can try again now');
  await field.fill('wrong passphrase number 4');
  await unlock.click();
  await expect(summary).toContainText('Too many wrong passphrases. Try again in 2 seconds');
  // Submitting during the wait sends nothing: it would only be refused.
  let sent = 0;
  page.on('request', (r) => {
    if (r.url().endsWith('/rpc/session.unlock')) sent++;
  });
  await field.fill(PASSPHRASE);
  await unlock.click();
  await expect(summary).toBeFocused();
  expect(sent).toBe(0);
  await expect(summary).toContainText('Try again in 1 second');
  await expect(summary).toContainText('You can try again now');

  await field.fill(PASSPHRASE);
  await unlock.click();
  await expect(page.getByRole('heading', { level: 1 })).not.toHaveText('Unlock Case Audit', { timeout: 60_000 });
});
