import type { Identity, TrustedKey } from '../../shared/identity.js';
import type { Db } from '../open.js';

export interface IdentityRow extends Identity {
  id: string;
  signingPublic: string; // JWK JSON
  signingPrivate: string; // PEM
  encryptionPublic: string;
  encryptionPrivate: string;
}

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
    recipient(): TrustedRow | undefined {
      return trusted
        .all()
        .map(fix)
        .find((t) => t.isRecipient && !t.revokedAt);
    },
  };
}
export type IdentityRepo = ReturnType<typeof identityRepo>;
