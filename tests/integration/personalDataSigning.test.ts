// Personal data in an audit's free text is listed, passage by passage with its place, by the check
// before signing and in the outcome of importing the signed revision (for the QA sub-committee).
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkDatabase } from '../../electron/maintenance.js';
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

  it('does not flag the agencies of the board', async () => {
    const preview = await auditor.api['audits.signingPreview']({ auditId });
    const texts = preview.personalData!.passages.flatMap((p) => p.findings.map((f) => f.text));
    expect(texts).not.toContain('Police');
  });

  it('stops signing, in the service, while a flagged passage is neither fixed nor dismissed', async () => {
    const preview = await auditor.api['audits.signingPreview']({ auditId });
    expect(preview.personalData!.open).toBe(preview.personalData!.total);
    expect(preview.blockers).toEqual([
      `${preview.personalData!.total} passages look like personal data: fix or dismiss each`,
    ]);
    expect(preview.personalData!.passages.every((p) => p.dismissal === null)).toBe(true);
    // Straight to the service with the previewed hash, as a screen that ignored the blocker would.
    await expect(auditor.api['audits.sign']({ auditId, contentHash: preview.contentHash })).rejects.toThrow(
      /look like personal data: fix or dismiss each/,
    );
    expect((await auditor.api['audits.get']({ auditId })).audit.status).toBe('in_progress');
  });

  it('records a dismissal with who and when, logged by the hash of the text, never the text', async () => {
    const preview = await auditor.api['audits.signingPreview']({ auditId });
    const evidence = preview.personalData!.passages.find((p) => p.field === 'evidence')!;
    const dismissal = await auditor.api['personalData.dismiss']({
      auditId,
      field: evidence.field,
      text: evidence.text,
      where: evidence.where,
    });
    expect(dismissal).toEqual({ person: 'Sam Auditor', actor: auditor.app.ctx.actor, at: expect.any(String) });
    expect(Date.parse(dismissal.at)).not.toBeNaN();
    // Dismissing again changes nothing and keeps the first decision.
    expect(
      await auditor.api['personalData.dismiss']({ auditId, field: 'evidence', text: EVIDENCE, where: 'again' }),
    ).toEqual(dismissal);

    const after = await auditor.api['audits.signingPreview']({ auditId });
    expect(after.personalData!.passages.find((p) => p.field === 'evidence')!.dismissal).toEqual(dismissal);
    expect(after.personalData!.open).toBe(after.personalData!.total - 1);

    const log = auditor.app.ctx.repos.changeLog.history('personal_data_dismissal', auditId);
    expect(log).toHaveLength(1);
    expect(log[0]!.after).toMatchObject({
      field: 'evidence',
      textHash: createHash('sha256').update(EVIDENCE, 'utf8').digest('hex'),
      where: evidence.where,
      person: 'Sam Auditor',
    });
    expect(JSON.stringify(log[0])).not.toContain('943 476 5919');
    expect(checkDatabase(auditor.app.db)).toMatchObject({ changeLog: { ok: true } });
  });

  it('flags a dismissed passage again when its text changes', async () => {
    const { answers } = await auditor.api['checklists.get']({ checklistId });
    const answer = answers.find((a) => a.questionId === questionId)!;
    const save = (evidence: string) =>
      auditor.api['answers.save']({
        checklistId,
        questionId,
        value: answer.value,
        notApplicableReason: answer.notApplicableReason,
        evidence,
      });
    await save(`${EVIDENCE} Seen again.`);
    const changed = (await auditor.api['audits.signingPreview']({ auditId })).personalData!;
    expect(changed.passages.find((p) => p.field === 'evidence')!.dismissal).toBeNull();
    // Back to the text that was dismissed: its dismissal holds again.
    await save(EVIDENCE);
    const back = (await auditor.api['audits.signingPreview']({ auditId })).personalData!;
    expect(back.passages.find((p) => p.field === 'evidence')!.dismissal).not.toBeNull();
  });

  it("uses the partnership's words: a local word that is not a name, and a name it adds", async () => {
    expect(await auditor.api['personalData.terms']({})).toMatchObject({ excludedTerms: [], extraNames: [] });
    const terms = await auditor.api['personalData.setTerms']({ excludedTerms: ['Okafor'], extraNames: ['Zebedee'] });
    expect(terms.boardTerms).toContain('Police');
    expect(auditor.app.ctx.repos.changeLog.history('setting', 'personalDataTerms')).toHaveLength(1);
    await auditor.api['findings.save']({
      auditId,
      kind: 'strength',
      text: 'Zebedee was seen alone at every visit.',
      origin: 'own',
      caseIds: [],
      questionIds: [],
      themes: [],
    });
    const preview = await auditor.api['audits.signingPreview']({ auditId });
    const texts = preview.personalData!.passages.flatMap((p) => p.findings.map((f) => f.text));
    expect(texts).toContain('Zebedee');
    // A word the partnership lists as not a name is not one, even after a title.
    expect(texts).not.toContain('Mrs Okafor');
    expect(texts.filter((t) => t.includes('Okafor'))).toEqual([]);
    await expect(auditor.api['personalData.setTerms']({ excludedTerms: ['  '], extraNames: [] })).rejects.toMatchObject(
      { code: 'VALIDATION' },
    );
  });

  it('lets signing go on once every passage is fixed or dismissed', async () => {
    const preview = await auditor.api['audits.signingPreview']({ auditId });
    for (const p of preview.personalData!.passages.filter((x) => x.dismissal === null))
      await auditor.api['personalData.dismiss']({ auditId, field: p.field, text: p.text, where: p.where });
    await sign(auditor.api, auditId);
    // A signed revision takes no more decisions.
    await expect(
      auditor.api['personalData.dismiss']({ auditId, field: 'finding', text: 'Anything', where: 'Finding' }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('is listed in the outcome of importing the signed revision, for the QA sub-committee', async () => {
    // The QA sub-committee's own words apply to what it imports.
    await qa.api['personalData.setTerms']({ excludedTerms: ['Sarah'], extraNames: [] });
    const exported = await auditor.api['bundles.export']({ auditId });
    const outcome = await qa.api['bundles.import']({ fileName: exported.fileName, base64: exported.base64 });
    expect(outcome.outcome).toBe('added');
    if (outcome.outcome !== 'added') return;
    const passages = outcome.personalData!.passages;
    expect(passages.find((p) => p.field === 'evidence' && p.checklistId === checklistId)).toMatchObject({
      questionId,
      text: EVIDENCE,
    });
    const imported = passages.find((p) => p.field === 'evidence' && p.checklistId === checklistId)!;
    expect(imported.findings.map((f) => f.text)).toEqual(['943 476 5919']);
    expect(passages.find((p) => p.recordId === findingId)?.field).toBe('finding');
    // Imported again: nothing is added, so nothing is listed.
    const again = await qa.api['bundles.import']({ fileName: exported.fileName, base64: exported.base64 });
    expect(again).not.toHaveProperty('personalData');
  });
});
