// Removing what was entered by mistake, before it is signed: one case of an audit, or a whole audit
// that was never signed. The service checks and logs; these statements take the rows away (the search
// index follows by its delete triggers) and count what a removal would take.
import type { Db } from '../open.js';

export interface CaseContents {
  checklists: number;
  answers: number;
  grades: number;
  discussions: number;
}

export function removalRepo(db: Db) {
  const caseCounts = db.prepare<[string, string, string, string], CaseContents>(`
    SELECT (SELECT count(*) FROM checklist WHERE case_id = ?) AS checklists,
           (SELECT count(*) FROM answer a JOIN checklist k ON k.id = a.checklist_id WHERE k.case_id = ?) AS answers,
           (SELECT count(*) FROM case_grade WHERE case_id = ?) AS grades,
           (SELECT count(*) FROM case_discussion WHERE case_id = ?) AS discussions`);
  const findingsCiting = db.prepare<[string, string], { id: string; case_ids: string }>(
    'SELECT f.id, f.case_ids FROM finding f, json_each(f.case_ids) j WHERE f.audit_id = ? AND j.value = ?',
  );
  const setFindingCases = db.prepare('UPDATE finding SET case_ids = ?, updated_at = ? WHERE id = ?');
  const caseAnswers = db.prepare(
    'DELETE FROM answer WHERE checklist_id IN (SELECT id FROM checklist WHERE case_id = ?)',
  );
  const caseGrades = db.prepare('DELETE FROM case_grade WHERE case_id = ?');
  const caseDiscussion = db.prepare('DELETE FROM case_discussion WHERE case_id = ?');
  const caseChecklists = db.prepare('DELETE FROM checklist WHERE case_id = ?');
  const oneCase = db.prepare('DELETE FROM audit_case WHERE id = ?');
  const updateCase = db.prepare(
    `UPDATE audit_case SET reference = @reference, age_band = @ageBand, gender = @gender, ethnicity = @ethnicity,
       disability = @disability, plan_type = @planType, reference_flags = @flags WHERE id = @id`,
  );
  const agencyAnswers = db.prepare(
    'DELETE FROM answer WHERE checklist_id IN (SELECT id FROM checklist WHERE case_id = ? AND agency_id = ?)',
  );
  const agencyGrade = db.prepare('DELETE FROM case_grade WHERE case_id = ? AND agency_id = ?');
  const agencyChecklist = db.prepare('DELETE FROM checklist WHERE case_id = ? AND agency_id = ?');
  const answersOfChecklist = db.prepare<[string, string], { n: number }>(
    'SELECT count(*) AS n FROM answer a JOIN checklist k ON k.id = a.checklist_id WHERE k.case_id = ? AND k.agency_id = ?',
  );

  const signedRevisions = db.prepare<[string], { n: number }>(
    'SELECT count(*) AS n FROM audit_revision WHERE audit_id = ?',
  );
  const signedPanels = db.prepare<[string], { n: number }>(
    "SELECT count(*) AS n FROM panel WHERE audit_id = ? AND status = 'signed'",
  );
  const laterRounds = db.prepare<[string, string, number], { n: number }>(
    'SELECT count(*) AS n FROM audit WHERE series_id = ? AND id <> ? AND round > ?',
  );
  const verifiedElsewhere = db.prepare<[string, string], { n: number }>(
    'SELECT count(*) AS n FROM action WHERE verified_by_audit_id = ? AND audit_id <> ?',
  );
  const citedByOtherPanels = db.prepare<[string, string, string], { n: number }>(`
    SELECT count(*) AS n FROM panel_item i JOIN panel p ON p.id = i.panel_id
    WHERE p.audit_id <> ? AND (i.finding_id IN (SELECT id FROM finding WHERE audit_id = ?)
                               OR i.action_id IN (SELECT id FROM action WHERE audit_id = ?))`);
  const markDeleting = db.prepare('UPDATE audit_deletion SET audit_id = ? WHERE id = 1');
  // Children before parents, so every foreign key holds at each step.
  const auditSteps = [
    'DELETE FROM panel_item WHERE panel_id IN (SELECT id FROM panel WHERE audit_id = @id)',
    'DELETE FROM panel WHERE audit_id = @id',
    'DELETE FROM action_update WHERE action_id IN (SELECT id FROM action WHERE audit_id = @id)',
    'DELETE FROM action WHERE audit_id = @id',
    'DELETE FROM recommendation WHERE audit_id = @id',
    'DELETE FROM finding WHERE audit_id = @id',
    `DELETE FROM answer WHERE checklist_id IN
       (SELECT k.id FROM checklist k JOIN audit_case c ON c.id = k.case_id WHERE c.audit_id = @id)`,
    'DELETE FROM case_grade WHERE case_id IN (SELECT id FROM audit_case WHERE audit_id = @id)',
    'DELETE FROM case_discussion WHERE case_id IN (SELECT id FROM audit_case WHERE audit_id = @id)',
    'DELETE FROM checklist WHERE case_id IN (SELECT id FROM audit_case WHERE audit_id = @id)',
    'DELETE FROM audit_case WHERE audit_id = @id',
    'DELETE FROM search_backlog WHERE audit_id = @id',
    'DELETE FROM audit WHERE id = @id',
  ].map((sql) => db.prepare(sql));
  // Not updated_at: archiving changes no content, and the programme's re-audit dates count from it.
  const setArchived = db.prepare('UPDATE audit SET archived_at = ? WHERE id = ?');

  return {
    caseContents: (caseId: string): CaseContents => caseCounts.get(caseId, caseId, caseId, caseId)!,
    /** The findings of the audit that cite the case as evidence, with every case they cite. */
    findingsCiting: (auditId: string, caseId: string) =>
      findingsCiting.all(auditId, caseId).map((r) => ({ id: r.id, caseIds: JSON.parse(r.case_ids) as string[] })),
    setFindingCases(findingId: string, caseIds: readonly string[], now: string): void {
      setFindingCases.run(JSON.stringify(caseIds), now, findingId);
    },
    updateCase(
      id: string,
      c: {
        reference: string;
        ageBand: string;
        gender: string;
        ethnicity: string;
        disability: string;
        planType: string;
      },
      flags: readonly string[],
    ): void {
      updateCase.run({ id, ...c, flags: JSON.stringify(flags) });
    },
    answersOfChecklist: (caseId: string, agencyId: string): number => answersOfChecklist.get(caseId, agencyId)!.n,
    /** Removes the checklist, answers and grade of an agency no longer involved in the case. */
    removeCaseAgency(caseId: string, agencyId: string): void {
      agencyAnswers.run(caseId, agencyId);
      agencyGrade.run(caseId, agencyId);
      agencyChecklist.run(caseId, agencyId);
    },
    removeCase(caseId: string): void {
      caseAnswers.run(caseId);
      caseGrades.run(caseId);
      caseDiscussion.run(caseId);
      caseChecklists.run(caseId);
      oneCase.run(caseId);
    },
    /** What stands in the way of deleting an audit: signed records, and records of other audits citing it. */
    auditDeletionBlocks: (a: { id: string; seriesId: string; round: number }) => ({
      signedRevisions: signedRevisions.get(a.id)!.n,
      signedPanels: signedPanels.get(a.id)!.n,
      laterRounds: laterRounds.get(a.seriesId, a.id, a.round)!.n,
      verifiedElsewhere: verifiedElsewhere.get(a.id, a.id)!.n,
      citedByOtherPanels: citedByOtherPanels.get(a.id, a.id, a.id)!.n,
    }),
    /** Deletes every row of a never-signed audit; call inside one transaction. */
    deleteAudit(auditId: string): void {
      // Lets the progress history of this audit's actions go (db/migrations/0013_archive_and_delete.ts).
      markDeleting.run(auditId);
      for (const step of auditSteps) step.run({ id: auditId });
      markDeleting.run(null);
    },
    setArchived(auditId: string, archivedAt: string | null): void {
      setArchived.run(archivedAt, auditId);
    },
  };
}
export type RemovalRepo = ReturnType<typeof removalRepo>;
