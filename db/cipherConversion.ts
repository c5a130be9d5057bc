// Converting a database from the library's SQLCipher variant to standard SQLCipher 4, on open.
// The original stays untouched and usable until one rename replaces it: a backup of it first, then
// an encrypted copy (VACUUM INTO, same format), re-encrypted in place in the standard format (rekey),
// checked, and renamed over the original. A process killed at any point leaves either the original
// or the converted file under the database's name, never a mixture; leftovers are removed next time.
import Database from 'better-sqlite3-multiple-ciphers';
import { closeSync, fsyncSync, openSync, renameSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { backupDatabase } from './backup.js';
import { applyKey, keyOpens, rekeyToSqlcipher4 } from './cipher.js';

export type ConversionStep = 'backed-up' | 'copied' | 'rekeyed' | 'checked' | 'renamed';

export interface ConversionOptions {
  nativeBinding?: string | undefined;
  /** Called after each step; tests kill the process there to show an interrupted conversion is safe. */
  onStep?: ((step: ConversionStep) => void) | undefined;
}

export class DatabaseInUseError extends Error {
  constructor(path: string) {
    super(
      `${path} is from an earlier release and must be converted to the standard SQLCipher 4 format, which needs it to be open nowhere else: close Case Audit (and any case-audit command) using it, then try again.`,
    );
    this.name = 'DatabaseInUseError';
  }
}

export const stagingPath = (path: string) => `${path}.sqlcipher4`;

function fsyncPath(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function removeStaging(path: string): void {
  for (const suffix of ['', '-journal', '-wal', '-shm']) rmSync(`${stagingPath(path)}${suffix}`, { force: true });
}

/** Converts `path` (which the key opens in the old variant) to standard SQLCipher 4. */
export function convertToSqlcipher4(path: string, key: Buffer, options: ConversionOptions = {}): void {
  const binding = options.nativeBinding ? { nativeBinding: options.nativeBinding } : {};
  const staging = stagingPath(path);
  removeStaging(path);

  const old = new Database(path, { fileMustExist: true, ...binding });
  try {
    applyKey(old, key, 'mc-sqlcipher');
    if (!keyOpens(old)) throw new Error(`Cannot convert ${path}: the key does not open it.`);
    old.pragma('temp_store = MEMORY');
    // Exclusive, and out of WAL mode: no other connection can write while the copy is made, and every
    // committed page is in the main file (the WAL is checkpointed and deleted), so after the rename no
    // WAL of the old file can be replayed onto the new one.
    old.pragma('locking_mode = EXCLUSIVE');
    try {
      old.pragma('journal_mode = DELETE');
    } catch (e) {
      if ((e as { code?: string }).code?.startsWith('SQLITE_BUSY')) throw new DatabaseInUseError(path);
      throw e;
    }
    backupDatabase(old, path, 'pre-migration');
    options.onStep?.('backed-up');
    old.prepare('VACUUM INTO ?').run(staging);
    options.onStep?.('copied');
  } finally {
    old.close();
  }

  const copy = new Database(staging, { fileMustExist: true, ...binding });
  try {
    applyKey(copy, key, 'mc-sqlcipher');
    copy.pragma('temp_store = MEMORY');
    copy.pragma('journal_mode = DELETE');
    // rekey rewrites every page under the new settings, journalled; the file is ours alone.
    rekeyToSqlcipher4(copy, key);
    options.onStep?.('rekeyed');
  } finally {
    copy.close();
  }

  const check = new Database(staging, { fileMustExist: true, readonly: true, ...binding });
  try {
    applyKey(check, key, 'sqlcipher-4');
    const result = keyOpens(check) ? check.pragma('quick_check', { simple: true }) : 'does not open';
    if (result !== 'ok')
      throw new Error(`Converting ${path} failed its check (${String(result)}); the original is kept.`);
  } finally {
    check.close();
  }
  fsyncPath(staging);
  options.onStep?.('checked');

  renameSync(staging, path);
  for (const suffix of ['-wal', '-shm', '-journal']) rmSync(`${path}${suffix}`, { force: true });
  try {
    fsyncPath(dirname(path));
  } catch {
    // Windows cannot open a folder to flush it; its rename is durable by itself.
  }
  options.onStep?.('renamed');
}

/** Removes what an interrupted conversion left beside the database. */
export const removeConversionLeftovers = removeStaging;
