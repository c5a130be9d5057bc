// Schema version 15: the auditor's decisions on what the personal-data detector flagged.
//
// Before signing, each flagged passage of an audit's free text is either fixed (its text changes) or
// dismissed: the person confirms it holds no personal data. A dismissal is of the passage's exact
// text in one kind of field (`field` and the SHA-256 of the text), so changing the text flags it
// again. `place` says where it was, for people reading the record. Who dismissed it and when are
// kept: the operating-system account (`actor`, as in the change log) and the identity's name when the
// installation has one. Rows go with their audit when an unsigned audit is deleted.
export const up = /* sql */ `
CREATE TABLE personal_data_dismissal (
  id TEXT PRIMARY KEY,
  audit_id TEXT NOT NULL REFERENCES audit(id) ON DELETE CASCADE,
  field TEXT NOT NULL,
  text_hash TEXT NOT NULL CHECK (length(text_hash) = 64),
  place TEXT NOT NULL,
  actor TEXT NOT NULL,
  person TEXT,
  dismissed_at TEXT NOT NULL,
  UNIQUE (audit_id, field, text_hash)
) STRICT;
`;
