// Schema version 13: audits can be archived, and an audit never signed can be deleted.
//
// `archived_at` takes an audit out of the working lists (the audits list, the dashboard's programme)
// while it stays in history, search and reports; NULL for an audit in use.
//
// Deleting removes every row of the audit in one transaction. Its actions' progress updates are
// history that no ordinary statement may remove (version 5's trigger); the one exception is the
// deletion of the whole audit they belong to, and only while it has no signed revision. The service
// names that audit in `audit_deletion` for the length of its transaction (set and cleared inside it,
// so no other write ever sees it set), and the trigger lets through only the updates of that audit's
// actions.
export const up = /* sql */ `
ALTER TABLE audit ADD COLUMN archived_at TEXT;

CREATE TABLE audit_deletion (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  audit_id TEXT                      -- the audit being deleted in the current transaction, else NULL
) STRICT;
INSERT INTO audit_deletion (id, audit_id) VALUES (1, NULL);

DROP TRIGGER action_update_is_append_only_delete;
CREATE TRIGGER action_update_is_append_only_delete BEFORE DELETE ON action_update
WHEN NOT EXISTS (
  SELECT 1 FROM audit_deletion d JOIN action a ON a.audit_id = d.audit_id
  WHERE d.id = 1 AND a.id = OLD.action_id
    AND NOT EXISTS (SELECT 1 FROM audit_revision r WHERE r.audit_id = d.audit_id)
)
BEGIN
  SELECT RAISE(ABORT, 'progress updates are history and cannot be removed');
END;
`;
