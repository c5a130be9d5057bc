// The audit programme and reminders through the real interface, on a real database behind the browser
// host: the QA officer plans two audits for the year (one in a quarter, one between two dates, after
// the form has said what is missing), changes one, sees the programme against what happened on the
// dashboard, starts one from the plan, and finds an overdue action of it in "Due soon and overdue" on
// the home screen; then sets how far ahead reminders look and removes the plan not started. Every screen is checked with axe.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { expect, test, type Page } from '@playwright/test';
import { DEFAULT_AGENCIES } from '../../shared/board.js';
import { addDays, programmeYearLabel, programmeYearOf, quarterWindow } from '../../shared/programme.js';
import { londonDate } from '../../shared/today.js';
import { e2eWorkspace, startHost, type E2eHost, type E2eWorkspace } from './host.js';
import { expectAccessible, httpApi } from './support.js';

async function expectScreen(page: Page, h1: string | RegExp): Promise<void> {
  await expect(page.getByRole('heading', { level: 1, name: h1 })).toBeVisible();
}

const ROOT = join(import.meta.dirname, '..', '..');
const FIRST = 'Neglect: the front door';
const SECOND = 'Domestic abuse notifications';
const OVERDUE = 'Police MASH sergeants record the child’s views on every referral decision';

test.describe('audit programme and reminders', () => {
  let workspace: E2eWorkspace;
  let host: E2eHost | undefined;

  test.beforeEach(() => {
    workspace = e2eWorkspace();
  });
  test.afterEach(async () => {
    await host?.stop();
    host = undefined;
    workspace.cleanup();
  });

  test('plan a programme, see it on the dashboard, start an audit, see an overdue action on the home screen', async ({
    page,
  }) => {
    test.setTimeout(240_000);
    await page.setViewportSize({ width: 1200, height: 900 });
    host = await startHost(workspace);
    const api = httpApi(host.url);
    await api['board.setup']({
      name: 'Northshire Safeguarding Children Partnership',
      agencies: DEFAULT_AGENCIES.map((a) => ({ ...a })),
    });
    const templates = await api['templates.list']({});
    const template = templates.find((t) => t.id === 'mash-front-door' && t.latest)!;
    const today = londonDate(new Date());
    const year = programmeYearOf(today);
    const label = programmeYearLabel(year);

    // --- The programme, empty ------------------------------------------------------------------------
    await page.goto(host.url);
    await expectScreen(page, 'Audits');
    await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Programme' }).click();
    await expectScreen(page, `Audit programme ${label}`);
    await expect(page.getByText(`No audits are planned for ${label} yet.`)).toBeVisible();
    await expectAccessible(page, 'empty programme');

    // --- Plan the first: the form says what is missing ---------------------------------------------------
    await page.getByRole('link', { name: 'Plan an audit' }).click();
    await expectScreen(page, 'Plan an audit');
    await page.getByRole('button', { name: 'Add to the programme' }).click();
    const summary = page.getByRole('alert');
    await expect(summary).toContainText('There is a problem');
    await expect(summary.getByRole('link', { name: 'Choose a template' })).toBeVisible();
    await expect(summary.getByRole('link', { name: 'Choose when the audit is planned' })).toBeVisible();
    await expectAccessible(page, 'plan an audit with errors');
    await page.getByLabel('Title').fill(FIRST);
    await page.getByLabel('Template').selectOption({ label: template.title });
    await page.getByLabel('In a quarter').check();
    await page.getByLabel('Quarter 1 (April to June)').check();
    await page.getByLabel('Sample size').fill('8');
    await page.getByLabel('Lead auditor').fill('Partnership QA officer');
    await page.getByLabel('Police', { exact: true }).check();
    await page.getByLabel('Health', { exact: true }).check();
    await page.getByRole('button', { name: 'Add to the programme' }).click();
    await expectScreen(page, `Audit programme ${label}`);
    await expect(page.getByText('Audit added to the programme')).toBeVisible();

    // --- The second, between two dates (GOV.UK date inputs) ------------------------------------------------
    await page.getByRole('link', { name: 'Plan an audit' }).click();
    await expectScreen(page, 'Plan an audit');
    await page.getByLabel('Title').fill(SECOND);
    await page.getByLabel('Template').selectOption({ label: template.title });
    await page.getByLabel('Between two dates').check();
    const starts = page.getByRole('group', { name: 'Start date' });
    await starts.getByLabel('Day').fill('1');
    await starts.getByLabel('Month').fill('2');
    await starts.getByLabel('Year').fill(String(year + 1));
    const ends = page.getByRole('group', { name: 'End date' });
    await ends.getByLabel('Day').fill('31');
    await ends.getByLabel('Month').fill('2');
    await ends.getByLabel('Year').fill(String(year + 1));
    await page.getByLabel('Sample size').fill('6');
    await page.getByLabel('Lead auditor').fill('Designated nurse');
    await page.getByLabel('Police', { exact: true }).check();
    await page.getByRole('button', { name: 'Add to the programme' }).click();
    // 31 February is not a date: said at the day box, nothing saved.
    await expect(page.getByRole('alert')).toContainText('End date must be a real date');
    await ends.getByLabel('Day').fill('28');
    await page.getByRole('button', { name: 'Add to the programme' }).click();
    await expectScreen(page, `Audit programme ${label}`);

    const table = page.getByRole('table', { name: /Planned audits: 2/ });
    await expect(table).toBeVisible();
    const firstRow = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: new RegExp(FIRST) }) });
    const secondRow = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: new RegExp(SECOND) }) });
    await expect(firstRow).toContainText('Quarter 1 (April to June)');
    await expect(firstRow).toContainText('Police, Health');
    await expect(secondRow).toContainText(`1 February ${year + 1} to 28 February ${year + 1}`);
    // Quarter 1 has ended unsigned once July comes: late.
    const q1Over = quarterWindow(year, 1).to < today;
    await expect(firstRow.getByText('Late', { exact: true })).toHaveCount(q1Over ? 1 : 0);
    await expectAccessible(page, 'programme with two planned audits');

    // --- The programme as a spreadsheet: both planned audits in it -----------------------------------------
    const [csv] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download as CSV (the audit programme)' }).click(),
    ]);
    expect(csv.suggestedFilename()).toMatch(/\.csv$/);
    const rows = Papa.parse<string[]>(readFileSync((await csv.path())!, 'utf8').replace(/^\uFEFF/, '')).data;
    for (const title of [FIRST, SECOND])
      expect(
        rows.some((r) => r.includes(title)),
        title,
      ).toBe(true);

    // --- Change the second's sample size ------------------------------------------------------------------
    await secondRow.getByRole('link', { name: `Change ${SECOND}` }).click();
    await expectScreen(page, 'Change a planned audit');
    await expect(page.getByLabel('Sample size')).toHaveValue('6');
    await expectAccessible(page, 'change a planned audit');
    await page.getByLabel('Sample size').fill('10');
    await page.getByRole('button', { name: 'Save planned audit' }).click();
    await expectScreen(page, `Audit programme ${label}`);
    await expect(secondRow.getByRole('cell', { name: '10', exact: true })).toBeVisible();

    // --- The dashboard: planned against what happened -------------------------------------------------------
    await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Dashboard' }).click();
    await expectScreen(page, 'Dashboard');
    const panel = page.getByRole('region', { name: `Programme ${label} against what happened` });
    const stats = panel.getByRole('list', { name: 'Planned audits against what happened' });
    await expect(stats.getByRole('listitem').filter({ hasText: 'Planned' })).toHaveText('2 Planned');
    await expect(stats.getByRole('listitem').filter({ hasText: 'Started' })).toHaveText('0 Started');
    const byQuarter = panel.getByRole('table', { name: 'Planned, started and signed by quarter' });
    await expect(byQuarter.getByRole('row', { name: /^Quarter 1 / })).toHaveText(
      new RegExp(`Quarter 1\\s*1\\s*0\\s*0\\s*${q1Over ? 1 : 0}`),
    );
    await expect(byQuarter.getByRole('row', { name: /^Quarter 4 / })).toHaveText(/Quarter 4\s*1\s*0\s*0\s*0/);
    await expectAccessible(page, 'dashboard with the programme');

    // --- Start the first from the plan ---------------------------------------------------------------------
    await page.getByRole('link', { name: 'See the audit programme' }).click();
    await expectScreen(page, `Audit programme ${label}`);
    await firstRow.getByRole('button', { name: `Start this audit ${FIRST}` }).click();
    await expectScreen(page, FIRST);
    await expect(page.getByText('Audit started from the programme')).toBeVisible();
    await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Programme' }).click();
    await expect(firstRow.getByText('Started', { exact: true })).toBeVisible();
    await expect(firstRow.getByRole('button', { name: /Start this audit/ })).toHaveCount(0);
    await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Dashboard' }).click();
    await expect(stats.getByRole('listitem').filter({ hasText: 'Started' })).toHaveText('1 Started');

    // --- An overdue action of it, reminded on the home screen ---------------------------------------------------
    const audits = await api['audits.list']({});
    const started = audits.find((a) => a.title === FIRST)!;
    const board = await api['board.get']({});
    await api['actions.save']({
      auditId: started.id,
      text: OVERDUE,
      leadAgencyId: board!.agencies.find((a) => a.name === 'Police')!.id,
      ownerRole: 'MASH service manager',
      dueDate: addDays(today, -3),
      successMeasure: 'A dip sample of 20 decisions shows the child’s views recorded in 18',
    });
    await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Audits' }).click();
    await expectScreen(page, 'Audits');
    const dueSoon = page.getByRole('region', { name: 'Due soon and overdue' });
    const reminder = dueSoon.getByRole('listitem').filter({ hasText: OVERDUE });
    await expect(reminder).toContainText('Overdue');
    await expect(reminder).toContainText('3 days overdue');
    await expect(reminder).toContainText(`Police, ${FIRST}`);
    await expectAccessible(page, 'home screen with reminders');
    await reminder.getByRole('link', { name: `Action: ${OVERDUE}` }).click();
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();

    // --- How far ahead reminders look -------------------------------------------------------------------------
    await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Settings' }).click();
    await expectScreen(page, 'Settings');
    const settings = page.getByRole('region', { name: 'Reminders' });
    await expect(settings.getByLabel('Remind of what falls due within')).toHaveValue('14');
    await settings.getByLabel('Remind of what falls due within').fill('91');
    await settings.getByRole('button', { name: 'Save the reminder setting' }).click();
    await expect(settings.getByText('Enter a whole number of days between 1 and 90').first()).toBeVisible();
    await settings.getByLabel('Remind of what falls due within').fill('30');
    await settings.getByRole('button', { name: 'Save the reminder setting' }).click();
    await expect(settings.getByRole('status')).toHaveText('Saved: reminders look 30 days ahead');
    await expectAccessible(page, 'settings with reminders');
    expect(await api['settings.reminders']({})).toEqual({ daysAhead: 30, notify: true });
    // The re-audit interval, as the programme then says.
    const reaudits = page.getByRole('region', { name: 'Re-audits' });
    await expect(reaudits.getByLabel('A re-audit is due after')).toHaveValue('12');
    await reaudits.getByLabel('A re-audit is due after').fill('6');
    await reaudits.getByRole('button', { name: 'Save the re-audit setting' }).click();
    await expect(reaudits.getByRole('status')).toHaveText('Saved: a re-audit is due 6 months after first signing');
    expect(await api['programme.settings']({})).toEqual({ reauditMonths: 6 });

    // --- Remove the plan not started ------------------------------------------------------------------------
    await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Programme' }).click();
    await expectScreen(page, `Audit programme ${label}`);
    await expect(page.getByText('due for its re-audit 6 months after it was first signed')).toBeVisible();
    await page.getByRole('link', { name: `Remove ${SECOND}` }).click();
    await expectScreen(page, `Remove “${SECOND}” from the programme?`);
    await expectAccessible(page, 'remove a planned audit');
    await page.getByRole('button', { name: 'Remove from the programme' }).click();
    await expectScreen(page, `Audit programme ${label}`);
    await expect(page.getByText(`“${SECOND}” removed from the programme`)).toBeVisible();
    await expect(page.getByRole('table', { name: /Planned audits: 1/ })).toBeVisible();
    await expect(page.getByRole('rowheader', { name: new RegExp(SECOND) })).toHaveCount(0);
  });

  test('a signed audit’s re-audit due, then planned', async ({ page }) => {
    test.setTimeout(180_000);
    const out = execFileSync(
      process.execPath,
      [
        join(ROOT, 'bin', 'case-audit.js'),
        'demo',
        '--db',
        workspace.dbPath,
        '--passphrase-file',
        workspace.passphraseFile,
        '--json',
      ],
      { cwd: ROOT, encoding: 'utf8' },
    );
    const auditId = (JSON.parse(out) as { auditId: string }).auditId;
    host = await startHost(workspace);
    const api = httpApi(host.url);
    const { audit } = await api['audits.get']({ auditId });
    const due = (await api['programme.list']({})).reauditsDue.find((r) => r.auditId === auditId)!;
    const dueText = new Date(`${due.dueOn}T00:00:00Z`).toLocaleDateString('en-GB', {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    });

    await page.goto(host.url);
    await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Programme' }).click();
    const reaudits = page.getByRole('table', { name: /Signed audits awaiting a re-audit: 1/ });
    const row = reaudits.getByRole('row').filter({ has: page.getByRole('rowheader', { name: audit.title }) });
    await expect(row).toContainText(dueText);
    await expect(row).toContainText('Not planned');
    await expectAccessible(page, 'programme with a re-audit due');

    await page.getByRole('link', { name: 'Plan an audit' }).click();
    await page.getByLabel('Title').fill(`${audit.title}: re-audit`);
    await page.getByLabel('Template').selectOption(audit.templateId);
    await page.getByLabel('In a quarter').check();
    await page.getByLabel('Quarter 4 (January to March)').check();
    await page.getByLabel('Sample size').fill('6');
    await page.getByLabel('Lead auditor').fill('Partnership QA officer');
    await page.getByLabel('Police', { exact: true }).check();
    await page.getByLabel('Is this a re-audit?').selectOption(auditId);
    await page.getByRole('button', { name: 'Add to the programme' }).click();
    await expect(page.getByText('Audit added to the programme')).toBeVisible();
    await expect(row).toContainText('Planned');
    await expect(row).not.toContainText('Not planned');
  });
});
