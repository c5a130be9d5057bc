// The raw writes an import needs: replacing an imported audit's working rows with a newer signed
// revision in one go. Only the import path uses these.
import type { RevisionContent } from '../../shared/bundle.js';
import type { Db } from '../open.js';

/** Rows per INSERT … SELECT FROM json_each(?) statement. */
const BATCH = 5000;

export function importRepo(db: Db) {
  const del = (sql: string) => db.prepare(sql);
  const clear = [
    del(
      'DELETE FROM answer WHERE checklist_id IN (SELECT k.id FROM checklist k JOIN audit_case c ON c.id = k.case_id WHERE c.audit_id = ?)',
    ),
    del('DELETE FROM checklist WHERE case_id IN (SELECT id FROM audit_case WHERE audit_id = ?)'),
    del('DELETE FROM case_grade WHERE case_id IN (SELECT id FROM audit_case WHERE audit_id = ?)'),
    del('DELETE FROM case_discussion WHERE case_id IN (SELECT id FROM audit_case WHERE audit_id = ?)'),
    del('UPDATE action SET recommendation_id = NULL WHERE audit_id = ?'),
    del('DELETE FROM recommendation WHERE audit_id = ?'),
    del('DELETE FROM finding WHERE audit_id = ?'),
    del('DELETE FROM audit_case WHERE audit_id = ?'),
  ];
  const upsertAudit = db.prepare(`
    INSERT INTO audit (id, title, theme, template_id, template_version, status, series_id, round, purpose, thresholds, revision, origin, created_at, updated_at)
    VALUES (@id, @title, @theme, @templateId, @templateVersion, 'in_progress', @seriesId, @round, @purpose, @thresholds, @revision, 'imported', @createdAt, @now)
    ON CONFLICT (id) DO UPDATE SET title = excluded.title, theme = excluded.theme, template_id = excluded.template_id,
      template_version = excluded.template_version, status = 'in_progress', series_id = excluded.series_id, round = excluded.round,
      purpose = excluded.purpose, thresholds = excluded.thresholds, revision = excluded.revision, updated_at = excluded.updated_at`);
  const sign = db.prepare("UPDATE audit SET status = 'signed' WHERE id = ?");
  const insertCase =
    db.prepare(`INSERT INTO audit_case (id, audit_id, reference, age_band, gender, ethnicity, disability, plan_type, reference_flags, created_at)
    VALUES (@id, @auditId, @reference, @ageBand, @gender, @ethnicity, @disability, @planType, @flags, @createdAt)`);
  const insertChecklist = db.prepare(
    'INSERT INTO checklist (id, case_id, agency_id, completed_at, updated_at) VALUES (?, ?, ?, ?, ?)',
  );
  // Answers and findings go in as one statement per batch (rows from a JSON array), not one per row:
  // each statement that fires the search triggers makes the full-text index write out what it holds,
  // so row by row an import wrote the index thousands of times per audit (docs/performance.md).
  const insertAnswers = db.prepare<
    [string]
  >(`INSERT INTO answer (checklist_id, question_id, value, not_applicable_reason, evidence, updated_at)
    SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4, value ->> 5 FROM json_each(?)`);
  const insertGrade = db.prepare(
    'INSERT INTO case_grade (case_id, agency_id, grade, rationale, updated_at) VALUES (?, ?, ?, ?, ?)',
  );
  const insertDiscussion = db.prepare(
    'INSERT INTO case_discussion (case_id, held_on, attendees, agreed, disagreements, updated_at) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const insertFindings = db.prepare<
    [string]
  >(`INSERT INTO finding (id, audit_id, kind, text, origin, case_ids, question_ids, themes, sort, created_at, updated_at)
    SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4, value ->> 5, value ->> 6, value ->> 7, value ->> 8, value ->> 9, value ->> 10
    FROM json_each(?)`);
  const insertRec = db.prepare(
    'INSERT INTO recommendation (id, audit_id, text, finding_ids, sort, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  // Progress recorded by the QA sub-committee stays: an action keeps its id, status and history.
  const upsertAction = db.prepare(`
    INSERT INTO action (id, audit_id, recommendation_id, text, lead_agency_id, owner_role, due_date, success_measure, status, created_at, updated_at)
    VALUES (@id, @auditId, @recommendationId, @text, @leadAgencyId, @ownerRole, @dueDate, @successMeasure, @status, @now, @now)
    ON CONFLICT (id) DO UPDATE SET recommendation_id = excluded.recommendation_id, text = excluded.text,
      lead_agency_id = excluded.lead_agency_id, owner_role = excluded.owner_role, due_date = excluded.due_date,
      success_measure = excluded.success_measure, updated_at = excluded.updated_at`);

  return {
    /** Writes the revision's working rows; `agency` maps the sender's agency ids to this board's. */
    replaceAudit(c: RevisionContent, agency: (id: string) => string, now: string): void {
      const a = c.audit;
      upsertAudit.run({ ...a, thresholds: JSON.stringify(a.thresholds), revision: c.revision, now });
      for (const stmt of clear) stmt.run(a.id);
      for (const k of c.cases) insertCase.run({ ...k, auditId: a.id, flags: JSON.stringify(k.referenceFlags) });
      for (const k of c.checklists) insertChecklist.run(k.id, k.caseId, agency(k.agencyId), k.completedAt, now);
      for (let i = 0; i < c.answers.length; i += BATCH) {
        const batch = c.answers
          .slice(i, i + BATCH)
          .map((x) => [
            x.checklistId,
            x.questionId,
            JSON.stringify(x.value),
            x.notApplicableReason,
            x.evidence,
            x.updatedAt,
          ]);
        insertAnswers.run(JSON.stringify(batch));
      }
      for (const g of c.grades)
        insertGrade.run(g.caseId, g.agencyId === null ? null : agency(g.agencyId), g.grade, g.rationale, g.updatedAt);
      for (const d of c.discussions) {
        const attendees = d.attendees.map((x) => ({ ...x, agencyId: agency(x.agencyId) }));
        insertDiscussion.run(d.caseId, d.heldOn, JSON.stringify(attendees), d.agreed, d.disagreements, d.updatedAt);
      }
      for (let i = 0; i < c.findings.length; i += BATCH) {
        const batch = c.findings
          .slice(i, i + BATCH)
          .map((f, j) => [
            f.id,
            a.id,
            f.kind,
            f.text,
            f.origin,
            JSON.stringify(f.caseIds),
            JSON.stringify(f.questionIds),
            JSON.stringify(f.themes),
            i + j + 1,
            f.createdAt,
            f.updatedAt,
          ]);
        insertFindings.run(JSON.stringify(batch));
      }
      c.recommendations.forEach((r, i) =>
        insertRec.run(r.id, a.id, r.text, JSON.stringify(r.findingIds), i + 1, r.createdAt, r.updatedAt),
      );
      for (const x of c.actions) upsertAction.run({ ...x, auditId: a.id, leadAgencyId: agency(x.leadAgencyId), now });
      sign.run(a.id);
    },
  };
}
