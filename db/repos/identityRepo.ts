import type { Identity, TrustedKey } from '../../shared/identity.js';
import type { Db } from '../open.js';

export interface IdentityRow extends Identity {
  id: string;
  signingPublic: string; // JWK JSON
  signingPrivate: string; // PEM
  encryptionPublic: string;
  encryptionPrivate: string;
}

/** An encryption key this installation used before rotating it: kept so older bundles still open. */
export interface RetiredKeyRow {
  publicJwk: string; // JWK JSON
  privatePem: string;
  retiredAt: string;
}

// Retired keys are one JSON row of the setting table, which is inside the encrypted database like the
// identity row: a short list that is only ever read and written whole needs no table of its own.
const RETIRED_KEYS = 'identity.retiredEncryptionKeys';

export interface TrustedRow extends TrustedKey {
  signingPublic: string;
  encryptionPublic: string;
}

export function identityRepo(db: Db) {
  const own = db.prepare<[], IdentityRow>(`SELECT id, name, role, agency, fingerprint, created_at AS createdAt,
    signing_public AS signingPublic, signing_private AS signingPrivate,
    encryption_public AS encryptionPublic, encryption_private AS encryptionPrivate FROM identity ORDER BY created_at LIMIT 1`);
  const insertOwn =
    db.prepare(`INSERT INTO identity (id, name, role, agency, signing_public, signing_private, encryption_public,
    encryption_private, fingerprint, created_at) VALUES (@id, @name, @role, @agency, @signingPublic, @signingPrivate,
    @encryptionPublic, @encryptionPrivate, @fingerprint, @createdAt)`);
  const trustedSelect = `SELECT fingerprint, name, role, agency, is_recipient AS isRecipient, enrolled_at AS enrolledAt,
    revoked_at AS revokedAt, revoked_reason AS revokedReason, signing_public AS signingPublic, encryption_public AS encryptionPublic
    FROM trusted_key`;
  const trusted = db.prepare<[], Omit<TrustedRow, 'isRecipient'> & { isRecipient: number }>(
    `${trustedSelect} ORDER BY name`,
  );
  const trustedOne = db.prepare<[string], Omit<TrustedRow, 'isRecipient'> & { isRecipient: number }>(
    `${trustedSelect} WHERE fingerprint = ?`,
  );
  const insertTrusted =
    db.prepare(`INSERT INTO trusted_key (fingerprint, name, role, agency, signing_public, encryption_public,
    is_recipient, enrolled_at) VALUES (@fingerprint, @name, @role, @agency, @signingPublic, @encryptionPublic, @isRecipient, @enrolledAt)`);
  const fillKeys = db.prepare('UPDATE trusted_key SET signing_public = ?, encryption_public = ? WHERE fingerprint = ?');
  const revoke = db.prepare(
    'UPDATE trusted_key SET revoked_at = ?, revoked_reason = ?, is_recipient = 0 WHERE fingerprint = ?',
  );
  const clearRecipient = db.prepare('UPDATE trusted_key SET is_recipient = 0');
  const setRecipient = db.prepare('UPDATE trusted_key SET is_recipient = 1 WHERE fingerprint = ?');
  const setEncryptionPublic = db.prepare('UPDATE trusted_key SET encryption_public = ? WHERE fingerprint = ?');
  const setOwnEncryption = db.prepare(
    'UPDATE identity SET encryption_public = ?, encryption_private = ? WHERE fingerprint = ?',
  );
  const retiredGet = db.prepare<[string], { value: string }>('SELECT value FROM setting WHERE key = ?');
  const retiredPut = db.prepare(
    'INSERT INTO setting (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at',
  );
  const fix = (r: Omit<TrustedRow, 'isRecipient'> & { isRecipient: number }): TrustedRow => ({
    ...r,
    isRecipient: r.isRecipient === 1,
  });

  return {
    own: (): IdentityRow | undefined => own.get(),
    insertOwn: (row: IdentityRow) => insertOwn.run(row),
    trusted: (): TrustedRow[] => trusted.all().map(fix),
    trustedByFingerprint(fp: string): TrustedRow | undefined {
      const r = trustedOne.get(fp);
      return r ? fix(r) : undefined;
    },
    insertTrusted: (row: TrustedRow) => insertTrusted.run({ ...row, isRecipient: row.isRecipient ? 1 : 0 }),
    /** Completes a key trusted from a quarantined bundle (which carries no encryption key) from its card. */
    fillKeys: (fp: string, signingPublic: string, encryptionPublic: string) =>
      fillKeys.run(signingPublic, encryptionPublic, fp),
    revoke: (fp: string, reason: string, at: string) => revoke.run(at, reason, fp),
    setRecipient(fp: string | null): void {
      clearRecipient.run();
      if (fp) setRecipient.run(fp);
    },
    /** Adds one key to the recipients, leaving the others. */
    addRecipient: (fp: string) => setRecipient.run(fp),
    /** Exactly these keys are the recipients; every other is retired as one. */
    setRecipients(fps: readonly string[]): void {
      clearRecipient.run();
      for (const fp of fps) setRecipient.run(fp);
    },
    /** Every key bundles are encrypted to (each QA member, an escrow key), by name. */
    recipients(): TrustedRow[] {
      return trusted
        .all()
        .map(fix)
        .filter((t) => t.isRecipient && !t.revokedAt);
    },
    /** The owner of a trusted key rotated its encryption key (a new self-signed card). */
    setEncryptionPublic: (fp: string, encryptionPublic: string) => setEncryptionPublic.run(encryptionPublic, fp),
    setOwnEncryption: (fingerprint: string, encryptionPublic: string, encryptionPrivate: string) =>
      setOwnEncryption.run(encryptionPublic, encryptionPrivate, fingerprint),
    /** The own encryption keys kept after rotation, oldest first. */
    retiredKeys(): RetiredKeyRow[] {
      const r = retiredGet.get(RETIRED_KEYS);
      return r ? (JSON.parse(r.value) as RetiredKeyRow[]) : [];
    },
    putRetiredKeys: (rows: readonly RetiredKeyRow[], now: string) =>
      retiredPut.run(RETIRED_KEYS, JSON.stringify(rows), now),
  };
}
export type IdentityRepo = ReturnType<typeof identityRepo>;
