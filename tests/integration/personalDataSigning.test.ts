// Personal data in an audit's free text is listed, passage by passage with its place, by the check
// before signing and in the outcome of importing the signed revision (for the QA sub-committee).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditorAndQa, completeAudit, sign, type Installation } from '../helpers/installations.js';
import { tempDir } from '../helpers/tmp.js';

const t = tempDir();
let auditor: Installation;
let qa: Installation;
let auditId: string;
let checklistId: string;
let questionId: string;
let findingId: string;
const EVIDENCE = 'Seen at home with mum Sarah; NHS number 943 476 5919 copied from the discharge letter.';

beforeAll(async () => {
  ({ auditor, qa } = await auditorAndQa(t.dir));
  auditId = await completeAudit(auditor.api, 'Neglect audit 2026');
  const detail = await auditor.api['audits.get']({ auditId });
  checklistId = detail.checklists[0]!.id;
  const { answers } = await auditor.api['checklists.get']({ checklistId });
  const answered = answers.find((a) => a.value !== null)!;
  questionId = answered.questionId;
  await auditor.api['answers.save']({
    checklistId,
    questionId,
    value: answered.value,
    notApplicableReason: answered.notApplicableReason,
    evidence: EVIDENCE,
  });
  const finding = await auditor.api['findings.save']({
    auditId,
    kind: 'development',
    text: 'Mrs Okafor was not invited to the conference (DOB 03/04/2015 on the minutes).',
    origin: 'own',
    caseIds: [],
    questionIds: [],
    themes: [],
  });
  findingId = finding.id;
});
afterAll(() => {
  auditor.app.close();
  qa.app.close();
  t.cleanup();
});

describe('personal data in the free text', () => {
  it('is listed by the signing preview with where each passage is', async () => {
    const preview = await auditor.api['audits.signingPreview']({ auditId });
    const personalData = preview.personalData!;
    expect(personalData.total).toBe(personalData.passages.length);

    const evidence = personalData.passages.find((p) => p.field === 'evidence' && p.checklistId === checklistId)!;
    expect(evidence).toMatchObject({ questionId, text: EVIDENCE });
    expect(evidence.caseId).not.toBeNull();
    expect(evidence.agencyName).not.toBeNull();
    expect(evidence.where).toMatch(/^Case .+, .+, question “.+”: evidence note$/);
    expect(evidence.findings.map((f) => [f.kind, f.text, f.confidence])).toEqual([
      ['name', 'Sarah', 'medium'],
      ['nhs_number', '943 476 5919', 'high'],
    ]);
    for (const f of evidence.findings) expect(EVIDENCE.slice(f.start, f.end)).toBe(f.text);

    const finding = personalData.passages.find((p) => p.recordId === findingId)!;
    expect(finding).toMatchObject({ field: 'finding', where: 'Finding', caseId: null });
    expect(finding.findings.map((f) => [f.kind, f.confidence])).toEqual([
      ['name', 'high'],
      ['date_of_birth', 'high'],
    ]);
  });

  it('does not flag the agencies of the board, and does not block signing', async () => {
    const preview = await auditor.api['audits.signingPreview']({ auditId });
    const texts = preview.personalData!.passages.flatMap((p) => p.findings.map((f) => f.text));
    expect(texts).not.toContain('Police');
    expect(preview.blockers).toEqual([]);
    await sign(auditor.api, auditId);
  });

  it('is listed in the outcome of importing the signed revision, for the QA sub-committee', async () => {
    const exported = await auditor.api['bundles.export']({ auditId });
    const outcome = await qa.api['bundles.import']({ fileName: exported.fileName, base64: exported.base64 });
    expect(outcome.outcome).toBe('added');
    if (outcome.outcome !== 'added') return;
    const passages = outcome.personalData!.passages;
    expect(passages.find((p) => p.field === 'evidence' && p.checklistId === checklistId)).toMatchObject({
      questionId,
      text: EVIDENCE,
    });
    expect(passages.find((p) => p.recordId === findingId)?.field).toBe('finding');
    // Imported again: nothing is added, so nothing is listed.
    const again = await qa.api['bundles.import']({ fileName: exported.fileName, base64: exported.base64 });
    expect(again).not.toHaveProperty('personalData');
  });
});
