// Imported audits wait in search_backlog until the indexer adds their evidence notes, findings,
// recommendations and actions to the full-text index (migration 9 says why). Each queued audit is
// indexed inside the caller's one transaction, so an audit is either wholly searchable or still queued.
import type { Db } from '../open.js';

export function searchBacklogRepo(db: Db) {
  const setDefer = db.prepare<[number]>('UPDATE search_control SET defer_import = ? WHERE id = 1');
  const queue = db.prepare<[string, string]>(
    'INSERT INTO search_backlog (audit_id, queued_at) VALUES (?, ?) ON CONFLICT (audit_id) DO NOTHING',
  );
  const next = db.prepare<[], { auditId: string }>(
    'SELECT audit_id AS auditId FROM search_backlog ORDER BY queued_at, audit_id LIMIT 1',
  );
  const count = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM search_backlog');
  const done = db.prepare<[string]>('DELETE FROM search_backlog WHERE audit_id = ?');
  // Entries for what has none yet (the invariant every trigger keeps: a search_ref row exists exactly
  // when its index entry does). New ids are above the largest before, so the entries join on them.
  const maxRef = db.prepare<[], { n: number }>('SELECT coalesce(max(id), 0) AS n FROM search_ref');
  const evidenceRows = `FROM audit_case c JOIN checklist k ON k.case_id = c.id JOIN answer a ON a.checklist_id = k.id
    WHERE c.audit_id = @auditId AND a.evidence <> ''`;
  const kinds = [
    { kind: 'evidence', ref: "a.checklist_id || '/' || a.question_id", body: 'a.evidence', rows: evidenceRows },
    { kind: 'finding', ref: 'a.id', body: 'a.text', rows: 'FROM finding a WHERE a.audit_id = @auditId' },
    { kind: 'recommendation', ref: 'a.id', body: 'a.text', rows: 'FROM recommendation a WHERE a.audit_id = @auditId' },
    {
      kind: 'action',
      ref: 'a.id',
      body: "a.text || ' ' || a.success_measure || ' ' || a.owner_role",
      rows: 'FROM action a WHERE a.audit_id = @auditId',
    },
  ].map(({ kind, ref, body, rows }) => ({
    addRefs: db.prepare<{ auditId: string }>(`
      INSERT INTO search_ref (kind, ref_id) SELECT '${kind}', ${ref} ${rows}
        AND NOT EXISTS (SELECT 1 FROM search_ref r WHERE r.kind = '${kind}' AND r.ref_id = ${ref})`),
    // The kind is an indexed token since schema version 10 (searches limited to some kinds filter on it).
    addEntries: db.prepare<{ auditId: string; after: number }>(`
      INSERT INTO search_index (rowid, kind, ref_id, audit_id, body)
      SELECT r.id, '${kind}', r.ref_id, @auditId, ${body}
      ${rows.replace('WHERE', `JOIN search_ref r ON r.kind = '${kind}' AND r.ref_id = ${ref} WHERE`)} AND r.id > @after`),
  }));

  return {
    /** Holds the search index's insert triggers off; the caller resets it before its transaction ends. */
    deferIndexing(on: boolean): void {
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
    /** Indexes what one queued audit holds and takes it off the queue; returns the entries added. */
    indexAudit(auditId: string): number {
      let added = 0;
      for (const k of kinds) {
        const after = maxRef.get()!.n;
        const n = k.addRefs.run({ auditId }).changes;
        if (n > 0) k.addEntries.run({ auditId, after });
        added += n;
      }
      done.run(auditId);
      return added;
    },
  };
}
