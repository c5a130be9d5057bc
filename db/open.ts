// Opening the database file: cipher and key first (nothing can be read before), then the pragmas
// every connection needs, then the migrations.
import Database from 'better-sqlite3-multiple-ciphers';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { backupDatabase } from './backup.js';
import { applyKey, keyOpens, type CipherFormat } from './cipher.js';
import { convertToSqlcipher4, removeConversionLeftovers, type ConversionStep } from './cipherConversion.js';
import { BACKSTOP_PAGES } from './walCheckpoints.js';
import { migrate, schemaVersion } from './migrate.js';
import { LATEST_SCHEMA_VERSION } from './migrations/index.js';

export type Db = Database.Database;

export interface OpenOptions {
  /** Raw 32-byte key for SQLCipher-format encryption; omitted for an unencrypted file. */
  key?: Buffer;
  readonly?: boolean;
  /** Skip migrations (used by tooling that inspects a file as it is). */
  migrate?: boolean;
  /**
   * Path to a better_sqlite3.node built for another ABI. Electron needs its own build of the native
   * module, kept apart from node_modules so the Node build the CLI and tests use stays intact.
   */
  nativeBinding?: string;
  /** Tests only: called after each step of converting an old-format file (cipherConversion.ts). */
  onConversionStep?: (step: ConversionStep) => void;
}

export class WrongKeyError extends Error {
  constructor(path: string) {
    super(`Cannot open ${path}: the key or passphrase is wrong, or the file is not a Case Audit database.`);
    this.name = 'WrongKeyError';
  }
}

function connect(path: string, options: OpenOptions, readonly: boolean): Db {
  return new Database(path, {
    readonly,
    fileMustExist: readonly,
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
  });
}

/**
 * The format the key opens an existing file in, tried standard first; null when it opens neither.
 * Each try is a read-only connection, so a wrong guess writes nothing.
 */
function detectFormat(path: string, key: Buffer, options: OpenOptions): CipherFormat | null {
  for (const format of ['sqlcipher-4', 'mc-sqlcipher'] as const) {
    const probe = connect(path, options, true);
    try {
      applyKey(probe, key, format);
      if (keyOpens(probe)) return format;
    } finally {
      probe.close();
    }
  }
  return null;
}

export function openDatabase(path: string, options: OpenOptions = {}): Db {
  if (!options.readonly) mkdirSync(dirname(path), { recursive: true });
  // Standard SQLCipher 4 (not the library's chacha20 default, nor its variant of SQLCipher's format).
  let format: CipherFormat = 'sqlcipher-4';
  if (options.key && existsSync(path) && statSync(path).size > 0) {
    const found = detectFormat(path, options.key, options);
    if (found === null) throw new WrongKeyError(path);
    if (found === 'mc-sqlcipher' && !options.readonly) {
      convertToSqlcipher4(path, options.key, {
        nativeBinding: options.nativeBinding,
        onStep: options.onConversionStep,
      });
    } else format = found;
  }
  if (options.key && !options.readonly) removeConversionLeftovers(path);
  const db = connect(path, options, options.readonly ?? false);
  try {
    if (options.key) applyKey(db, options.key, format);
    if (!keyOpens(db)) throw new WrongKeyError(path);
    // Before anything is read or written: SQLite's temporary files (statement journals, sorts, temporary
    // tables) are not encrypted, and an import's statement journals held evidence notes in plaintext in
    // /var/tmp (tests/integration/tempFiles.test.ts). In memory they are neither on the disk nor slower.
    db.pragma('temp_store = MEMORY');
    if (!options.readonly) {
      db.pragma('journal_mode = WAL');
      // Checkpoints run when the app is idle (walCheckpoints.ts); SQLite's own only past 64 MB.
      db.pragma(`wal_autocheckpoint = ${BACKSTOP_PAGES}`);
    }
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    // FULL: an acknowledged answer survives a power cut, not only a crash of the process.
    db.pragma('synchronous = FULL');
    if (options.migrate !== false && !options.readonly) {
      const found = schemaVersion(db);
      // Before changing the shape of existing data, keep a copy of it as it was.
      if (found > 0 && found < LATEST_SCHEMA_VERSION) backupDatabase(db, path, 'pre-migration');
      migrate(db);
    }
    return db;
  } catch (e) {
    db.close();
    throw e;
  }
}
