import type { ActionStatus, EffectiveActionStatus } from '../../shared/actionStatus.js';
import type { ActionUpdate } from '../../shared/actionPlan.js';
import type { Db } from '../open.js';

export interface ActionRow {
  id: string;
  auditId: string;
  auditTitle: string;
  recommendationId: string | null;
  text: string;
  leadAgencyId: string;
  leadAgencyName: string;
  ownerRole: string;
  dueDate: string;
  successMeasure: string;
  status: ActionStatus;
  impactEvidence: string;
  verifiedByAuditId: string | null;
  verifiedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface ActionQuery {
  auditId?: string | undefined;
  agencyId?: string | undefined;
  /** 'open': not complete or verified; 'overdue': open and due before `today`. */
  status?: ActionStatus | 'open' | 'overdue' | undefined;
  dueBefore?: string | undefined;
  today: string;
}

const SELECT = `
  SELECT x.id, x.audit_id AS auditId, a.title AS auditTitle, x.recommendation_id AS recommendationId, x.text,
         x.lead_agency_id AS leadAgencyId, g.name AS leadAgencyName, x.owner_role AS ownerRole, x.due_date AS dueDate,
         x.success_measure AS successMeasure, x.status, x.impact_evidence AS impactEvidence,
         x.verified_by_audit_id AS verifiedByAuditId, x.verified_at AS verifiedAt, x.created_at AS createdAt, x.updated_at AS updatedAt
  FROM action x JOIN audit a ON a.id = x.audit_id JOIN agency g ON g.id = x.lead_agency_id`;

/** Open (neither complete nor verified) and due before today: derived, never stored. */
const OVERDUE = "(x.status NOT IN ('complete', 'verified') AND x.due_date < @today)";
/**
 * The list's order: overdue first, then by due date and created; the id last makes it a total order,
 * so pages of it (actions.page) never repeat or skip an action that shares a due date and a time.
 */
const ORDER_BY = `ORDER BY ${OVERDUE} DESC, x.due_date, x.created_at, x.id`;

/** The filter of `query` as a WHERE clause on `action x`, with its named parameters. */
function whereOf(q: ActionQuery): { where: string; params: Record<string, string> } {
  const where: string[] = [];
  const params: Record<string, string> = { today: q.today };
  if (q.auditId) {
    where.push('x.audit_id = @auditId');
    params.auditId = q.auditId;
  }
  if (q.agencyId) {
    where.push('x.lead_agency_id = @agencyId');
    params.agencyId = q.agencyId;
  }
  if (q.dueBefore) {
    where.push('x.due_date < @dueBefore');
    params.dueBefore = q.dueBefore;
  }
  if (q.status === 'open') where.push("x.status NOT IN ('complete', 'verified')");
  else if (q.status === 'overdue') where.push(OVERDUE);
  else if (q.status) {
    where.push(`x.status = @status AND NOT ${OVERDUE}`);
    params.status = q.status;
  }
  return { where: where.length ? `WHERE ${where.join(' AND ')}` : '', params };
}

export function actionRepo(db: Db) {
  const one = db.prepare<[string], ActionRow>(`${SELECT} WHERE x.id = ?`);
  const insert =
    db.prepare(`INSERT INTO action (id, audit_id, recommendation_id, text, lead_agency_id, owner_role, due_date,
      success_measure, status, created_at, updated_at)
    VALUES (@id, @auditId, @recommendationId, @text, @leadAgencyId, @ownerRole, @dueDate, @successMeasure, @status, @createdAt, @updatedAt)`);
  const update =
    db.prepare(`UPDATE action SET recommendation_id = @recommendationId, text = @text, lead_agency_id = @leadAgencyId,
      owner_role = @ownerRole, due_date = @dueDate, success_measure = @successMeasure, updated_at = @updatedAt WHERE id = @id`);
  const setStatus = db.prepare('UPDATE action SET status = ?, updated_at = ? WHERE id = ?');
  const verify = db.prepare(
    "UPDATE action SET status = 'verified', impact_evidence = ?, verified_by_audit_id = ?, verified_at = ?, updated_at = ? WHERE id = ?",
  );
  const updates = db.prepare<[string], ActionUpdate>(
    'SELECT id, at, author, note, status, evidence FROM action_update WHERE action_id = ? ORDER BY at, rowid',
  );
  // The latest update of each listed action, with how many there are: a list shows the latest
  // only, so it does not read (and send) every action's whole history (docs/performance.md).
  const latestOfMany = db.prepare<[string], ActionUpdate & { actionId: string; count: number }>(
    `SELECT j.value AS actionId, u.id, u.at, u.author, u.note, u.status, u.evidence,
            (SELECT count(*) FROM action_update c WHERE c.action_id = j.value) AS count
     FROM json_each(?) j JOIN action_update u ON u.rowid =
       (SELECT v.rowid FROM action_update v WHERE v.action_id = j.value ORDER BY v.at DESC, v.rowid DESC LIMIT 1)`,
  );
  const insertUpdate = db.prepare(
    'INSERT INTO action_update (id, action_id, at, author, note, status, evidence) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );

  return {
    get: (id: string): ActionRow | undefined => one.get(id),
    /** Overdue first, then the rest; each part by due date, then created, then id (ORDER_BY). */
    query(q: ActionQuery): ActionRow[] {
      const { where, params } = whereOf(q);
      return db.prepare<Record<string, string>, ActionRow>(`${SELECT} ${where} ${ORDER_BY}`).all(params);
    },
    /**
     * Rows `offset + 1` to `offset + limit` of `query(q)`, in the same order. Only the ids are sorted
     * (from the action table alone); the page's rows are then joined and read, so a page reads 50
     * actions' text, not every action's.
     */
    queryPage(q: ActionQuery, limit: number, offset: number): ActionRow[] {
      const { where, params } = whereOf(q);
      // The inner query sorts only the action table's own columns; the outer one reads the page's rows
      // and puts them back in the same order (the keys are those of ORDER_BY, the id last: unique).
      const sql = `${SELECT}
        JOIN (SELECT x.id, ${OVERDUE} AS overdue, x.due_date, x.created_at FROM action x ${where} ${ORDER_BY}
              LIMIT @limit OFFSET @offset) p ON p.id = x.id
        ORDER BY p.overdue DESC, p.due_date, p.created_at, p.id`;
      return db.prepare<Record<string, string | number>, ActionRow>(sql).all({ ...params, limit, offset });
    },
    /** How many actions `query(q)` selects, by effective status (overdue is derived from `today`). */
    countByEffectiveStatus(q: ActionQuery): Record<EffectiveActionStatus, number> {
      const { where, params } = whereOf(q);
      const counts: Record<EffectiveActionStatus, number> = {
        not_started: 0,
        on_track: 0,
        at_risk: 0,
        overdue: 0,
        complete: 0,
        verified: 0,
      };
      const sql = `SELECT CASE WHEN ${OVERDUE} THEN 'overdue' ELSE x.status END AS status, count(*) AS n
        FROM action x ${where} GROUP BY 1`;
      for (const r of db.prepare<Record<string, string>, { status: EffectiveActionStatus; n: number }>(sql).all(params))
        counts[r.status] = r.n;
      return counts;
    },
    insert(
      a: Omit<ActionRow, 'auditTitle' | 'leadAgencyName' | 'impactEvidence' | 'verifiedByAuditId' | 'verifiedAt'>,
    ): void {
      insert.run(a);
    },
    update(
      a: Pick<
        ActionRow,
        'id' | 'recommendationId' | 'text' | 'leadAgencyId' | 'ownerRole' | 'dueDate' | 'successMeasure' | 'updatedAt'
      >,
    ): void {
      update.run(a);
    },
    setStatus: (id: string, status: ActionStatus, now: string) => setStatus.run(status, now, id),
    verify: (id: string, evidence: string, auditId: string | null, now: string) =>
      verify.run(evidence, auditId, now, now, id),
    updates: (actionId: string): ActionUpdate[] => updates.all(actionId),
    /** The latest update of each of these actions and the number of updates, by action id. */
    latestUpdatesOf(actionIds: readonly string[]): Map<string, { latest: ActionUpdate; count: number }> {
      return new Map(
        latestOfMany
          .all(JSON.stringify(actionIds))
          .map(({ actionId, count, ...latest }) => [actionId, { latest, count }]),
      );
    },
    addUpdate: (actionId: string, u: ActionUpdate) =>
      insertUpdate.run(u.id, actionId, u.at, u.author, u.note, u.status, u.evidence),
  };
}
export type ActionRepo = ReturnType<typeof actionRepo>;
