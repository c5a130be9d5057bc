import type { ActionStatus } from '../../shared/actionStatus.js';
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
    /** Overdue first (by due date), then the rest by due date. */
    query(q: ActionQuery): ActionRow[] {
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
      else if (q.status === 'overdue') where.push("x.status NOT IN ('complete', 'verified') AND x.due_date < @today");
      else if (q.status) {
        where.push("x.status = @status AND (x.status IN ('complete', 'verified') OR x.due_date >= @today)");
        params.status = q.status;
      }
      const sql = `${SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY (x.status NOT IN ('complete', 'verified') AND x.due_date < @today) DESC, x.due_date, x.created_at`;
      return db.prepare<Record<string, string>, ActionRow>(sql).all(params);
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
