// Opening the database file: cipher and key first (nothing can be read before), then the pragmas
// every connection needs, then the migrations.
import Database from 'better-sqlite3-multiple-ciphers';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { backupDatabase } from './backup.js';
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
}

export class WrongKeyError extends Error {
  constructor(path: string) {
    super(`Cannot open ${path}: the key or passphrase is wrong, or the file is not a Case Audit database.`);
    this.name = 'WrongKeyError';
  }
}

export function openDatabase(path: string, options: OpenOptions = {}): Db {
  if (!options.readonly) mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path, {
    readonly: options.readonly ?? false,
    fileMustExist: options.readonly ?? false,
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
  });
  try {
    if (options.key) {
      // SQLCipher 4 format (not the library's chacha20 default): a standard, documented format.
      db.pragma(`cipher='sqlcipher'`);
      db.pragma(`key="x'${options.key.toString('hex')}'"`);
    }
    try {
      db.prepare('SELECT count(*) FROM sqlite_master').get();
    } catch {
      throw new WrongKeyError(path);
    }
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
