// Schema version 17: how long each kind of record is kept, legal holds, and the one deletion that may
// remove signed data: an audit past its retention period, chosen by a person.
//
// `retention_period` holds the partnership's period per kind of record, in months, seeded with the
// defaults docs/retention.md explains. `legal_hold` stops an audit being deleted (an inquiry, a
// complaint); a hold is released rather than removed, so who held it, when and why stay on record.
//
// Signed data is protected by triggers (versions 5, 6, 7, 12 and 16). The retention deletion names the
// audit in `retention_deletion` for the length of its transaction (set and cleared inside it, so no
// other write ever sees it set), and each of those triggers lets through the rows of that audit only.
// An audit with an open legal hold cannot be deleted at all, marker or not.
//
// The change log is a hash chain: its oldest records past their period are removed as a prefix, and
// `change_log_trim` keeps the sequence number and hash of the last record removed, from which the
// chain is verified. Its delete trigger lets through only records at or before `through_seq`, only
// while `active` is set (inside the trimming transaction).
const auditOfCase = (row: string) => `(SELECT audit_id FROM audit_case WHERE id = ${row}.case_id)`;
const LOCKED_DELETES: Record<string, string> = {
  audit_case: 'OLD.audit_id',
  checklist: auditOfCase('OLD'),
  answer: '(SELECT c.audit_id FROM checklist k JOIN audit_case c ON c.id = k.case_id WHERE k.id = OLD.checklist_id)',
  finding: 'OLD.audit_id',
  recommendation: 'OLD.audit_id',
  case_grade: auditOfCase('OLD'),
  case_discussion: auditOfCase('OLD'),
};
const MARKED = '(SELECT audit_id FROM retention_deletion WHERE id = 1)';

const lockedDeletes = Object.entries(LOCKED_DELETES)
  .map(
    ([table, auditOf]) => `DROP TRIGGER ${table}_locked_when_signed_delete;
CREATE TRIGGER ${table}_locked_when_signed_delete BEFORE DELETE ON ${table}
WHEN (SELECT status FROM audit WHERE id = ${auditOf}) = 'signed' AND ${auditOf} IS NOT ${MARKED}
BEGIN
  SELECT RAISE(ABORT, 'this audit revision is signed and cannot change: start a new revision');
END;`,
  )
  .join('\n');

export const up = /* sql */ `
CREATE TABLE retention_period (
  kind TEXT PRIMARY KEY CHECK (kind IN ('working', 'signed', 'received', 'changeLog', 'backups')),
  months INTEGER NOT NULL CHECK (months BETWEEN 1 AND 1200),
  updated_at TEXT NOT NULL
) STRICT;
INSERT INTO retention_period (kind, months, updated_at) VALUES
  ('working', 24, '1970-01-01T00:00:00.000Z'),
  ('signed', 84, '1970-01-01T00:00:00.000Z'),
  ('received', 84, '1970-01-01T00:00:00.000Z'),
  ('changeLog', 84, '1970-01-01T00:00:00.000Z'),
  ('backups', 3, '1970-01-01T00:00:00.000Z');

CREATE TABLE legal_hold (
  id TEXT PRIMARY KEY,
  audit_id TEXT NOT NULL REFERENCES audit (id),
  reason TEXT NOT NULL,
  held_by TEXT NOT NULL,
  held_at TEXT NOT NULL,
  released_by TEXT,
  released_at TEXT,
  release_reason TEXT
) STRICT;
CREATE UNIQUE INDEX legal_hold_open ON legal_hold (audit_id) WHERE released_at IS NULL;
CREATE TRIGGER audit_held_is_kept BEFORE DELETE ON audit
WHEN EXISTS (SELECT 1 FROM legal_hold h WHERE h.audit_id = OLD.id AND h.released_at IS NULL)
BEGIN
  SELECT RAISE(ABORT, 'this audit is under a legal hold and cannot be deleted');
END;

CREATE TABLE retention_deletion (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  audit_id TEXT                      -- the audit being deleted past its period in this transaction, else NULL
) STRICT;
INSERT INTO retention_deletion (id, audit_id) VALUES (1, NULL);

${lockedDeletes}

DROP TRIGGER audit_revision_is_immutable_delete;
CREATE TRIGGER audit_revision_is_immutable_delete BEFORE DELETE ON audit_revision
WHEN OLD.audit_id IS NOT ${MARKED}
BEGIN
  SELECT RAISE(ABORT, 'a signed revision is immutable');
END;

DROP TRIGGER action_update_is_append_only_delete;
CREATE TRIGGER action_update_is_append_only_delete BEFORE DELETE ON action_update
WHEN NOT EXISTS (
  SELECT 1 FROM audit_deletion d JOIN action a ON a.audit_id = d.audit_id
  WHERE d.id = 1 AND a.id = OLD.action_id
    AND NOT EXISTS (SELECT 1 FROM audit_revision r WHERE r.audit_id = d.audit_id)
) AND (SELECT audit_id FROM action WHERE id = OLD.action_id) IS NOT ${MARKED}
BEGIN
  SELECT RAISE(ABORT, 'progress updates are history and cannot be removed');
END;

DROP TRIGGER audit_pin_is_kept;
CREATE TRIGGER audit_pin_is_kept BEFORE DELETE ON audit_pin
WHEN OLD.audit_id IS NOT ${MARKED}
BEGIN
  SELECT RAISE(ABORT, 'an imported audit stays pinned to its signer');
END;

DROP TRIGGER panel_item_locked_delete;
CREATE TRIGGER panel_item_locked_delete BEFORE DELETE ON panel_item
WHEN (SELECT status FROM panel WHERE id = OLD.panel_id) = 'signed'
  AND (SELECT audit_id FROM panel WHERE id = OLD.panel_id) IS NOT ${MARKED}
BEGIN
  SELECT RAISE(ABORT, 'a signed panel record is immutable');
END;

DROP TRIGGER panel_item_response_locked_delete;
CREATE TRIGGER panel_item_response_locked_delete BEFORE DELETE ON panel_item_response
WHEN (SELECT p.status FROM panel p JOIN panel_item i ON i.panel_id = p.id WHERE i.id = OLD.item_id) = 'signed'
  AND (SELECT p.audit_id FROM panel p JOIN panel_item i ON i.panel_id = p.id WHERE i.id = OLD.item_id) IS NOT ${MARKED}
BEGIN
  SELECT RAISE(ABORT, 'a signed panel record is immutable');
END;

CREATE TABLE change_log_trim (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  through_seq INTEGER NOT NULL DEFAULT 0,  -- the last record removed, 0 while none has been
  through_hash TEXT NOT NULL,              -- its hash: the next record's prev_hash
  trimmed_at TEXT,
  active INTEGER NOT NULL DEFAULT 0 CHECK (active IN (0, 1))
) STRICT;
INSERT INTO change_log_trim (id, through_seq, through_hash) VALUES (1, 0, '${'0'.repeat(64)}');

DROP TRIGGER change_log_is_append_only_delete;
CREATE TRIGGER change_log_is_append_only_delete BEFORE DELETE ON change_log
WHEN NOT ((SELECT active FROM change_log_trim WHERE id = 1) = 1
          AND OLD.seq <= (SELECT through_seq FROM change_log_trim WHERE id = 1))
BEGIN
  SELECT RAISE(ABORT, 'the change log is append-only');
END;
`;
