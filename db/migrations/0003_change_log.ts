// Schema version 3: the append-only change log, each record chained to the one before by SHA-256.
// The triggers stop ordinary edits; the hash chain reveals any edit made around them.
export const up = /* sql */ `
CREATE TABLE change_log (
  seq INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  entity TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  action TEXT NOT NULL,
  before TEXT, -- JSON of the record before the change, NULL when created
  after TEXT,  -- JSON of the record after the change, NULL when removed
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL UNIQUE
) STRICT;
CREATE INDEX change_log_by_entity ON change_log (entity, entity_id);

CREATE TRIGGER change_log_is_append_only_update BEFORE UPDATE ON change_log
BEGIN
  SELECT RAISE(ABORT, 'the change log is append-only');
END;
CREATE TRIGGER change_log_is_append_only_delete BEFORE DELETE ON change_log
BEGIN
  SELECT RAISE(ABORT, 'the change log is append-only');
END;
`;
