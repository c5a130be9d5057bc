// Files for people's own tools through the real interface, on a database `case-audit demo` makes
// (a board, an identity, a signed audit with its action plan) behind the browser host. A QA member
// filters the action tracker and downloads it as CSV and as Excel (.xlsx), each read back here with
// papaparse and exceljs and compared with actions.list for the same filters; downloads an audit's
// answers; and prints a blank audit tool from a template version as PDF (poppler's pdftotext finds its
// questions) and in Word (mammoth); then takes the consolidated QA report in Word (mammoth). axe on every
// screen touched; screenshots go to /tmp/ui-exports/.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Download, type Locator, type Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import mammoth from 'mammoth';
import Papa from 'papaparse';
import type { Api } from '../../shared/contract.js';
import { e2eWorkspace, startHost, type E2eHost, type E2eWorkspace } from './host.js';
import { expectAccessible, fillDate, httpApi } from './support.js';

const SHOTS = '/tmp/ui-exports';
const ROOT = join(import.meta.dirname, '..', '..');

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

/** Clicks `button` and answers the file it downloads, saved under the name the app gave it. */
async function downloadFrom(page: Page, button: Locator, dir: string): Promise<{ name: string; path: string }> {
  const download: Promise<Download> = page.waitForEvent('download');
  await button.click();
  const file = await download;
  const path = join(dir, file.suggestedFilename());
  await file.saveAs(path);
  return { name: file.suggestedFilename(), path };
}

async function workbook(path: string) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(readFileSync(path) as unknown as ArrayBuffer);
  expect(book.worksheets).toHaveLength(1);
  const sheet = book.worksheets[0]!;
  const header = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
  const rows = Array.from({ length: sheet.rowCount - 1 }, (_, i) => sheet.getRow(i + 2));
  return { sheet, header, rows, cell: (r: ExcelJS.Row, name: string) => r.getCell(header.indexOf(name) + 1).value };
}

function csv(path: string) {
  const text = readFileSync(path, 'utf8');
  expect(text.startsWith('\uFEFF')).toBe(true);
  const parsed = Papa.parse<Record<string, string>>(text.slice(1), { header: true, skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  return parsed;
}

const squash = (s: string) => s.replace(/\s+/g, '');

test.describe('exports people already use', () => {
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

  test('a QA member downloads the filtered tracker as CSV and Excel, an audit’s answers, and prints a blank tool', async ({
    page,
  }) => {
    test.setTimeout(300_000);
    await page.setViewportSize({ width: 1280, height: 900 });
    const auditId = makeDemo(workspace);
    host = await startHost(workspace);
    const api: Api = httpApi(host.url);
    const downloads = join(workspace.dir, 'downloads');
    mkdirSync(downloads);
    const menu = page.getByRole('navigation', { name: 'Menu' });

    // --- The action tracker, filtered by lead agency ---------------------------------------------------
    const all = await api['actions.list']({});
    expect(all.length).toBeGreaterThan(1);
    const lead = all[0]!;
    const selected = await api['actions.list']({ agencyId: lead.leadAgencyId, status: 'open' });
    expect(selected.length).toBeGreaterThan(0);

    await page.goto(host.url);
    await menu.getByRole('link', { name: 'Actions' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Actions' })).toBeVisible();
    await page.getByLabel('Lead agency').selectOption({ label: lead.leadAgencyName });
    await page.getByLabel('Status').selectOption('open');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await expect(page).toHaveURL(/status=open/);
    const exportSection = page.getByRole('region', { name: 'Download these actions' });
    await expect(exportSection).toContainText('The actions these filters select');

    const asCsv = exportSection.getByRole('button', { name: 'Download as CSV (the action tracker)' });
    const csvFile = await downloadFrom(page, asCsv, downloads);
    expect(csvFile.name).toMatch(/^actions-\d{4}-\d{2}-\d{2}\.csv$/);
    const rows = csv(csvFile.path);
    expect(rows.data.map((r) => r['Action id'])).toEqual(selected.map((a) => a.id));
    expect(rows.data.map((r) => r['Lead agency'])).toEqual(selected.map(() => lead.leadAgencyName));
    expect(rows.data.map((r) => r['Due date'])).toEqual(selected.map((a) => a.dueDate));
    await expect(
      exportSection
        .getByRole('status')
        .filter({ hasText: `The action tracker (CSV) is downloaded as ${csvFile.name}.` }),
    ).toBeVisible();
    // Focus goes back to the button that asked for the file.
    await expect(asCsv).toBeFocused();
    await expectAccessible(page, 'action tracker, CSV downloaded');

    const asXlsx = exportSection.getByRole('button', { name: 'Download as Excel (.xlsx) (the action tracker)' });
    const xlsxFile = await downloadFrom(page, asXlsx, downloads);
    expect(xlsxFile.name).toMatch(/^actions-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const book = await workbook(xlsxFile.path);
    expect(book.header).toEqual(rows.meta.fields);
    expect(book.rows.map((r) => book.cell(r, 'Action id'))).toEqual(selected.map((a) => a.id));
    book.rows.forEach((r, i) => {
      const due = book.cell(r, 'Due date');
      expect(due).toBeInstanceOf(Date);
      expect((due as Date).toISOString().slice(0, 10)).toBe(selected[i]!.dueDate);
      expect(book.cell(r, 'Progress updates')).toBe(selected[i]!.updateCount);
    });
    await expect(
      exportSection.getByRole('status').filter({ hasText: 'The action tracker (Excel) is downloaded' }),
    ).toBeVisible();
    await page.screenshot({ path: `${SHOTS}/01-tracker-exported.png`, fullPage: true });
    await expectAccessible(page, 'action tracker, Excel downloaded');

    // --- An audit's answers --------------------------------------------------------------------------------
    const detail = await api['audits.get']({ auditId });
    await menu.getByRole('link', { name: 'Audits' }).click();
    await page.getByRole('link', { name: detail.audit.title }).first().click();
    await expect(page.getByRole('heading', { level: 1, name: detail.audit.title })).toBeVisible();
    const answers = page.getByRole('region', { name: 'Answers as a table' });
    const answersFile = await downloadFrom(
      page,
      answers.getByRole('button', { name: 'Download as Excel (.xlsx) (the answers table)' }),
      downloads,
    );
    expect(answersFile.name).toMatch(/-answers\.xlsx$/);
    const answerBook = await workbook(answersFile.path);
    expect(answerBook.header.slice(0, 5)).toEqual(['Case', 'Agency', 'Section', 'Question number', 'Question']);
    expect(new Set(answerBook.rows.map((r) => String(answerBook.cell(r, 'Case'))))).toEqual(
      new Set(detail.cases.map((c) => c.reference)),
    );
    await expect(
      answers.getByRole('status').filter({ hasText: 'The answers table (Excel) is downloaded' }),
    ).toBeVisible();
    await page.screenshot({ path: `${SHOTS}/02-audit-answers-exported.png`, fullPage: true });
    await expectAccessible(page, 'audit overview, answers downloaded');

    // --- A blank audit tool from a template version ---------------------------------------------------------
    const template = await api['templates.get']({ id: detail.audit.templateId, version: detail.audit.templateVersion });
    const questions = template.sections.flatMap((s) => s.questions.map((q) => q.text));
    await menu.getByRole('link', { name: 'Templates' }).click();
    await page
      .getByRole('link', { name: `Preview ${template.title}` })
      .first()
      .click();
    await expect(page.getByRole('heading', { level: 1, name: `Preview: ${template.title}` })).toBeVisible();
    const blank = page.getByRole('region', { name: 'Print a blank audit tool' });
    const pdf = await downloadFrom(
      page,
      blank.getByRole('button', { name: 'Download as PDF (the blank audit tool)' }),
      downloads,
    );
    expect(pdf.name).toBe(`${template.id}-v${template.version}-blank-tool.pdf`);
    expect(readFileSync(pdf.path).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const pdfText = squash(execFileSync('pdftotext', [pdf.path, '-'], { encoding: 'utf8' }));
    for (const q of questions.slice(0, 3)) expect(pdfText).toContain(squash(q));
    await expect(
      blank.getByRole('status').filter({ hasText: 'The blank audit tool (PDF) is downloaded' }),
    ).toBeVisible();
    await expectAccessible(page, 'template preview, blank tool downloaded');

    const word = await downloadFrom(
      page,
      blank.getByRole('button', { name: 'Download as Word (.docx) (the blank audit tool)' }),
      downloads,
    );
    expect(word.name).toBe(`${template.id}-v${template.version}-blank-tool.docx`);
    const wordText = squash((await mammoth.extractRawText({ path: word.path })).value);
    expect(wordText).toContain(squash(`${template.title}: blank audit tool`));
    for (const q of questions.slice(0, 3)) expect(wordText).toContain(squash(q));
    await page.screenshot({ path: `${SHOTS}/03-blank-tool-printed.png`, fullPage: true });

    // --- The consolidated QA report in Word as well as PDF ----------------------------------------------
    await menu.getByRole('link', { name: 'Dashboard' }).click();
    const qaReport = page.getByRole('region', { name: 'QA report for a period' });
    await fillDate(qaReport, 'Start of the period', '2020-04-01');
    await fillDate(qaReport, 'End of the period', '2099-03-31');
    const report = await downloadFrom(
      page,
      qaReport.getByRole('button', { name: 'Download the QA report (Word)' }),
      downloads,
    );
    expect(report.name).toMatch(/\.docx$/);
    const reportText = (await mammoth.extractRawText({ path: report.path })).value;
    expect(reportText).toContain(detail.audit.title);
    expect(reportText).toContain('Actions across all audits');
    await expectAccessible(page, 'dashboard, QA report downloaded in Word');
  });
});
