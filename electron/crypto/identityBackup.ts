// An identity's backup file: its private keys as a JWK Set (RFC 7517), encrypted with a passphrase as
// a compact JWE (PBES2-HS512+A256KW, A256GCM; RFC 7518 §4.8), so any JOSE library can read it
// (docs/security.md, “Identity backups”). It holds the Ed25519 signing key, the current X25519
// encryption key, and every encryption key retired since, which older bundles were encrypted to.
import { CompactEncrypt, compactDecrypt, decodeProtectedHeader, errors } from 'jose';
import { z } from 'zod';
import { AppError } from '../../shared/errors.js';
import { fingerprintSchema, personSchema } from '../../shared/identity.js';
import { isoDateTime } from '../../shared/ids.js';
import { describeIssues } from '../../shared/validationPath.js';
import { fingerprintOf, keyId, privateJwkOf, privatePemOf, type OkpJwk, type OkpPrivateJwk } from './keys.js';

export const BACKUP_FORMAT = 'case-audit-identity-backup';
/** PBKDF2-HMAC-SHA512 iterations; above OWASP's 210,000 for SHA-512. */
export const BACKUP_PBES2_COUNT = 310_000;
// What a backup may ask of the reader: fewer is too weak to have been written by Case Audit, more
// would let a crafted file keep the app busy.
const MIN_PBES2_COUNT = 100_000;
const MAX_PBES2_COUNT = 5_000_000;
export const MAX_BACKUP_CHARS = 100_000;

const b64url = z.string().regex(/^[A-Za-z0-9_-]+$/, 'must be base64url');
const privateJwk = (crv: 'Ed25519' | 'X25519', use: 'sig' | 'enc') =>
  z.strictObject({
    kty: z.literal('OKP'),
    crv: z.literal(crv),
    x: b64url.length(43),
    d: b64url.length(43),
    use: z.literal(use),
    kid: b64url.length(43),
  });
const signingJwkSchema = privateJwk('Ed25519', 'sig');
const encryptionJwkSchema = privateJwk('X25519', 'enc');

export const backupPayloadSchema = z.strictObject({
  keys: z
    .array(z.union([signingJwkSchema, encryptionJwkSchema]))
    .min(2, 'must hold the signing key and an encryption key')
    .max(65),
  caseAudit: z.strictObject({
    format: z.literal(BACKUP_FORMAT),
    formatVersion: z.literal(1),
    ...personSchema.shape,
    fingerprint: fingerprintSchema,
    createdAt: isoDateTime,
    exportedAt: isoDateTime,
    /** The kid of the current encryption key; every other X25519 key is retired. */
    encryptionKid: b64url.length(43),
    retired: z.array(z.strictObject({ kid: b64url.length(43), retiredAt: isoDateTime })).max(64),
  }),
});
export type BackupPayload = z.infer<typeof backupPayloadSchema>;

const headerSchema = z.looseObject({
  alg: z.literal('PBES2-HS512+A256KW', { error: 'alg must be PBES2-HS512+A256KW' }),
  enc: z.literal('A256GCM', { error: 'enc must be A256GCM' }),
  cty: z.literal('jwk-set+json', { error: 'cty must be jwk-set+json' }),
  p2c: z
    .number()
    .int()
    .min(MIN_PBES2_COUNT, `p2c must be at least ${MIN_PBES2_COUNT}`)
    .max(MAX_PBES2_COUNT, `p2c must be at most ${MAX_PBES2_COUNT}`),
  p2s: b64url,
});
const JWE_COMPACT = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

/** The passphrase as bytes: UTF-8 of its NFC form, so the same words typed on another system match. */
const passphraseBytes = (p: string) => new TextEncoder().encode(p.normalize('NFC'));

export interface IdentityKeys {
  name: string;
  role: string;
  agency: string;
  fingerprint: string;
  createdAt: string;
  signingPrivate: string; // PEM
  encryptionPrivate: string; // PEM, the current key
  retired: { privatePem: string; retiredAt: string }[];
}

async function withKid(pem: string, use: 'sig' | 'enc') {
  const jwk = privateJwkOf(pem);
  const { d: _d, ...pub } = jwk;
  return { ...jwk, use, kid: await keyId(pub) };
}

export async function writeBackup(keys: IdentityKeys, passphrase: string, now: string): Promise<string> {
  const signing = await withKid(keys.signingPrivate, 'sig');
  const current = await withKid(keys.encryptionPrivate, 'enc');
  const retired = await Promise.all(keys.retired.map(async (r) => ({ jwk: await withKid(r.privatePem, 'enc'), r })));
  const payload: BackupPayload = {
    keys: [signing, current, ...retired.map((r) => r.jwk)],
    caseAudit: {
      format: BACKUP_FORMAT,
      formatVersion: 1,
      name: keys.name,
      role: keys.role,
      agency: keys.agency,
      fingerprint: keys.fingerprint,
      createdAt: keys.createdAt,
      exportedAt: now,
      encryptionKid: current.kid,
      retired: retired.map(({ jwk, r }) => ({ kid: jwk.kid, retiredAt: r.retiredAt })),
    },
  };
  const jwe = await new CompactEncrypt(new TextEncoder().encode(JSON.stringify(payload)))
    .setProtectedHeader({ alg: 'PBES2-HS512+A256KW', enc: 'A256GCM', cty: 'jwk-set+json' })
    .setKeyManagementParameters({ p2c: BACKUP_PBES2_COUNT })
    .encrypt(passphraseBytes(passphrase));
  return jwe + '\n';
}

const invalid = (what: string) =>
  new AppError('VALIDATION', `The identity backup is not valid: ${what}. Nothing was restored.`);

/** Checks that a private JWK's public half is the x it claims, and its kid is the thumbprint. */
async function checkKey(jwk: OkpPrivateJwk & { kid: string }): Promise<string> {
  let pem: string;
  try {
    pem = privatePemOf({ kty: 'OKP', crv: jwk.crv, x: jwk.x, d: jwk.d });
  } catch {
    throw invalid(`the ${jwk.crv} key ${jwk.kid} cannot be read`);
  }
  const derived = privateJwkOf(pem);
  if (derived.x !== jwk.x) throw invalid(`the ${jwk.crv} key ${jwk.kid} does not match its public half`);
  const pub: OkpJwk = { kty: 'OKP', crv: jwk.crv, x: jwk.x };
  if ((await keyId(pub)) !== jwk.kid) throw invalid(`the key ${jwk.kid} is not named by its thumbprint`);
  return pem;
}

/** Reads a backup: its form, then the passphrase, then every key against its public half. Writes nothing. */
export async function readBackup(text: string, passphrase: string): Promise<IdentityKeys> {
  const compact = text.trim();
  if (compact.length > MAX_BACKUP_CHARS) throw invalid(`it is larger than a backup can be (${MAX_BACKUP_CHARS})`);
  if (!JWE_COMPACT.test(compact)) throw invalid('it is not a JWE in compact serialisation');
  let header: unknown;
  try {
    header = decodeProtectedHeader(compact);
  } catch {
    throw invalid('its protected header cannot be read');
  }
  const h = headerSchema.safeParse(header);
  if (!h.success) throw invalid(`header: ${describeIssues(h.error.issues)}`);

  let plaintext: Uint8Array;
  try {
    ({ plaintext } = await compactDecrypt(compact, passphraseBytes(passphrase), {
      keyManagementAlgorithms: ['PBES2-HS512+A256KW'],
      contentEncryptionAlgorithms: ['A256GCM'],
      maxPBES2Count: MAX_PBES2_COUNT,
    }));
  } catch (e) {
    if (e instanceof errors.JWEDecryptionFailed)
      throw new AppError(
        'UNAUTHORISED',
        'The backup passphrase is wrong (or the file was altered after it was made). Nothing was restored.',
      );
    throw invalid((e as Error).message);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(plaintext));
  } catch {
    throw invalid('what it holds is not JSON');
  }
  const parsed = backupPayloadSchema.safeParse(raw);
  if (!parsed.success) throw invalid(describeIssues(parsed.error.issues));
  const { keys, caseAudit: meta } = parsed.data;

  const signing = keys.filter((k) => k.crv === 'Ed25519');
  if (signing.length !== 1) throw invalid('it must hold exactly one Ed25519 signing key');
  const signingKey = signing[0]!;
  if (fingerprintOf({ kty: 'OKP', crv: 'Ed25519', x: signingKey.x }) !== meta.fingerprint)
    throw invalid('the fingerprint does not belong to its signing key');
  const encryption = keys.filter((k) => k.crv === 'X25519');
  if (new Set(encryption.map((k) => k.kid)).size !== encryption.length) throw invalid('a key is listed twice');
  const current = encryption.find((k) => k.kid === meta.encryptionKid);
  if (!current) throw invalid('its current encryption key is missing');
  const retiredAt = new Map(meta.retired.map((r) => [r.kid, r.retiredAt]));
  const retired: IdentityKeys['retired'] = [];
  for (const k of encryption) {
    if (k === current) continue;
    const at = retiredAt.get(k.kid);
    if (!at) throw invalid(`the encryption key ${k.kid} is neither current nor retired`);
    retired.push({ privatePem: await checkKey(k), retiredAt: at });
  }
  return {
    name: meta.name,
    role: meta.role,
    agency: meta.agency,
    fingerprint: meta.fingerprint,
    createdAt: meta.createdAt,
    signingPrivate: await checkKey(signingKey),
    encryptionPrivate: await checkKey(current),
    retired,
  };
}
