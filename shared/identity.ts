// Identities: each installation's user has an Ed25519 signing key and an X25519 key to receive
// encrypted bundles. The identity card carries the public halves, self-signed, for enrolment.
import { z } from 'zod';
import { isoDateTime } from './ids.js';

const b64url = z.string().regex(/^[A-Za-z0-9_-]+$/, 'must be base64url');
export const ed25519JwkSchema = z.strictObject({
  kty: z.literal('OKP'),
  crv: z.literal('Ed25519'),
  x: b64url.length(43),
});
export const x25519JwkSchema = z.strictObject({
  kty: z.literal('OKP'),
  crv: z.literal('X25519'),
  x: b64url.length(43),
});

/** SHA-256 of the raw Ed25519 public key, hex, in groups of four for reading aloud. */
export const fingerprintSchema = z
  .string()
  .regex(/^([0-9a-f]{4} ){15}[0-9a-f]{4}$/, 'must be a key fingerprint (16 groups of 4 hex digits)');

export const personSchema = z.strictObject({
  name: z.string().trim().min(1, 'enter your name').max(200),
  role: z.string().trim().min(1, 'enter your role').max(200),
  agency: z.string().trim().min(1, 'enter your organisation').max(200),
});

export const identityCardSchema = z.strictObject({
  format: z.literal('case-audit-identity'),
  formatVersion: z.literal(1),
  ...personSchema.shape,
  signingKey: ed25519JwkSchema,
  encryptionKey: x25519JwkSchema,
  fingerprint: fingerprintSchema,
  createdAt: isoDateTime,
  // Ed25519 signature (base64url) over the canonical JSON of every other field.
  selfSignature: b64url.max(200),
});
export type IdentityCard = z.infer<typeof identityCardSchema>;

export const identitySchema = z.strictObject({
  ...personSchema.shape,
  fingerprint: fingerprintSchema,
  createdAt: isoDateTime,
});
export type Identity = z.infer<typeof identitySchema>;

export const trustedKeySchema = z.strictObject({
  ...personSchema.shape,
  fingerprint: fingerprintSchema,
  isRecipient: z.boolean(),
  enrolledAt: isoDateTime,
  revokedAt: isoDateTime.nullable(),
  revokedReason: z.string().nullable(),
});
export type TrustedKey = z.infer<typeof trustedKeySchema>;

/** One of this installation's own encryption keys: the current one, or one kept after rotating it. */
export const encryptionKeyInfoSchema = z.strictObject({
  kid: b64url.length(43), // RFC 7638 thumbprint, the recipient's `kid` in a bundle
  current: z.boolean(),
  retiredAt: isoDateTime.nullable(),
});
export type EncryptionKeyInfo = z.infer<typeof encryptionKeyInfoSchema>;

export const identityBackupSchema = z.strictObject({
  fileName: z.string(),
  /** The backup file's text: a compact JWE (PBES2-HS512+A256KW) of the identity's keys. */
  text: z.string(),
  fingerprint: fingerprintSchema,
  encryptionKeys: z.number().int(),
});

export const identityRestoreSchema = z.strictObject({
  identity: identitySchema,
  /** new: the identity was restored here; merged: it was already here, and missing keys were added. */
  restored: z.enum(['new', 'merged']),
  keysAdded: z.number().int(),
});
export type IdentityRestore = z.infer<typeof identityRestoreSchema>;
