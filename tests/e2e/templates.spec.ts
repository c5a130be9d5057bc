// The QA sub-committee's template journeys through the real interface, on a real database behind the
// browser host: make a new version of a built-in template, reword and reorder questions, preview and
// publish it, and find that an audit started before keeps version 1 while a new audit gets version 2;
// export a template and import a changed copy; refuse a bad file naming the bad value's path; and
// keep a 200-question template responsive in the editor. Every screen is checked with axe, and
// screenshots go to /tmp/ui-templates/.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { DEFAULT_AGENCIES } from '../../shared/board.js';
import type { Api } from '../../shared/contract.js';
import type { TemplateInput } from '../../shared/template.js';
import { e2eWorkspace, startHost, type E2eHost, type E2eWorkspace } from './host.js';
import { expectAccessible, httpApi } from './support.js';

const SHOTS = '/tmp/ui-templates';

async function expectScreen(page: Page, h1: string | RegExp): Promise<void> {
  await expect(page.getByRole('heading', { level: 1, name: h1 })).toBeVisible();
}

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

/** The window as the person sees it, scrolled to `at` (full-page shots of long editors are too small to read). */
async function viewShot(page: Page, name: string, at?: Locator): Promise<void> {
  if (at) await at.evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await page.screenshot({ path: `${SHOTS}/${name}.png` });
}

function errorSummary(page: Page): Locator {
  return page.getByRole('alert').filter({ hasText: 'There is a problem' });
}

function menu(page: Page, name: string): Locator {
  return page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name, exact: true });
}

async function setUpBoard(api: Api): Promise<string> {
  const board = await api['board.setup']({
    name: 'Northshire Safeguarding Children Partnership',
    agencies: DEFAULT_AGENCIES.map((a) => ({ ...a })),
  });
  const csc = board.agencies.find((a) => a.kind === 'childrens_social_care');
  if (!csc) throw new Error('no children’s social care agency');
  return csc.id;
}

async function addCase(api: Api, auditId: string, reference: string, agencyId: string): Promise<string> {
  await api['cases.add']({
    auditId,
    reference,
    ageBand: '5-9',
    gender: 'female',
    ethnicity: 'white',
    disability: 'no',
    planType: 'child_in_need',
    agencyIds: [agencyId],
  });
  const detail = await api['audits.get']({ auditId });
  const checklist = detail.checklists[0];
  if (!checklist) throw new Error('no checklist');
  return checklist.id;
}

/** The question legends of the checklist's current section, in order. */
async function checklistQuestions(page: Page): Promise<string[]> {
  return page.locator('.app-question legend').allInnerTexts();
}

const MASH = 'MASH and front door: contacts and referrals';
const OLD_WORDING =
  'Was the reason for the contact clear: what had happened, and what the referrer was worried might happen to the child?';
const NEW_WORDING =
  'Was the reason for the contact clear to the MASH: what happened, and what the referrer feared would happen next?';
const RAG_WORDING = 'What RAG rating was given to the contact at screening?';
const DATE_WORDING = 'On what date did the MASH receive the contact?';

test.describe('audit templates', () => {
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

  test('QA makes version 2 of a template: the audit started before keeps version 1, a new audit gets version 2', async ({
    page,
  }) => {
    test.setTimeout(240_000);
    await page.setViewportSize({ width: 1200, height: 900 });
    host = await startHost(workspace);
    const api = httpApi(host.url);
    const csc = await setUpBoard(api);
    const before = await api['audits.create']({ title: 'MASH audit, spring 2026', templateId: 'mash-front-door' });
    const beforeChecklist = await addCase(api, before.id, 'SP-001', csc);

    // --- The library ---------------------------------------------------------------------------
    await page.goto(host.url);
    await expectScreen(page, 'Audits');
    await menu(page, 'Templates').click();
    await expectScreen(page, 'Audit templates');
    const mashRow = page.getByRole('row', { name: new RegExp(MASH) });
    await expect(mashRow.getByRole('cell').first()).toHaveText('1');
    await expectAccessible(page, 'audit templates');
    await shot(page, '01-library');

    // --- Make a new version and edit it ----------------------------------------------------------
    await mashRow.getByRole('button', { name: `Make a new version ${MASH}, version 1` }).click();
    await expectScreen(page, `Edit template: ${MASH}`);
    await expect(page.getByText('Draft of version 2 started')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Publish as version 2' })).toBeVisible();
    await expectAccessible(page, 'template editor');
    await shot(page, '02-editor');
    await viewShot(page, '02a-editor-top');

    await page.getByRole('button', { name: 'Edit question 1.1' }).click();
    await expect(page.getByRole('button', { name: 'Close question 1.1' }).first()).toHaveAttribute(
      'aria-expanded',
      'true',
    );
    const wording = page.getByLabel('Question 1.1', { exact: true });
    await expect(wording).toHaveValue(OLD_WORDING);
    await wording.fill(NEW_WORDING);
    await expect(page.getByText('You have changes that are not saved yet.')).toBeVisible();
    await expectAccessible(page, 'template editor with a question open');
    await shot(page, '03-editor-question-open');
    await viewShot(page, '03a-editor-question-open', page.getByRole('heading', { level: 3, name: /^1\.1 / }));

    // Reorder with the keyboard alone: focus "Move up" on question 1.3, press Enter; focus follows the question.
    await page.getByRole('button', { name: 'Move up question 1.3' }).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 3, name: `1.2 ${RAG_WORDING}` })).toBeVisible();
    await expect(page.getByRole('heading', { level: 3, name: `1.3 ${DATE_WORDING}` })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Move up question 1.2' })).toBeFocused();
    await expect(
      page.getByRole('status').filter({ hasText: 'Question moved: it is now question 1.2.' }),
    ).toBeAttached();

    // A question left without wording is refused, with the error linked to the field.
    await wording.fill('');
    await page.getByRole('button', { name: 'Save draft' }).click();
    await expect(errorSummary(page)).toBeFocused();
    await expect(page).toHaveTitle(/^Error: Edit template/);
    const missing = errorSummary(page).getByRole('link', { name: 'Question 1.1: enter the question' });
    await expect(missing).toBeVisible();
    await expectAccessible(page, 'template editor with errors');
    await shot(page, '04-editor-errors');
    await viewShot(page, '04a-editor-errors');
    await missing.click();
    await expect(wording).toBeFocused();
    await wording.fill(NEW_WORDING);

    // The service's own refusals give each issue's path; the editor links them to the control and opens the question.
    await page.route('**/rpc/templateDrafts.save', (route) =>
      route.fulfill({
        contentType: 'application/json',
        body: JSON.stringify({
          ok: false,
          error: {
            code: 'VALIDATION',
            message: 'template.sections[0].questions[1].options: a choice question needs at least two options',
            issues: [
              {
                path: ['template', 'sections', 0, 'questions', 1, 'options'],
                message: 'a choice question needs at least two options',
              },
            ],
          },
        }),
      }),
    );
    await page.getByRole('button', { name: 'Save draft' }).click();
    const serviceError = errorSummary(page).getByRole('link', {
      name: 'Question 1.2: a choice question needs at least two options',
    });
    await expect(serviceError).toBeVisible();
    await page.unroute('**/rpc/templateDrafts.save');
    await serviceError.click();
    await expect(page.getByRole('button', { name: 'Add an option to question 1.2' })).toBeFocused();

    await page.getByRole('button', { name: 'Save draft' }).click();
    await expect(page.getByText(/^Saved at \d\d:\d\d:\d\d\.$/)).toBeVisible();
    await expect(errorSummary(page)).toHaveCount(0);

    // --- Preview -----------------------------------------------------------------------------------
    await page.getByRole('button', { name: 'Preview' }).click();
    await expectScreen(page, `Preview: ${MASH}`);
    await expect(page.getByText('Draft of version 2')).toBeVisible();
    await expect(page.locator('legend').filter({ hasText: NEW_WORDING })).toBeVisible();
    await expect(page.locator('legend').filter({ hasText: OLD_WORDING })).toHaveCount(0);
    await expectAccessible(page, 'draft preview');
    await page.getByLabel('Show the questions asked of').selectOption({ label: 'Police' });
    await expect(page.getByText(/^Showing \d+ of 27 questions\.$/)).toBeVisible();
    await expect(page.locator('legend').filter({ hasText: DATE_WORDING })).toHaveCount(0);
    await shot(page, '05-preview');
    await page.getByRole('link', { name: 'Back to the editor' }).first().click();
    await expectScreen(page, `Edit template: ${MASH}`);
    await expect(page.getByRole('heading', { level: 3, name: `1.1 ${NEW_WORDING}` })).toBeVisible();
    await expect(page.getByRole('heading', { level: 3, name: `1.2 ${RAG_WORDING}` })).toBeVisible();

    // --- Publish -------------------------------------------------------------------------------------
    await page.getByRole('button', { name: 'Publish as version 2' }).click();
    await expectScreen(page, 'Audit templates');
    await expect(page.getByText(`Published: ${MASH}, version 2`)).toBeVisible();
    await expect(mashRow.getByRole('cell').first()).toHaveText('2');
    await expect(mashRow.getByRole('link', { name: `${MASH}, version 1` })).toBeVisible();
    await expect(page.getByText('There are no drafts.', { exact: false })).toBeVisible();
    await expectAccessible(page, 'audit templates after publishing');
    await shot(page, '06-library-published');

    // The published version 1 is still there to preview, unchanged.
    await mashRow.getByRole('link', { name: `${MASH}, version 1` }).click();
    await expectScreen(page, `Preview: ${MASH}`);
    await expect(page.getByText('Version 1', { exact: true })).toBeVisible();
    await expect(page.locator('legend').filter({ hasText: OLD_WORDING })).toBeVisible();
    await expectAccessible(page, 'template version preview');
    await shot(page, '07-preview-version-1');

    // --- The audit started before keeps version 1 -------------------------------------------------
    await menu(page, 'Audits').click();
    await expectScreen(page, 'Audits');
    await page.getByRole('link', { name: 'MASH audit, spring 2026' }).click();
    await expectScreen(page, 'MASH audit, spring 2026');
    await expect(page.getByText(`${MASH}, version 1`)).toBeVisible();
    await page.evaluate((id) => (location.hash = `#/checklists/${id}`), beforeChecklist);
    await expect(page.locator('.app-question legend').first()).toContainText(OLD_WORDING);
    const oldOrder = await checklistQuestions(page);
    expect(oldOrder.findIndex((t) => t.includes(DATE_WORDING))).toBeLessThan(
      oldOrder.findIndex((t) => t.includes(RAG_WORDING)),
    );
    expect(oldOrder.some((t) => t.includes(NEW_WORDING))).toBe(false);

    // --- A new audit gets version 2 ------------------------------------------------------------------
    await menu(page, 'Audits').click();
    await page.getByRole('link', { name: 'Start a new audit' }).click();
    await expectScreen(page, 'Start a new audit');
    await page.getByLabel('Title of the audit').fill('MASH repeat audit, autumn 2026');
    const choice = page.getByRole('group', { name: 'Audit template' }).getByLabel(MASH);
    await choice.check();
    await page.getByRole('button', { name: 'Start audit' }).click();
    await expectScreen(page, 'MASH repeat audit, autumn 2026');
    await expect(page.getByText(`${MASH}, version 2`)).toBeVisible();
    const audits = await api['audits.list']({});
    const after = audits.find((a) => a.title === 'MASH repeat audit, autumn 2026')!;
    expect(after.templateVersion).toBe(2);
    const afterChecklist = await addCase(api, after.id, 'AU-001', csc);
    await page.evaluate((id) => (location.hash = `#/checklists/${id}`), afterChecklist);
    await expect(page.locator('.app-question legend').first()).toContainText(NEW_WORDING);
    const newOrder = await checklistQuestions(page);
    expect(newOrder.findIndex((t) => t.includes(RAG_WORDING))).toBeLessThan(
      newOrder.findIndex((t) => t.includes(DATE_WORDING)),
    );
  });

  test('a template exported and imported as a changed copy round-trips; a bad file is refused naming the path', async ({
    page,
  }) => {
    test.setTimeout(180_000);
    await page.setViewportSize({ width: 1200, height: 900 });
    host = await startHost(workspace);
    const api = httpApi(host.url);
    await setUpBoard(api);

    await page.goto(host.url);
    await expectScreen(page, 'Audits');
    await menu(page, 'Templates').click();
    await expectScreen(page, 'Audit templates');

    // --- Export: a download of the JSON file --------------------------------------------------------
    const mashRow = page.getByRole('row', { name: new RegExp(MASH) });
    const downloading = page.waitForEvent('download');
    await mashRow.getByRole('button', { name: `Export ${MASH}, version 1` }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe('mash-front-door-v1.json');
    const exportedPath = join(workspace.dir, 'exported.json');
    await download.saveAs(exportedPath);
    const exported = JSON.parse(readFileSync(exportedPath, 'utf8')) as TemplateInput;
    expect(exported.id).toBe('mash-front-door');
    expect(exported.version).toBe(1);
    expect(readFileSync(exportedPath, 'utf8')).toBe(
      (await api['templates.export']({ id: 'mash-front-door', version: 1 })).json,
    );
    await expect(page.getByText(`is saved as mash-front-door-v1.json`)).toBeVisible();

    // --- Import a changed copy with an id of its own -------------------------------------------------
    const copy: TemplateInput = { ...exported, id: 'northshire-mash', title: 'Northshire MASH audit' };
    const copyPath = join(workspace.dir, 'northshire-mash.json');
    writeFileSync(copyPath, JSON.stringify(copy, null, 2) + '\n');
    await page.getByLabel('Template file').setInputFiles(copyPath);
    await page.getByRole('button', { name: 'Import template' }).click();
    await expect(page.getByText('Imported: Northshire MASH audit, version 1')).toBeVisible();
    await expect(page.getByRole('row', { name: /Northshire MASH audit/ })).toBeVisible();
    await expectAccessible(page, 'audit templates after an import');
    await shot(page, '08-library-imported');
    // The round trip: exporting the imported template gives back exactly the file imported.
    expect((await api['templates.export']({ id: 'northshire-mash', version: 1 })).json).toBe(
      readFileSync(copyPath, 'utf8'),
    );

    // Importing the same file again changes nothing.
    await page.getByLabel('Template file').setInputFiles(copyPath);
    await page.getByRole('button', { name: 'Import template' }).click();
    await expect(errorSummary(page).getByRole('link', { name: /already here; nothing was imported/ })).toBeVisible();

    // --- A bad file: refused with the path of the bad value, and nothing imported --------------------
    const count = (await api['templates.list']({})).length;
    const bad = structuredClone(copy) as unknown as { id: string; sections: { questions: { type: string }[] }[] };
    bad.id = 'bad-template';
    bad.sections[0]!.questions[1]!.type = 'essay';
    const badPath = join(workspace.dir, 'bad-template.json');
    writeFileSync(badPath, JSON.stringify(bad, null, 2));
    await page.getByLabel('Template file').setInputFiles(badPath);
    await page.getByRole('button', { name: 'Import template' }).click();
    await expect(errorSummary(page)).toBeFocused();
    const pathError = errorSummary(page).getByRole('link', { name: /sections\[0\]\.questions\[1\]\.type/ });
    await expect(pathError).toBeVisible();
    await expect(page.locator('#template-file-error')).toContainText('nothing was imported');
    await expectAccessible(page, 'audit templates with an import error');
    await shot(page, '09-import-error');
    await pathError.click();
    await expect(page.getByLabel('Template file')).toBeFocused();
    const listAfter = await api['templates.list']({});
    expect(listAfter.length).toBe(count);
    expect(listAfter.some((t) => t.id === 'bad-template')).toBe(false);

    // Not JSON at all.
    const notJson = join(workspace.dir, 'notes.json');
    writeFileSync(notJson, 'these are meeting notes, not a template');
    await page.getByLabel('Template file').setInputFiles(notJson);
    await page.getByRole('button', { name: 'Import template' }).click();
    await expect(errorSummary(page).getByRole('link', { name: /not valid JSON/ })).toBeVisible();
    expect((await api['templates.list']({})).length).toBe(count);

    // --- Copy as a new template, then discard the draft ------------------------------------------------
    await page
      .getByRole('row', { name: /Northshire MASH audit/ })
      .getByRole('button', { name: /^Copy as a new template/ })
      .click();
    await expectScreen(page, 'Edit template: Copy of Northshire MASH audit');
    await expect(page.getByText('Draft of a new template')).toBeVisible();
    await page.getByLabel('Title', { exact: true }).fill('Northshire MASH audit (schools)');
    await page.getByRole('button', { name: 'Save draft' }).click();
    await expect(page.getByText(/^Saved at/)).toBeVisible();
    // What is typed and not yet saved is saved on leaving the editor.
    await page.getByLabel('Description (optional)').fill('The front door audit, adapted for schools.');
    await page.getByRole('link', { name: 'Audit templates' }).click();
    await expect
      .poll(async () => {
        const [d] = await api['templateDrafts.list']({});
        return d ? (await api['templateDrafts.get']({ draftId: d.id })).template.description : '';
      })
      .toBe('The front door audit, adapted for schools.');
    await expectScreen(page, 'Audit templates');
    const draftRow = page.getByRole('row', { name: /Northshire MASH audit \(schools\)/ });
    await expect(draftRow).toContainText('A new template of the board’s own');
    await expectAccessible(page, 'audit templates with a draft');
    await shot(page, '10-library-draft');
    await draftRow.getByRole('button', { name: /^Discard/ }).click();
    await expect(page.getByRole('button', { name: 'Yes, discard it' })).toBeFocused();
    await expectAccessible(page, 'audit templates confirming a discard');
    await page.keyboard.press('Enter');
    await expect(page.getByText('Draft discarded: Northshire MASH audit (schools)')).toBeVisible();
    expect(await api['templateDrafts.list']({})).toEqual([]);
  });

  test('the editor builds a question with options and a condition, and stays responsive with 200 questions', async ({
    page,
  }) => {
    test.setTimeout(240_000);
    await page.setViewportSize({ width: 1200, height: 900 });
    host = await startHost(workspace);
    const api = httpApi(host.url);
    await setUpBoard(api);

    // A 200-question template of the board's own, imported through the API.
    const big: TemplateInput = {
      formatVersion: 1,
      id: 'big-neglect-audit',
      version: 1,
      title: 'Neglect audit, long form',
      theme: 'neglect',
      scope: 'case',
      description: 'Ten sections of twenty questions.',
      sections: Array.from({ length: 10 }, (_, s) => ({
        id: `section-${s + 1}`,
        title: `Part ${s + 1}`,
        description: '',
        questions: Array.from({ length: 20 }, (_, q) => ({
          id: `q-${s + 1}-${q + 1}`,
          text: `Question ${q + 1} of part ${s + 1}: was the child’s lived experience recorded?`,
          type: q % 3 === 0 ? ('single_choice' as const) : ('yes_partly_no' as const),
          guidance: 'Look at the case notes.',
          required: true,
          appliesTo: [],
          themes: ['voice_of_child' as const],
          ...(q % 3 === 0
            ? {
                options: [
                  { value: 'always', label: 'Always', meetsStandard: true },
                  { value: 'sometimes', label: 'Sometimes' },
                  { value: 'never', label: 'Never', meetsStandard: false },
                ],
              }
            : {}),
        })),
      })),
    };
    await api['templates.import']({ json: JSON.stringify(big) });
    const draft = await api['templateDrafts.create']({
      fromId: 'big-neglect-audit',
      fromVersion: 1,
      as: 'new_version',
    });

    await page.goto(host.url);
    await expectScreen(page, 'Audits');
    const opened = Date.now();
    await page.evaluate((id) => (location.hash = `#/templates/drafts/${id}`), draft.id);
    await expectScreen(page, 'Edit template: Neglect audit, long form');
    await expect(page.getByRole('heading', { level: 3 })).toHaveCount(200);
    const openMs = Date.now() - opened;

    // Typing into one question re-renders that field only.
    await page.getByRole('button', { name: 'Edit question 5.7' }).click();
    const text = page.getByLabel('Question 5.7', { exact: true });
    await text.click();
    await text.press('End');
    // The browser's Event Timing API reports every input event that took 16 ms or more to handle.
    await page.evaluate(() => {
      const slow: number[] = [];
      (window as unknown as { slowEvents: number[] }).slowEvents = slow;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries() as PerformanceEventTiming[]) slow.push(e.processingEnd - e.processingStart);
      }).observe({ type: 'event', durationThreshold: 16 } as PerformanceObserverInit);
      const long: number[] = [];
      (window as unknown as { longTasks: number[] }).longTasks = long;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) long.push(e.duration);
      }).observe({ type: 'longtask' });
    });
    const typed = ' Include the views of brothers and sisters as well.';
    const started = Date.now();
    await page.keyboard.type(typed);
    const perKey = (Date.now() - started) / typed.length;
    await expect(text).toHaveValue(new RegExp(`${typed}$`));
    await page.waitForTimeout(600); // what reads the whole template follows after a pause: measured too
    const slow = await page.evaluate(() => (window as unknown as { slowEvents: number[] }).slowEvents);
    const long = await page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks);
    const worst = Math.max(0, ...slow);
    console.log(
      `200 questions: editor open in ${openMs} ms; ${perKey.toFixed(1)} ms per keystroke end to end; ` +
        `${slow.length} input events of ${typed.length} keystrokes took 16 ms or more (worst handler ${worst.toFixed(1)} ms); ` +
        `long tasks while typing and committing: ${long.map((d) => d.toFixed(0)).join(', ') || 'none'}`,
    );
    expect(worst).toBeLessThan(100);

    // Options: make 5.8 a single choice, fill its two options, add a third; then a condition on 5.7.
    await page.getByRole('button', { name: 'Edit question 5.8' }).click();
    await page.getByLabel('Type of answer').nth(1).selectOption({ label: 'One choice from a list' });
    const options = page.getByRole('group', { name: 'Answer options for question 5.8' });
    await options.getByRole('group', { name: 'Option 1' }).getByLabel('Label').fill('Seen and heard');
    await options
      .getByRole('group', { name: 'Option 1' })
      .getByLabel('Counts as')
      .selectOption({ label: 'Meets the standard' });
    await options.getByRole('group', { name: 'Option 2' }).getByLabel('Label').fill('Not seen');
    await options.getByRole('button', { name: 'Add an option to question 5.8' }).click();
    await expect(options.getByRole('group', { name: 'Option 3' }).getByLabel('Label')).toBeFocused();
    await page.keyboard.type('Not recorded');
    await options.getByRole('group', { name: 'Option 3' }).getByLabel('Stored value').fill('Not Recorded!');
    await page.getByLabel('When is this question asked?').nth(1).selectOption('q-5-7');
    await page
      .getByRole('group', { name: 'Ask it when the answer to 5.7 is' })
      .getByLabel('Never', { exact: true })
      .check();
    await page.getByRole('button', { name: 'Save draft' }).click();
    // The bad stored value is named and linked to its field.
    const valueError = errorSummary(page).getByRole('link', {
      name: /^Question 5\.8: option 3 value: use lower-case letters/,
    });
    await expect(valueError).toBeVisible();
    await expectAccessible(page, 'template editor with option errors');
    await shot(page, '11-editor-options-errors');
    await viewShot(page, '11a-editor-options-errors', page.getByRole('heading', { level: 3, name: /^5\.8 / }));
    await valueError.click();
    await expect(options.getByRole('group', { name: 'Option 3' }).getByLabel('Stored value')).toBeFocused();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('not-recorded');
    await page.getByRole('button', { name: 'Save draft' }).click();
    await expect(page.getByText(/^Saved at/)).toBeVisible();

    const saved = await api['templateDrafts.get']({ draftId: draft.id });
    const q58 = saved.template.sections[4]!.questions[7]!;
    expect(q58.type).toBe('single_choice');
    expect(q58.options).toEqual([
      { value: 'option-1', label: 'Seen and heard', meetsStandard: true },
      { value: 'option-2', label: 'Not seen' },
      { value: 'not-recorded', label: 'Not recorded' },
    ]);
    expect(q58.showWhen).toEqual({ questionId: 'q-5-7', anyOf: ['never'] });
    expect(saved.template.sections[4]!.questions[6]!.text).toMatch(
      /Include the views of brothers and sisters as well\.$/,
    );
    await expect(page.getByRole('heading', { level: 3, name: /^5\.8 / })).toBeVisible();
    await expect(page.getByText('Asked only when 5.7 is Never')).toBeVisible();
    await viewShot(page, '12-editor-options-saved', page.getByRole('heading', { level: 3, name: /^5\.8 / }));
    await viewShot(
      page,
      '13-editor-question-fields',
      page.getByRole('group', { name: 'Which agencies answer this question?' }).nth(1),
    );

    // Remove a question, confirming first; focus moves to the next question.
    await page.getByRole('button', { name: 'Remove question 5.7' }).click();
    await expect(page.getByText('Question 5.8 is asked only after an answer to this one')).toBeVisible();
    await page.getByRole('button', { name: 'Yes, remove it' }).click();
    await expect(page.getByRole('heading', { level: 3 })).toHaveCount(199);
    await page.getByRole('button', { name: 'Save draft' }).click();
    await expect(
      errorSummary(page).getByRole('link', { name: /^Question 5\.7: condition points at "q-5-7"/ }),
    ).toBeVisible();
  });
});
