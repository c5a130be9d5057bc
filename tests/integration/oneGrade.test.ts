// One grade per agency per case: the checklist's grade question and the grades page are one value,
// answered once and shown in both, in the board's agency order; a signed audit refuses either change.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AGE_BANDS, ETHNICITIES, GENDERS, PLAN_TYPES } from '../../shared/vocabulary.js';
import { lastSeq, logSince } from '../helpers/craftBundles.js';
import { agencyId } from '../helpers/fixtures.js';
import { completeAudit, installation, sign, type Installation } from '../helpers/installations.js';
import { tempDir } from '../helpers/tmp.js';

const t = tempDir();
let inst: Installation;
let auditId: string;
let caseId: string;
let police: string;
let health: string;
let social: string;

const checklistOf = async (agency: string) => {
  const detail = await inst.api['audits.get']({ auditId });
  return detail.checklists.find((k) => k.caseId === caseId && k.agencyId === agency)!;
};
const gradesOf = async () => (await inst.api['audits.get']({ auditId })).grades.filter((g) => g.caseId === caseId);
const gradeAnswer = async (agency: string) => {
  const { answers } = await inst.api['checklists.get']({ checklistId: (await checklistOf(agency)).id });
  return answers.find((a) => a.questionId === 'overall-grade');
};

beforeAll(async () => {
  inst = await installation(t.dir, 'one-grade', { name: 'Auditor', role: 'Independent auditor', agency: 'Ind' });
  const board = (await inst.api['board.get']({}))!;
  police = agencyId(board, 'Police');
  health = agencyId(board, 'Health');
  social = agencyId(board, "Children's social care");
  const audit = await inst.api['audits.create']({ title: 'Front door', templateId: 'mash-front-door' });
  auditId = audit.id;
  // Agencies given out of the board's order: the grades still come in the board's order.
  const added = await inst.api['cases.add']({
    auditId,
    reference: 'FD-001',
    ageBand: AGE_BANDS[1],
    gender: GENDERS[0],
    ethnicity: ETHNICITIES[0],
    disability: 'no',
    planType: PLAN_TYPES[1],
    agencyIds: [health, police, social],
  });
  caseId = added.id;
}, 120_000);
afterAll(() => {
  inst.app.close();
  t.cleanup();
});

describe('an agency’s grade for a case', () => {
  it('answered in the checklist, is the grade the grades page shows', async () => {
    const checklist = await checklistOf(police);
    const seq = lastSeq(inst);
    await inst.api['answers.save']({
      checklistId: checklist.id,
      questionId: 'overall-grade',
      value: 'good',
      evidence: 'Timely, well-reasoned decision. ',
    });
    expect(await gradesOf()).toEqual([
      expect.objectContaining({ agencyId: police, grade: 'good', rationale: 'Timely, well-reasoned decision.' }),
    ]);
    expect(logSince(inst, seq).map((r) => [r.entity, r.action])).toEqual([
      ['answer', 'create'],
      ['grade', 'create'],
    ]);
  });

  it('given on the grades page, is the checklist’s answer', async () => {
    const seq = lastSeq(inst);
    await inst.api['grades.set']({
      caseId,
      agencyId: health,
      grade: 'inadequate',
      rationale: 'No strategy discussion.',
    });
    expect(await gradeAnswer(health)).toMatchObject({ value: 'inadequate', evidence: 'No strategy discussion.' });
    expect(logSince(inst, seq).map((r) => [r.entity, r.action])).toEqual([
      ['grade', 'create'],
      ['answer', 'create'],
    ]);
    await inst.api['grades.set']({ caseId, agencyId: police, grade: 'outstanding', rationale: 'Exemplary.' });
    expect(await gradeAnswer(police)).toMatchObject({ value: 'outstanding', evidence: 'Exemplary.' });
    expect((await gradesOf()).filter((g) => g.agencyId === police)).toHaveLength(1);
  });

  it('keeps the overall grade on the grades page alone', async () => {
    await inst.api['grades.set']({ caseId, agencyId: null, grade: 'requires_improvement', rationale: 'Mixed.' });
    expect((await gradesOf()).find((g) => g.agencyId === null)).toMatchObject({ grade: 'requires_improvement' });
  });

  it('is cleared from the grades page when the checklist’s answer is cleared', async () => {
    const checklist = await checklistOf(police);
    await inst.api['answers.save']({ checklistId: checklist.id, questionId: 'overall-grade', value: null });
    expect((await gradesOf()).some((g) => g.agencyId === police)).toBe(false);
    await inst.api['answers.save']({ checklistId: checklist.id, questionId: 'overall-grade', value: 'good' });
    expect((await gradesOf()).find((g) => g.agencyId === police)).toMatchObject({ grade: 'good', rationale: '' });
  });

  it('comes in the board’s agency order, as the checklists do, the overall grade first', async () => {
    await inst.api['grades.set']({ caseId, agencyId: social, grade: 'good', rationale: 'Clear threshold decision.' });
    const detail = await inst.api['audits.get']({ auditId });
    const boardOrder = detail.agencies.map((a) => a.id).filter((id) => [police, health, social].includes(id));
    const checklistOrder = detail.checklists.filter((k) => k.caseId === caseId).map((k) => k.agencyId);
    expect(checklistOrder).toEqual(boardOrder);
    expect((await gradesOf()).map((g) => g.agencyId)).toEqual([null, ...boardOrder]);
  });

  it('cannot change once the audit is signed, from either side', async () => {
    const signedId = await completeAudit(inst.api, 'Signed front door', { cases: 2, seed: 4 });
    await sign(inst.api, signedId);
    const detail = await inst.api['audits.get']({ auditId: signedId });
    const k = detail.checklists[0]!;
    // The signed audit's grades and checklist answers agree: each was written once.
    const answers = (await inst.api['checklists.get']({ checklistId: k.id })).answers;
    const grade = detail.grades.find((g) => g.caseId === k.caseId && g.agencyId === k.agencyId);
    expect(grade?.grade).toBe(answers.find((a) => a.questionId === 'overall-grade')?.value);

    const byPage = await inst.app.dispatch('grades.set', {
      caseId: k.caseId,
      agencyId: k.agencyId,
      grade: 'inadequate',
      rationale: 'Changed after signing.',
    });
    expect(byPage).toMatchObject({ ok: false, error: { code: 'SIGNED' } });
    const byChecklist = await inst.app.dispatch('answers.save', {
      checklistId: k.id,
      questionId: 'overall-grade',
      value: 'inadequate',
    });
    expect(byChecklist).toMatchObject({ ok: false, error: { code: 'SIGNED' } });
    expect((await inst.api['audits.get']({ auditId: signedId })).grades).toEqual(detail.grades);
  });
});
