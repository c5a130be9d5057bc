// Each export states the personal data it holds, in the wording of shared/exportPersonalData.ts: the
// QA report of a period and the yearly report evidence (PDF and Word, read back with pdfjs and
// mammoth) under their titles, the spreadsheets in the workbook's description (read with exceljs).
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { personalDataStatement, type ExportKind } from '../../shared/exportPersonalData.js';
import { docxText, pdfText } from '../helpers/documents.js';
import { completeAudit, installation, sign, type Installation } from '../helpers/installations.js';
import { tempDir } from '../helpers/tmp.js';

const t = tempDir();
let inst: Installation;
let auditId: string;
const bytes = (f: { base64: string }) => Buffer.from(f.base64, 'base64');
const read = (format: 'pdf' | 'docx', f: { base64: string }) =>
  format === 'pdf' ? pdfText(bytes(f)) : docxText(bytes(f));
const said = (kind: ExportKind) => personalDataStatement(kind).replace(/\s+/g, ' ');

beforeAll(async () => {
  inst = await installation(t.dir, 'statements', { name: 'QA Chair', role: 'Chair', agency: 'Northshire SCP' });
  auditId = await completeAudit(inst.api, 'Neglect audit 2026', { cases: 2 });
  await sign(inst.api, auditId);
}, 120_000);
afterAll(() => {
  inst.app.close();
  t.cleanup();
});

describe('the personal data each export states', () => {
  for (const format of ['pdf', 'docx'] as const)
    it(`the QA report and the yearly evidence (${format})`, async () => {
      const period = { from: '2020-01-01', to: '2099-12-31', format };
      expect(await read(format, await inst.api['reports.consolidated'](period))).toContain(said('consolidatedReport'));
      expect(await read(format, await inst.api['reports.yearlyEvidence'](period))).toContain(said('yearlyEvidence'));
      expect(await read(format, await inst.api['reports.audit']({ auditId, format }))).toContain(said('boardReport'));
    });

  it('the spreadsheets, in the workbook’s description', async () => {
    const description = async (f: { base64: string }) => {
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(bytes(f) as unknown as ArrayBuffer);
      return book.description;
    };
    expect(await description(await inst.api['exports.actions']({ format: 'xlsx' }))).toBe(
      personalDataStatement('actionsTable'),
    );
    expect(await description(await inst.api['exports.answers']({ auditId, format: 'xlsx' }))).toBe(
      personalDataStatement('answersTable'),
    );
    expect(await description(await inst.api['exports.programme']({ year: 2026, format: 'xlsx' }))).toBe(
      personalDataStatement('programmeTable'),
    );
  });

  it('says what each holds', () => {
    expect(personalDataStatement('answersTable')).toMatch(
      /^Personal data in this file: pseudonymised case references; /,
    );
    expect(personalDataStatement('blankTool')).toMatch(/none/);
    expect(personalDataStatement('boardReportWithoutCaseDetail')).not.toMatch(/sample’s make-up/);
  });
});

describe('docs/exports.md', () => {
  it('quotes each statement as the files make it', async () => {
    const { readFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { EXPORT_PERSONAL_DATA } = await import('../../shared/exportPersonalData.js');
    const doc = readFileSync(join(import.meta.dirname, '..', '..', 'docs', 'exports.md'), 'utf8');
    for (const kind of Object.keys(EXPORT_PERSONAL_DATA) as ExportKind[])
      expect(doc, kind).toContain(`| ${personalDataStatement(kind)} |`);
  });
});
