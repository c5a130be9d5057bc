// The QA sub-committee's dashboard, search and report downloads through the real interface, on a real
// database behind the browser host. The database starts as `case-audit demo` makes it (a board, an
// identity, a complete signed audit); a re-audit with graded cases and some overdue actions is added
// through the API. A QA member finds every overdue action led by one agency (on the dashboard and in
// the tracker), opens one from search, opens an evidence note in its checklist, and downloads the
// board report (PDF and Word) and the consolidated QA report. Every screen is checked with axe, and
// screenshots go to /tmp/ui-dashboard/.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Download, type Page } from '@playwright/test';
import { checklistProgress, type AnswerMap } from '../../shared/checklistRules.js';
import type { Api } from '../../shared/contract.js';
import { demoValue, seededRandom } from '../../electron/demo/demoAudit.js';
import type { AnswerValue } from '../../shared/answer.js';
import type { Grade } from '../../shared/vocabulary.js';
import { e2eWorkspace, startHost, type E2eHost, type E2eWorkspace } from './host.js';
import { expectAccessible, fillDate, httpApi } from './support.js';

const SHOTS = '/tmp/ui-dashboard';
const ROOT = join(import.meta.dirname, '..', '..');

async function expectScreen(page: Page, h1: string | RegExp): Promise<void> {
  await expect(page.getByRole('heading', { level: 1, name: h1 })).toBeVisible();
}

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

/** The demo database: a board, the demo auditor's identity and a complete, signed audit. */
function makeDemo(workspace: E2eWorkspace): string {
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
  return (JSON.parse(out) as { auditId: string }).auditId;
}

async function firstBytes(download: Download, n: number): Promise<string> {
  const path = await download.path();
  return readFileSync(path).subarray(0, n).toString('latin1');
}

const OVERDUE_POLICE = [
  'Police MASH sergeants record the child’s views on every referral decision',
  'Police share the domestic abuse notifications with schools within one working day',
];
const OVERDUE_HEALTH = 'Health visitors add the MASH outcome to the child’s health record';

/** Round 2 of the demo audit: three graded cases, every checklist answered, and some actions now overdue. */
// Round 2's grades by agency, case by case. An agency's grade is its checklist's grade question (one
// value), so every agency asked that question grades every case.
const ROUND_2_GRADES: Record<string, Grade[]> = {
  "Children's social care": ['good', 'good', 'good'],
  Police: ['good', 'good', 'outstanding'],
  Health: ['requires_improvement', 'good', 'good'],
};
const GRADE_ORDER: Grade[] = ['outstanding', 'good', 'requires_improvement', 'inadequate'];

async function addReaudit(api: Api, auditId: string): Promise<string> {
  const board = await api['board.get']({});
  const agency = (name: string) => {
    const a = board?.agencies.find((x) => x.name === name);
    if (!a) throw new Error(`no agency ${name}`);
    return a.id;
  };
  const ids = ["Children's social care", 'Police', 'Health'].map(agency);
  const reaudit = await api['audits.startReaudit']({ auditId, title: 'MASH repeat audit, round 2 (demo)' });
  const r = seededRandom(7);
  const caseIds: string[] = [];
  for (let i = 0; i < 3; i++) {
    const added = await api['cases.add']({
      auditId: reaudit.id,
      reference: `R2-00${i + 1}`,
      ageBand: '5-9',
      gender: i % 2 ? 'male' : 'female',
      ethnicity: 'white',
      disability: 'no',
      planType: 'child_protection',
      agencyIds: ids,
    });
    caseIds.push(added.id);
  }
  const detail = await api['audits.get']({ auditId: reaudit.id });
  for (const k of detail.checklists) {
    const { template } = await api['checklists.get']({ checklistId: k.id });
    const given = new Map<string, { value: AnswerValue; notApplicableReason: string }>();
    for (let pass = 0; pass < 10; pass++) {
      const { missing } = checklistProgress(template, k.agencyKind, given as AnswerMap);
      if (missing.length === 0) break;
      for (const q of missing) {
        const demo = demoValue(q, r);
        const value =
          q.type === 'grade' ? ROUND_2_GRADES[k.agencyName]![caseIds.indexOf(k.caseId)]! : (demo as AnswerValue);
        await api['answers.save']({
          checklistId: k.id,
          questionId: q.id,
          value,
          evidence: 'The chronology was not updated after the strategy discussion.',
        });
        given.set(q.id, { value, notApplicableReason: '' });
      }
    }
    await api['checklists.complete']({ checklistId: k.id });
  }
  // One overall grade, which the dashboard's table by agency leaves out.
  await api['grades.set']({
    caseId: caseIds[2]!,
    agencyId: null,
    grade: 'outstanding',
    rationale: 'The chronology and the plan agree.',
  });
  const action = (text: string, lead: string, dueDate: string) =>
    api['actions.save']({
      auditId: reaudit.id,
      text,
      leadAgencyId: agency(lead),
      ownerRole: 'Safeguarding lead',
      dueDate,
      successMeasure: 'Dip sample shows it done in 9 of 10 cases',
    });
  await action(OVERDUE_POLICE[0]!, 'Police', '2024-01-31');
  await action(OVERDUE_POLICE[1]!, 'Police', '2024-06-30');
  await action(OVERDUE_HEALTH, 'Health', '2024-03-31');
  await action('Police review the MASH staffing model', 'Police', '2099-12-31');
  // A planned audit: no cases yet.
  await api['audits.create']({ title: 'Neglect audit (planned)', templateId: 'mash-front-door' });
  return reaudit.id;
}

test.describe('the QA dashboard, search and report downloads', () => {
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

  test('a QA member finds every overdue action for one agency, opens one from search, and downloads the reports', async ({
    page,
  }) => {
    test.setTimeout(300_000);
    await page.setViewportSize({ width: 1280, height: 900 });
    const auditId = makeDemo(workspace);
    host = await startHost(workspace);
    const api = httpApi(host.url);
    // The signed first round's grades (its checklists' grade answers), to which round 2 adds its own.
    const before = (await api['dashboard.get']({})).grades;
    await addReaudit(api, auditId);

    await page.goto(host.url);
    await expectScreen(page, 'Audits');

    // --- The dashboard ---------------------------------------------------------------------------------
    await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Dashboard' }).click();
    await expectScreen(page, 'Dashboard');
    await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeFocused();
    await expect(page.getByRole('list', { name: 'Audits by stage' })).toContainText('1 Planned');
    await expect(page.getByRole('list', { name: 'Audits by stage' })).toContainText('1 In progress');
    await expect(page.getByRole('table', { name: /In progress: 1 audit/ })).toContainText(
      'MASH repeat audit, round 2 (demo)',
    );
    await expect(page.getByRole('list', { name: 'Actions by status' })).toContainText('3 Overdue');
    // Counts by agency in the audit's theme: Outstanding, Good, Requires improvement, Inadequate, cases graded.
    const grades = page.getByRole('table', { name: /Number of cases given each grade/ });
    const gradeCells = (agencyName: string) =>
      grades
        .getByRole('row')
        .filter({ has: page.getByRole('rowheader', { name: agencyName, exact: true }) })
        .getByRole('cell');
    const expectedRow = (agencyName: string) => {
      const counts = GRADE_ORDER.map(
        (g) =>
          before.filter((b) => b.agencyName === agencyName).reduce((sum, b) => sum + (b.counts[g] ?? 0), 0) +
          ROUND_2_GRADES[agencyName]!.filter((x) => x === g).length,
      );
      return [...counts, counts.reduce((a, b) => a + b, 0)].map(String);
    };
    for (const agencyName of Object.keys(ROUND_2_GRADES))
      await expect(gradeCells(agencyName)).toHaveText(expectedRow(agencyName));
    const heatmap = page.getByRole('table', { name: /by learning theme and agency/ });
    await expect(heatmap.getByRole('rowheader').first()).toBeVisible();
    await expect(heatmap.getByRole('cell').first()).toContainText(/\d+%/);
    const trends = page.getByRole('table', { name: /meeting the standard, by round/ });
    await expect(trends).toContainText('Round 2');
    await expect(
      page.getByRole('img', { name: /share of assessed answers meeting the standard by round/ }),
    ).toBeVisible();
    await expectAccessible(page, 'dashboard');
    await shot(page, '01-dashboard');
    await page
      .getByRole('region', { name: 'Learning themes by agency' })
      .screenshot({ path: `${SHOTS}/01b-heatmap.png` });
    await page.getByRole('region', { name: 'Re-audit trends' }).screenshot({ path: `${SHOTS}/01c-trends.png` });

    // --- Every overdue action led by the police, on the dashboard ----------------------------------------
    await page.getByLabel('Lead agency', { exact: true }).selectOption({ label: 'Police' });
    await page.getByRole('button', { name: 'Show overdue actions' }).click();
    const overdueTable = page.getByRole('table', { name: '2 overdue actions led by Police' });
    await expect(overdueTable).toBeVisible();
    for (const text of OVERDUE_POLICE) await expect(overdueTable.getByRole('link', { name: text })).toBeVisible();
    await expect(overdueTable).not.toContainText(OVERDUE_HEALTH);
    await expect(overdueTable).not.toContainText('Police review the MASH staffing model');
    await expectAccessible(page, 'dashboard, overdue actions of one agency');
    await overdueTable.scrollIntoViewIfNeeded();
    await shot(page, '02-dashboard-overdue-police');

    // … the open and overdue actions of each lead agency, each figure a link to the filtered tracker.
    const byAgency = page.getByRole('table', { name: 'Open actions by lead agency' });
    const openOf = async (agency: string) =>
      (await api['actions.list']({ status: 'open' })).filter((a) => a.leadAgencyName === agency).length;
    await expect(
      byAgency.getByRole('link', { name: `${await openOf('Police')} open actions led by Police` }),
    ).toBeVisible();
    await expect(byAgency.getByRole('link', { name: '1 overdue action led by Health' })).toBeVisible();
    await byAgency.getByRole('link', { name: '2 overdue actions led by Police' }).click();
    await expectScreen(page, 'Actions');
    expect(new URL(page.url()).hash).toMatch(/^#\/actions\?agency=[0-9a-f-]+&status=overdue$/);
    await expect(page.getByLabel('Lead agency', { exact: true })).toHaveValue(/[0-9a-f-]{36}/);
    await expect(page.getByLabel('Lead agency', { exact: true }).locator('option:checked')).toHaveText('Police');
    await expect(page.getByLabel('Status')).toHaveValue('overdue');
    const tracker = page.getByRole('table', { name: /2 actions: overdue, led by Police/ });
    await expect(tracker).toBeVisible();
    for (const text of OVERDUE_POLICE) await expect(tracker.getByRole('link', { name: text })).toBeVisible();
    await expect(tracker).not.toContainText(OVERDUE_HEALTH);
    await expectAccessible(page, 'action tracker, linked pre-filtered');
    await shot(page, '02b-tracker-overdue-police');
    // Open an action, then Back: the same filtered list.
    await tracker.getByRole('link', { name: OVERDUE_POLICE[0]! }).click();
    await expectScreen(page, OVERDUE_POLICE[0]!);
    await page.goBack();
    await expectScreen(page, 'Actions');
    await expect(page.getByRole('table', { name: /2 actions: overdue, led by Police/ })).toBeVisible();
    // Changing the filters is a new place in the history: Back returns to the police's overdue actions.
    await page.getByLabel('Status').selectOption({ label: 'Open (not complete or verified)' });
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await expect(
      page.getByRole('table', {
        name: `${await openOf('Police')} actions: open (not complete or verified), led by Police`,
      }),
    ).toBeVisible();
    await page.goBack();
    await expect(page.getByRole('table', { name: /2 actions: overdue, led by Police/ })).toBeVisible();
    await expect(page.getByLabel('Status')).toHaveValue('overdue');
    // Values the tracker does not know are ignored, not errors: every action is listed.
    const all = (await api['actions.list']({})).length;
    await page.goto(`${host.url.split('#')[0]}#/actions?agency=not-an-agency&status=lost&due=2024-02-31&x=1`);
    await expectScreen(page, 'Actions');
    await expect(page.getByRole('table', { name: new RegExp(`^${all} actions$`) })).toBeVisible();
    await expect(page.getByLabel('Status')).toHaveValue('');
    await expect(page.getByRole('button', { name: 'Clear filters' })).toHaveCount(0);
    // A real agency's id that this board does not have is ignored too.
    await page.goto(`${host.url.split('#')[0]}#/actions?agency=00000000-0000-4000-8000-000000000000&status=overdue`);
    await expect(page.getByRole('table', { name: /^3 actions: overdue$/ })).toBeVisible();

    // --- Search: an overdue action, opened from its result ------------------------------------------------
    await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Search' }).click();
    await expectScreen(page, 'Search');
    await expectAccessible(page, 'search, empty');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'There is a problem' })).toBeFocused();
    await expect(page.getByRole('link', { name: 'Enter what to search for' })).toBeVisible();
    await expectAccessible(page, 'search, error');
    await page.getByLabel('Search findings, recommendations, actions and evidence notes').fill('sergeants');
    await page.getByRole('group', { name: 'Only show' }).getByLabel('Actions').check();
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await expect(page.getByRole('heading', { name: /1 result for “sergeants” in actions/ })).toBeVisible();
    const result = page
      .getByRole('list', { name: /result/ })
      .getByRole('listitem')
      .first();
    await expect(result.locator('mark')).toHaveText(/sergeants/i);
    await expect(result).toContainText('MASH repeat audit, round 2 (demo)');
    await expect(result.getByRole('definition')).toHaveText('Police');
    await expectAccessible(page, 'search results');
    await shot(page, '03-search-action');
    await result.getByRole('link', { name: /Open the action/ }).click();
    await expectScreen(page, OVERDUE_POLICE[0]!);

    // --- Search: an evidence note opens its checklist at the question ---------------------------------------
    await page.goBack();
    await expectScreen(page, 'Search');
    await page.getByLabel('Search findings, recommendations, actions and evidence notes').fill('chronology strategy');
    await page.getByRole('group', { name: 'Only show' }).getByLabel('Actions').uncheck();
    await page.getByRole('group', { name: 'Only show' }).getByLabel('Evidence notes from checklists').check();
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await expect(page.getByRole('heading', { name: /results? for “chronology strategy”/ })).toBeVisible();
    await expect(page.locator('mark').first()).toBeVisible();
    // Each evidence note says its case (as stored), agency and question (from the pinned template).
    const first = page
      .getByRole('list', { name: /result/ })
      .getByRole('listitem')
      .first();
    const context = first.getByRole('definition');
    await expect(context).toHaveCount(3);
    const caseRef = (await context.nth(0).textContent())!;
    expect(caseRef).toMatch(/^R2-00\d$/);
    await expect(context.nth(1)).toHaveText(/^(Children's social care|Police|Health)$/);
    const questionText = (await context.nth(2).textContent())!;
    expect(questionText.length).toBeGreaterThan(10);
    await expectAccessible(page, 'search results, evidence notes');
    await shot(page, '04-search-evidence');
    const evidence = page.getByRole('link', {
      name: new RegExp(`Open the checklist question 1 from .*, case ${caseRef}`),
    });
    await evidence.click();
    await expect(page.getByRole('heading', { level: 1, name: new RegExp(`^Case ${caseRef}: `) })).toBeVisible();
    // The question named in the result is the one focused.
    await expect(page.locator('.app-question:focus-within, .app-question:focus')).toContainText(questionText);
    // Focus lands on the question whose evidence note matched.
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.closest('.app-question')?.textContent ?? ''))
      .toContain('Evidence note');
    await expect(page.locator('.app-question:focus-within, .app-question:focus')).toContainText(
      'chronology was not updated',
    );
    await shot(page, '05-evidence-opened');

    // --- Report downloads: the consolidated QA report, then the board report as PDF and Word -------------
    await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Dashboard' }).click();
    await expectScreen(page, 'Dashboard');
    // Two reports of a period, each in its own region with its own period fields.
    const qaReport = page.getByRole('region', { name: 'QA report for a period' });
    await fillDate(qaReport, 'Start of the period', '2020-04-01');
    await fillDate(qaReport, 'End of the period', '2019-03-31');
    await qaReport.getByRole('button', { name: 'Download the QA report (PDF)' }).click();
    await expect(
      page.getByRole('link', { name: 'The end of the period must be the same as or after its start' }),
    ).toBeVisible();
    await expectAccessible(page, 'dashboard, report period error');
    await fillDate(qaReport, 'End of the period', '2099-03-31');
    const qa = page.waitForEvent('download');
    await qaReport.getByRole('button', { name: 'Download the QA report (PDF)' }).click();
    const qaFile = await qa;
    expect(qaFile.suggestedFilename()).toMatch(/\.pdf$/);
    expect(await firstBytes(qaFile, 4)).toBe('%PDF');
    await expect(qaReport.getByRole('status').filter({ hasText: 'The QA report is downloaded' })).toBeVisible();
    const qaWord = page.waitForEvent('download');
    await qaReport.getByRole('button', { name: 'Download the QA report (Word)' }).click();
    expect((await qaWord).suggestedFilename()).toMatch(/\.docx$/);

    // The evidence for the yearly report: its figures as CSV, each naming its audits.
    const yearly = page.getByRole('region', { name: 'Evidence for the yearly report' });
    await fillDate(yearly, 'Start of the period', '2020-04-01');
    await fillDate(yearly, 'End of the period', '2099-03-31');
    const csv = page.waitForEvent('download');
    await yearly.getByRole('button', { name: 'Download the yearly report evidence (CSV)' }).click();
    const csvFile = await csv;
    expect(csvFile.suggestedFilename()).toMatch(/^yearly-report-evidence-2020-04-01-to-2099-03-31\.csv$/);
    expect(await firstBytes(csvFile, 64)).toContain('Section,Measure,Value,Audits,Audit ids');
    await expect(
      yearly.getByRole('status').filter({ hasText: 'The yearly report evidence is downloaded' }),
    ).toBeVisible();
    await expectAccessible(page, 'dashboard, reports downloaded');

    await page
      .getByRole('table', { name: /In progress: 1 audit/ })
      .getByRole('link', { name: 'MASH repeat audit, round 2 (demo)' })
      .click();
    await expectScreen(page, 'MASH repeat audit, round 2 (demo)');
    const pdf = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download board report (PDF)' }).click();
    expect(await firstBytes(await pdf, 4)).toBe('%PDF');
    const docx = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download board report (Word)' }).click();
    const docxFile = await docx;
    expect(docxFile.suggestedFilename()).toMatch(/\.docx$/);
    expect(await firstBytes(docxFile, 2)).toBe('PK');
    await expect(page.getByRole('button', { name: 'Download board report (Word)' })).toBeFocused();
    await expectAccessible(page, 'audit overview with the board report');

    // Reports are made as jobs on the services (jobs.*), which the page follows by polling jobs.get.
    // Holding the page's polls keeps the progress panel on screen however fast the services are; the
    // job itself runs, and is cancelled, on the services as usual.
    const holdPolls = async () => {
      let release = () => {};
      const held = new Promise<void>((resolve) => (release = resolve));
      let passed = Promise.resolve();
      await page.route('**/rpc/jobs.get', (route) => {
        passed = held.then(() => route.continue());
        return passed;
      });
      return async () => {
        release();
        await passed;
        await page.unroute('**/rpc/jobs.get');
      };
    };
    const jobOf = async (started: Promise<import('@playwright/test').Response>) =>
      ((await (await started).json()) as { value: { jobId: string } }).value.jobId;

    // The progress panel: the stage in a polite status, a labelled progress bar, Cancel focused; then the file.
    let letPollsThrough = await holdPolls();
    let started = page.waitForResponse('**/rpc/jobs.start');
    const held = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download board report (PDF)' }).click();
    const collected = await jobOf(started);
    await expect(
      page.getByRole('status').filter({ hasText: 'Preparing the board report (PDF): starting…' }),
    ).toBeVisible();
    await expect(page.getByRole('progressbar', { name: 'Progress of the board report (PDF)' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Cancel the board report (PDF)' })).toBeFocused();
    await expectAccessible(page, 'audit overview, preparing a report');
    await page.locator('.app-job').first().scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/06-report-preparing.png` });
    await letPollsThrough();
    expect(await firstBytes(await held, 4)).toBe('%PDF');
    await expect(page.getByRole('status').filter({ hasText: 'The board report (PDF) is downloaded as' })).toBeVisible();
    await expect(page.getByRole('progressbar')).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Download board report (PDF)' })).toBeFocused();
    // Collected once, then forgotten by the services.
    await expect(api['jobs.get']({ jobId: collected })).rejects.toThrow(/NOT_FOUND/);

    // Cancel (with the keyboard, focus is on it): the job is cancelled on the services, no file arrives.
    letPollsThrough = await holdPolls();
    let downloaded = false;
    page.on('download', () => {
      downloaded = true;
    });
    started = page.waitForResponse('**/rpc/jobs.start');
    await page.getByRole('button', { name: 'Download board report (PDF)' }).click();
    const cancelledJob = await jobOf(started);
    await expect(page.getByRole('button', { name: 'Cancel the board report (PDF)' })).toBeFocused();
    const cancelAnswer = page.waitForResponse('**/rpc/jobs.cancel');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('status').filter({ hasText: 'Report cancelled: nothing was saved.' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Download board report (PDF)' })).toBeFocused();
    expect(((await (await cancelAnswer).json()) as { value: { status: string } }).value.status).toBe('cancelled');
    await expectAccessible(page, 'audit overview, report cancelled');
    await page.screenshot({ path: `${SHOTS}/07-report-cancelled.png` });
    // The held poll is answered now, and dropped by the page; the job stays cancelled, with no result.
    const lateAnswer = page.waitForResponse('**/rpc/jobs.get');
    await letPollsThrough();
    await lateAnswer;
    expect((await api['jobs.get']({ jobId: cancelledJob })).status).toBe('cancelled');
    await expect(api['jobs.result']({ jobId: cancelledJob })).rejects.toThrow(/CONFLICT.*cancelled/);
    await page.waitForTimeout(500);
    expect(downloaded).toBe(false);
    await expect(page.getByRole('status').filter({ hasText: 'Report cancelled: nothing was saved.' })).toBeVisible();
  });
});
