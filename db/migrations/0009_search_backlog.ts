// Schema version 9: an import indexes evidence notes for search after it commits, not inside it.
// Full-text indexing of a bundle's evidence notes (about 2,700 per audit, 400,000 at the scale model)
// was a third of the import's time (docs/performance.md). The import now writes its answers with the
// evidence trigger held off (search_control.defer_evidence = 1, set and reset inside its own
// transaction, so no other write ever sees it set) and queues the audit in search_backlog in the same
// transaction; the search indexer (db/repos/searchBacklogRepo.ts) then indexes the queued audits one
// transaction each, with progress, and can stop between audits. Search says how many audits wait.
// Everything else (findings, actions, recommendations, every autosave) is still indexed in step.
export const up = /* sql */ `
CREATE TABLE search_control (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  defer_evidence INTEGER NOT NULL DEFAULT 0 CHECK (defer_evidence IN (0, 1))
) STRICT;
INSERT INTO search_control (id, defer_evidence) VALUES (1, 0);

CREATE TABLE search_backlog (
  audit_id TEXT PRIMARY KEY REFERENCES audit (id),
  queued_at TEXT NOT NULL
) STRICT;

DROP TRIGGER IF EXISTS search_evidence_insert;
CREATE TRIGGER search_evidence_insert AFTER INSERT ON answer
WHEN NEW.evidence <> '' AND (SELECT defer_evidence FROM search_control WHERE id = 1) = 0 BEGIN
  DELETE FROM search_index WHERE rowid =
    (SELECT id FROM search_ref WHERE kind = 'evidence' AND ref_id = NEW.checklist_id || '/' || NEW.question_id);
  INSERT INTO search_ref (kind, ref_id) SELECT 'evidence', NEW.checklist_id || '/' || NEW.question_id
    WHERE NOT EXISTS (SELECT id FROM search_ref WHERE kind = 'evidence' AND ref_id = NEW.checklist_id || '/' || NEW.question_id);
  INSERT INTO search_index (rowid, kind, ref_id, audit_id, body)
    SELECT (SELECT id FROM search_ref WHERE kind = 'evidence' AND ref_id = NEW.checklist_id || '/' || NEW.question_id),
           'evidence', NEW.checklist_id || '/' || NEW.question_id,
           (SELECT c.audit_id FROM checklist k JOIN audit_case c ON c.id = k.case_id WHERE k.id = NEW.checklist_id),
           NEW.evidence;
END;
`;
