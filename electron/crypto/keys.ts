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
import { GeneralEncrypt, calculateJwkThumbprint, compactDecrypt, generalDecrypt, type GeneralJWE } from 'jose';
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

export const BUNDLE_CTY = 'application/vnd.case-audit.bundle+zip';

/** The RFC 7638 thumbprint of a public key (base64url SHA-256): the `kid` of a bundle's recipient. */
export const keyId = (jwk: OkpJwk): Promise<string> => calculateJwkThumbprint({ ...jwk });

/**
 * JWE JSON (General) serialisation to every recipient at once: one content key, AES-256-GCM, wrapped
 * for each recipient by ECDH-ES+A256KW with X25519 (each with its own ephemeral key and `kid`).
 */
export async function encryptToAll(recipients: readonly OkpJwk[], data: Uint8Array): Promise<GeneralJWE> {
  if (recipients.length === 0) throw new Error('no recipient to encrypt to');
  const jwe = new GeneralEncrypt(data).setProtectedHeader({ enc: 'A256GCM', cty: BUNDLE_CTY });
  for (const r of recipients)
    jwe.addRecipient(publicKeyObject(r)).setUnprotectedHeader({ alg: 'ECDH-ES+A256KW', kid: await keyId(r) });
  return jwe.encrypt();
}

const BUNDLE_DECRYPT = {
  keyManagementAlgorithms: ['ECDH-ES+A256KW'],
  contentEncryptionAlgorithms: ['A256GCM'],
};

/** Opens a bundle in either serialisation: compact (older bundles, one recipient) or General JSON. */
export async function decryptWith(privatePem: string, jwe: string | GeneralJWE): Promise<Uint8Array> {
  const key = createPrivateKey(privatePem);
  const { plaintext } =
    typeof jwe === 'string'
      ? await compactDecrypt(jwe, key, BUNDLE_DECRYPT)
      : await generalDecrypt(jwe, key, BUNDLE_DECRYPT);
  return plaintext;
}

export interface OkpPrivateJwk extends OkpJwk {
  d: string;
}

/** A private key as a JWK (OKP, RFC 8037): the form JOSE libraries such as jwcrypto read. */
export function privateJwkOf(privatePem: string): OkpPrivateJwk {
  const jwk = createPrivateKey(privatePem).export({ format: 'jwk' }) as { crv: string; x: string; d: string };
  return { kty: 'OKP', crv: jwk.crv as OkpJwk['crv'], x: jwk.x, d: jwk.d };
}

/** The PKCS#8 PEM of a private OKP JWK (how the database stores private keys). */
export function privatePemOf(jwk: OkpPrivateJwk): string {
  return createPrivateKey({ key: { ...jwk }, format: 'jwk' })
    .export({ format: 'pem', type: 'pkcs8' })
    .toString();
}

/** The public half of a private key, as the JWK this app stores. */
export function publicJwkOf(privatePem: string): OkpJwk {
  const { kty: _kty, d: _d, ...pub } = privateJwkOf(privatePem);
  return { kty: 'OKP', ...pub };
}
