// Schema version 12: who an imported audit belongs to. The first revision of an audit accepted here
// pins its signer's key and the board it names; a later revision signed by another key waits in the
// quarantine until someone accepts that signer explicitly (the decision is in the change log and
// moves the pin), and one naming another board is refused (electron/bundle/importBundle.ts).
//
// Audits imported before this version are pinned to the signer and board of the revision shown now.
// The quarantine says why a bundle waits (an unknown key, or a key other than the audit's pinned one)
// and for which audit, so the decision can name both keys.
export const up = /* sql */ `
CREATE TABLE audit_pin (
  audit_id TEXT PRIMARY KEY REFERENCES audit (id),
  signer_fingerprint TEXT NOT NULL,
  board_name TEXT NOT NULL,
  pinned_revision INTEGER NOT NULL CHECK (pinned_revision >= 1),
  pinned_at TEXT NOT NULL
) STRICT;
CREATE TRIGGER audit_pin_is_kept BEFORE DELETE ON audit_pin
BEGIN
  SELECT RAISE(ABORT, 'an imported audit stays pinned to its signer');
END;
INSERT INTO audit_pin (audit_id, signer_fingerprint, board_name, pinned_revision, pinned_at)
SELECT a.id, r.signer_fingerprint,
       coalesce(CASE WHEN json_valid(r.content) THEN json_extract(r.content, '$.board.name') END, ''),
       r.revision,
       coalesce((SELECT min(b.imported_at) FROM imported_bundle b WHERE b.audit_id = a.id), r.signed_at)
FROM audit a JOIN audit_revision r ON r.audit_id = a.id AND r.revision = a.revision
WHERE a.origin = 'imported';
ALTER TABLE quarantine ADD COLUMN audit_id TEXT;
ALTER TABLE quarantine ADD COLUMN reason TEXT NOT NULL DEFAULT 'unknown_signer'
  CHECK (reason IN ('unknown_signer', 'different_signer'));
`;
