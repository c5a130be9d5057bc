import type { CaseGrade, Discussion, Finding, Recommendation } from '../../shared/review.js';
import type { Db } from '../open.js';

type Json = string;
const parse = <T>(s: Json): T => JSON.parse(s) as T;

export function reviewRepo(db: Db) {
  const gradesForAudit = db.prepare<
    [string],
    { case_id: string; agency_id: string | null; grade: string; rationale: string; updated_at: string }
  >(
    'SELECT g.* FROM case_grade g JOIN audit_case c ON c.id = g.case_id WHERE c.audit_id = ? ORDER BY c.created_at, g.agency_id IS NOT NULL',
  );
  const deleteGrade = db.prepare(
    "DELETE FROM case_grade WHERE case_id = ? AND coalesce(agency_id, '') = coalesce(?, '')",
  );
  const insertGrade = db.prepare(
    'INSERT INTO case_grade (case_id, agency_id, grade, rationale, updated_at) VALUES (?, ?, ?, ?, ?)',
  );
  const discussionsForAudit = db.prepare<
    [string],
    { case_id: string; held_on: string; attendees: Json; agreed: string; disagreements: string; updated_at: string }
  >(
    'SELECT d.* FROM case_discussion d JOIN audit_case c ON c.id = d.case_id WHERE c.audit_id = ? ORDER BY c.created_at',
  );
  const upsertDiscussion = db.prepare(`
    INSERT INTO case_discussion (case_id, held_on, attendees, agreed, disagreements, updated_at) VALUES (?, ?, ?, ?, ?, ?)
    ON CONFLICT (case_id) DO UPDATE SET held_on = excluded.held_on, attendees = excluded.attendees,
      agreed = excluded.agreed, disagreements = excluded.disagreements, updated_at = excluded.updated_at`);

  const findings = db.prepare<[string], Record<string, string>>(
    'SELECT * FROM finding WHERE audit_id = ? ORDER BY sort, created_at',
  );
  const finding = db.prepare<[string], Record<string, string>>('SELECT * FROM finding WHERE id = ?');
  const nextFindingSort = db.prepare<[string], { n: number }>(
    'SELECT coalesce(max(sort), 0) + 1 AS n FROM finding WHERE audit_id = ?',
  );
  const insertFinding =
    db.prepare(`INSERT INTO finding (id, audit_id, kind, text, origin, case_ids, question_ids, themes, sort, created_at, updated_at)
    VALUES (@id, @auditId, @kind, @text, @origin, @caseIds, @questionIds, @themes, @sort, @createdAt, @updatedAt)`);
  const updateFinding =
    db.prepare(`UPDATE finding SET kind = @kind, text = @text, case_ids = @caseIds, question_ids = @questionIds,
    themes = @themes, updated_at = @updatedAt WHERE id = @id`);
  const deleteFinding = db.prepare('DELETE FROM finding WHERE id = ?');

  const recommendations = db.prepare<[string], Record<string, string>>(
    'SELECT * FROM recommendation WHERE audit_id = ? ORDER BY sort, created_at',
  );
  const recommendation = db.prepare<[string], Record<string, string>>('SELECT * FROM recommendation WHERE id = ?');
  const nextRecSort = db.prepare<[string], { n: number }>(
    'SELECT coalesce(max(sort), 0) + 1 AS n FROM recommendation WHERE audit_id = ?',
  );
  const insertRec =
    db.prepare(`INSERT INTO recommendation (id, audit_id, text, finding_ids, sort, created_at, updated_at)
    VALUES (@id, @auditId, @text, @findingIds, @sort, @createdAt, @updatedAt)`);
  const updateRec = db.prepare(
    'UPDATE recommendation SET text = @text, finding_ids = @findingIds, updated_at = @updatedAt WHERE id = @id',
  );
  const deleteRec = db.prepare('DELETE FROM recommendation WHERE id = ?');

  const toFinding = (r: Record<string, string>): Finding => ({
    id: r.id!,
    auditId: r.audit_id!,
    kind: r.kind as Finding['kind'],
    text: r.text!,
    origin: r.origin as Finding['origin'],
    caseIds: parse(r.case_ids!),
    questionIds: parse(r.question_ids!),
    themes: parse(r.themes!),
    createdAt: r.created_at!,
    updatedAt: r.updated_at!,
  });
  const toRec = (r: Record<string, string>): Recommendation => ({
    id: r.id!,
    auditId: r.audit_id!,
    text: r.text!,
    findingIds: parse(r.finding_ids!),
    createdAt: r.created_at!,
    updatedAt: r.updated_at!,
  });

  return {
    grades: (auditId: string): CaseGrade[] =>
      gradesForAudit.all(auditId).map((r) => ({
        caseId: r.case_id,
        agencyId: r.agency_id,
        grade: r.grade as CaseGrade['grade'],
        rationale: r.rationale,
        updatedAt: r.updated_at,
      })),
    setGrade(g: CaseGrade): void {
      deleteGrade.run(g.caseId, g.agencyId);
      insertGrade.run(g.caseId, g.agencyId, g.grade, g.rationale, g.updatedAt);
    },
    removeGrade(caseId: string, agencyId: string | null): void {
      deleteGrade.run(caseId, agencyId);
    },
    discussions: (auditId: string): Discussion[] =>
      discussionsForAudit.all(auditId).map((r) => ({
        caseId: r.case_id,
        heldOn: r.held_on,
        attendees: parse(r.attendees),
        agreed: r.agreed,
        disagreements: r.disagreements,
        updatedAt: r.updated_at,
      })),
    saveDiscussion(d: Discussion): void {
      upsertDiscussion.run(d.caseId, d.heldOn, JSON.stringify(d.attendees), d.agreed, d.disagreements, d.updatedAt);
    },
    findings: (auditId: string): Finding[] => findings.all(auditId).map(toFinding),
    finding(id: string): Finding | undefined {
      const r = finding.get(id);
      return r ? toFinding(r) : undefined;
    },
    insertFinding(f: Finding): void {
      const sort = nextFindingSort.get(f.auditId)!.n;
      insertFinding.run({
        ...f,
        caseIds: JSON.stringify(f.caseIds),
        questionIds: JSON.stringify(f.questionIds),
        themes: JSON.stringify(f.themes),
        sort,
      });
    },
    updateFinding(f: Finding): void {
      updateFinding.run({
        ...f,
        caseIds: JSON.stringify(f.caseIds),
        questionIds: JSON.stringify(f.questionIds),
        themes: JSON.stringify(f.themes),
      });
    },
    deleteFinding: (id: string) => deleteFinding.run(id),
    recommendations: (auditId: string): Recommendation[] => recommendations.all(auditId).map(toRec),
    recommendation(id: string): Recommendation | undefined {
      const r = recommendation.get(id);
      return r ? toRec(r) : undefined;
    },
    insertRecommendation(r: Recommendation): void {
      insertRec.run({ ...r, findingIds: JSON.stringify(r.findingIds), sort: nextRecSort.get(r.auditId)!.n });
    },
    updateRecommendation(r: Recommendation): void {
      updateRec.run({ ...r, findingIds: JSON.stringify(r.findingIds) });
    },
    deleteRecommendation: (id: string) => deleteRec.run(id),
  };
}
export type ReviewRepo = ReturnType<typeof reviewRepo>;
