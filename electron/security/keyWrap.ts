// The database key is 32 random bytes; it is stored only wrapped: by a passphrase through scrypt
// (memory-hard) and AES-256-GCM, by the recovery key through HKDF-SHA256 and AES-256-GCM, or by the
// operating system (Electron safeStorage). docs/security.md describes each step.
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes, scrypt } from 'node:crypto';
import { RECOVERY_KEY_BYTES } from '../../shared/recoveryKey.js';

export const KEY_BYTES = 32;

export interface ScryptParams {
  N: number;
  r: number;
  p: number;
}
/** About 0.6 s and 128 MiB on the project's 2-core machine: slow for guessing, fine for unlocking. */
export const DEFAULT_SCRYPT: ScryptParams = { N: 2 ** 17, r: 8, p: 1 };

export interface PassphraseWrap {
  kind: 'passphrase';
  kdf: 'scrypt';
  N: number;
  r: number;
  p: number;
  salt: string; // base64
  iv: string;
  ciphertext: string;
  tag: string;
}

export class WrongPassphraseError extends Error {
  constructor() {
    super('The passphrase is wrong. Check it and try again (it is case-sensitive).');
    this.name = 'WrongPassphraseError';
  }
}

function deriveKek(passphrase: string, salt: Buffer, params: ScryptParams): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(
      passphrase.normalize('NFC'),
      salt,
      32,
      { ...params, maxmem: 256 * params.N * params.r + 1024 * 1024 },
      (err, key) => (err ? reject(err) : resolve(key)),
    ),
  );
}

export async function wrapWithPassphrase(
  key: Buffer,
  passphrase: string,
  params: ScryptParams = DEFAULT_SCRYPT,
): Promise<PassphraseWrap> {
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const kek = await deriveKek(passphrase, salt, params);
  const cipher = createCipheriv('aes-256-gcm', kek, iv);
  cipher.setAAD(Buffer.from('case-audit database key v1'));
  const ciphertext = Buffer.concat([cipher.update(key), cipher.final()]);
  return {
    kind: 'passphrase',
    kdf: 'scrypt',
    ...params,
    salt: salt.toString('base64'),
    iv: iv.toString('base64'),
    ciphertext: ciphertext.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
  };
}

export async function unwrapWithPassphrase(wrap: PassphraseWrap, passphrase: string): Promise<Buffer> {
  const kek = await deriveKek(passphrase, Buffer.from(wrap.salt, 'base64'), wrap);
  const decipher = createDecipheriv('aes-256-gcm', kek, Buffer.from(wrap.iv, 'base64'));
  decipher.setAAD(Buffer.from('case-audit database key v1'));
  decipher.setAuthTag(Buffer.from(wrap.tag, 'base64'));
  try {
    return Buffer.concat([decipher.update(Buffer.from(wrap.ciphertext, 'base64')), decipher.final()]);
  } catch {
    throw new WrongPassphraseError();
  }
}

/** Associated data of every wrap's AES-256-GCM: a wrapped key cannot be passed off as other data. */
const WRAP_AAD = Buffer.from('case-audit database key v1');
/** HKDF's info: the recovery key's KEK is for this and nothing else. */
const RECOVERY_INFO = Buffer.from('case-audit recovery key v1');

export interface RecoveryWrap {
  kind: 'recovery';
  kdf: 'hkdf-sha256';
  salt: string; // base64
  iv: string;
  ciphertext: string;
  tag: string;
}

export class WrongRecoveryKeyError extends WrongPassphraseError {
  constructor() {
    super();
    this.message = 'The recovery key is wrong, or it belongs to another database. Check it and try again.';
    this.name = 'WrongRecoveryKeyError';
  }
}

// 160 random bits need no stretching: HKDF only derives a KEK bound to its purpose and salt.
function recoveryKek(secret: Uint8Array, salt: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, salt, RECOVERY_INFO, 32));
}

export function newRecoverySecret(): Buffer {
  return randomBytes(RECOVERY_KEY_BYTES);
}

export function wrapWithRecoveryKey(key: Buffer, secret: Uint8Array): RecoveryWrap {
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', recoveryKek(secret, salt), iv);
  cipher.setAAD(WRAP_AAD);
  const ciphertext = Buffer.concat([cipher.update(key), cipher.final()]);
  return {
    kind: 'recovery',
    kdf: 'hkdf-sha256',
    salt: salt.toString('base64'),
    iv: iv.toString('base64'),
    ciphertext: ciphertext.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
  };
}

export function unwrapWithRecoveryKey(wrap: RecoveryWrap, secret: Uint8Array): Buffer {
  const decipher = createDecipheriv(
    'aes-256-gcm',
    recoveryKek(secret, Buffer.from(wrap.salt, 'base64')),
    Buffer.from(wrap.iv, 'base64'),
  );
  decipher.setAAD(WRAP_AAD);
  decipher.setAuthTag(Buffer.from(wrap.tag, 'base64'));
  try {
    return Buffer.concat([decipher.update(Buffer.from(wrap.ciphertext, 'base64')), decipher.final()]);
  } catch {
    throw new WrongRecoveryKeyError();
  }
}

export function newDatabaseKey(): Buffer {
  return randomBytes(KEY_BYTES);
}
