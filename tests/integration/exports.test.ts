// The exports people open in their own tools, read back with independent readers: the workbook with
// exceljs (types, header row, frozen pane, widths), the CSV with papaparse, the blank tool's PDF with
// pdfjs and poppler, its Word document with mammoth. On a real database with a demo audit.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTION_STATUS_LABELS } from '../../shared/actionStatus.js';
import { visibleQuestions } from '../../shared/checklistRules.js';
import type { Api } from '../../shared/contract.js';
import { templateNumbers } from '../../shared/questionNumbers.js';
import { allQuestions } from '../../shared/template.js';
import { docxText, pdfText } from '../helpers/documents.js';
import { lastSeq as lastSeqOf } from '../helpers/craftBundles.js';
import { completeAudit, installation, type Installation } from '../helpers/installations.js';
import { tempDir } from '../helpers/tmp.js';

let dir: { dir: string; cleanup: () => void };
let inst: Installation;
let api: Api;
let auditId: string;

const bytesOf = (file: { base64: string }) => Buffer.from(file.base64, 'base64');

async function workbook(file: { base64: string }) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytesOf(file) as unknown as ArrayBuffer);
  expect(book.worksheets).toHaveLength(1);
  return book.worksheets[0]!;
}
const headerOf = (sheet: ExcelJS.Worksheet) => (sheet.getRow(1).values as unknown[]).slice(1).map((v) => String(v));
const csvOf = (file: { base64: string }) => {
  const text = bytesOf(file).toString('utf8');
  expect(text.startsWith('\uFEFF')).toBe(true);
  const parsed = Papa.parse<Record<string, string>>(text.slice(1), { header: true, skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  return parsed;
};

beforeAll(async () => {
  dir = tempDir();
  inst = await installation(dir.dir, 'qa', { name: 'QA Chair', role: 'Chair', agency: 'Northshire SCP' });
  api = inst.api;
  auditId = await completeAudit(api, 'Front door audit, spring', { cases: 3 });
  // Free text a spreadsheet would run as a formula, had it not been guarded.
  const detail = await api['audits.get']({ auditId });
  const first = detail.checklists[0]!;
  const { template } = await api['checklists.get']({ checklistId: first.id });
  const q = allQuestions(template).find((x) => x.type === 'yes_partly_no')!;
  const current = (await api['checklists.get']({ checklistId: first.id })).answers.find((a) => a.questionId === q.id);
  await api['answers.save']({
    checklistId: first.id,
    questionId: q.id,
    value: current?.value ?? 'yes',
    notApplicableReason: current?.notApplicableReason ?? '',
    evidence: '=HYPERLINK("http://example.invalid","click")',
  });
}, 120_000);
afterAll(() => {
  inst?.app.close();
  dir?.cleanup();
});

describe('the action tracker', () => {
  it('exports the actions the filters select, as typed cells in a workbook', async () => {
    const all = await api['actions.list']({});
    expect(all.length).toBeGreaterThan(1);
    const lead = all[0]!.leadAgencyId;
    const selected = await api['actions.list']({ agencyId: lead });
    expect(selected.length).toBeLessThanOrEqual(all.length);

    const before = lastSeqOf(inst);
    const file = await api['exports.actions']({ agencyId: lead, format: 'xlsx' });
    expect(file.fileName).toMatch(/^actions-\d{4}-\d{2}-\d{2}\.xlsx$/);
    expect(lastSeqOf(inst)).toBe(before);
    const sheet = await workbook(file);
    const header = headerOf(sheet);
    expect(header).toEqual([
      'Audit',
      'Action',
      'Lead agency',
      'Owner (role)',
      'Due date',
      'Status',
      'Days overdue',
      'Success measure',
      'Progress updates',
      'Latest progress',
      'Latest progress on',
      'Evidence of impact',
      'Verified on',
      'Action id',
    ]);
    expect(sheet.getRow(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBeTruthy();
    expect(sheet.rowCount).toBe(selected.length + 1);
    const col = (name: string) => header.indexOf(name) + 1;
    selected.forEach((a, i) => {
      const row = sheet.getRow(i + 2);
      expect(row.getCell(col('Action id')).value).toBe(a.id);
      expect(row.getCell(col('Action')).value).toBe(a.text);
      expect(row.getCell(col('Lead agency')).value).toBe(a.leadAgencyName);
      const due = row.getCell(col('Due date'));
      expect(due.value).toBeInstanceOf(Date);
      expect((due.value as Date).toISOString().slice(0, 10)).toBe(a.dueDate);
      expect(due.numFmt).toBe('dd/mm/yyyy');
      expect(row.getCell(col('Status')).value).toBe(ACTION_STATUS_LABELS[a.effectiveStatus]);
      expect(typeof row.getCell(col('Progress updates')).value).toBe('number');
      expect(row.getCell(col('Progress updates')).value).toBe(a.updateCount);
    });
    // Columns sized to what they hold: the action's text is wider than the due date.
    expect(sheet.getColumn(col('Action')).width!).toBeGreaterThan(sheet.getColumn(col('Due date')).width!);
  });

  it('exports the same rows as CSV, read back with papaparse', async () => {
    const all = await api['actions.list']({ status: 'open' });
    const parsed = csvOf(await api['exports.actions']({ status: 'open', format: 'csv' }));
    expect(parsed.meta.fields).toContain('Due date');
    expect(parsed.data.map((r) => r['Action id'])).toEqual(all.map((a) => a.id));
    expect(parsed.data.map((r) => r['Due date'])).toEqual(all.map((a) => a.dueDate));
  });

  it('refuses a format it does not make, naming the field', async () => {
    await expect(api['exports.actions']({ format: 'ods' as 'csv' })).rejects.toMatchObject({
      code: 'VALIDATION',
      message: expect.stringContaining('format'),
    });
  });
});

describe("an audit's answers", () => {
  it('has one row per question each checklist asks, with the answer, evidence and grade', async () => {
    const detail = await api['audits.get']({ auditId });
    const expected: Array<{ ref: string; agency: string; number: string }> = [];
    let numbers: ReturnType<typeof templateNumbers> | undefined;
    const cases = new Map(detail.cases.map((c) => [c.id, c.reference]));
    const evidence = new Map<string, string>();
    for (const k of detail.checklists) {
      const c = await api['checklists.get']({ checklistId: k.id });
      numbers ??= templateNumbers(c.template);
      const answers = new Map(c.answers.map((a) => [a.questionId, a]));
      for (const q of visibleQuestions(c.template, k.agencyKind, answers)) {
        expected.push({ ref: cases.get(k.caseId)!, agency: k.agencyName, number: numbers.questions.get(q.id)! });
        const e = answers.get(q.id)?.evidence;
        if (e) evidence.set(`${cases.get(k.caseId)}|${k.agencyName}|${numbers.questions.get(q.id)}`, e);
      }
    }
    const sheet = await workbook(await api['exports.answers']({ auditId, format: 'xlsx' }));
    const header = headerOf(sheet);
    for (const name of [
      'Case',
      'Agency',
      'Section',
      'Question',
      'Answer',
      'Evidence note',
      "Agency's grade for the case",
    ])
      expect(header).toContain(name);
    const col = (name: string) => header.indexOf(name) + 1;
    const rows = Array.from({ length: sheet.rowCount - 1 }, (_, i) => sheet.getRow(i + 2));
    const key = (r: ExcelJS.Row) =>
      `${String(r.getCell(col('Case')).value)}|${String(r.getCell(col('Agency')).value)}|${String(r.getCell(col('Question number')).value)}`;
    expect(rows.map(key).sort()).toEqual(expected.map((e) => `${e.ref}|${e.agency}|${e.number}`).sort());
    for (const r of rows) {
      const e = evidence.get(key(r));
      // Text cells are text, never formulas, so the guarded note is there exactly as written.
      expect(r.getCell(col('Evidence note')).value ?? undefined).toBe(e);
      expect(String(r.getCell(col('Section')).value)).toMatch(
        new RegExp(`^${String(r.getCell(col('Question number')).value).split('.')[0]}\\. `),
      );
      const dated = r.getCell(col('Answer (date)')).value;
      if (dated !== null) expect(dated).toBeInstanceOf(Date);
    }
    expect(rows.some((r) => r.getCell(col("Agency's grade for the case")).value)).toBe(true);
    expect(rows.some((r) => r.getCell(col('Answer (date)')).value instanceof Date)).toBe(true);
  });

  it('keeps a note a spreadsheet would run as a formula from running, in the CSV', async () => {
    const parsed = csvOf(await api['exports.answers']({ auditId, format: 'csv' }));
    const notes = parsed.data.map((r) => r['Evidence note']);
    expect(notes).toContain(`'=HYPERLINK("http://example.invalid","click")`);
    expect(notes.filter((n) => /^[=+\-@]/.test(n ?? ''))).toEqual([]);
  });

  it('answers NOT_FOUND for an audit that is not there', async () => {
    await expect(
      api['exports.answers']({ auditId: '00000000-0000-4000-8000-000000000000', format: 'csv' }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('the audit programme', () => {
  it('exports the planned audits of a year with their dates, sample size and lead auditor', async () => {
    const board = (await api['board.get']({}))!;
    const saved = await api['programme.save']({
      year: 2026,
      title: 'Neglect audit',
      templateId: 'child-protection-enquiries',
      quarter: null,
      startsOn: '2026-09-01',
      endsOn: '2026-10-31',
      sampleSize: 8,
      leadAuditor: 'Independent auditor',
      agencyIds: board.agencies.slice(0, 2).map((a) => a.id),
    });
    const sheet = await workbook(await api['exports.programme']({ year: 2026, format: 'xlsx' }));
    expect(sheet.name).toBe('Programme 2026 to 2027');
    const header = headerOf(sheet);
    const col = (name: string) => header.indexOf(name) + 1;
    const row = Array.from({ length: sheet.rowCount - 1 }, (_, i) => sheet.getRow(i + 2)).find(
      (r) => r.getCell(col('Title')).value === 'Neglect audit',
    )!;
    expect(row.getCell(col('Kind')).value).toBe('Planned audit');
    expect(row.getCell(col('Sample size')).value).toBe(8);
    expect(row.getCell(col('Quarter')).value).toBe(saved.listedQuarter);
    expect((row.getCell(col('Window from')).value as Date).toISOString().slice(0, 10)).toBe('2026-09-01');
    expect((row.getCell(col('Window to')).value as Date).toISOString().slice(0, 10)).toBe('2026-10-31');
    expect(row.getCell(col('Lead auditor')).value).toBe('Independent auditor');
    expect(row.getCell(col('Agencies')).value).toBe(
      board.agencies
        .slice(0, 2)
        .map((a) => a.name)
        .join('; '),
    );
    const parsed = csvOf(await api['exports.programme']({ year: 2026, format: 'csv' }));
    expect(parsed.data.find((r) => r.Title === 'Neglect audit')).toMatchObject({
      'Sample size': '8',
      'Window from': '2026-09-01',
    });
  });
});

describe('the blank audit tool', () => {
  it('prints every question of a template version, numbered, with its guidance, as a tagged PDF and in Word', async () => {
    const template = await api['templates.get']({ id: 'mash-front-door', version: 1 });
    const numbers = templateNumbers(template);
    const pdf = await api['exports.blankTool']({ templateId: 'mash-front-door', version: 1, format: 'pdf' });
    expect(pdf.fileName).toBe('mash-front-door-v1-blank-tool.pdf');
    const docx = await api['exports.blankTool']({ templateId: 'mash-front-door', version: 1, format: 'docx' });
    const squash = (s: string) => s.replace(/\s+/g, '');
    const file = join(dir.dir, 'tool.pdf');
    writeFileSync(file, bytesOf(pdf));
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    const pages = Number(/Pages:\s+(\d+)/.exec(info)![1]);
    // pdfjs reads the running header and page numbers too (artifacts): left out, so text runs on across pages.
    const inPdf = squash(await pdfText(bytesOf(pdf)))
      .split(squash(`${template.title}: blank audit tool · version 1`))
      .join('')
      .replace(new RegExp(`Page\\d+of${pages}`, 'g'), '');
    const inWord = squash(await docxText(bytesOf(docx)));
    for (const text of [inPdf, inWord]) {
      expect(text).toContain(squash(`${template.title}: blank audit tool`));
      for (const s of template.sections)
        expect(text).toContain(
          squash(`Section ${numbers.sections.get(s.id)} of ${template.sections.length}: ${s.title}`),
        );
      for (const q of allQuestions(template)) {
        expect(text).toContain(squash(`${numbers.questions.get(q.id)} ${q.text}`));
        if (q.guidance) expect(text).toContain(squash(q.guidance));
      }
      expect(text).toContain(squash('Case reference (no names)'));
    }
    expect(info).toMatch(/Tagged:\s+yes/);
    expect(info).toMatch(/Title:\s+.*blank audit tool/);
    const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' });
    expect(fonts).toMatch(/NotoSans/);
  });

  it('answers NOT_FOUND for a version that does not exist', async () => {
    await expect(
      api['exports.blankTool']({ templateId: 'mash-front-door', version: 99, format: 'pdf' }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
