// docs/exports.md says what each export holds: its columns and their types, and that making one
// changes nothing. Those claims are checked here against the exports themselves, on a real database
// with a complete audit, an action plan and a programme entry, read back with exceljs and papaparse;
// and the blank tool is checked to hold none of the audit's cases or answers.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actionsTable } from '../../electron/exports/actionsTable.js';
import { answersTable } from '../../electron/exports/answersTable.js';
import { programmeTable } from '../../electron/exports/programmeTable.js';
import { csvSafeText, type Column } from '../../electron/exports/table.js';
import type { Api } from '../../shared/contract.js';
import type { Programme } from '../../shared/programme.js';
import { lastSeq } from '../helpers/craftBundles.js';
import { docxText, pdfText } from '../helpers/documents.js';
import { completeAudit, installation, type Installation } from '../helpers/installations.js';
import { tempDir } from '../helpers/tmp.js';

const DOC = readFileSync(join(import.meta.dirname, '..', '..', 'docs', 'exports.md'), 'utf8');

/** The Column and Type cells of the table under a `### heading` of the page. */
function documented(heading: string): Column[] {
  const start = DOC.indexOf(`### ${heading}\n`);
  expect(start, `docs/exports.md has a "${heading}" section`).toBeGreaterThanOrEqual(0);
  const section = DOC.slice(start).split(/\n#{2,3} /)[0]!;
  const rows = section
    .split('\n')
    .filter((l) => l.startsWith('| ') && !/^\|\s*-/.test(l))
    .map((l) =>
      l
        .slice(2, -2)
        .split(' | ')
        .map((c) => c.trim()),
    );
  expect(rows[0]).toEqual(['Column', 'Type', 'Holds', 'Personal data']);
  for (const r of rows.slice(1))
    expect(['none', 'free text', 'role', 'name or role', 'pseudonymised case']).toContain(r[3]);
  return rows.slice(1).map(([header, type]) => ({ header: header!, type: type as Column['type'] }));
}

let dir: { dir: string; cleanup: () => void };
let inst: Installation;
let api: Api;
let auditId: string;

const bytes = (f: { base64: string }) => Buffer.from(f.base64, 'base64');
async function header(f: { base64: string }) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes(f) as unknown as ArrayBuffer);
  return (book.worksheets[0]!.getRow(1).values as unknown[]).slice(1).map(String);
}
const csvHeader = (f: { base64: string }) =>
  Papa.parse<string[]>(bytes(f).toString('utf8').slice(1), { preview: 1 }).data[0];

beforeAll(async () => {
  dir = tempDir();
  inst = await installation(dir.dir, 'qa', { name: 'QA Chair', role: 'Chair', agency: 'Northshire SCP' });
  api = inst.api;
  auditId = await completeAudit(api, 'Neglect audit, autumn', { cases: 2 });
  const board = (await api['board.get']({}))!;
  await api['programme.save']({
    year: 2026,
    title: 'Neglect audit',
    templateId: 'child-protection-enquiries',
    quarter: 2,
    startsOn: null,
    endsOn: null,
    sampleSize: 6,
    leadAuditor: 'Independent auditor',
    agencyIds: board.agencies.slice(0, 2).map((a) => a.id),
  });
}, 120_000);
afterAll(() => {
  inst?.app.close();
  dir?.cleanup();
});

describe('docs/exports.md', () => {
  it('lists the action tracker’s columns and their types as the export makes them', async () => {
    const docs = documented('Action tracker');
    expect(actionsTable([], '2026-04-01').columns).toEqual(docs);
    const file = await api['exports.actions']({ format: 'xlsx' });
    expect(await header(file)).toEqual(docs.map((c) => c.header));
    expect(csvHeader(await api['exports.actions']({ format: 'csv' }))).toEqual(docs.map((c) => c.header));
  });

  it('lists an audit’s answers’ columns and their types, with none of the case’s other details', async () => {
    const docs = documented("An audit's answers");
    const audit = (await api['audits.get']({ auditId })).audit;
    const template = await api['templates.get']({ id: audit.templateId, version: audit.templateVersion });
    expect(answersTable({ template, cases: [], checklists: [], answers: [], grades: [] }).columns).toEqual(docs);
    expect(await header(await api['exports.answers']({ auditId, format: 'xlsx' }))).toEqual(docs.map((c) => c.header));
    for (const detail of ['Age band', 'Gender', 'Ethnicity', 'Disability', 'Plan type'])
      expect(docs.map((c) => c.header.toLowerCase())).not.toContain(detail.toLowerCase());
  });

  it('lists the programme’s columns and their types', async () => {
    const docs = documented('Audit programme');
    const empty = { year: 2026, entries: [], reauditsDue: [], unplanned: [] } as unknown as Programme;
    expect(programmeTable(empty).columns).toEqual(docs);
    expect(await header(await api['exports.programme']({ year: 2026, format: 'xlsx' }))).toEqual(
      docs.map((c) => c.header),
    );
  });

  it('says truly that making an export changes nothing and adds nothing to the change log', async () => {
    const before = lastSeq(inst);
    for (const format of ['csv', 'xlsx'] as const) {
      await api['exports.actions']({ format });
      await api['exports.answers']({ auditId, format });
      await api['exports.programme']({ format });
    }
    for (const format of ['pdf', 'docx'] as const)
      await api['exports.blankTool']({ templateId: 'mash-front-door', version: 1, format });
    expect(lastSeq(inst)).toBe(before);
  });

  it('says truly which text is guarded from running as a formula in CSV', () => {
    for (const start of ['=', '+', '-', '@']) expect(csvSafeText(`${start}1`)).toBe(`'${start}1`);
    expect(csvSafeText('A note')).toBe('A note');
    expect(DOC).toContain('(starting `=`, `+`, `-`, `@`)');
  });

  it('says truly that the blank tool holds no case and no answer, and asks for no name', async () => {
    const audit = (await api['audits.get']({ auditId })).audit;
    const cases = (await api['audits.get']({ auditId })).cases.map((c) => c.reference);
    const answers = await api['exports.answers']({ auditId, format: 'csv' });
    const notes = Papa.parse<Record<string, string>>(bytes(answers).toString('utf8').slice(1), {
      header: true,
      skipEmptyLines: true,
    })
      .data.map((r) => r['Evidence note'] ?? '')
      .filter((n) => n.length > 20);
    expect(cases.length).toBeGreaterThan(0);
    expect(notes.length).toBeGreaterThan(0);
    const args = { templateId: audit.templateId, version: audit.templateVersion };
    const squash = (s: string) => s.replace(/\s+/g, '');
    const texts = [
      squash(await pdfText(bytes(await api['exports.blankTool']({ ...args, format: 'pdf' })))),
      squash(await docxText(bytes(await api['exports.blankTool']({ ...args, format: 'docx' })))),
    ];
    for (const text of texts) {
      for (const c of cases) expect(text).not.toContain(squash(c));
      for (const n of notes) expect(text).not.toContain(squash(n));
      expect(text).toContain(squash('Case reference (no names)'));
      expect(text).toContain(squash('Role of the person completing it (not a name)'));
    }
  });
});
