// case-audit export actions|answers|programme|blank-tool as a real subprocess from the built output,
// on a database `case-audit demo` makes; every file read back with an independent reader (exceljs,
// papaparse, pdfjs, mammoth), and the refusals with their exit codes.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILTIN_TEMPLATES } from '../../shared/templates/index.js';
import { docxText, pdfText } from '../helpers/documents.js';
import { tempDir } from '../helpers/tmp.js';

const CLI = join(import.meta.dirname, '..', '..', 'bin', 'case-audit.js');
const t = tempDir();
const pass = join(t.dir, 'pass.txt');
const db = join(t.dir, 'demo.db');
const file = (name: string) => join(t.dir, name);
/** The question texts of a built-in template, in its order. */
const questionTexts = (id: string) =>
  BUILTIN_TEMPLATES.find((b) => b.id === id)!.sections.flatMap((s) => s.questions.map((q) => q.text));
const run = (...args: string[]) =>
  spawnSync(process.execPath, [CLI, ...args, '--db', db, '--passphrase-file', pass], {
    encoding: 'utf8',
    timeout: 120_000,
  });
let auditId: string;

const ACTION_COLUMNS = [
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
];

function csv(path: string) {
  const text = readFileSync(path, 'utf8');
  expect(text.startsWith('\uFEFF')).toBe(true);
  const parsed = Papa.parse<Record<string, string>>(text.slice(1), { header: true, skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  return parsed;
}
async function sheet(path: string) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(readFileSync(path) as unknown as ArrayBuffer);
  const s = book.worksheets[0]!;
  const header = (s.getRow(1).values as unknown[]).slice(1).map(String);
  const rows = Array.from({ length: s.rowCount - 1 }, (_, i) => s.getRow(i + 2));
  return { sheet: s, header, rows, cell: (r: ExcelJS.Row, name: string) => r.getCell(header.indexOf(name) + 1).value };
}
/** Runs an export that should succeed with --json, and answers what it printed. */
function ok(...args: string[]) {
  const r = run('export', ...args, '--json');
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as { export: string; out: string; format: string; bytes: number };
}

beforeAll(() => {
  writeFileSync(pass, 'a long enough passphrase for the export commands');
  const demo = run('demo', '--json');
  expect(demo.status, demo.stderr).toBe(0);
  auditId = (JSON.parse(demo.stdout) as { auditId: string }).auditId;
}, 180_000);
afterAll(() => t.cleanup());

describe('case-audit export (files for people’s own tools)', { timeout: 240_000 }, () => {
  it('writes the action tracker as CSV and Excel with the same rows; the filters select as the tracker does', async () => {
    const printed = ok('actions', '--out', file('actions.csv'));
    expect(printed).toEqual({
      export: 'actions',
      out: file('actions.csv'),
      format: 'csv',
      bytes: readFileSync(file('actions.csv')).length,
    });
    const all = csv(file('actions.csv'));
    expect(all.meta.fields).toEqual(ACTION_COLUMNS);
    expect(all.data.length).toBeGreaterThan(1);

    ok('actions', '--out', file('actions.xlsx'));
    const x = await sheet(file('actions.xlsx'));
    expect(x.header).toEqual(ACTION_COLUMNS);
    expect(x.rows.map((r) => x.cell(r, 'Action id'))).toEqual(all.data.map((r) => r['Action id']));
    x.rows.forEach((r, i) => {
      const due = x.cell(r, 'Due date');
      expect(due).toBeInstanceOf(Date);
      expect((due as Date).toISOString().slice(0, 10)).toBe(all.data[i]!['Due date']);
      expect(typeof x.cell(r, 'Progress updates')).toBe('number');
    });

    // An agency by its name, in any case: only the actions it leads, in the same order.
    const lead = all.data[0]!['Lead agency']!;
    ok('actions', '--agency', lead.toUpperCase(), '--format', 'xlsx', '--out', file('led.data'));
    const led = await sheet(file('led.data'));
    const ids = led.rows.map((r) => String(led.cell(r, 'Action id')));
    expect(led.rows.map((r) => led.cell(r, 'Lead agency'))).toEqual(ids.map(() => lead));
    expect(ids).toEqual(all.data.filter((r) => r['Lead agency'] === lead).map((r) => r['Action id']));

    // A due date before them all: the header row and nothing else.
    ok('actions', '--due-before', '2000-01-01', '--out', file('none.csv'));
    expect(csv(file('none.csv'))).toMatchObject({ data: [], meta: { fields: ACTION_COLUMNS } });
    ok('actions', '--status', 'open', '--audit', auditId, '--out', file('open.csv'));
    expect(csv(file('open.csv')).data.map((r) => r['Action id'])).toEqual(all.data.map((r) => r['Action id']));
  });

  it('writes an audit’s answers: one row per question asked, each a question of the audit’s template', async () => {
    ok('answers', '--audit', auditId, '--out', file('answers.xlsx'));
    const x = await sheet(file('answers.xlsx'));
    for (const name of [
      'Case',
      'Agency',
      'Section',
      'Question',
      'Answer',
      'Evidence note',
      "Agency's grade for the case",
    ])
      expect(x.header).toContain(name);
    const questions = new Set(questionTexts('mash-front-door'));
    expect(x.rows.length).toBeGreaterThan(0);
    for (const r of x.rows) expect(questions.has(String(x.cell(r, 'Question')))).toBe(true);
    expect(x.rows.some((r) => x.cell(r, 'Evidence note'))).toBe(true);
    ok('answers', '--audit', auditId, '--out', file('answers.csv'));
    const c = csv(file('answers.csv'));
    expect(c.data.map((r) => `${r.Case}|${r.Agency}|${r['Question number']}`)).toEqual(
      x.rows.map((r) => `${x.cell(r, 'Case')}|${x.cell(r, 'Agency')}|${x.cell(r, 'Question number')}`),
    );
  });

  it('writes the audit programme of a year', async () => {
    ok('programme', '--out', file('programme.xlsx'));
    const x = await sheet(file('programme.xlsx'));
    expect(x.sheet.name).toMatch(/^Programme \d{4} to \d{4}$/);
    expect(x.header.slice(0, 3)).toEqual(['Kind', 'Title', 'Theme']);
    // The demo's signed audit is not in any programme: it is listed as such, and falls due for a re-audit.
    const kinds = x.rows.filter((r) => x.cell(r, 'Title') === 'MASH repeat audit (demo)').map((r) => x.cell(r, 'Kind'));
    expect(kinds.sort()).toEqual(['Not in the programme', 'Re-audit due']);
    ok('programme', '--year', '2001', '--out', file('programme-2001.csv'));
    // Another year: nothing planned or started in it (re-audits still due are listed whatever the year).
    expect(csv(file('programme-2001.csv')).data.filter((r) => r.Kind !== 'Re-audit due')).toEqual([]);
  });

  it('prints a blank audit tool, the latest version unless --version, as PDF and in Word', async () => {
    const template = BUILTIN_TEMPLATES.find((b) => b.id === 'mash-front-door')!;
    const first = { text: questionTexts('mash-front-door')[0]! };
    const squash = (s: string) => s.replace(/\s+/g, '');
    ok('blank-tool', '--template', 'mash-front-door', '--out', file('tool.pdf'));
    const pdf = readFileSync(file('tool.pdf'));
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(squash(await pdfText(pdf))).toContain(squash(first.text));
    ok('blank-tool', '--template', 'mash-front-door', '--version', '1', '--out', file('tool.docx'));
    const word = await docxText(readFileSync(file('tool.docx')));
    expect(word).toContain(`${template.title}: blank audit tool`);
    expect(squash(word)).toContain(squash(first.text));
  });

  it('refuses mistakes with exit 2 and what cannot be done with exit 1, writing nothing', () => {
    const refused = (code: number, message: RegExp, ...args: string[]) => {
      const out = args[args.indexOf('--out') + 1]!;
      const r = run('export', ...args);
      expect(r.status, r.stderr).toBe(code);
      expect(r.stderr).toMatch(message);
      expect(existsSync(out)).toBe(false);
    };
    refused(2, /out: name a \.csv or \.xlsx file/, 'actions', '--out', file('a.txt'));
    refused(
      2,
      /format: the blank-tool export is made as pdf or docx/,
      'blank-tool',
      '--template',
      'mash-front-door',
      '--format',
      'xlsx',
      '--out',
      file('b.xlsx'),
    );
    refused(
      2,
      /format: --format csv does not match the file's extension \.xlsx/,
      'actions',
      '--format',
      'csv',
      '--out',
      file('c.xlsx'),
    );
    refused(2, /audit: name the audit/, 'answers', '--out', file('d.csv'));
    refused(2, /--year: not taken by actions/, 'actions', '--year', '2026', '--out', file('e.csv'));
    refused(2, /status:/, 'actions', '--status', 'late', '--out', file('f.csv'));
    refused(1, /No such audit/, 'answers', '--audit', '00000000-0000-4000-8000-000000000000', '--out', file('g.csv'));
    refused(
      1,
      /No agency "Nobody"\. The board's agencies: .*Police/,
      'actions',
      '--agency',
      'Nobody',
      '--out',
      file('h.csv'),
    );
    refused(1, /No template "nope"/, 'blank-tool', '--template', 'nope', '--out', file('i.pdf'));
    // An existing file is left as it was.
    writeFileSync(file('kept.csv'), 'mine');
    const r = run('export', 'actions', '--out', file('kept.csv'));
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/exists already: nothing was written/);
    expect(readFileSync(file('kept.csv'), 'utf8')).toBe('mine');
    const help = spawnSync(process.execPath, [CLI, 'export', '--help'], { encoding: 'utf8' });
    expect(help.stdout).toContain('case-audit export blank-tool --template ID');
    expect(help.stdout).toContain('case-audit export --audit ID --out FILE');
    // Without a name first, export is still the signed bundle's command.
    const bundle = run('export', '--out', file('j.caseaudit'));
    expect(bundle.status).toBe(2);
    expect(bundle.stderr).toMatch(/audit/);
  });
});
