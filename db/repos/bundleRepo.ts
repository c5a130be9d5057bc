import type { Db } from '../open.js';

export interface RevisionRow {
  auditId: string;
  revision: number;
  content: string;
  contentHash: string;
  previousHash: string | null;
  signerFingerprint: string;
  signedAt: string;
  report: Buffer;
}

/** A revision to store: an imported one's content comes as the UTF-8 bytes that were signed. */
export type NewRevision = Omit<RevisionRow, 'content'> & { content: string | Uint8Array };

export interface QuarantineRow {
  id: string;
  fileName: string;
  fileSha256: string;
  signerFingerprint: string;
  signerName: string;
  signerRole: string;
  signerAgency: string;
  auditTitle: string;
  receivedAt: string;
  /** The audit the bundle is for; null for bundles quarantined before version 12 recorded it. */
  auditId: string | null;
  reason: QuarantineReason;
}

/** Why a bundle waits: its key is not trusted, or it is not the key the audit is pinned to. */
export type QuarantineReason = 'unknown_signer' | 'different_signer';

/** Who an imported audit belongs to (db/migrations/0012_import_pins.ts). */
export interface AuditPin {
  auditId: string;
  signerFingerprint: string;
  boardName: string;
  pinnedRevision: number;
  pinnedAt: string;
}

/** A stored revision without its content and report (megabytes). */
export interface RevisionLink {
  revision: number;
  contentHash: string;
  previousHash: string | null;
  signerFingerprint: string;
}

export function bundleRepo(db: Db) {
  const revSelect = `SELECT audit_id AS auditId, revision, content, content_hash AS contentHash, previous_hash AS previousHash,
    signer_fingerprint AS signerFingerprint, signed_at AS signedAt, report FROM audit_revision`;
  const latest = db.prepare<[string], RevisionRow>(`${revSelect} WHERE audit_id = ? ORDER BY revision DESC LIMIT 1`);
  const one = db.prepare<[string, number], RevisionRow>(`${revSelect} WHERE audit_id = ? AND revision = ?`);
  const latestHash = db.prepare<[string], { revision: number; contentHash: string }>(
    'SELECT revision, content_hash AS contentHash FROM audit_revision WHERE audit_id = ? ORDER BY revision DESC LIMIT 1',
  );
  const insertRevision =
    db.prepare(`INSERT INTO audit_revision (audit_id, revision, content, content_hash, previous_hash,
    signer_fingerprint, signed_at, report) VALUES (@auditId, @revision, CAST(@content AS TEXT), @contentHash, @previousHash, @signerFingerprint, @signedAt, @report)`);
  const imported = db.prepare<[string], { bundleId: string }>(
    'SELECT bundle_id AS bundleId FROM imported_bundle WHERE bundle_id = ?',
  );
  const insertImported =
    db.prepare(`INSERT INTO imported_bundle (bundle_id, audit_id, revision, signer_fingerprint, file_sha256,
    outcome, imported_at) VALUES (?, ?, ?, ?, ?, ?, ?)`);
  const qSelect = `SELECT id, file_name AS fileName, file_sha256 AS fileSha256, signer_fingerprint AS signerFingerprint,
    signer_name AS signerName, signer_role AS signerRole, signer_agency AS signerAgency, audit_title AS auditTitle,
    received_at AS receivedAt, audit_id AS auditId, reason FROM quarantine`;
  const quarantine = db.prepare<[], QuarantineRow>(`${qSelect} ORDER BY received_at`);
  const quarantined = db.prepare<[string], QuarantineRow>(`${qSelect} WHERE id = ?`);
  const quarantinedBySha = db.prepare<[string], { id: string }>('SELECT id FROM quarantine WHERE file_sha256 = ?');
  const quarantineBytes = db.prepare<[string], { bundle: Buffer }>('SELECT bundle FROM quarantine WHERE id = ?');
  const insertQuarantine =
    db.prepare(`INSERT INTO quarantine (id, file_name, bundle, file_sha256, signer_fingerprint, signer_name,
    signer_role, signer_agency, audit_title, received_at, audit_id, reason) VALUES (@id, @fileName, @bundle, @fileSha256,
    @signerFingerprint, @signerName, @signerRole, @signerAgency, @auditTitle, @receivedAt, @auditId, @reason)`);
  const removeQuarantine = db.prepare('DELETE FROM quarantine WHERE id = ?');
  const link = db.prepare<[string, number], RevisionLink>(`SELECT revision, content_hash AS contentHash,
    previous_hash AS previousHash, signer_fingerprint AS signerFingerprint FROM audit_revision WHERE audit_id = ? AND revision = ?`);
  const signers = db.prepare<[string], { fp: string }>(
    'SELECT DISTINCT signer_fingerprint AS fp FROM audit_revision WHERE audit_id = ?',
  );
  const pin = db.prepare<[string], AuditPin>(`SELECT audit_id AS auditId, signer_fingerprint AS signerFingerprint,
    board_name AS boardName, pinned_revision AS pinnedRevision, pinned_at AS pinnedAt FROM audit_pin WHERE audit_id = ?`);
  const insertPin =
    db.prepare(`INSERT INTO audit_pin (audit_id, signer_fingerprint, board_name, pinned_revision, pinned_at)
    VALUES (@auditId, @signerFingerprint, @boardName, @pinnedRevision, @pinnedAt)`);
  const repin = db.prepare(
    'UPDATE audit_pin SET signer_fingerprint = @signerFingerprint, pinned_revision = @pinnedRevision, pinned_at = @pinnedAt WHERE audit_id = @auditId',
  );

  return {
    latestRevision: (auditId: string): RevisionRow | undefined => latest.get(auditId),
    revision: (auditId: string, revision: number): RevisionRow | undefined => one.get(auditId, revision),
    /** The latest revision's number and hash, without its content and report (megabytes). */
    latestRevisionHash: (auditId: string): { revision: number; contentHash: string } | undefined =>
      latestHash.get(auditId),
    // CAST: bytes are stored as the text they encode (checked UTF-8, verify.ts), without decoding them in JavaScript.
    insertRevision: (r: NewRevision) => insertRevision.run(r),
    /** A stored revision's place in the chain: its hash, the hash it names as previous, its signer. */
    revisionLink: (auditId: string, revision: number): RevisionLink | undefined => link.get(auditId, revision),
    /** Every key that signed a revision of this audit stored here. */
    revisionSigners: (auditId: string): string[] => signers.all(auditId).map((r) => r.fp),
    pin: (auditId: string): AuditPin | undefined => pin.get(auditId),
    insertPin: (p: AuditPin) => insertPin.run(p),
    /** Moves the pin to another key: only on an explicit decision to accept a different signer. */
    repin: (p: Omit<AuditPin, 'boardName'>) => repin.run(p),
    wasImported: (bundleId: string) => imported.get(bundleId) !== undefined,
    recordImport: (
      bundleId: string,
      auditId: string,
      revision: number,
      fp: string,
      sha: string,
      outcome: string,
      at: string,
    ) => insertImported.run(bundleId, auditId, revision, fp, sha, outcome, at),
    quarantine: (): QuarantineRow[] => quarantine.all(),
    quarantined: (id: string): QuarantineRow | undefined => quarantined.get(id),
    quarantinedBySha: (sha: string): string | undefined => quarantinedBySha.get(sha)?.id,
    quarantineBytes: (id: string): Buffer | undefined => quarantineBytes.get(id)?.bundle,
    addToQuarantine: (row: QuarantineRow & { bundle: Buffer }) => insertQuarantine.run(row),
    removeFromQuarantine: (id: string) => removeQuarantine.run(id),
  };
}
export type BundleRepo = ReturnType<typeof bundleRepo>;
