// How a key is applied to a connection. The current format is standard SQLCipher 4 (what
// SQLCipher 4.x opens with its defaults and `PRAGMA key = "x'…'"`); the library's own variant of
// it, which releases before this one wrote, is only read, to be converted (cipherConversion.ts).
import type Database from 'better-sqlite3-multiple-ciphers';

/**
 * - `sqlcipher-4`: `legacy=4` gives SQLCipher 4's defaults: AES-256-CBC, 4096-byte pages, HMAC-SHA512
 *   per page, PBKDF2-HMAC-SHA512 (256,000 iterations for a passphrase; a raw key skips it), HMAC key by
 *   PBKDF2-HMAC-SHA512 with 2 iterations over the salt XOR 0x3a, and the whole first page encrypted.
 * - `mc-sqlcipher`: the library's `cipher='sqlcipher'` without `legacy`: the same cipher, but bytes
 *   16–23 of page 1 left in the clear, which SQLCipher itself refuses ("hmac check failed for pgno=1").
 */
export type CipherFormat = 'sqlcipher-4' | 'mc-sqlcipher';

/** Sets the cipher, then the 32-byte key in SQLCipher's raw-key form (`x'<64 hex digits>'`). */
export function applyKey(db: Database.Database, key: Buffer, format: CipherFormat): void {
  db.pragma(`cipher='sqlcipher'`);
  if (format === 'sqlcipher-4') db.pragma('legacy=4');
  db.pragma(`key="x'${key.toString('hex')}'"`);
}

/** Re-encrypts an open (non-WAL) connection's file in the standard format, with the same key. */
export function rekeyToSqlcipher4(db: Database.Database, key: Buffer): void {
  db.pragma(`cipher='sqlcipher'`);
  db.pragma('legacy=4');
  db.pragma(`rekey="x'${key.toString('hex')}'"`);
}

/** True when the key opens the file in that format (reading the schema is the first decryption). */
export function keyOpens(db: Database.Database): boolean {
  try {
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    return true;
  } catch {
    return false;
  }
}
