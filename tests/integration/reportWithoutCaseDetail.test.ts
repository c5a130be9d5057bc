// The board report without case-level detail: read back with pdfjs and mammoth, it holds none of the
// audit's case references and no evidence note quoted in a finding or an action, and still has the
// findings, their prevalence and the action plan. Each report states the personal data it holds.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { personalDataStatement, QUOTED_WORDS, withoutCaseDetail } from '../../shared/exportPersonalData.js';
import { docxText, pdfText } from '../helpers/documents.js';
import { completeAudit, installation, sign, type Installation } from '../helpers/installations.js';
import { tempDir } from '../helpers/tmp.js';

const NOTE = 'Mother told the health visitor on the doorstep that the boy had not been to nursery since the half term';
const t = tempDir();
let inst: Installation;
let auditId: string;
let references: string[];
let notes: string[];

const text = async (format: 'pdf' | 'docx', caseDetail: boolean) => {
  const made = await inst.api['reports.audit']({ auditId, format, caseDetail });
  const bytes = Buffer.from(made.base64, 'base64');
  return { fileName: made.fileName, text: format === 'pdf' ? await pdfText(bytes) : await docxText(bytes) };
};
const words = (s: string) => s.replace(/\s+/g, ' ').trim();
const hasReference = (report: string, ref: string) =>
  new RegExp(`(?<![A-Za-z0-9])${ref.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![A-Za-z0-9])`, 'i').test(report);

beforeAll(async () => {
  inst = await installation(t.dir, 'minimal', {
    name: 'Report Auditor',
    role: 'Independent auditor',
    agency: 'Independent',
  });
  auditId = await completeAudit(inst.api, 'Neglect audit 2026', { cases: 3, seed: 5 });
  const db = inst.app.db;
  references = (
    db.prepare('SELECT reference FROM audit_case WHERE audit_id = ?').all(auditId) as { reference: string }[]
  ).map((r) => r.reference);
  // One answer's evidence note made long and distinctive, then quoted in a finding and an action.
  const answer = db
    .prepare(
      `SELECT a.checklist_id AS checklistId, a.question_id AS questionId, a.value, a.not_applicable_reason AS reason
         FROM answer a JOIN checklist k ON k.id = a.checklist_id JOIN audit_case c ON c.id = k.case_id
        WHERE c.audit_id = ? AND a.evidence <> '' AND a.not_applicable_reason = '' LIMIT 1`,
    )
    .get(auditId) as { checklistId: string; questionId: string; value: string; reason: string };
  await inst.api['checklists.reopen']({ checklistId: answer.checklistId });
  await inst.api['answers.save']({
    checklistId: answer.checklistId,
    questionId: answer.questionId,
    value: JSON.parse(answer.value),
    evidence: NOTE,
  });
  await inst.api['checklists.complete']({ checklistId: answer.checklistId });
  const ref = references[0]!;
  await inst.api['findings.save']({
    auditId,
    kind: 'development',
    text: `In some cases attendance at nursery was not followed up: in ${ref} the record says “${NOTE}”.`,
    origin: 'own',
    caseIds: [],
    questionIds: [],
    themes: [],
  });
  const board = (await inst.api['board.get']({}))!;
  await inst.api['actions.save']({
    auditId,
    text: `Health visitors follow up missed nursery sessions within a week (as in ${ref}).`,
    leadAgencyId: board.agencies[0]!.id,
    ownerRole: 'Named nurse',
    dueDate: '2027-06-30',
    successMeasure: 'A re-audit finds missed sessions followed up',
  });
  await sign(inst.api, auditId);
  notes = (
    db
      .prepare(
        `SELECT DISTINCT a.evidence FROM answer a JOIN checklist k ON k.id = a.checklist_id
           JOIN audit_case c ON c.id = k.case_id WHERE c.audit_id = ? AND a.evidence <> ''`,
      )
      .all(auditId) as { evidence: string }[]
  ).map((r) => r.evidence);
}, 120_000);
afterAll(() => {
  inst.app.close();
  t.cleanup();
});

describe('the board report without case-level detail', () => {
  it('the full report holds the case reference and the quoted note (so the test below means something)', async () => {
    for (const format of ['pdf', 'docx'] as const) {
      const full = await text(format, true);
      expect(hasReference(full.text, references[0]!)).toBe(true);
      expect(full.text).toContain(words(NOTE));
      expect(full.text).toContain(words(personalDataStatement('boardReport')));
      expect(full.text).toMatch(/Age: /);
    }
  });

  for (const format of ['pdf', 'docx'] as const)
    it(`(${format}) holds no case reference and no evidence text, and keeps findings, prevalence and actions`, async () => {
      const { fileName, text: report } = await text(format, false);
      expect(fileName).toBe(`neglect-audit-2026-without-case-detail.${format}`);
      for (const ref of references) expect(hasReference(report, ref), ref).toBe(false);
      for (const note of notes.filter((n) => n.split(/\s+/).length >= QUOTED_WORDS))
        expect(report, note).not.toContain(words(note));
      expect(report).not.toContain('nursery since the half term');
      expect(report).not.toMatch(/\b(Age|Gender|Ethnicity|Disability|Plan): /);
      // The findings, by prevalence, with what is left of the one that quoted the record.
      expect(report).toContain('Development areas');
      expect(report).toContain('In some cases the following development areas were found');
      expect(report).toContain(
        'In some cases attendance at nursery was not followed up: in [case] the record says “[…]”.',
      );
      // Prevalence: the learning themes' shares, and the sample as a count.
      expect(report).toContain('Cases meeting the standard');
      expect(report).toContain('3 cases were audited.');
      // The action plan.
      expect(report).toContain('Action plan');
      expect(report).toContain('Health visitors follow up missed nursery sessions within a week (as in [case]).');
      expect(report).toContain('Named nurse');
      expect(report).toContain(words(personalDataStatement('boardReportWithoutCaseDetail')));
    });

  it('the same through a job, as the download on the audit overview makes it', async () => {
    const { jobId } = await inst.api['jobs.start']({ kind: 'report.audit', auditId, format: 'pdf', caseDetail: false });
    for (let i = 0; i < 200 && (await inst.api['jobs.get']({ jobId })).status === 'running'; i++)
      await new Promise((r) => setTimeout(r, 50));
    const report = await pdfText(Buffer.from((await inst.api['jobs.result']({ jobId })).base64, 'base64'));
    for (const ref of references) expect(hasReference(report, ref), ref).toBe(false);
    expect(report).not.toContain('nursery since the half term');
  });

  it('case-audit report --without-case-detail writes it, and refuses it for a period', async () => {
    // The CLI needs a key file, so on a CLI-made demo database.
    const CLI = join(import.meta.dirname, '..', '..', 'bin', 'case-audit.js');
    const pass = join(t.dir, 'cli-pass.txt');
    writeFileSync(pass, 'report command passphrase');
    const db = join(t.dir, 'cli.db');
    const run = (...a: string[]) =>
      spawnSync(process.execPath, [CLI, ...a, '--passphrase-file', pass], { encoding: 'utf8', timeout: 120_000 });
    const demo = run('demo', '--db', db, '--json');
    expect(demo.status, demo.stderr).toBe(0);
    const id = (JSON.parse(demo.stdout) as { auditId: string }).auditId;
    const out = join(t.dir, 'minimal.pdf');
    const made = run('report', '--db', db, '--audit', id, '--out', out, '--without-case-detail');
    expect(made.status, made.stderr).toBe(0);
    const report = await pdfText(readFileSync(out));
    expect(report).toContain(words(personalDataStatement('boardReportWithoutCaseDetail')));
    expect(report).not.toMatch(/\b(Age|Gender|Ethnicity): /);
    const period = run(
      'report',
      '--db',
      db,
      '--from',
      '2020-01-01',
      '--to',
      '2099-01-01',
      '--out',
      join(t.dir, 'q.pdf'),
      '--without-case-detail',
    );
    expect(period.status).toBe(2);
  }, 120_000);
});

describe('withoutCaseDetail', () => {
  const runs = new Set(['a b c d e f g h']);
  it('replaces whole references only, ignoring case', () => {
    expect(withoutCaseDetail('R-10 and r-1, not R-100', ['R-1', 'R-10'], new Set())).toBe(
      '[case] and [case], not R-100',
    );
  });
  it('replaces a run of eight words found in the records, not seven', () => {
    expect(withoutCaseDetail('x A b c d e f g h y', [], runs)).toBe('x […] y');
    expect(withoutCaseDetail('x a b c d e f g y', [], runs)).toBe('x a b c d e f g y');
  });
});
