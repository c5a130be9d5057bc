// Retention: the partnership's periods, legal holds, what each audit's last activity was, and the one
// deletion that may remove signed rows (db/migrations/0017_retention.ts), with the compaction after it
// so the deleted text is left neither in the search index's segments nor in free pages.
import type { RetentionKind, RetentionSettings } from '../../shared/retention.js';
import type { Db } from '../open.js';

export interface AuditActivity {
  id: string;
  title: string;
  origin: string;
  revision: number;
  lastActivityAt: string;
}

export interface HoldRow {
  auditId: string;
  reason: string;
  heldBy: string;
  heldAt: string;
}

export function retentionRepo(db: Db) {
  const periods = db.prepare<[], { kind: RetentionKind; months: number }>('SELECT kind, months FROM retention_period');
  const setPeriod = db.prepare('UPDATE retention_period SET months = ?, updated_at = ? WHERE kind = ?');
  // The latest of every date the audit's own rows carry: a signature, an import, a checklist, a finding, an action.
  const activity = db.prepare<[], AuditActivity>(`
    SELECT a.id, a.title, a.origin, a.revision,
      max(a.updated_at,
          coalesce((SELECT max(r.signed_at) FROM audit_revision r WHERE r.audit_id = a.id), ''),
          coalesce((SELECT max(b.imported_at) FROM imported_bundle b WHERE b.audit_id = a.id), ''),
          coalesce((SELECT max(k.updated_at) FROM checklist k JOIN audit_case c ON c.id = k.case_id
                    WHERE c.audit_id = a.id), ''),
          coalesce((SELECT max(f.updated_at) FROM finding f WHERE f.audit_id = a.id), ''),
          coalesce((SELECT max(x.updated_at) FROM action x WHERE x.audit_id = a.id), '')) AS lastActivityAt
    FROM audit a ORDER BY lastActivityAt, a.id`);
  const openHolds = db.prepare<[], HoldRow>(
    `SELECT audit_id AS auditId, reason, held_by AS heldBy, held_at AS heldAt FROM legal_hold
     WHERE released_at IS NULL`,
  );
  const openHold = db.prepare<[string], HoldRow>(
    `SELECT audit_id AS auditId, reason, held_by AS heldBy, held_at AS heldAt FROM legal_hold
     WHERE audit_id = ? AND released_at IS NULL`,
  );
  const insertHold = db.prepare(
    'INSERT INTO legal_hold (id, audit_id, reason, held_by, held_at) VALUES (?, ?, ?, ?, ?)',
  );
  const releaseHold = db.prepare(
    `UPDATE legal_hold SET released_by = ?, released_at = ?, release_reason = ?
     WHERE audit_id = ? AND released_at IS NULL`,
  );
  const mark = db.prepare('UPDATE retention_deletion SET audit_id = ? WHERE id = 1');
  const revisions = db.prepare<[string], { n: number }>('SELECT count(*) AS n FROM audit_revision WHERE audit_id = ?');
  // Children before parents, so every foreign key holds at each step.
  const steps = [
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
    'DELETE FROM signed_figures WHERE audit_id = @id',
    'DELETE FROM audit_revision WHERE audit_id = @id',
    'DELETE FROM audit_pin WHERE audit_id = @id',
    'DELETE FROM imported_bundle WHERE audit_id = @id',
    'DELETE FROM quarantine WHERE audit_id = @id',
    'DELETE FROM search_backlog WHERE audit_id = @id',
    'DELETE FROM personal_data_dismissal WHERE audit_id = @id',
    'DELETE FROM legal_hold WHERE audit_id = @id',
    // Entries the delete triggers did not reach (none expected): the index keeps the audit's id.
    'DELETE FROM search_index WHERE audit_id = @id',
    'DELETE FROM audit WHERE id = @id',
  ].map((sql) => db.prepare(sql));

  const logOlderThan = db.prepare<[string], { n: number; last: number | null }>(
    'SELECT count(*) AS n, max(seq) AS last FROM change_log WHERE at < ?',
  );
  const hashOf = db.prepare<[number], { hash: string }>('SELECT hash FROM change_log WHERE seq = ?');
  const startTrim = db.prepare(
    'UPDATE change_log_trim SET through_seq = ?, through_hash = ?, trimmed_at = ?, active = 1 WHERE id = 1',
  );
  const trimLog = db.prepare('DELETE FROM change_log WHERE seq <= ?');
  const endTrim = db.prepare('UPDATE change_log_trim SET active = 0 WHERE id = 1');

  return {
    periods(): RetentionSettings {
      const out = {} as RetentionSettings;
      for (const r of periods.all()) out[r.kind] = r.months;
      return out;
    },
    setPeriod: (kind: RetentionKind, months: number, now: string) => void setPeriod.run(months, now, kind),
    activity: (): AuditActivity[] => activity.all(),
    openHolds: (): HoldRow[] => openHolds.all(),
    openHold: (auditId: string): HoldRow | undefined => openHold.get(auditId),
    hold(id: string, auditId: string, reason: string, by: string, at: string): void {
      insertHold.run(id, auditId, reason, by, at);
    },
    release(auditId: string, reason: string, by: string, at: string): void {
      releaseHold.run(by, at, reason, auditId);
    },
    revisions: (auditId: string): number => revisions.get(auditId)!.n,
    /** Deletes every row of the audit, signed or not; call inside one transaction. Answers the rows removed. */
    deleteAudit(auditId: string): number {
      mark.run(auditId);
      try {
        return steps.reduce((n, step) => n + step.run({ id: auditId }).changes, 0);
      } finally {
        mark.run(null);
      }
    },
    changeLogOlderThan: (before: string) => logOlderThan.get(before)!.n,
    /** Removes the change log's records older than `before` as a prefix, keeping the last one's hash as the anchor. */
    trimChangeLog(before: string, now: string): number {
      const { n, last } = logOlderThan.get(before)!;
      if (n === 0 || last === null) return 0;
      startTrim.run(last, hashOf.get(last)!.hash, now);
      const removed = trimLog.run(last).changes;
      endTrim.run();
      return removed;
    },
    /**
     * Leaves no deleted text behind: the search index's segments merged (FTS5 'optimize'), the file
     * rebuilt without free pages (VACUUM), and the WAL emptied. Outside any transaction.
     */
    compact(): void {
      db.prepare("INSERT INTO search_index (search_index) VALUES ('optimize')").run();
      db.exec('VACUUM');
      db.pragma('wal_checkpoint(TRUNCATE)');
    },
  };
}
export type RetentionRepo = ReturnType<typeof retentionRepo>;
