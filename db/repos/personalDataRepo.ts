// The auditor's dismissals of what the personal-data detector flagged (migration 0015).
import type { Db } from '../open.js';

export interface DismissalRow {
  id: string;
  auditId: string;
  field: string;
  textHash: string;
  place: string;
  actor: string;
  person: string | null;
  dismissedAt: string;
}

export function personalDataRepo(db: Db) {
  const forAudit = db.prepare<
    [string],
    { field: string; text_hash: string; actor: string; person: string | null; dismissed_at: string }
  >('SELECT field, text_hash, actor, person, dismissed_at FROM personal_data_dismissal WHERE audit_id = ?');
  const insert = db.prepare(
    `INSERT INTO personal_data_dismissal (id, audit_id, field, text_hash, place, actor, person, dismissed_at)
     VALUES (@id, @auditId, @field, @textHash, @place, @actor, @person, @dismissedAt)
     ON CONFLICT (audit_id, field, text_hash) DO NOTHING`,
  );
  return {
    /** The audit's dismissals, keyed by `field` and text hash. */
    dismissals(auditId: string): Map<string, { actor: string; person: string | null; at: string }> {
      return new Map(
        forAudit
          .all(auditId)
          .map((r) => [`${r.field}:${r.text_hash}`, { actor: r.actor, person: r.person, at: r.dismissed_at }]),
      );
    },
    /** Records a dismissal; false when this text in this field was already dismissed. */
    dismiss(row: DismissalRow): boolean {
      return insert.run(row).changes === 1;
    },
  };
}
