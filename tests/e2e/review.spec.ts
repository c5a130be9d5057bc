// Review, findings, the action plan and the re-audit trend through the real interface, on a real
// database behind the browser host. The sampled cases and their checklists are answered through the
// API (over HTTP, with the host's token) so the journey starts where the auditor's judgement begins:
// an auditor grades a case, records the multi-agency discussion, accepts and edits suggested findings,
// writes a recommendation and SMART actions; a QA member records progress and verifies an action; the
// summary reads like the board's report and, after a re-audit, shows the trend across both rounds.
// Every screen visited is checked with axe, and screenshots go to /tmp/ui-review/.
import { mkdirSync } from 'node:fs';
import { expect, test, type Locator, type Page } from '@playwright/test';
import type { AnswerValue } from '../../shared/answer.js';
import { DEFAULT_AGENCIES } from '../../shared/board.js';
import { checklistProgress, type AnswerMap } from '../../shared/checklistRules.js';
import type { Api } from '../../shared/contract.js';
import type { Question } from '../../shared/template.js';
import { e2eWorkspace, startHost, type E2eHost, type E2eWorkspace } from './host.js';
import { expectAccessible, fillDate, httpApi } from './support.js';

const SHOTS = '/tmp/ui-review';

async function expectScreen(page: Page, h1: string | RegExp): Promise<void> {
  await expect(page.getByRole('heading', { level: 1, name: h1 })).toBeVisible();
}

async function shot(page: Page, name: string, fullPage = true): Promise<void> {
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage });
}

function errorSummary(page: Page): Locator {
  return page.getByRole('alert').filter({ hasText: 'There is a problem' });
}

function auditNav(page: Page, name: string): Locator {
  return page.getByRole('navigation', { name: 'This audit' }).getByRole('link', { name, exact: true });
}

/** An answer that meets the standard, or the first neutral one, for any question type. */
function goodAnswer(q: Question): AnswerValue {
  const options = q.options ?? [];
  const best = options.find((o) => o.meetsStandard === true) ?? options.find((o) => o.meetsStandard !== false);
  switch (q.type) {
    case 'grade':
      return 'good';
    case 'rag':
      return 'green';
    case 'yes_partly_no':
      return 'yes';
    case 'single_choice':
      return (best ?? options[0])!.value;
    case 'multiple_choice':
      return [(best ?? options[0])!.value];
    case 'number':
      return q.min ?? 1;
    case 'date':
      return '2026-01-12';
    default:
      return 'Recorded in the agency file.';
  }
}

type Override = (caseIndex: number, agencyName: string, questionId: string) => AnswerValue | undefined;

/** Adds the cases and answers every checklist completely, with `override` deciding some answers. */
async function sampleAndAnswer(api: Api, auditId: string, prefix: string, override: Override): Promise<void> {
  const board = await api['board.get']({});
  const agencyIds = ["Children's social care", 'Police'].map((name) => {
    const agency = board?.agencies.find((a) => a.name === name);
    if (!agency) throw new Error(`no agency ${name}`);
    return agency.id;
  });
  const profiles = [
    { ageBand: '5-9', disability: 'no', planType: 'child_protection' },
    { ageBand: '10-13', disability: 'yes', planType: 'child_in_need' },
    { ageBand: '5-9', disability: 'no', planType: 'early_help' },
  ] as const;
  for (const [i, p] of profiles.entries()) {
    await api['cases.add']({
      auditId,
      reference: `${prefix}-00${i + 1}`,
      gender: i % 2 === 0 ? 'female' : 'male',
      ethnicity: 'white',
      agencyIds,
      ...p,
    });
  }
  const detail = await api['audits.get']({ auditId });
  for (const k of detail.checklists) {
    const caseIndex = detail.cases.findIndex((c) => c.id === k.caseId);
    const { template } = await api['checklists.get']({ checklistId: k.id });
    const given = new Map<string, { value: AnswerValue; notApplicableReason: string }>();
    for (let pass = 0; pass < 10; pass++) {
      const { missing } = checklistProgress(template, k.agencyKind, given as AnswerMap);
      if (missing.length === 0) break;
      for (const q of missing) {
        const value = override(caseIndex, k.agencyName, q.id) ?? goodAnswer(q);
        await api['answers.save']({ checklistId: k.id, questionId: q.id, value, evidence: 'Seen in the case record.' });
        given.set(q.id, { value, notApplicableReason: '' });
      }
    }
    await api['checklists.complete']({ checklistId: k.id });
  }
}

const AUDIT_TITLE = 'MASH audit, January 2026';
const REAUDIT_TITLE = 'MASH re-audit, July 2026';
const CHILD_VIEWS_V2 = 'Were the child’s own views, wishes and feelings sought, known and recorded at the front door?';

test.describe('review, findings, action plan and re-audit', () => {
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

  test('an auditor reviews and plans; QA tracks and verifies; the summary shows the trend across rounds', async ({
    page,
  }) => {
    // Long: two rounds of checklists answered over HTTP, and axe on every screen.
    test.setTimeout(600_000);
    await page.setViewportSize({ width: 1200, height: 900 });
    host = await startHost(workspace);
    const api = httpApi(host.url);

    // --- Round 1 set up through the API: three cases, each answered by social care and the police ------
    // "Previous contacts taken into account" falls short in two of three cases; the child's views
    // fall short in the police's answer for the first case only.
    await api['board.setup']({
      name: 'Northshire Safeguarding Children Partnership',
      agencies: DEFAULT_AGENCIES.map((a) => ({ ...a })),
    });
    const round1 = await api['audits.create']({ title: AUDIT_TITLE, templateId: 'mash-front-door' });
    await sampleAndAnswer(api, round1.id, 'R1', (caseIndex, agency, questionId) => {
      if (questionId === 'history-considered' && caseIndex < 2) return 'no';
      if (questionId === 'child-views' && caseIndex === 0 && agency === 'Police') return 'partly';
      return undefined;
    });

    await page.goto(host.url);
    await expectScreen(page, 'Audits');
    await page.getByRole('link', { name: AUDIT_TITLE }).click();
    await expectScreen(page, AUDIT_TITLE);
    await expect(page.getByRole('heading', { name: 'Review and report' })).toBeVisible();
    await expectAccessible(page, 'audit overview with review links');

    // --- Grades and the multi-agency discussion -------------------------------------------------------
    await auditNav(page, 'Grades and discussions').click();
    await expectScreen(page, 'Grades and discussions');
    await expectAccessible(page, 'grades and discussions');
    await page.getByRole('link', { name: /^R1-001\s?: grades and discussion$/ }).click();
    await expectScreen(page, 'Case R1-001: grades and discussion');
    await expectAccessible(page, 'case review');

    // An agency's grade and its checklist's grade question are one value: the page opens with the
    // grades the agencies' checklists gave, their evidence notes as the rationale.
    await expect(page.getByRole('group', { name: 'Police: grade' }).getByRole('radio', { checked: true })).toHaveCount(
      1,
    );
    await expect(page.getByLabel('Rationale for the Police grade')).toHaveValue('Seen in the case record.');

    // A grade without its rationale is refused in the error summary, which takes focus.
    await page.getByRole('group', { name: 'Overall grade for the case' }).getByLabel('Good', { exact: true }).check();
    await page.getByRole('button', { name: 'Save grades' }).click();
    await expect(
      errorSummary(page).getByRole('link', { name: 'Give the rationale for the overall grade' }),
    ).toBeVisible();
    await expect(errorSummary(page)).toBeFocused();
    await expect(page).toHaveTitle(/^Error: /);
    await errorSummary(page).getByRole('link', { name: 'Give the rationale for the overall grade' }).click();
    await expect(page.getByLabel('Rationale for the overall grade')).toBeFocused();
    await page
      .getByLabel('Rationale for the overall grade')
      .fill('Timely screening and a sound decision; the history of earlier contacts was missed.');
    await page.getByRole('group', { name: 'Police: grade' }).getByLabel('Requires improvement').check();
    await page.getByLabel('Rationale for the Police grade').fill('');
    await page.getByRole('button', { name: 'Save grades' }).click();
    await expect(
      errorSummary(page).getByRole('link', { name: 'Give the rationale for the Police grade' }),
    ).toBeVisible();
    await expectAccessible(page, 'case review (grade without rationale)');
    await shot(page, '01-case-review-errors');
    await page.getByLabel('Rationale for the Police grade').fill('The child’s views were not passed on to the MASH.');
    await page.getByRole('button', { name: 'Save grades' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'Grades saved for case R1-001' })).toBeVisible();

    // The discussion: two attendees by role and agency (one added with "Add another"), agreed points, disagreements.
    await fillDate(page, 'Date of the discussion', '2026-02-10');
    await page.getByLabel('Role of attendee 1').fill('MASH team manager');
    await page.getByLabel('Agency of attendee 1').selectOption({ label: "Children's social care" });
    // With the keyboard alone: the "add another" button, and focus moves to the new row.
    await page.getByRole('button', { name: 'Add another attendee' }).press('Space');
    await expect(page.getByLabel('Role of attendee 2')).toBeFocused();
    await page.getByLabel('Role of attendee 2').fill('Detective sergeant, public protection');
    await page.getByRole('button', { name: 'Save discussion record' }).click();
    await expect(errorSummary(page).getByRole('link', { name: 'Choose the agency of attendee 2' })).toBeVisible();
    await page.getByLabel('Agency of attendee 2').selectOption({ label: 'Police' });
    await page.getByLabel('What was agreed').fill('Screening must record how many earlier contacts there were.');
    await page
      .getByLabel('Where agencies disagreed')
      .fill('Police felt the threshold was applied too high; not resolved, escalated to the MASH board.');
    await page.getByRole('button', { name: 'Save discussion record' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'Discussion record saved for case R1-001' })).toBeVisible();
    await expectAccessible(page, 'case review (saved)');
    await shot(page, '02-case-review-saved');

    await page.getByRole('link', { name: 'Back to all cases’ grades and discussions' }).click();
    await expectScreen(page, 'Grades and discussions');
    const caseRow = page.getByRole('row', { name: /R1-001/ });
    await expect(caseRow.getByText('Good', { exact: true })).toBeVisible();
    await expect(caseRow.getByText('Held on 10 February 2026')).toBeVisible();

    // --- Findings: the purpose and thresholds, suggestions accepted and edited, one of the auditor's own ---
    await auditNav(page, 'Findings').click();
    await expectScreen(page, 'Findings');
    await expectAccessible(page, 'findings');
    await shot(page, '03-findings');
    await shot(page, '03b-findings-top', false);

    await page.getByRole('link', { name: 'Change why this audit and the thresholds' }).click();
    await expectScreen(page, 'Why this audit and its thresholds');
    await page
      .getByLabel('Why this audit')
      .fill(
        'The January 2016 audit found gaps in information from schools and GPs, consent not established and timescales missed.',
      );
    await page.getByLabel('“In some cases” from').fill('60');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(
      errorSummary(page).getByRole('link', { name: 'The “some” threshold must be below the “many or most” threshold' }),
    ).toBeVisible();
    await expectAccessible(page, 'purpose and thresholds (error)');
    await page.getByLabel('“In some cases” from').fill('25');
    await page.getByRole('button', { name: 'Save' }).click();
    await expectScreen(page, 'Findings');
    await expect(page.getByText('Why this audit and the thresholds are saved')).toBeVisible();
    await expect(page.getByText('25% or more of the cases assessed')).toBeVisible();

    // Suggestions are statements under the heading of their own bucket, never the question as asked.
    const regions = page.getByRole('region', { name: /^In (many or most|some|a few) cases the following/ });
    expect(await regions.count()).toBe(6);
    for (const region of await regions.all()) {
      const heading = (await region.getByRole('heading').first().textContent())!;
      const bucket = heading.replace(/ the following .*$/, '');
      for (const text of await region.locator('.govuk-checkboxes__label, .app-finding__text').allTextContents()) {
        expect(text.replace(/^Learning theme: /, '').startsWith(`${bucket} (`), `${text} under ${heading}`).toBe(true);
        expect(text).not.toContain('?');
      }
    }
    const strengths = page.getByRole('region', { name: 'In many or most cases the following strengths were found' });
    const development = page.getByRole('region', {
      name: 'In many or most cases the following development areas were found',
    });
    const childViewsBox = strengths.getByRole('checkbox', {
      name: 'In many or most cases (2 of 3) the child’s views, wishes and feelings were known and recorded at the front door.',
    });
    await expect(childViewsBox).toHaveAccessibleDescription(
      /^Cases: R1-002 and R1-003\. 67% of the 3 cases assessed \(95% interval 21% to 94%\)\. A small sample/,
    );
    await expect(strengths.getByText('Small sample').first()).toBeVisible();

    // Nothing ticked: the error summary says so.
    await page.getByRole('button', { name: /^Accept selected/ }).click();
    await expect(errorSummary(page).getByRole('link', { name: 'Select the suggestions to accept' })).toBeVisible();
    await expectAccessible(page, 'findings (nothing selected)');

    // The question and its learning theme, related, accepted together.
    await childViewsBox.check();
    await page.getByRole('checkbox', { name: /^Learning theme: In .* the child’s voice was heard, recorded/ }).check();
    await page.getByRole('button', { name: 'Accept selected (2)' }).click();
    await expect(page.getByRole('alert').filter({ hasText: '2 findings accepted' })).toBeFocused();
    await expect(
      strengths
        .getByRole('listitem')
        .filter({ hasText: /the child’s views, wishes and feelings/ })
        .getByText('Accepted'),
    ).toBeVisible();
    await expect(
      page
        .getByRole('listitem')
        .filter({ hasText: /the child’s voice was heard/ })
        .getByText('Accepted'),
    ).toBeVisible();

    await development
      .getByRole('button', {
        name: /^Accept and edit the suggestion “In many or most cases \(2 of 3\) previous contacts and involvement/,
      })
      .click();
    await expectScreen(page, 'Change a finding');
    await expect(page.getByText('Suggestion accepted: now put it in your own words')).toBeVisible();
    await expectAccessible(page, 'change a finding');
    await shot(page, '04-finding-edit');
    const EDITED =
      'Earlier contacts and referrals for the child and siblings were not always found or used at screening';
    await page.getByLabel('The finding').fill(EDITED);
    await page.getByRole('button', { name: 'Save finding' }).click();
    await expectScreen(page, 'Findings');
    await expect(page.getByText('Finding saved')).toBeVisible();
    await expect(page.getByText(EDITED)).toBeVisible();

    await page.getByRole('link', { name: 'Add a finding of your own' }).click();
    await expectScreen(page, 'Add a finding of your own');
    await page.getByRole('button', { name: 'Save finding' }).click();
    await expect(
      errorSummary(page).getByRole('link', {
        name: 'Choose whether the finding is a strength or an area for development',
      }),
    ).toBeVisible();
    await expect(errorSummary(page).getByRole('link', { name: 'Write the finding' })).toBeVisible();
    await expectAccessible(page, 'add a finding (errors)');
    await page.getByLabel('An area for development').check();
    const OWN = 'Fathers and male carers were rarely asked for their views';
    await page.getByLabel('The finding').fill(OWN);
    await page.getByRole('group', { name: 'Evidence: the cases it was found in' }).getByLabel('R1-002').check();
    await page.getByRole('group', { name: 'Learning themes' }).getByLabel('Fathers engaged').check();
    await page.getByRole('button', { name: 'Save finding' }).click();
    await expectScreen(page, 'Findings');
    await expect(page.getByText('Finding added')).toBeVisible();
    await expect(page.getByText(OWN)).toBeVisible();
    await expectAccessible(page, 'findings (written)');

    // --- A recommendation and the action plan ---------------------------------------------------------
    await auditNav(page, 'Recommendations and action plan').click();
    await expectScreen(page, 'Recommendations and action plan');
    await expectAccessible(page, 'recommendations and action plan (empty)');
    await page.getByRole('link', { name: 'Add a recommendation' }).click();
    await expectScreen(page, 'Add a recommendation');
    await expectAccessible(page, 'add a recommendation');
    const RECOMMENDATION = 'The MASH screens every contact against the full history of the child, siblings and adults.';
    await page.getByLabel('The recommendation').fill(RECOMMENDATION);
    await page.getByRole('group', { name: 'The findings it rests on' }).getByLabel(EDITED).check();
    await page.getByRole('button', { name: 'Save recommendation' }).click();
    await expectScreen(page, 'Recommendations and action plan');
    await expect(page.getByText('Recommendation added')).toBeVisible();
    await expect(page.getByText(RECOMMENDATION)).toBeVisible();

    // A finding a recommendation rests on cannot be removed: the refusal shows in the error summary.
    await auditNav(page, 'Findings').click();
    await expectScreen(page, 'Findings');
    const editedItem = page.getByRole('listitem').filter({ hasText: EDITED });
    await editedItem.getByRole('button', { name: /^Remove\s+this finding$/ }).click();
    await expect(editedItem.getByRole('button', { name: 'Yes, remove it' })).toBeFocused();
    await expectAccessible(page, 'findings (confirm removal)');
    await page.keyboard.press('Enter');
    await expect(errorSummary(page)).toContainText(
      'A recommendation rests on this finding: change the recommendation first.',
    );
    await expect(page.getByText(EDITED)).toBeVisible();
    const ownItem = page.getByRole('listitem').filter({ hasText: OWN });
    await ownItem.getByRole('button', { name: /^Remove\s+this finding$/ }).click();
    await ownItem.getByRole('button', { name: 'Yes, remove it' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'Finding removed' })).toBeFocused();
    await expect(page.getByText(OWN)).toHaveCount(0);
    await auditNav(page, 'Recommendations and action plan').click();
    await expectScreen(page, 'Recommendations and action plan');

    await page.getByRole('link', { name: 'Add an action' }).click();
    await expectScreen(page, 'Add an action');
    await page.getByRole('button', { name: 'Save action' }).click();
    const actionErrors = errorSummary(page);
    for (const message of [
      'Describe the action: specific, measurable, achievable, relevant and time-bound',
      'Choose the lead agency',
      'Enter the role that owns the action (a role, not a person’s name)',
      'Enter the due date',
      'Say how success will be measured',
    ]) {
      await expect(actionErrors.getByRole('link', { name: message })).toBeVisible();
    }
    await expectAccessible(page, 'add an action (errors)');
    await shot(page, '05-action-errors');
    await actionErrors.getByRole('link', { name: 'Choose the lead agency' }).click();
    await expect(page.getByLabel('Lead agency')).toBeFocused();
    const OVERDUE_ACTION = 'Add a history check to the MASH screening template and brief all screeners.';
    await page.getByLabel('The action').fill(OVERDUE_ACTION);
    await page.getByLabel('Lead agency').selectOption({ label: "Children's social care" });
    await page.getByLabel('Owner').fill('MASH service manager');
    await fillDate(page, 'Due date', '2020-01-31');
    // A date already past is warned about, not refused.
    await expect(page.getByText('This date has passed: the action will show as overdue')).toBeVisible();
    await page
      .getByLabel('How success will be measured')
      .fill('Dip sample of 20 screenings shows the history used in 18');
    await page.getByLabel('The recommendation it carries out').selectOption({ index: 1 });
    await page.getByRole('button', { name: 'Save action' }).click();
    await expectScreen(page, 'Recommendations and action plan');
    await expect(page.getByText('Action added to the plan')).toBeVisible();

    await page.getByRole('link', { name: 'Add an action' }).click();
    const LATER_ACTION = 'Re-audit the front door with the same tool within six months.';
    await page.getByLabel('The action').fill(LATER_ACTION);
    await page.getByLabel('Lead agency').selectOption({ label: 'Police' });
    await page.getByLabel('Owner').fill('QA sub-committee chair');
    await fillDate(page, 'Due date', '2099-06-30');
    await page.getByLabel('How success will be measured').fill('Re-audit reported to the board');
    await page.getByRole('button', { name: 'Save action' }).click();
    await expectScreen(page, 'Recommendations and action plan');
    const plan = page.getByRole('table', { name: '2 actions' });
    await expect(
      plan.getByRole('row', { name: new RegExp(OVERDUE_ACTION.slice(0, 30)) }).getByText('Overdue'),
    ).toBeVisible();
    await expect(
      plan.getByRole('row', { name: new RegExp(LATER_ACTION.slice(0, 30)) }).getByText('Not yet started'),
    ).toBeVisible();
    await expectAccessible(page, 'recommendations and action plan');
    await shot(page, '06-action-plan');

    // --- QA sub-committee: the tracker, progress and verification -------------------------------------
    await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Actions' }).click();
    await expectScreen(page, 'Actions');
    const tracker = page.getByRole('table', { name: /^2 actions/ });
    await expect(tracker.getByRole('row').nth(1)).toContainText('Overdue');
    await expectAccessible(page, 'actions tracker');
    await page.getByLabel('Status').selectOption({ label: 'Overdue' });
    await page.getByRole('button', { name: 'Apply filters' }).click();
    const overdueOnly = page.getByRole('table', { name: '1 action: overdue' });
    await expect(overdueOnly).toBeVisible();
    await shot(page, '07-actions-tracker');
    await overdueOnly.getByRole('link', { name: OVERDUE_ACTION }).click();
    await expectScreen(page, OVERDUE_ACTION);
    await expect(page.getByText('This action was due on 31 January 2020 and is not complete.')).toBeVisible();
    await expectAccessible(page, 'action');

    await page.getByRole('link', { name: 'Record progress' }).click();
    await expectScreen(page, 'Record progress');
    await page.getByRole('button', { name: 'Record progress' }).click();
    await expect(errorSummary(page).getByRole('link', { name: 'Describe the progress' })).toBeVisible();
    await expectAccessible(page, 'record progress (errors)');
    await page.getByLabel('What has happened').fill('Template changed on 1 March; all 14 screeners briefed.');
    await page.getByRole('group', { name: 'Status now' }).getByLabel('Complete').check();
    await page.getByLabel('Evidence (optional)').fill('Briefing register and the new template, v3.');
    await page.getByRole('button', { name: 'Record progress' }).click();
    await expectScreen(page, OVERDUE_ACTION);
    await expect(page.getByText('Progress recorded')).toBeVisible();
    await expect(page.getByText('Template changed on 1 March; all 14 screeners briefed.')).toBeVisible();

    await page.getByRole('link', { name: 'Verify' }).click();
    await expectScreen(page, 'Verify the action');
    await page.getByRole('button', { name: 'Verify and close the action' }).click();
    const refusal = errorSummary(page).getByRole('link', {
      name: 'Record the evidence of impact (at least 10 characters) or link the re-audit that shows it',
    });
    await expect(refusal).toBeVisible();
    await expectAccessible(page, 'verify (refused)');
    await shot(page, '08-verify-refused');
    await refusal.click();
    await expect(page.getByLabel('Evidence of impact')).toBeFocused();
    await page
      .getByLabel('Evidence of impact')
      .fill('Dip sample in May: history used in 19 of 20 screenings, against 9 of 20 in January.');
    await page.getByRole('button', { name: 'Verify and close the action' }).click();
    await expectScreen(page, OVERDUE_ACTION);
    await expect(page.getByText('Action verified and closed')).toBeVisible();
    await expect(page.getByText('Verified', { exact: true }).first()).toBeVisible();
    await expect(page.getByText('Verified with evidence of impact')).toBeVisible();
    await expect(page.getByRole('link', { name: 'Record progress' })).toHaveCount(0);
    await expectAccessible(page, 'action (verified)');
    await shot(page, '09-action-verified');

    // An action not yet complete cannot be verified: the service's refusal is shown in the summary.
    // The menu opens the tracker unfiltered (filters live in the address: #/actions?status=…).
    await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Actions' }).click();
    await expect(page.getByRole('button', { name: 'Clear filters' })).toHaveCount(0);
    await page
      .getByRole('table', { name: /^2 actions/ })
      .getByRole('link', { name: LATER_ACTION })
      .click();
    await page.getByRole('link', { name: 'Verify' }).click();
    await page.getByLabel('Evidence of impact').fill('The board heard the re-audit plan.');
    await page.getByRole('button', { name: 'Verify and close the action' }).click();
    await expect(errorSummary(page)).toContainText('Mark the action complete before verifying it');

    // --- The summary of round 1 -----------------------------------------------------------------------
    await page.goto(`${new URL(host.url).origin}/#/audits/${round1.id}/summary`);
    await expectScreen(page, `${AUDIT_TITLE}: summary`);
    await expect(page.getByText('In many or most cases the following strengths were found:')).toBeVisible();
    // The written findings under headings that agree with them: the accepted one states its bucket,
    // the auditor's own words go under "also found".
    await expect(page.getByText('The following development areas were also found:')).toBeVisible();
    await expect(page.getByRole('listitem').filter({ hasText: EDITED })).toBeVisible();
    await expect(page.getByRole('listitem').filter({ hasText: RECOMMENDATION })).toBeVisible();
    await expect(
      page.getByRole('table', { name: 'Plan type' }).getByRole('row', { name: /Child protection/ }),
    ).toContainText('1');
    await expect(page.getByRole('table', { name: /overdue first/ }).getByText('Verified')).toBeVisible();
    await expect(page.getByText('This is the first round of this audit.')).toBeVisible();
    await expectAccessible(page, 'summary (first round)');
    await shot(page, '10-summary-round1');

    // --- A new template version rewords one question; the re-audit uses it -----------------------------
    const draft = await api['templateDrafts.create']({ fromId: 'mash-front-door', fromVersion: 1, as: 'new_version' });
    const reworded = structuredClone(draft.template);
    for (const s of reworded.sections) for (const q of s.questions) if (q.id === 'child-views') q.text = CHILD_VIEWS_V2;
    await api['templateDrafts.save']({ draftId: draft.id, template: reworded });
    await api['templateDrafts.publish']({ draftId: draft.id });

    await page.getByRole('link', { name: 'Start a re-audit' }).click();
    await expectScreen(page, 'Start a re-audit');
    await page.getByRole('button', { name: 'Start the re-audit' }).click();
    await expect(errorSummary(page).getByRole('link', { name: 'Enter a title for the re-audit' })).toBeVisible();
    await expectAccessible(page, 'start a re-audit (errors)');
    await page.getByLabel('Title of the re-audit').fill(REAUDIT_TITLE);
    await page
      .getByRole('group', { name: 'Template version' })
      .getByLabel(/version 2/)
      .check();
    await shot(page, '11-reaudit');
    await page.getByRole('button', { name: 'Start the re-audit' }).click();
    await expectScreen(page, REAUDIT_TITLE);
    await expect(page.getByText(/Re-audit started as round 2/)).toBeVisible();

    // Round 2 answered through the API: practice improved on both questions.
    const round2 = (await api['audits.list']({})).find((a) => a.title === REAUDIT_TITLE)!;
    expect(round2.round).toBe(2);
    expect(round2.templateVersion).toBe(2);
    await sampleAndAnswer(api, round2.id, 'R2', () => undefined);

    // The last action is verified by the re-audit itself.
    await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Actions' }).click();
    await page
      .getByRole('table', { name: /^2 actions/ })
      .getByRole('link', { name: LATER_ACTION })
      .click();
    await page.getByRole('link', { name: 'Record progress' }).click();
    await page.getByLabel('What has happened').fill('Re-audit carried out in July with the same tool.');
    await page.getByRole('group', { name: 'Status now' }).getByLabel('Complete').check();
    await page.getByRole('button', { name: 'Record progress' }).click();
    await page.getByRole('link', { name: 'Verify' }).click();
    await page
      .getByRole('group', { name: 'Re-audit that shows the impact' })
      .getByLabel(`Round 2: ${REAUDIT_TITLE}`)
      .check();
    await expectAccessible(page, 'verify (with re-audit)');
    await page.getByRole('button', { name: 'Verify and close the action' }).click();
    await expect(page.getByText('Action verified and closed')).toBeVisible();
    await expect(page.getByRole('link', { name: `Round 2: ${REAUDIT_TITLE}` })).toBeVisible();

    // --- The summary of round 2 shows the trend against round 1 ---------------------------------------
    await page.getByRole('link', { name: `Round 2: ${REAUDIT_TITLE}` }).click();
    await expectScreen(page, `${REAUDIT_TITLE}: summary`);
    const round1Label = `Round 1: ${AUDIT_TITLE}`;
    const round2Label = `Round 2: ${REAUDIT_TITLE}`;
    const byTheme = page.getByRole('table', { name: 'Trend by learning theme' });
    await expect(byTheme.getByRole('columnheader', { name: round1Label })).toBeVisible();
    await expect(byTheme.getByRole('columnheader', { name: round2Label })).toBeVisible();
    const history = byTheme.getByRole('row', { name: /Historical information used/ });
    // Three cases are a small sample (the default threshold is 5), and a rise on three cases could be chance.
    await expect(history.getByRole('cell')).toHaveText([
      '33% (1 of 3, small sample)',
      '100% (3 of 3, small sample)',
      /^Up 67 percentage points: with samples this size, this could be chance/,
    ]);
    await expect(
      page.getByRole('img', { name: 'Share of cases meeting the standard, by learning theme and round' }),
    ).toBeVisible();
    await expectAccessible(page, 'summary (trend by theme)');
    await shot(page, '12-summary-trend-themes');

    await page.getByRole('button', { name: 'By question' }).press('Enter');
    await expect(page.getByRole('button', { name: 'By question' })).toHaveAttribute('aria-pressed', 'true');
    const byQuestion = page.getByRole('table', { name: 'Trend by question' });
    const childViews = byQuestion.getByRole('row', { name: /child’s own views/ });
    await expect(childViews.getByRole('cell')).toHaveText([
      '67% (2 of 3, small sample)',
      '100% (3 of 3, small sample)',
      /^Up 33 percentage points: with samples this size, this could be chance/,
    ]);
    await expect(childViews.getByText('Wording changed')).toBeVisible();
    const previous = byQuestion.getByRole('row', { name: /Were previous contacts/ });
    await expect(previous.getByRole('cell')).toHaveText([
      '33% (1 of 3, small sample)',
      '100% (3 of 3, small sample)',
      /^Up 67 percentage points: with samples this size, this could be chance/,
    ]);
    await expect(previous.getByText('Wording changed')).toHaveCount(0);
    await expect(
      page.getByRole('img', { name: 'Share of cases meeting the standard, by question and round' }),
    ).toBeVisible();
    await expectAccessible(page, 'summary (trend by question)');
    await shot(page, '13-summary-trend-questions');
  });
});
