// The raw writes an import needs: replacing an imported audit's working rows with a newer signed
// revision in one go, and the look-ups that make sure every row it writes belongs to that audit. Only
// the import path uses these.
import type { RevisionContent } from '../../shared/bundle.js';
import type { Db } from '../open.js';

/** A row an import would write that already exists under another audit (or another panel). */
export interface ForeignRow {
  table: 'audit_case' | 'checklist' | 'finding' | 'recommendation' | 'action' | 'panel_item';
  id: string;
  /** The audit (for a panel item: the panel) that owns it. */
  owner: string;
}

/** An action's fields that a signed revision sets (the QA sub-committee's status and progress stay). */
export interface ImportedActionFields {
  recommendationId: string | null;
  text: string;
  leadAgencyId: string;
  ownerRole: string;
  dueDate: string;
  successMeasure: string;
}

/** How many rows of each kind an audit has: what an import removed and wrote, for the change log. */
export interface AuditRowCounts {
  cases: number;
  checklists: number;
  answers: number;
  grades: number;
  discussions: number;
  findings: number;
  recommendations: number;
  actions: number;
}

export interface ReplaceResult {
  before: AuditRowCounts;
  after: AuditRowCounts;
  /** Each action the revision created or changed, with its imported fields before and after. */
  actions: { id: string; before: ImportedActionFields | null; after: ImportedActionFields }[];
  /** Findings the revision no longer has, kept because a signed panel record discusses them. */
  keptForPanels: string[];
}

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
    // A finding a signed panel record discusses stays (panel_item.finding_id refers to it, and the
    // record cannot change): it is updated in place when the revision still has it.
    del(
      'DELETE FROM finding WHERE audit_id = ? AND id NOT IN (SELECT finding_id FROM panel_item WHERE finding_id IS NOT NULL)',
    ),
    del('DELETE FROM audit_case WHERE audit_id = ?'),
  ];
  // The upserts change a row only of the audit being imported (an imported one): the WHERE clauses keep
  // them from ever touching a local audit or another audit's action, whatever the caller checked.
  const upsertAudit = db.prepare(`
    INSERT INTO audit (id, title, theme, template_id, template_version, status, series_id, round, purpose, thresholds, revision, origin, created_at, updated_at)
    VALUES (@id, @title, @theme, @templateId, @templateVersion, 'in_progress', @seriesId, @round, @purpose, @thresholds, @revision, 'imported', @createdAt, @now)
    ON CONFLICT (id) DO UPDATE SET title = excluded.title, theme = excluded.theme, template_id = excluded.template_id,
      template_version = excluded.template_version, status = 'in_progress', series_id = excluded.series_id, round = excluded.round,
      purpose = excluded.purpose, thresholds = excluded.thresholds, revision = excluded.revision, updated_at = excluded.updated_at
    WHERE audit.origin = 'imported'`);
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
  const heldByPanels = db.prepare<[string], { id: string }>(
    'SELECT DISTINCT f.id FROM finding f JOIN panel_item i ON i.finding_id = f.id WHERE f.audit_id = ?',
  );
  const updateFinding =
    db.prepare(`UPDATE finding SET kind = @kind, text = @text, origin = @origin, case_ids = @caseIds,
    question_ids = @questionIds, themes = @themes, sort = @sort, updated_at = @updatedAt WHERE id = @id AND audit_id = @auditId`);
  const insertRec = db.prepare(
    'INSERT INTO recommendation (id, audit_id, text, finding_ids, sort, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  // Progress recorded by the QA sub-committee stays: an action keeps its id, status and history.
  const upsertAction = db.prepare(`
    INSERT INTO action (id, audit_id, recommendation_id, text, lead_agency_id, owner_role, due_date, success_measure, status, created_at, updated_at)
    VALUES (@id, @auditId, @recommendationId, @text, @leadAgencyId, @ownerRole, @dueDate, @successMeasure, @status, @now, @now)
    ON CONFLICT (id) DO UPDATE SET recommendation_id = excluded.recommendation_id, text = excluded.text,
      lead_agency_id = excluded.lead_agency_id, owner_role = excluded.owner_role, due_date = excluded.due_date,
      success_measure = excluded.success_measure, updated_at = excluded.updated_at
    WHERE action.audit_id = excluded.audit_id`);
  const actionFields = db.prepare<[string, string], ImportedActionFields & { id: string }>(`
    SELECT x.id, x.recommendation_id AS recommendationId, x.text, x.lead_agency_id AS leadAgencyId, x.owner_role AS ownerRole,
      x.due_date AS dueDate, x.success_measure AS successMeasure
    FROM action x JOIN json_each(?) j ON j.value = x.id WHERE x.audit_id = ?`);

  // Ids the revision brings that exist under another audit; `json_each` holds the revision's ids.
  const foreign = (sql: string) => db.prepare<[string, string], { id: string; owner: string }>(sql);
  const owners: [ForeignRow['table'], (c: RevisionContent) => string[], ReturnType<typeof foreign>][] = [
    [
      'audit_case',
      (c) => c.cases.map((k) => k.id),
      foreign(
        'SELECT c.id, c.audit_id AS owner FROM audit_case c JOIN json_each(?) j ON j.value = c.id WHERE c.audit_id <> ?',
      ),
    ],
    [
      'checklist',
      (c) => c.checklists.map((k) => k.id),
      foreign(`SELECT k.id, c.audit_id AS owner FROM checklist k JOIN audit_case c ON c.id = k.case_id
        JOIN json_each(?) j ON j.value = k.id WHERE c.audit_id <> ?`),
    ],
    [
      'finding',
      (c) => c.findings.map((f) => f.id),
      foreign(
        'SELECT f.id, f.audit_id AS owner FROM finding f JOIN json_each(?) j ON j.value = f.id WHERE f.audit_id <> ?',
      ),
    ],
    [
      'recommendation',
      (c) => c.recommendations.map((r) => r.id),
      foreign(
        'SELECT r.id, r.audit_id AS owner FROM recommendation r JOIN json_each(?) j ON j.value = r.id WHERE r.audit_id <> ?',
      ),
    ],
    [
      'action',
      (c) => c.actions.map((x) => x.id),
      foreign(
        'SELECT x.id, x.audit_id AS owner FROM action x JOIN json_each(?) j ON j.value = x.id WHERE x.audit_id <> ?',
      ),
    ],
  ];
  const panelItemOwners = foreign(
    'SELECT i.id, i.panel_id AS owner FROM panel_item i JOIN json_each(?) j ON j.value = i.id WHERE i.panel_id <> ?',
  );
  const count = (sql: string) => db.prepare<[string], { n: number }>(`SELECT count(*) AS n FROM ${sql}`);
  const counters: [keyof AuditRowCounts, ReturnType<typeof count>][] = [
    ['cases', count('audit_case WHERE audit_id = ?')],
    ['checklists', count('checklist k JOIN audit_case c ON c.id = k.case_id WHERE c.audit_id = ?')],
    [
      'answers',
      count(
        'answer a JOIN checklist k ON k.id = a.checklist_id JOIN audit_case c ON c.id = k.case_id WHERE c.audit_id = ?',
      ),
    ],
    ['grades', count('case_grade g JOIN audit_case c ON c.id = g.case_id WHERE c.audit_id = ?')],
    ['discussions', count('case_discussion d JOIN audit_case c ON c.id = d.case_id WHERE c.audit_id = ?')],
    ['findings', count('finding WHERE audit_id = ?')],
    ['recommendations', count('recommendation WHERE audit_id = ?')],
    ['actions', count('action WHERE audit_id = ?')],
  ];
  const counts = (auditId: string) =>
    Object.fromEntries(counters.map(([k, stmt]) => [k, stmt.get(auditId)!.n])) as unknown as AuditRowCounts;

  return {
    /** The revision's rows whose ids exist under another audit here (nothing may be written then). */
    foreignRows(c: RevisionContent): ForeignRow[] {
      return owners.flatMap(([table, ids, stmt]) =>
        stmt.all(JSON.stringify(ids(c)), c.audit.id).map((r) => ({ table, id: r.id, owner: r.owner })),
      );
    },
    /** Panel items with these ids that belong to a panel other than `panelId`. */
    foreignPanelItems(panelId: string, itemIds: readonly string[]): ForeignRow[] {
      return panelItemOwners
        .all(JSON.stringify(itemIds), panelId)
        .map((r) => ({ table: 'panel_item' as const, id: r.id, owner: r.owner }));
    },
    counts,
    /**
     * Writes the revision's working rows; `agency` maps the sender's agency ids to this board's. The
     * caller has checked that no id belongs to another audit (foreignRows); a write that would still
     * touch another audit's row throws, and the transaction is undone.
     */
    replaceAudit(c: RevisionContent, agency: (id: string) => string, now: string): ReplaceResult {
      const a = c.audit;
      const before = counts(a.id);
      const held = new Set(heldByPanels.all(a.id).map((r) => r.id));
      const actionIds = JSON.stringify(c.actions.map((x) => x.id));
      const actionsBefore = new Map(actionFields.all(actionIds, a.id).map(({ id, ...f }) => [id, f]));
      // The audit keeps its prevalence cut-offs; the small-sample threshold stays in the signed content.
      const { someThreshold, manyThreshold } = a.thresholds;
      const thresholds = JSON.stringify({ someThreshold, manyThreshold });
      const upserted = upsertAudit.run({ ...a, thresholds, revision: c.revision, now });
      if (upserted.changes !== 1) throw new Error(`the audit ${a.id} here is not an imported one`);
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
      c.findings.forEach((f, i) => {
        if (!held.has(f.id)) return;
        updateFinding.run({
          ...f,
          auditId: a.id,
          caseIds: JSON.stringify(f.caseIds),
          questionIds: JSON.stringify(f.questionIds),
          themes: JSON.stringify(f.themes),
          sort: i + 1,
        });
      });
      for (let i = 0; i < c.findings.length; i += BATCH) {
        const batch = c.findings
          .slice(i, i + BATCH)
          .map((f, j) => ({ f, sort: i + j + 1 }))
          .filter(({ f }) => !held.has(f.id))
          .map(({ f, sort }) => [
            f.id,
            a.id,
            f.kind,
            f.text,
            f.origin,
            JSON.stringify(f.caseIds),
            JSON.stringify(f.questionIds),
            JSON.stringify(f.themes),
            sort,
            f.createdAt,
            f.updatedAt,
          ]);
        insertFindings.run(JSON.stringify(batch));
      }
      c.recommendations.forEach((r, i) =>
        insertRec.run(r.id, a.id, r.text, JSON.stringify(r.findingIds), i + 1, r.createdAt, r.updatedAt),
      );
      const actions: ReplaceResult['actions'] = [];
      for (const x of c.actions) {
        const after: ImportedActionFields = {
          recommendationId: x.recommendationId,
          text: x.text,
          leadAgencyId: agency(x.leadAgencyId),
          ownerRole: x.ownerRole,
          dueDate: x.dueDate,
          successMeasure: x.successMeasure,
        };
        const written = upsertAction.run({ ...x, ...after, auditId: a.id, now });
        if (written.changes !== 1) throw new Error(`the action ${x.id} belongs to another audit`);
        const was = actionsBefore.get(x.id) ?? null;
        if (!was || (Object.keys(after) as (keyof ImportedActionFields)[]).some((k) => was[k] !== after[k]))
          actions.push({ id: x.id, before: was, after });
      }
      sign.run(a.id);
      const inRevision = new Set(c.findings.map((f) => f.id));
      return { before, after: counts(a.id), actions, keptForPanels: [...held].filter((id) => !inRevision.has(id)) };
    },
  };
}
