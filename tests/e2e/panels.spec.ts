// The independent chair runs a challenge panel through the real interface, on a real database behind
// the browser host (as `case-audit demo` makes it: a board, the demo identity and a signed audit whose
// findings become the panel's agenda). The chair sets up the panel and records attendance, then
// presents it with the keyboard alone: arrow keys and Page Up / Page Down move between items, the
// number keys record outcomes, Esc leaves. Back on the panel's page the chair records the escalation
// the not-assured item needs (signing is refused until then), creates a follow-up action, signs the
// record and exports it. Every screen is checked with axe; screenshots go to /tmp/ui-dashboard/.
import { execFileSync } from 'node:child_process';
import { mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { e2eWorkspace, startHost, type E2eHost, type E2eWorkspace } from './host.js';
import { expectAccessible, fillDate } from './support.js';

const SHOTS = '/tmp/ui-dashboard';
const ROOT = join(import.meta.dirname, '..', '..');
const AUDIT = 'MASH repeat audit (demo)';
const PANEL = 'Police: MASH audit challenge panel';

async function expectScreen(page: Page, h1: string | RegExp): Promise<void> {
  await expect(page.getByRole('heading', { level: 1, name: h1 })).toBeVisible();
}

async function shot(page: Page, name: string, fullPage = true): Promise<void> {
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage });
}

function errorSummary(page: Page, title = 'There is a problem'): Locator {
  return page.getByRole('alert').filter({ hasText: title });
}

function makeDemo(workspace: E2eWorkspace): void {
  execFileSync(
    process.execPath,
    [
      join(ROOT, 'bin', 'case-audit.js'),
      'demo',
      '--db',
      workspace.dbPath,
      '--passphrase-file',
      workspace.passphraseFile,
    ],
    { cwd: ROOT, encoding: 'utf8' },
  );
}

/** Activates a link or button from the keyboard. */
async function press(target: Locator): Promise<void> {
  await target.focus();
  await target.press('Enter');
}

test.describe('challenge panels', () => {
  let workspace: E2eWorkspace;
  let host: E2eHost | undefined;

  test.beforeAll(() => mkdirSync(SHOTS, { recursive: true }));
  test.beforeEach(() => {
    workspace = e2eWorkspace();
  });
  test.afterEach(async () => {
    await host?.stop();
    host = undefined;
    workspace.cleanup();
  });

  test('the chair runs a panel in presentation mode with the keyboard alone, then records the escalation and signs', async ({
    page,
  }) => {
    test.setTimeout(300_000);
    await page.setViewportSize({ width: 1280, height: 900 });
    makeDemo(workspace);
    host = await startHost(workspace);
    await page.goto(host.url);
    await expectScreen(page, 'Audits');

    // --- Set up the panel from the audit's overview -------------------------------------------------------
    await press(page.getByRole('link', { name: AUDIT }));
    await expectScreen(page, AUDIT);
    await press(page.getByRole('link', { name: 'Challenge panels' }));
    await expectScreen(page, 'Challenge panels');
    await expect(page.getByText('No challenge panel has been held on this audit yet.')).toBeVisible();
    await expectAccessible(page, 'challenge panels of an audit');
    await press(page.getByRole('link', { name: 'Set up a challenge panel' }));
    await expectScreen(page, 'Set up a challenge panel');
    await expect(page.getByLabel('Audit')).toHaveValue(/.+/);
    await press(page.getByRole('button', { name: 'Set up the panel' }));
    await expect(errorSummary(page)).toBeFocused();
    await expect(
      errorSummary(page).getByRole('link', { name: 'Choose the agency challenged, or multi-agency' }),
    ).toBeVisible();
    await expect(errorSummary(page).getByRole('link', { name: 'Enter a title for the panel' })).toBeVisible();
    await expect(page).toHaveTitle(/^Error: /);
    await expectAccessible(page, 'set up a panel, with errors');
    await shot(page, '10-panel-new-errors');
    await errorSummary(page)
      .getByRole('link', { name: 'Choose the agency challenged, or multi-agency' })
      .press('Enter');
    await expect(page.getByLabel('Agency challenged')).toBeFocused();
    await page.getByLabel('Agency challenged').selectOption({ label: 'Police' });
    await page.getByLabel('Title').fill(PANEL);
    await fillDate(page, 'Date of the panel', '2026-11-20');
    await press(page.getByRole('button', { name: 'Set up the panel' }));
    await expectScreen(page, PANEL);
    await expect(page.getByText(/Challenge panel set up with \d+ items from the audit’s findings/)).toBeVisible();
    const itemCount = await page
      .getByRole('list', { name: /^Items/ })
      .getByRole('listitem')
      .count();
    expect(itemCount).toBeGreaterThanOrEqual(3);
    await expectAccessible(page, 'panel');

    // --- Attendance: an add-another list of roles and agencies ----------------------------------------------
    await press(page.getByRole('link', { name: 'Record attendance' }));
    await expectScreen(page, 'Attendance');
    await page.getByLabel('Role of attendee 1').fill('Independent chair');
    await page.getByLabel('Agency of attendee 1').selectOption({ label: "Children's social care" });
    await press(page.getByRole('button', { name: 'Add another attendee' }));
    await expect(page.getByLabel('Role of attendee 2')).toBeFocused();
    await page.getByLabel('Agency of attendee 2').selectOption({ label: 'Police' });
    await press(page.getByRole('button', { name: 'Save attendance' }));
    await expect(
      errorSummary(page).getByRole('link', { name: 'Enter the role of attendee 2 (a role, not a name)' }),
    ).toBeVisible();
    await expectAccessible(page, 'attendance, with an error');
    await page.getByLabel('Role of attendee 2').fill('Detective inspector, public protection');
    await press(page.getByRole('button', { name: 'Add another attendee' }));
    await page.getByLabel('Role of attendee 3').fill('Designated nurse');
    await page.getByLabel('Agency of attendee 3').selectOption({ label: 'Health' });
    await expectAccessible(page, 'attendance');
    await shot(page, '11-attendance');
    await press(page.getByRole('button', { name: 'Save attendance' }));
    await expectScreen(page, PANEL);
    await expect(page.getByText('Attendance saved: 3 attendees')).toBeVisible();
    await expect(page.getByRole('table', { name: 'Attendance' })).toContainText(
      'Detective inspector, public protection',
    );
    await shot(page, '12-panel');

    // --- Presentation mode, with the keyboard alone ------------------------------------------------------------
    await press(page.getByRole('link', { name: 'Present to the panel' }));
    const heading = page.getByRole('heading', { level: 1 });
    await expect(heading).toContainText(`Item 1 of ${itemCount}`);
    await expect(heading).toBeFocused();
    // Nothing else on screen: no header, menu or footer.
    await expect(page.getByRole('banner')).toHaveCount(0);
    await expect(page.getByRole('navigation')).toHaveCount(0);
    await expect(page.getByRole('contentinfo')).toHaveCount(0);
    await expect(page.getByText('Keys:')).toContainText('1 assured, 2 partly assured, 3 not assured');
    await expect(page).toHaveTitle(new RegExp(`^Item 1 of ${itemCount}: `));
    await expectAccessible(page, 'presentation mode');
    await shot(page, '13-present-item-1', false);
    const fontSize = await heading.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(fontSize).toBeGreaterThanOrEqual(32);

    const status = page.getByRole('status');
    await page.keyboard.press('1');
    await page.keyboard.press('Enter');
    await expect(status).toHaveText('Item 1 recorded as assured.');
    await page.keyboard.press('ArrowRight');
    await expect(heading).toContainText(`Item 2 of ${itemCount}`);
    await expect(heading).toBeFocused();
    await page.keyboard.press('2');
    await page.keyboard.press('Enter');
    await expect(status).toHaveText('Item 2 recorded as partly assured.');
    await page.keyboard.press('PageDown');
    await expect(heading).toContainText(`Item 3 of ${itemCount}`);
    await page.keyboard.press('3');
    await page.keyboard.press('Enter');
    await expect(status).toHaveText('Item 3 recorded as not assured. Record the escalation step before signing.');
    await expect(page.getByRole('button', { name: /Not assured: escalate/ })).toHaveAttribute('aria-pressed', 'true');
    await expect(page.getByText('Escalation: to be recorded before the record is signed')).toBeVisible();
    await expectAccessible(page, 'presentation mode, an outcome recorded');
    await shot(page, '14-present-item-3-not-assured', false);
    for (let n = 4; n <= itemCount; n++) {
      await page.keyboard.press(n % 2 ? 'ArrowRight' : 'PageDown');
      await expect(heading).toContainText(`Item ${n} of ${itemCount}`);
      await page.keyboard.press('1');
      await page.keyboard.press('Enter');
      await expect(status).toHaveText(`Item ${n} recorded as assured.`);
    }
    // Past the last item nothing moves; back with ← and Page Up.
    await page.keyboard.press('ArrowRight');
    await expect(heading).toContainText(`Item ${itemCount} of ${itemCount}`);
    await page.keyboard.press('PageUp');
    await expect(heading).toContainText(`Item ${itemCount - 1} of ${itemCount}`);
    for (let n = itemCount - 2; n >= 2; n--) {
      await page.keyboard.press('ArrowLeft');
      await expect(heading).toContainText(`Item ${n} of ${itemCount}`);
    }
    await expect(page.getByRole('button', { name: /Partly assured/ })).toHaveAttribute('aria-pressed', 'true');
    await page.keyboard.press('Escape');
    await expectScreen(page, PANEL);
    await expect(page.getByRole('banner')).toBeVisible();

    // --- Signing is refused until the not-assured item records its escalation ------------------------------------
    await press(page.getByRole('link', { name: 'Review and sign' }));
    await expectScreen(page, 'Check the panel record before you sign it');
    const blockers = errorSummary(page, 'You cannot sign this panel record yet');
    await expect(blockers).toBeVisible();
    await expect(blockers.getByRole('link', { name: 'Item 3 is not assured: record the escalation' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Sign the panel record' })).toBeDisabled();
    await expectAccessible(page, 'review and sign, blocked');
    await shot(page, '15-sign-blocked');
    await press(blockers.getByRole('link', { name: 'Item 3 is not assured: record the escalation' }));
    await expectScreen(page, `Item 3 of ${itemCount}`);
    await expect(page.getByLabel('Not assured: escalate')).toBeChecked();
    await page
      .getByLabel('The challenge the panel put')
      .fill('How does the MASH make sure every agency’s information is in before the decision?');
    await page
      .getByLabel(/The agency’s response/)
      .fill('Checks are requested but not chased; a new escalation route is being agreed.');
    await press(page.getByRole('button', { name: 'Save and return to the panel' }));
    await expect(
      errorSummary(page).getByRole('link', { name: 'Record the escalation step: the panel is not assured' }),
    ).toBeVisible();
    await expectAccessible(page, 'item, escalation missing');
    await shot(page, '16-item-escalation-error');
    await errorSummary(page)
      .getByRole('link', { name: 'Record the escalation step: the panel is not assured' })
      .press('Enter');
    await expect(page.getByLabel('Escalation step')).toBeFocused();
    await page.keyboard.type(
      'To the police superintendent for public protection; written reply to the board chair within 20 working days.',
    );
    await page
      .getByLabel('Agreed follow-up')
      .fill('Police audit 20 MASH checks for timeliness and report to the QA sub-committee.');
    await press(page.getByRole('button', { name: 'Save and create follow-up action' }));

    // --- A follow-up action from the agreed follow-up ------------------------------------------------------------
    await expectScreen(page, 'Create a follow-up action for item 3');
    await expect(page.getByLabel('Action')).toHaveValue(/Police audit 20 MASH checks/);
    await expect(page.getByLabel('Lead agency')).toHaveValue(/.+/);
    await press(page.getByRole('button', { name: 'Create the action' }));
    await expect(errorSummary(page)).toBeFocused();
    await expectAccessible(page, 'follow-up action, with errors');
    await page.getByLabel('Owner').fill('Detective superintendent, public protection');
    await fillDate(page, 'Due date', '2027-03-31');
    await page.getByLabel('How success will be measured').fill('20 of 20 checks returned within the MASH timescale');
    await press(page.getByRole('button', { name: 'Create the action' }));
    await expectScreen(page, PANEL);
    await expect(page.getByText('Follow-up action created for item 3')).toBeVisible();
    await expect(page.getByRole('link', { name: 'Open the follow-up action' })).toBeVisible();

    // --- Review and sign ---------------------------------------------------------------------------------------
    await press(page.getByRole('link', { name: 'Review and sign' }));
    await expectScreen(page, 'Check the panel record before you sign it');
    await expect(page.getByRole('alert')).toHaveCount(0);
    await expect(page.getByText('Not assured: escalate: 1')).toBeVisible();
    await expectAccessible(page, 'review and sign');
    await shot(page, '17-sign-check');
    await press(page.getByRole('button', { name: 'Sign the panel record' }));
    await expectScreen(page, PANEL);
    await expect(page.getByText('The panel record is signed')).toBeVisible();
    // Read-only now: nothing to change, no item to add.
    await expect(page.getByRole('link', { name: /^Change/ })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Add the item' })).toHaveCount(0);
    await expect(page.getByRole('link', { name: 'Review and sign' })).toHaveCount(0);
    await expectAccessible(page, 'signed panel');
    const exported = page.waitForEvent('download');
    await press(page.getByRole('button', { name: 'Export signed record' }));
    const file = await exported;
    expect(file.suggestedFilename()).toBe('panel-2026-11-20.caseaudit');
    expect(statSync(await file.path()).size).toBeGreaterThan(1000);
    await expect(page.getByRole('status').filter({ hasText: 'The signed panel record is downloaded' })).toBeVisible();
    await shot(page, '18-panel-signed');

    // A signed record still presents (for the board), read-only.
    await press(page.getByRole('link', { name: 'Present to the panel' }));
    await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
    await expect(page.getByText('(signed record)')).toBeVisible();
    await page.keyboard.press('2');
    await expect(page.getByRole('status')).toHaveText('The record is signed: outcomes can no longer change.');
    await expectAccessible(page, 'presentation of a signed record');
    await page.keyboard.press('Escape');
    await expectScreen(page, PANEL);

    // The list of every panel.
    await press(page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Panels' }));
    await expectScreen(page, 'Challenge panels');
    const row = page.getByRole('row', { name: new RegExp(PANEL) });
    await expect(row).toContainText(AUDIT);
    await expect(row).toContainText('Signed');
    await expectAccessible(page, 'every challenge panel');
    await shot(page, '19-panels');
  });
});
