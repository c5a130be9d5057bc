// Schema version 9: an import indexes what it wrote for search after it commits, not inside it.
// Full-text indexing of a bundle's evidence notes (about 2,700 per audit, 400,000 at the scale model),
// findings, recommendations and actions was over a third of the import's time (docs/performance.md):
// each import's transaction made and merged index segments. The import now writes its rows with the
// insert triggers of the search index held off (search_control.defer_import = 1, set and reset inside
// its own transaction, so no other write ever sees it set) and queues the audit in search_backlog in
// the same transaction; the search indexer (db/repos/searchBacklogRepo.ts) then indexes the queued
// audits one transaction each, with progress, and can stop between audits. Search says how many wait.
// Every other write (autosave, findings and actions edited here) is still indexed in step.
const refOf = (kind: string, ref: string) => `(SELECT id FROM search_ref WHERE kind = '${kind}' AND ref_id = ${ref})`;

/** The version 8 insert trigger of a kind, now held off while an import writes. */
function insertTrigger(kind: string, table: string, ref: string, audit: string, body: string, when: string): string {
  return `
DROP TRIGGER IF EXISTS search_${kind}_insert;
CREATE TRIGGER search_${kind}_insert AFTER INSERT ON ${table}
WHEN ${when} AND (SELECT defer_import FROM search_control WHERE id = 1) = 0 BEGIN
  DELETE FROM search_index WHERE rowid = ${refOf(kind, ref)};
  INSERT INTO search_ref (kind, ref_id) SELECT '${kind}', ${ref} WHERE NOT EXISTS ${refOf(kind, ref)};
  INSERT INTO search_index (rowid, kind, ref_id, audit_id, body) SELECT ${refOf(kind, ref)}, '${kind}', ${ref}, ${audit}, ${body};
END;`;
}

export const up = /* sql */ `
CREATE TABLE search_control (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  defer_import INTEGER NOT NULL DEFAULT 0 CHECK (defer_import IN (0, 1))
) STRICT;
INSERT INTO search_control (id, defer_import) VALUES (1, 0);

CREATE TABLE search_backlog (
  audit_id TEXT PRIMARY KEY REFERENCES audit (id),
  queued_at TEXT NOT NULL
) STRICT;
${insertTrigger(
  'evidence',
  'answer',
  `NEW.checklist_id || '/' || NEW.question_id`,
  '(SELECT c.audit_id FROM checklist k JOIN audit_case c ON c.id = k.case_id WHERE k.id = NEW.checklist_id)',
  'NEW.evidence',
  `NEW.evidence <> ''`,
)}
${insertTrigger('finding', 'finding', 'NEW.id', 'NEW.audit_id', 'NEW.text', '1')}
${insertTrigger('recommendation', 'recommendation', 'NEW.id', 'NEW.audit_id', 'NEW.text', '1')}
${insertTrigger('action', 'action', 'NEW.id', 'NEW.audit_id', `NEW.text || ' ' || NEW.success_measure || ' ' || NEW.owner_role`, '1')}
`;
