import type { Answer, AnswerValue } from '../../shared/answer.js';
import type { AgencyKind } from '../../shared/vocabulary.js';
import type { Db } from '../open.js';

export interface ChecklistRow {
  id: string;
  caseId: string;
  caseReference: string;
  auditId: string;
  agencyId: string;
  agencyName: string;
  agencyKind: AgencyKind;
  completedAt: string | null;
  updatedAt: string;
}

interface AnswerRow {
  checklist_id: string;
  question_id: string;
  value: string;
  not_applicable_reason: string;
  evidence: string;
  updated_at: string;
}

const SELECT = `
  SELECT k.id, k.case_id AS caseId, c.reference AS caseReference, c.audit_id AS auditId, k.agency_id AS agencyId,
         g.name AS agencyName, g.kind AS agencyKind, k.completed_at AS completedAt, k.updated_at AS updatedAt
  FROM checklist k JOIN audit_case c ON c.id = k.case_id JOIN agency g ON g.id = k.agency_id`;

const toAnswer = (r: AnswerRow): Answer => ({
  checklistId: r.checklist_id,
  questionId: r.question_id,
  value: JSON.parse(r.value) as AnswerValue,
  notApplicableReason: r.not_applicable_reason,
  evidence: r.evidence,
  updatedAt: r.updated_at,
});

export function checklistRepo(db: Db) {
  const one = db.prepare<[string], ChecklistRow>(`${SELECT} WHERE k.id = ?`);
  const forAudit = db.prepare<[string], ChecklistRow>(
    `${SELECT} WHERE c.audit_id = ? ORDER BY c.created_at, c.reference, g.sort`,
  );
  const insert = db.prepare(
    'INSERT INTO checklist (id, case_id, agency_id, completed_at, updated_at) VALUES (?, ?, ?, NULL, ?)',
  );
  const setCompleted = db.prepare('UPDATE checklist SET completed_at = ?, updated_at = ? WHERE id = ?');
  const touch = db.prepare('UPDATE checklist SET updated_at = ? WHERE id = ?');
  const answers = db.prepare<[string], AnswerRow>('SELECT * FROM answer WHERE checklist_id = ?');
  const answersForAudit = db.prepare<[string], AnswerRow>(`
    SELECT a.* FROM answer a JOIN checklist k ON k.id = a.checklist_id JOIN audit_case c ON c.id = k.case_id
    WHERE c.audit_id = ?`);
  const valuesForAudit = db.prepare<
    [string],
    { checklist_id: string; question_id: string; value: string; not_applicable_reason: string }
  >(`
    SELECT a.checklist_id, a.question_id, a.value, a.not_applicable_reason
    FROM answer a JOIN checklist k ON k.id = a.checklist_id JOIN audit_case c ON c.id = k.case_id
    WHERE c.audit_id = ?`);
  const oneAnswer = db.prepare<[string, string], AnswerRow>(
    'SELECT * FROM answer WHERE checklist_id = ? AND question_id = ?',
  );
  const valuesOf = db.prepare<[string], { question_id: string; value: string; not_applicable_reason: string }>(
    'SELECT question_id, value, not_applicable_reason FROM answer WHERE checklist_id = ?',
  );
  const upsertAnswer = db.prepare(`
    INSERT INTO answer (checklist_id, question_id, value, not_applicable_reason, evidence, updated_at)
    VALUES (@checklistId, @questionId, @value, @notApplicableReason, @evidence, @updatedAt)
    ON CONFLICT (checklist_id, question_id) DO UPDATE SET
      value = excluded.value, not_applicable_reason = excluded.not_applicable_reason,
      evidence = excluded.evidence, updated_at = excluded.updated_at`);

  return {
    get: (id: string): ChecklistRow | undefined => one.get(id),
    forAudit: (auditId: string): ChecklistRow[] => forAudit.all(auditId),
    insert(id: string, caseId: string, agencyId: string, now: string): void {
      insert.run(id, caseId, agencyId, now);
    },
    setCompleted(id: string, completedAt: string | null, now: string): void {
      setCompleted.run(completedAt, now, id);
    },
    touch(id: string, now: string): void {
      touch.run(now, id);
    },
    answers: (checklistId: string): Answer[] => answers.all(checklistId).map(toAnswer),
    answersForAudit: (auditId: string): Answer[] => answersForAudit.all(auditId).map(toAnswer),
    answer(checklistId: string, questionId: string): Answer | undefined {
      const r = oneAnswer.get(checklistId, questionId);
      return r ? toAnswer(r) : undefined;
    },
    /** A checklist's answers without their evidence notes, by question: what its progress needs. */
    answerValues(checklistId: string): Map<string, Pick<Answer, 'value' | 'notApplicableReason'>> {
      return new Map(
        valuesOf
          .all(checklistId)
          .map((r) => [
            r.question_id,
            { value: JSON.parse(r.value) as AnswerValue, notApplicableReason: r.not_applicable_reason },
          ]),
      );
    },
    /** The answers of an audit without their evidence notes: what prevalence is counted from. */
    answerValuesForAudit: (
      auditId: string,
    ): Array<Pick<Answer, 'checklistId' | 'questionId' | 'value' | 'notApplicableReason'>> =>
      valuesForAudit.all(auditId).map((r) => ({
        checklistId: r.checklist_id,
        questionId: r.question_id,
        value: JSON.parse(r.value) as AnswerValue,
        notApplicableReason: r.not_applicable_reason,
      })),
    saveAnswer(a: Answer): void {
      upsertAnswer.run({ ...a, value: JSON.stringify(a.value) });
    },
  };
}
export type ChecklistRepo = ReturnType<typeof checklistRepo>;
