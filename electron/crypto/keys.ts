// Key pairs, fingerprints, signatures and encryption, on Node's crypto and jose (for JWE).
import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  sign,
  verify,
  type KeyObject,
} from 'node:crypto';
import { CompactEncrypt, compactDecrypt } from 'jose';
import { canonicalJson } from '../../shared/canonicalJson.js';

export interface OkpJwk {
  kty: 'OKP';
  crv: 'Ed25519' | 'X25519';
  x: string;
}

export interface KeyPairPem {
  publicJwk: OkpJwk;
  privatePem: string;
}

function pair(type: 'ed25519' | 'x25519'): KeyPairPem {
  const { publicKey, privateKey } = generateKeyPairSync(type as 'ed25519');
  const jwk = publicKey.export({ format: 'jwk' }) as { kty: string; crv: string; x: string };
  return {
    publicJwk: { kty: 'OKP', crv: jwk.crv as OkpJwk['crv'], x: jwk.x },
    privatePem: privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
  };
}

export const newSigningKeys = () => pair('ed25519');
export const newEncryptionKeys = () => pair('x25519');

export function publicKeyObject(jwk: OkpJwk): KeyObject {
  return createPublicKey({ key: { ...jwk }, format: 'jwk' });
}

/** SHA-256 of the raw 32-byte Ed25519 public key, hex, in groups of four. */
export function fingerprintOf(signingJwk: OkpJwk): string {
  const hex = createHash('sha256').update(Buffer.from(signingJwk.x, 'base64url')).digest('hex');
  return hex.match(/.{4}/g)!.join(' ');
}

/** The public key as PEM (SubjectPublicKeyInfo), for openssl. */
export function publicPem(jwk: OkpJwk): string {
  return publicKeyObject(jwk).export({ format: 'pem', type: 'spki' }).toString();
}

export function signBytes(privatePem: string, data: Uint8Array): Buffer {
  return sign(null, data, createPrivateKey(privatePem));
}

export function verifyBytes(signingJwk: OkpJwk, data: Uint8Array, signature: Uint8Array): boolean {
  try {
    return verify(null, data, publicKeyObject(signingJwk), signature);
  } catch {
    return false;
  }
}

export const signCanonical = (privatePem: string, value: unknown) =>
  signBytes(privatePem, Buffer.from(canonicalJson(value))).toString('base64url');

/** JWE compact serialisation: ECDH-ES+A256KW key agreement with X25519, content in AES-256-GCM. */
export async function encryptTo(recipient: OkpJwk, data: Uint8Array): Promise<string> {
  return new CompactEncrypt(data)
    .setProtectedHeader({ alg: 'ECDH-ES+A256KW', enc: 'A256GCM', cty: 'application/vnd.case-audit.bundle+zip' })
    .encrypt(publicKeyObject(recipient));
}

export async function decryptWith(privatePem: string, jwe: string): Promise<Uint8Array> {
  const { plaintext } = await compactDecrypt(jwe, createPrivateKey(privatePem), {
    keyManagementAlgorithms: ['ECDH-ES+A256KW'],
    contentEncryptionAlgorithms: ['A256GCM'],
  });
  return plaintext;
}
