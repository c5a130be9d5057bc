// What the board receives, from an audit entered through the real interface: the auditor starts an
// audit, adds six cases and answers each checklist on screen; the suggested findings read as
// statements under headings that agree with them, with their counts; the board's small-sample
// threshold, changed on the settings screen, marks them; the accepted findings reach the board report,
// downloaded as PDF and as Word and read back with independent readers (pdfjs, mammoth). Only the
// partnership and a short template are set up through the API. Every screen visited is checked with axe.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { DEFAULT_AGENCIES } from '../../shared/board.js';
import { docxText, pdfText } from '../helpers/documents.js';
import { e2eWorkspace, startHost, type E2eHost, type E2eWorkspace } from './host.js';
import { expectAccessible, httpApi } from './support.js';

async function expectScreen(page: Page, h1: string | RegExp): Promise<void> {
  await expect(page.getByRole('heading', { level: 1, name: h1 })).toBeVisible();
}

const errorSummary = (page: Page): Locator => page.getByRole('alert').filter({ hasText: 'There is a problem' });

const AUDIT_TITLE = 'Seen alone audit, March 2026';
const SEEN_ALONE = 'Was the child seen alone by the practitioner?';
// No finding wording: the suggestion is built from the question, never the question as asked.
const VIEWS = 'Were the child’s views recorded in their own words?';

// A short template, so the checklists can be answered on screen: one question with the finding's
// words, one without.
const TEMPLATE = {
  formatVersion: 1,
  id: 'seen-alone-check',
  version: 1,
  title: 'Seen alone check',
  theme: 'neglect',
  scope: 'case',
  description: 'Whether the child was seen alone and their views recorded.',
  sections: [
    {
      id: 'child',
      title: 'The child',
      questions: [
        {
          id: 'seen-alone',
          text: SEEN_ALONE,
          type: 'yes_partly_no',
          themes: ['child_seen_alone'],
          finding: { met: 'the child was seen alone', unmet: 'the child was not seen alone' },
        },
        { id: 'views-recorded', text: VIEWS, type: 'yes_partly_no', themes: [] },
      ],
    },
  ],
};

type Answer = 'Yes' | 'No' | 'Not applicable';
// Seen alone: not in 3 of the 5 cases assessed, not applicable for the baby. Views: recorded in 5 of 6.
const CASES: Array<{ reference: string; seenAlone: Answer; views: Answer }> = [
  { reference: 'SA-01', seenAlone: 'No', views: 'Yes' },
  { reference: 'SA-02', seenAlone: 'No', views: 'Yes' },
  { reference: 'SA-03', seenAlone: 'No', views: 'No' },
  { reference: 'SA-04', seenAlone: 'Yes', views: 'Yes' },
  { reference: 'SA-05', seenAlone: 'Yes', views: 'Yes' },
  { reference: 'SA-06', seenAlone: 'Not applicable', views: 'Yes' },
];

const UNMET = 'In many or most cases (3 of 5) the child was not seen alone.';
const MET = 'In some cases (2 of 5) the child was seen alone.';
const VIEWS_MET =
  'In many or most cases (5 of 6) practice met the standard for: were the child’s views recorded in their own words.';
const VIEWS_UNMET =
  'In a few cases (1 of 6) practice fell short of the standard for: were the child’s views recorded in their own words.';

async function addCase(page: Page, reference: string, first: boolean): Promise<void> {
  await page.getByRole('link', { name: 'Add a case' }).click();
  await expectScreen(page, 'Add a case');
  if (first) await expectAccessible(page, 'add a case');
  await page.getByLabel('Case reference').fill(reference);
  await page.getByLabel('Age band').selectOption({ label: '5 to 9 years' });
  await page.getByRole('group', { name: 'Gender' }).getByLabel('Female', { exact: true }).check();
  await page.getByLabel('Ethnic group').selectOption({ label: 'White' });
  await page
    .getByRole('group', { name: 'Does the child have a disability?' })
    .getByLabel('No', { exact: true })
    .check();
  await page.getByRole('group', { name: 'Plan type' }).getByLabel('Child in need', { exact: true }).check();
  await page
    .getByRole('group', { name: 'Agencies involved' })
    .getByLabel("Children's social care", { exact: true })
    .check();
  await page.getByRole('button', { name: 'Add case' }).click();
  await expectScreen(page, AUDIT_TITLE);
  await expect(page.getByText(`Case ${reference} added with 1 checklist`)).toBeVisible();
}

async function answer(page: Page, question: string, value: Answer): Promise<void> {
  const group = page.getByRole('group', { name: new RegExp(question.replace(/[?]/g, '\\?')) });
  const id = (await group.getByRole('radio').first().getAttribute('id'))!;
  await group.getByRole('radio', { name: value, exact: true }).check();
  if (value === 'Not applicable') {
    await group
      .getByLabel('Why is this not applicable?')
      .fill('A baby of four months: seeing them alone has no meaning.');
    await group.getByLabel('Why is this not applicable?').blur();
  }
  await expect(page.locator(`[id="${id}-status"]`)).toHaveText(/^Saved at/);
}

/** Every suggestion under a heading starts with that heading's bucket, and none is a question. */
async function expectHeadingsAgree(page: Page): Promise<void> {
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
}

async function download(page: Page, button: string, dir: string): Promise<Buffer> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
  const path = join(dir, file.suggestedFilename());
  await file.saveAs(path);
  return readFileSync(path);
}

test.describe('findings and the board report from an audit entered on screen', () => {
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

  test('suggestions read as findings under agreeing headings, small samples are marked, the report downloads', async ({
    page,
  }) => {
    test.setTimeout(300_000);
    host = await startHost(workspace);
    const api = httpApi(host.url);
    await api['board.setup']({
      name: 'Northshire Safeguarding Children Partnership',
      agencies: DEFAULT_AGENCIES.map((a) => ({ ...a })),
    });
    await api['templates.import']({ json: JSON.stringify(TEMPLATE) });

    // --- The audit, its cases and their checklists, all on screen ---------------------------------
    await page.goto(host.url);
    await expectScreen(page, 'Audits');
    await expectAccessible(page, 'audits');
    await page.getByRole('link', { name: 'Start a new audit' }).click();
    await expectScreen(page, 'Start a new audit');
    await expectAccessible(page, 'start a new audit');
    await page.getByLabel('Title of the audit').fill(AUDIT_TITLE);
    await page
      .getByRole('group', { name: 'Audit template' })
      .getByLabel(/Seen alone check/)
      .check();
    await page.getByRole('button', { name: 'Start audit' }).click();
    await expectScreen(page, AUDIT_TITLE);
    await expectAccessible(page, 'audit overview (no cases)');

    for (const [i, c] of CASES.entries()) await addCase(page, c.reference, i === 0);
    const grid = page.getByRole('table', { name: 'Checklists by case and agency' });
    await expect(grid.getByRole('rowheader')).toHaveText(CASES.map((c) => new RegExp(`^${c.reference}(?!\\d)`)));
    await expectAccessible(page, 'audit overview');

    for (const [i, c] of CASES.entries()) {
      await grid.getByRole('link', { name: new RegExp(`Case ${c.reference}, Children's social care`) }).click();
      await expectScreen(page, `Case ${c.reference}: Children's social care`);
      await answer(page, SEEN_ALONE, c.seenAlone);
      await answer(page, VIEWS, c.views);
      if (i === CASES.length - 1) await expectAccessible(page, 'checklist (answered)');
      await page.getByRole('button', { name: 'Mark as complete' }).click();
      await expect(page.getByRole('alert').filter({ hasText: 'Checklist marked as complete' })).toBeVisible();
      await page.getByRole('link', { name: AUDIT_TITLE }).first().click();
      await expectScreen(page, AUDIT_TITLE);
    }

    // --- The suggestions: statements with their counts, under headings of their own bucket ----------
    await page
      .getByRole('navigation', { name: 'This audit' })
      .getByRole('link', { name: 'Findings', exact: true })
      .click();
    await expectScreen(page, 'Findings');
    await expectAccessible(page, 'findings');
    await expectHeadingsAgree(page);
    const development = page.getByRole('region', {
      name: 'In many or most cases the following development areas were found',
    });
    const unmet = development.getByRole('checkbox', { name: UNMET, exact: true });
    await expect(unmet).toHaveAccessibleDescription(
      /^Cases: SA-01, SA-02 and SA-03\. 60% of the 5 cases assessed \(95% interval 23% to 88%\)\. Left out: not applicable in 1 case\.$/,
    );
    await expect(
      page
        .getByRole('region', { name: 'In some cases the following strengths were found' })
        .getByRole('checkbox', { name: MET, exact: true }),
    ).toBeVisible();
    const strengths = page.getByRole('region', { name: 'In many or most cases the following strengths were found' });
    await expect(strengths.getByRole('checkbox', { name: VIEWS_MET, exact: true })).toBeVisible();
    await expect(
      page
        .getByRole('region', { name: 'In a few cases the following development areas were found' })
        .getByRole('checkbox', { name: VIEWS_UNMET, exact: true }),
    ).toBeVisible();
    await expect(page.getByText(SEEN_ALONE)).toHaveCount(0);
    // Five cases assessed meets the usual threshold of 5: nothing is a small sample yet.
    await expect(page.getByText('Small sample', { exact: true })).toHaveCount(0);

    // --- The board's small-sample threshold, on the settings screen --------------------------------
    await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Settings' }).click();
    await expectScreen(page, 'Settings');
    const threshold = page.getByLabel('Mark a share as a small sample when it comes from fewer cases than');
    await expect(threshold).toHaveValue('5');
    await expectAccessible(page, 'settings');
    const smallSamples = page.getByRole('form', { name: 'Small samples' });
    await threshold.fill('31');
    await smallSamples.getByRole('button', { name: 'Save the small-sample setting' }).click();
    const refusal = errorSummary(page).getByRole('link', { name: 'Enter a whole number of cases between 2 and 30' });
    await expect(refusal).toBeVisible();
    await expectAccessible(page, 'settings (small-sample error)');
    await refusal.click();
    await expect(threshold).toBeFocused();
    await threshold.fill('6');
    await smallSamples.getByRole('button', { name: 'Save the small-sample setting' }).click();
    await expect(
      smallSamples
        .getByRole('status')
        .filter({ hasText: 'Saved: a share from fewer than 6 cases is now marked as a small sample' }),
    ).toBeVisible();
    await expect(errorSummary(page)).toHaveCount(0);
    await expect((await api['settings.smallSample']({})).threshold).toBe(6);
    await expectAccessible(page, 'settings (small-sample saved)');

    // Back in the findings: the shares from 5 cases are now a small sample, those from 6 are not.
    await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Audits' }).click();
    await page.getByRole('link', { name: AUDIT_TITLE }).click();
    await page
      .getByRole('navigation', { name: 'This audit' })
      .getByRole('link', { name: 'Findings', exact: true })
      .click();
    await expectScreen(page, 'Findings');
    const unmetSmall = development.getByRole('checkbox', { name: `${UNMET} Small sample`, exact: true });
    await expect(unmetSmall).toHaveAccessibleDescription(
      /A small sample: fewer than 6 cases assessed, so read it as a rough guide\. Left out: not applicable in 1 case\.$/,
    );
    await expect(strengths.getByRole('checkbox', { name: VIEWS_MET, exact: true })).toBeVisible();
    await expectHeadingsAgree(page);
    await expectAccessible(page, 'findings (small samples marked)');

    // --- Accept two, together ----------------------------------------------------------------------
    await unmetSmall.check();
    await strengths.getByRole('checkbox', { name: VIEWS_MET, exact: true }).check();
    await page.getByRole('button', { name: 'Accept selected (2)' }).click();
    await expect(page.getByRole('alert').filter({ hasText: '2 findings accepted' })).toBeFocused();
    await expectAccessible(page, 'findings (accepted)');

    // --- The board report, as PDF and as Word --------------------------------------------------------
    await page
      .getByRole('navigation', { name: 'This audit' })
      .getByRole('link', { name: 'Cases and checklists' })
      .click();
    await expectScreen(page, AUDIT_TITLE);
    const pdf = await download(page, 'Download board report (PDF)', workspace.dir);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    await expect(page.getByRole('status').filter({ hasText: 'The board report (PDF) is downloaded as' })).toBeVisible();
    const docx = await download(page, 'Download board report (Word)', workspace.dir);
    expect(docx.subarray(0, 2).toString('latin1')).toBe('PK');
    await expectAccessible(page, 'audit overview (reports downloaded)');

    for (const [format, text] of [
      ['PDF', await pdfText(pdf)],
      ['Word', await docxText(docx)],
    ] as const) {
      for (const section of [
        'Summary',
        'The sample',
        'Strengths',
        'Development areas',
        'Recommendations',
        'Action plan',
      ])
        expect(text, `${format}: ${section}`).toContain(section);
      expect(text, format).toContain(AUDIT_TITLE);
      expect(text, format).toContain(
        `In many or most cases the following development areas were found ${UNMET} (small sample)`,
      );
      expect(text, format).toContain(`In many or most cases the following strengths were found ${VIEWS_MET}`);
      expect(text, format).not.toContain(SEEN_ALONE);
      expect(text, format).toMatch(/\b6 cases\b/);
      expect(text, format).not.toMatch(/\b\d{4}-\d{2}-\d{2}\b/);
    }
  });
});
