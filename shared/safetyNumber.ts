// The safety number: a key fingerprint as 60 decimal digits in 12 groups of five, short enough to
// read out over the phone and compare. Derivation (docs/security.md, "Safety numbers"):
//   1. the fingerprint is SHA-256 of the raw 32-byte Ed25519 public key (64 hex digits);
//   2. its first 30 bytes are read as six 40-bit big-endian unsigned integers;
//   3. each integer modulo 10^10 is written as ten decimal digits, zero-padded;
//   4. the 60 digits, in order, are split into 12 groups of five, separated by single spaces.
// 2^40 is about 110 times 10^10, so the reduction's bias is under 1% per chunk; the 60 digits carry
// about 199 bits, far more than anyone could search for a colliding key.
import { fingerprintSchema } from './identity.js';

const CHUNK_BYTES = 5;
const CHUNKS = 6;
const CHUNK_MODULUS = 10_000_000_000;

/** The safety number of a key fingerprint ("21fe 31df …"): "59986 02145 … 37623". */
export function safetyNumber(fingerprint: string): string {
  const hex = fingerprintSchema.parse(fingerprint).replace(/ /g, '');
  let digits = '';
  for (let c = 0; c < CHUNKS; c++) {
    // Ten hex digits are 40 bits: well within a double's 53 exact bits.
    const value = parseInt(hex.slice(c * CHUNK_BYTES * 2, (c + 1) * CHUNK_BYTES * 2), 16);
    digits += String(value % CHUNK_MODULUS).padStart(10, '0');
  }
  return digits.match(/.{5}/g)!.join(' ');
}

/** A safety number as written: 12 groups of five digits, single spaces between. */
export const SAFETY_NUMBER_PATTERN = /^(\d{5} ){11}\d{5}$/;
