// The auditor's first journey through the real interface, on a real database behind the browser host:
// set up the board, start a MASH audit, add two cases (one first typed as a name), answer a checklist
// as the answers are given, fail and then succeed to mark it complete, restart the host on the same
// database and find every answer as it was left. Every screen visited is checked with axe.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { e2eWorkspace, startHost, type E2eHost, type E2eWorkspace } from './host.js';
import { expectAccessible } from './support.js';

async function expectScreen(page: Page, h1: string | RegExp): Promise<void> {
  await expect(page.getByRole('heading', { level: 1, name: h1 })).toBeVisible();
}

/** A link in the checklist's task list of sections (not the previous/next links under the questions). */
function sectionLink(page: Page, name: RegExp): Locator {
  return page.getByRole('navigation', { name: 'Sections', exact: true }).getByRole('link', { name });
}

/** Resolves when the service has saved an answer whose request satisfies `match`. */
function answerSaved(page: Page, match: (body: Record<string, unknown>) => boolean): Promise<unknown> {
  return page.waitForResponse((r) => {
    if (!r.url().endsWith('/rpc/answers.save') || !r.ok()) return false;
    const body: unknown = r.request().postDataJSON();
    return typeof body === 'object' && body !== null && match(body as Record<string, unknown>);
  });
}

/** The status line of the question whose first control has this id: "Saved at 14:32:05". */
function savedLine(page: Page, controlId: string): Locator {
  return page.locator(`[id="${controlId}-status"]`);
}

const AUDIT_TITLE = 'MASH repeat audit, spring 2026';

interface CaseInput {
  reference: string;
  ageBand: string;
  gender: string;
  ethnicity: string;
  disability: string;
  planType: string;
  agencies: string[];
}

async function fillCase(page: Page, c: CaseInput): Promise<void> {
  await page.getByLabel('Case reference').fill(c.reference);
  await page.getByLabel('Age band').selectOption({ label: c.ageBand });
  await page.getByRole('group', { name: 'Gender' }).getByLabel(c.gender, { exact: true }).check();
  await page.getByLabel('Ethnic group').selectOption({ label: c.ethnicity });
  await page
    .getByRole('group', { name: 'Does the child have a disability?' })
    .getByLabel(c.disability, { exact: true })
    .check();
  await page.getByRole('group', { name: 'Plan type' }).getByLabel(c.planType, { exact: true }).check();
  const agencies = page.getByRole('group', { name: 'Agencies involved' });
  for (const agency of c.agencies) await agencies.getByLabel(agency, { exact: true }).check();
}

test.describe('auditor journey', () => {
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

  test('sets up, audits a case, saves as it goes, completes, and keeps every answer across a restart', async ({
    page,
  }) => {
    test.setTimeout(180_000);
    host = await startHost(workspace);

    // --- First run: set up the board -------------------------------------------------------
    await page.goto(host.url);
    await expectScreen(page, 'Set up your partnership');
    await expect(page).toHaveTitle('Set up your partnership – Case Audit');
    // The token leaves the address bar as soon as the interface has it.
    expect(page.url()).not.toContain('token=');
    await expectAccessible(page, 'set up your board');

    await page.getByRole('button', { name: 'Save and continue' }).click();
    const setupErrors = page.getByRole('alert').filter({ hasText: 'There is a problem' });
    await expect(setupErrors.getByRole('link', { name: 'Enter the name of the board or partnership' })).toBeVisible();
    await expectAccessible(page, 'set up your board (with errors)');
    await setupErrors.getByRole('link', { name: 'Enter the name of the board or partnership' }).click();
    await expect(page.getByLabel('Name of the partnership')).toBeFocused();
    await page.getByLabel('Name of the partnership').fill('Northshire Safeguarding Children Partnership');
    await page.getByLabel('Agency name 2').fill('Northshire Police');
    await page.getByRole('button', { name: 'Save and continue' }).click();
    // The QA sub-committee's card comes next (tests/e2e/safeDefaults.spec.ts enrols one); skipped here.
    await expectScreen(page, 'The QA sub-committee’s identity card');
    await expect(page.getByText('Northshire Safeguarding Children Partnership is set up')).toBeVisible();
    await page.getByRole('button', { name: 'Skip for now' }).click();

    // --- Audits: start a MASH audit ------------------------------------------------------------
    await expectScreen(page, 'Audits');
    await expect(page.getByText('No QA sub-committee card is enrolled')).toBeVisible();
    await expectAccessible(page, 'audits');
    await page.getByRole('link', { name: 'Start a new audit' }).click();
    await expectScreen(page, 'Start a new audit');
    await expectAccessible(page, 'start a new audit');
    await page.getByLabel('Title of the audit').fill(AUDIT_TITLE);
    await page.getByRole('group', { name: 'Audit template' }).getByLabel(/MASH/).first().check();
    await page.getByRole('button', { name: 'Start audit' }).click();

    await expectScreen(page, AUDIT_TITLE);
    await expect(page.getByText(/version 1/)).toBeVisible();
    await expectAccessible(page, 'audit overview (no cases)');

    // --- Add two cases; the first is typed as a name before it is pseudonymised -------------------
    await page.getByRole('link', { name: 'Add a case' }).click();
    await expectScreen(page, 'Add a case');
    await expectAccessible(page, 'add a case');
    await page.getByLabel('Case reference').fill('Jane Smith');
    await expect(page.getByText('This reference looks like a personal name')).toBeVisible();
    const confirm = page.getByLabel('I confirm this reference is not a name or personal identifier');
    await expect(confirm).toBeVisible();
    await expectAccessible(page, 'add a case (reference warning)');
    await fillCase(page, {
      reference: 'C-014',
      ageBand: '5 to 9 years',
      gender: 'Female',
      ethnicity: 'White',
      disability: 'No',
      planType: 'Child protection',
      agencies: ["Children's social care", 'Northshire Police'],
    });
    await expect(page.getByText('This reference looks like a personal name')).toHaveCount(0);
    await expect(confirm).toHaveCount(0);
    await page.getByRole('button', { name: 'Add case' }).click();
    await expectScreen(page, AUDIT_TITLE);
    await expect(page.getByText('Case C-014 added with 2 checklists')).toBeVisible();

    await page.getByRole('link', { name: 'Add a case' }).click();
    await expectScreen(page, 'Add a case');
    // The same reference again is refused by the service, and the refusal shows in the error summary.
    await fillCase(page, {
      reference: 'C-014',
      ageBand: '14 to 15 years',
      gender: 'Male',
      ethnicity: 'Mixed or multiple ethnic groups',
      disability: 'Yes',
      planType: 'Child in need',
      agencies: ['Health', 'Northshire Police'],
    });
    await page.getByRole('button', { name: 'Add case' }).click();
    await expect(page.getByRole('alert').getByRole('link', { name: /already has a case "C-014"/ })).toBeVisible();
    await expectAccessible(page, 'add a case (duplicate reference)');
    await page.getByLabel('Case reference').fill('C-027');
    await page.getByRole('button', { name: 'Add case' }).click();
    await expectScreen(page, AUDIT_TITLE);
    await expect(page.getByText('Case C-027 added with 2 checklists')).toBeVisible();
    const grid = page.getByRole('table', { name: 'Checklists by case and agency' });
    // Each case's row header holds its reference, then its Change and Remove links.
    await expect(grid.getByRole('rowheader')).toHaveText([/^C-014(?!\d)/, /^C-027(?!\d)/]);
    await expectAccessible(page, 'audit overview');

    // --- Answer the police checklist for C-014 -------------------------------------------------
    await grid.getByRole('link', { name: /Case C-014, Northshire Police/ }).click();
    await expectScreen(page, 'Case C-014: Northshire Police');
    await expect(page.getByText(/Answered 0 of \d+ required questions/).first()).toBeVisible();
    await expectAccessible(page, 'checklist');

    // A choice saves as soon as it is made; an evidence note saves once typing stops.
    const reasonClear = page.getByRole('group', { name: /Was the reason for the contact clear/ });
    const reasonClearId = (await reasonClear.getByRole('radio').first().getAttribute('id'))!;
    await reasonClear.getByRole('radio', { name: 'Yes', exact: true }).check();
    await expect(savedLine(page, reasonClearId)).toHaveText(/^Saved at \d\d:\d\d:\d\d$/);
    const evidence = 'Referral form of 3 May sets out what was seen, by whom, and the risk the school feared.';
    const evidenceSaved = answerSaved(page, (b) => b.evidence === evidence && b.value === 'yes');
    await reasonClear.getByLabel(/Evidence note/).pressSequentially(evidence, { delay: 5 });
    // Saved once typing stops, without leaving the field.
    await evidenceSaved;
    await expect(reasonClear.getByLabel(/Evidence note/)).toBeFocused();
    await expect(savedLine(page, reasonClearId)).toHaveText(/^Saved at/);
    await expect(page.getByText(/Answered 1 of \d+ required questions/).first()).toBeVisible();

    // "Not applicable" asks for its reason.
    await sectionLink(page, /Consent and the family/).click();
    await expect(page.getByRole('heading', { level: 2, name: /Consent and the family/ })).toBeFocused();
    const discussed = page.getByRole('group', { name: /discuss its concerns with the parents/ });
    const discussedId = (await discussed.getByRole('radio').first().getAttribute('id'))!;
    await discussed.getByRole('radio', { name: 'Not applicable' }).check();
    const naReason = 'Referral concerned possible sexual abuse: telling the parents could have put the child at risk.';
    const reasonSaved = answerSaved(page, (b) => b.value === 'na' && b.notApplicableReason === naReason);
    await discussed.getByLabel('Why is this not applicable?').fill(naReason);
    await discussed.getByLabel('Why is this not applicable?').blur();
    await reasonSaved;
    await expect(savedLine(page, discussedId)).toHaveText(/^Saved at/);
    const childViews = page.getByRole('group', { name: /child’s own views/ });
    const childViewsId = (await childViews.getByRole('radio').first().getAttribute('id'))!;
    await childViews.getByRole('radio', { name: 'Partly' }).check();
    await expect(savedLine(page, childViewsId)).toHaveText(/^Saved at/);
    await expectAccessible(page, 'checklist (answers given)');

    // Completing with required questions unanswered lists them instead.
    await page.getByRole('button', { name: 'Mark as complete' }).click();
    const missing = page.getByRole('alert').filter({ hasText: 'You cannot mark this checklist as complete yet' });
    await expect(missing).toBeVisible();
    await expect(missing).toBeFocused();
    await expect(page).toHaveTitle(/^Error: Case C-014: Northshire Police – Case Audit$/);
    await expectAccessible(page, 'checklist (missing answers)');
    // The summary is about this section, as it is now: each link moves focus to its question, and an
    // answered question leaves the summary at once. Other sections are named with how many they need;
    // their line opens the section, which the summary does not follow.
    expect(await missing.getByRole('link').count()).toBeGreaterThan(0);
    const answeredByLink: Array<{ id: string; kind: 'checked' | 'text'; text?: string }> = [];
    let sectionsOpened = 0;
    for (let step = 0; step < 80 && (await missing.count()) > 0; step++) {
      const link = missing.getByRole('link').first();
      const line = (await link.textContent()) ?? '';
      if (/^Section \d+ of \d+, /.test(line)) {
        await link.click();
        await expect(page.locator(':focus')).toHaveAttribute('id', 'section-heading');
        await expect(missing).toHaveCount(0);
        sectionsOpened++;
        await page.getByRole('button', { name: 'Mark as complete' }).click();
        await expect(missing).toBeVisible();
        continue;
      }
      expect(line).toMatch(/^(Answer question|Give the reason question) \d+\.\d+/);
      await link.click();
      const focused = page.locator(':focus');
      await expect(focused).toHaveAttribute('id', /^q-/);
      const id = (await focused.getAttribute('id'))!;
      const type = await focused.evaluate((el) =>
        el instanceof HTMLInputElement ? el.type : el.tagName.toLowerCase(),
      );
      if (type === 'radio' || type === 'checkbox') {
        await focused.check();
        answeredByLink.push({ id, kind: 'checked' });
      } else if (type === 'date') {
        await focused.fill('2026-03-02');
        await focused.blur();
        answeredByLink.push({ id, kind: 'text', text: '2026-03-02' });
      } else {
        const text = type === 'text' ? '3' : 'Recorded in the MASH log.';
        await focused.fill(text);
        await focused.blur();
        answeredByLink.push({ id, kind: 'text', text });
      }
      await expect(savedLine(page, id)).toHaveText(/^Saved at/);
      await expect(missing.getByRole('link', { name: line, exact: true })).toHaveCount(0);
    }
    await expect(missing).toHaveCount(0);
    expect(answeredByLink.length).toBeGreaterThan(0);
    expect(sectionsOpened).toBeGreaterThan(0);

    // An optional free-text answer, typed as a person types.
    await sectionLink(page, /Feedback and overall judgement/).click();
    const strengths = page.getByRole('group', { name: /Strengths in this agency/ });
    const strengthsId = (await strengths.getByRole('textbox').first().getAttribute('id'))!;
    const strengthsText = 'Quick, full answer to the MASH request;\nthe officer checked siblings as well.';
    const strengthsSaved = answerSaved(page, (b) => b.value === strengthsText);
    await page.locator(`[id="${strengthsId}"]`).pressSequentially(strengthsText, { delay: 5 });
    await strengthsSaved;
    await expect(savedLine(page, strengthsId)).toHaveText(/^Saved at/);

    await page.getByRole('button', { name: 'Mark as complete' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'Checklist marked as complete' })).toBeVisible();
    await expect(page.getByText('Completed', { exact: true }).first()).toBeVisible();
    await expect(page.getByRole('button', { name: 'Reopen checklist' })).toBeVisible();
    await expectAccessible(page, 'checklist (complete)');

    // --- Restart the host on the same database ------------------------------------------------
    await host.stop();
    host = await startHost(workspace);
    await page.goto(host.url);
    await expectScreen(page, 'Audits');
    await page.getByRole('link', { name: AUDIT_TITLE }).click();
    await expectScreen(page, AUDIT_TITLE);
    const gridAgain = page.getByRole('table', { name: 'Checklists by case and agency' });
    await expect(gridAgain.getByRole('row', { name: /C-014/ }).getByText('Completed', { exact: true })).toBeVisible();
    await gridAgain.getByRole('link', { name: /Case C-014, Northshire Police/ }).click();
    await expectScreen(page, 'Case C-014: Northshire Police');
    await expectAccessible(page, 'checklist (after restart)');
    await expect(page.getByRole('button', { name: 'Reopen checklist' })).toBeVisible();

    const clear = page.getByRole('group', { name: /Was the reason for the contact clear/ });
    await expect(clear.getByRole('radio', { name: 'Yes', exact: true })).toBeChecked();
    await expect(clear.getByLabel(/Evidence note/)).toHaveValue(evidence);

    await sectionLink(page, /Consent and the family/).click();
    const discussedAgain = page.getByRole('group', { name: /discuss its concerns with the parents/ });
    await expect(discussedAgain.getByRole('radio', { name: 'Not applicable' })).toBeChecked();
    await expect(discussedAgain.getByLabel('Why is this not applicable?')).toHaveValue(naReason);
    await expect(
      page.getByRole('group', { name: /child’s own views/ }).getByRole('radio', { name: 'Partly' }),
    ).toBeChecked();

    // The answers given through the error summary's links, section by section.
    const sectionLinks = page.getByRole('navigation', { name: 'Sections', exact: true }).getByRole('link');
    const sectionCount = await sectionLinks.count();
    const seen = new Set<string>();
    for (let s = 0; s < sectionCount; s++) {
      const link = sectionLinks.nth(s);
      await link.click();
      // Wait for the chosen section to be the one shown before looking for its questions.
      await expect(link).toHaveAttribute('aria-current', 'step');
      const title = (await link.innerText()).replace(/^\d+\.\s*/, '').trim();
      await expect(page.locator('#section-heading')).toHaveText(title);
      for (const answer of answeredByLink) {
        const control = page.locator(`[id="${answer.id}"]`);
        if (seen.has(answer.id) || (await control.count()) === 0) continue;
        seen.add(answer.id);
        if (answer.kind === 'checked') await expect(control).toBeChecked();
        else await expect(control).toHaveValue(answer.text!);
      }
    }
    expect([...seen].sort()).toEqual(answeredByLink.map((a) => a.id).sort());

    await sectionLink(page, /Feedback and overall judgement/).click();
    await expect(page.locator(`[id="${strengthsId}"]`)).toHaveValue(strengthsText);
  });
});
