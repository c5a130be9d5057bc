// Schema version 6: identities and trusted keys, signed revisions (immutable), imported bundles and
// the quarantine. A signed audit's working data is locked in the database itself.
const lockWhenSigned = (table: string, auditOf: (row: 'NEW' | 'OLD') => string) =>
  (['INSERT', 'UPDATE', 'DELETE'] as const)
    .map((op) => {
      const row = op === 'INSERT' ? 'NEW' : 'OLD';
      return `CREATE TRIGGER ${table}_locked_when_signed_${op.toLowerCase()} BEFORE ${op} ON ${table}
WHEN (SELECT status FROM audit WHERE id = ${auditOf(row)}) = 'signed'
BEGIN
  SELECT RAISE(ABORT, 'this audit revision is signed and cannot change: start a new revision');
END;`;
    })
    .join('\n');

export const up = /* sql */ `
ALTER TABLE audit ADD COLUMN revision INTEGER NOT NULL DEFAULT 0;  -- the latest signed revision, 0 before any
ALTER TABLE audit ADD COLUMN origin TEXT NOT NULL DEFAULT 'local' CHECK (origin IN ('local', 'imported'));

-- This installation's own identity: an Ed25519 signing key and an X25519 key for receiving
-- encrypted bundles. The private keys rest inside the encrypted database.
CREATE TABLE identity (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  role TEXT NOT NULL,
  agency TEXT NOT NULL,
  signing_public TEXT NOT NULL,      -- JWK
  signing_private TEXT NOT NULL,     -- PKCS#8 PEM
  encryption_public TEXT NOT NULL,   -- JWK
  encryption_private TEXT NOT NULL,  -- PKCS#8 PEM
  fingerprint TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL
) STRICT;

-- Identity cards enrolled from others: signers whose bundles are accepted, and recipients to
-- encrypt bundles to (the QA sub-committee).
CREATE TABLE trusted_key (
  fingerprint TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  role TEXT NOT NULL,
  agency TEXT NOT NULL,
  signing_public TEXT NOT NULL,
  encryption_public TEXT NOT NULL,
  is_recipient INTEGER NOT NULL DEFAULT 0 CHECK (is_recipient IN (0, 1)),
  enrolled_at TEXT NOT NULL,
  revoked_at TEXT,
  revoked_reason TEXT
) STRICT;

CREATE TABLE audit_revision (
  audit_id TEXT NOT NULL REFERENCES audit (id),
  revision INTEGER NOT NULL CHECK (revision >= 1),
  content TEXT NOT NULL,             -- canonical JSON of what was signed
  content_hash TEXT NOT NULL,        -- SHA-256 hex of content
  previous_hash TEXT,                -- content_hash of the revision before
  signer_fingerprint TEXT NOT NULL,
  signed_at TEXT NOT NULL,
  report BLOB NOT NULL,              -- the PDF rendered when it was signed
  PRIMARY KEY (audit_id, revision)
) STRICT;
CREATE TRIGGER audit_revision_is_immutable_update BEFORE UPDATE ON audit_revision
BEGIN
  SELECT RAISE(ABORT, 'a signed revision is immutable');
END;
CREATE TRIGGER audit_revision_is_immutable_delete BEFORE DELETE ON audit_revision
BEGIN
  SELECT RAISE(ABORT, 'a signed revision is immutable');
END;

CREATE TABLE imported_bundle (
  bundle_id TEXT PRIMARY KEY,
  audit_id TEXT NOT NULL,
  revision INTEGER NOT NULL,
  signer_fingerprint TEXT NOT NULL,
  file_sha256 TEXT NOT NULL,
  outcome TEXT NOT NULL CHECK (outcome IN ('added', 'superseded_older', 'recorded_older')),
  imported_at TEXT NOT NULL
) STRICT;

CREATE TABLE quarantine (
  id TEXT PRIMARY KEY,
  file_name TEXT NOT NULL,
  bundle BLOB NOT NULL,
  file_sha256 TEXT NOT NULL UNIQUE,
  signer_fingerprint TEXT NOT NULL,
  signer_name TEXT NOT NULL,
  signer_role TEXT NOT NULL,
  signer_agency TEXT NOT NULL,
  audit_title TEXT NOT NULL,
  received_at TEXT NOT NULL
) STRICT;

${lockWhenSigned('audit_case', (r) => `${r}.audit_id`)}
${lockWhenSigned('checklist', (r) => `(SELECT audit_id FROM audit_case WHERE id = ${r}.case_id)`)}
${lockWhenSigned('answer', (r) => `(SELECT c.audit_id FROM checklist k JOIN audit_case c ON c.id = k.case_id WHERE k.id = ${r}.checklist_id)`)}
${lockWhenSigned('finding', (r) => `${r}.audit_id`)}
${lockWhenSigned('recommendation', (r) => `${r}.audit_id`)}
${lockWhenSigned('case_grade', (r) => `(SELECT audit_id FROM audit_case WHERE id = ${r}.case_id)`)}
${lockWhenSigned('case_discussion', (r) => `(SELECT audit_id FROM audit_case WHERE id = ${r}.case_id)`)}
`;
