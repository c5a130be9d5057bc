// Evidence notes of imported audits wait in search_backlog until the indexer adds them to the
// full-text index (migration 9 says why). Each queued audit is indexed in one statement pair inside
// the caller's transaction, so an audit is either wholly searchable or still queued.
import type { Db } from '../open.js';

export function searchBacklogRepo(db: Db) {
  const setDefer = db.prepare<[number]>('UPDATE search_control SET defer_evidence = ? WHERE id = 1');
  const queue = db.prepare<[string, string]>(
    'INSERT INTO search_backlog (audit_id, queued_at) VALUES (?, ?) ON CONFLICT (audit_id) DO NOTHING',
  );
  const next = db.prepare<[], { auditId: string }>(
    'SELECT audit_id AS auditId FROM search_backlog ORDER BY queued_at, audit_id LIMIT 1',
  );
  const count = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM search_backlog');
  const done = db.prepare<[string]>('DELETE FROM search_backlog WHERE audit_id = ?');
  // Entries for the notes that have none (the invariant kept by every trigger: a search_ref row
  // exists exactly when its index entry does). New ids are above the largest before.
  const maxRef = db.prepare<[], { n: number }>('SELECT coalesce(max(id), 0) AS n FROM search_ref');
  const addRefs = db.prepare<[string]>(`
    INSERT INTO search_ref (kind, ref_id)
    SELECT 'evidence', a.checklist_id || '/' || a.question_id
    FROM audit_case c JOIN checklist k ON k.case_id = c.id JOIN answer a ON a.checklist_id = k.id
    WHERE c.audit_id = ? AND a.evidence <> ''
      AND NOT EXISTS (SELECT 1 FROM search_ref r WHERE r.kind = 'evidence' AND r.ref_id = a.checklist_id || '/' || a.question_id)`);
  const addEntries = db.prepare<{ auditId: string; after: number }>(`
    INSERT INTO search_index (rowid, kind, ref_id, audit_id, body)
    SELECT r.id, 'evidence', r.ref_id, @auditId, a.evidence
    FROM audit_case c JOIN checklist k ON k.case_id = c.id JOIN answer a ON a.checklist_id = k.id
    JOIN search_ref r ON r.kind = 'evidence' AND r.ref_id = a.checklist_id || '/' || a.question_id
    WHERE c.audit_id = @auditId AND a.evidence <> '' AND r.id > @after`);

  return {
    /** Holds the evidence trigger off; the caller resets it before its transaction ends. */
    deferEvidence(on: boolean): void {
      setDefer.run(on ? 1 : 0);
    },
    queue(auditId: string, now: string): void {
      queue.run(auditId, now);
    },
    /** The audit queued longest, or null when none waits. */
    next(): string | null {
      return next.get()?.auditId ?? null;
    },
    count(): number {
      return count.get()!.n;
    },
    /** Indexes the evidence notes of one queued audit and takes it off the queue; returns the notes added. */
    indexAudit(auditId: string): number {
      const after = maxRef.get()!.n;
      const added = addRefs.run(auditId).changes;
      if (added > 0) addEntries.run({ auditId, after });
      done.run(auditId);
      return added;
    },
  };
}
