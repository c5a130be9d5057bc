// The database is standard SQLCipher 4: an independent SQLCipher build (@journeyapps/sqlcipher, with
// its own bundled SQLCipher) opens what the app writes, with its defaults and the raw key, and refuses
// a wrong key. Files in the library's older variant are converted on open, and a conversion killed at
// any step leaves a database that opens (and is converted by the next open).
import Database from 'better-sqlite3-multiple-ciphers';
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { listBackups } from '../../db/backup.js';
import { DatabaseInUseError, stagingPath, type ConversionStep } from '../../db/cipherConversion.js';
import { migrate } from '../../db/migrate.js';
import { openDatabase, WrongKeyError } from '../../db/open.js';
import { openApp } from '../../electron/app.js';
import { apiOver } from '../helpers/client.js';
import { setUpBoard } from '../helpers/fixtures.js';
import { queryWithSqlcipher } from '../helpers/sqlcipher.js';
import { tempDir } from '../helpers/tmp.js';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures');
const t = tempDir();
afterAll(() => t.cleanup());
const key = Buffer.alloc(32, 0x5c);
const keyHex = key.toString('hex');
let n = 0;
const nextPath = () => join(t.dir, `db-${++n}.db`);

/** A database as releases before the standard format wrote it: `cipher='sqlcipher'` without `legacy=4`. */
function makeOldFormat(path: string, rows = 200): void {
  const db = new Database(path);
  db.pragma(`cipher='sqlcipher'`);
  db.pragma(`key="x'${keyHex}'"`);
  db.pragma('journal_mode = WAL');
  migrate(db);
  db.exec("INSERT INTO board (id, name, created_at) VALUES ('b', 'Old Board', '2026-01-01T00:00:00Z')");
  const insert = db.prepare("INSERT INTO agency (id, name, kind, sort) VALUES (?, ?, 'other', ?)");
  db.transaction(() => {
    for (let i = 0; i < rows; i++) insert.run(`a${i}`, `Agency ${i}`, i);
  })();
  db.close();
}

function opensInOldFormat(path: string): boolean {
  const db = new Database(path, { readonly: true });
  try {
    db.pragma(`cipher='sqlcipher'`);
    db.pragma(`key="x'${keyHex}'"`);
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    return true;
  } catch {
    return false;
  } finally {
    db.close();
  }
}

function runConversion(
  path: string,
  killAfter: ConversionStep | 'none',
): Promise<{ code: number | null; steps: string[] }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(FIXTURES, 'convertWorker.mjs'), path, keyHex, killAfter], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.on('exit', (code) => resolve({ code, steps: out.split('\n').filter(Boolean) }));
  });
}

describe('standard SQLCipher 4', () => {
  it('an independent SQLCipher 4 opens what the app writes, with the raw key, and refuses a wrong key', async () => {
    const path = nextPath();
    const app = openApp(path, { key, dailyBackup: false, backgroundIndexing: false });
    const board = await setUpBoard(apiOver(app.dispatch));
    app.close();
    // The whole first page is encrypted: no plaintext SQLite header, not even bytes 16-23.
    const head = readFileSync(path).subarray(0, 100);
    expect(head.subarray(0, 16).toString('latin1')).not.toContain('SQLite format');
    expect(head.subarray(16, 24).equals(Buffer.from('1000010150402020', 'hex'))).toBe(false);

    const { version, rows } = await queryWithSqlcipher(path, keyHex, 'SELECT name FROM board');
    expect(version).toMatch(/^4\./);
    expect(rows).toEqual([{ name: board.name }]);
    const agencies = await queryWithSqlcipher(path, keyHex, 'SELECT count(*) AS n FROM agency');
    expect(agencies.rows[0]!.n).toBe(board.agencies.length);

    // The settings docs/security.md lists are the ones that build opened it with (its defaults).
    const setting = async (pragma: string) => (await queryWithSqlcipher(path, keyHex, `PRAGMA ${pragma}`)).rows[0];
    expect(await setting('cipher_page_size')).toEqual({ cipher_page_size: '4096' });
    expect(await setting('cipher_hmac_algorithm')).toEqual({ cipher_hmac_algorithm: 'HMAC_SHA512' });
    expect(await setting('cipher_kdf_algorithm')).toEqual({ cipher_kdf_algorithm: 'PBKDF2_HMAC_SHA512' });
    expect(await setting('kdf_iter')).toEqual({ kdf_iter: '256000' });
    expect(await setting('cipher_plaintext_header_size')).toEqual({ cipher_plaintext_header_size: '0' });
    expect(await setting('cipher')).toEqual({ cipher: 'AES-256-CBC' });

    const wrong = Buffer.alloc(32, 0x5d).toString('hex');
    await expect(queryWithSqlcipher(path, wrong, 'SELECT name FROM board')).rejects.toThrow(/not a database/);
  });

  it('control: the library variant the app used to write is refused by SQLCipher 4 even with the right key', async () => {
    const path = nextPath();
    makeOldFormat(path);
    await expect(queryWithSqlcipher(path, keyHex, 'SELECT name FROM board')).rejects.toThrow(/not a database/);
  });

  it('converts an old-format file on open, after a backup, keeping every row', async () => {
    const path = nextPath();
    makeOldFormat(path);
    const db = openDatabase(path, { key });
    expect(db.prepare('SELECT count(*) AS n FROM agency').get()).toEqual({ n: 200 });
    db.close();
    expect(opensInOldFormat(path)).toBe(false);
    const { rows } = await queryWithSqlcipher(path, keyHex, 'SELECT name FROM board');
    expect(rows).toEqual([{ name: 'Old Board' }]);
    expect(existsSync(stagingPath(path))).toBe(false);
    // The backup is the original as it was, in its own format.
    const [backup] = listBackups(path);
    expect(backup?.kind).toBe('pre-migration');
    expect(opensInOldFormat(backup!.file)).toBe(true);
    // A wrong key is still refused, and changes nothing.
    expect(() => openDatabase(path, { key: Buffer.alloc(32, 1) })).toThrow(WrongKeyError);
  });

  it('converts a file whose last transactions are still in its WAL', async () => {
    const path = nextPath();
    makeOldFormat(path, 10);
    // Killed with transactions only in the WAL: the conversion must carry them over.
    await new Promise<void>((resolve) => {
      const script = `
        import Database from 'better-sqlite3-multiple-ciphers';
        const db = new Database(${JSON.stringify(path)});
        db.pragma("cipher='sqlcipher'"); db.pragma(${JSON.stringify(`key="x'${keyHex}'"`)});
        db.pragma('wal_autocheckpoint = 0');
        db.exec("INSERT INTO agency (id, name, kind, sort) VALUES ('late', 'Late agency', 'other', 99)");
        process.kill(process.pid, 'SIGKILL');`;
      const child = spawn(process.execPath, ['--input-type=module', '-e', script], { cwd: process.cwd() });
      child.on('exit', () => resolve());
    });
    expect(readFileSync(`${path}-wal`).length).toBeGreaterThan(0);
    openDatabase(path, { key }).close();
    const { rows } = await queryWithSqlcipher(path, keyHex, "SELECT name FROM agency WHERE id = 'late'");
    expect(rows).toEqual([{ name: 'Late agency' }]);
  });

  const steps: ConversionStep[] = ['backed-up', 'copied', 'rekeyed', 'checked', 'renamed'];
  it.each(steps)(
    'a conversion killed right after "%s" leaves a file that opens, and the next open converts it',
    async (step) => {
      const path = nextPath();
      makeOldFormat(path);
      const killed = await runConversion(path, step);
      expect(killed.code).toBe(null); // killed by the signal
      expect(killed.steps.at(-1)).toBe(step);
      // Before the rename the original is untouched; after it, the converted file is in place.
      expect(opensInOldFormat(path)).toBe(step !== 'renamed');
      const again = await runConversion(path, 'none');
      expect(again.code).toBe(0);
      expect(again.steps.at(-1)).toBe('opened');
      expect(existsSync(stagingPath(path))).toBe(false);
      const { rows } = await queryWithSqlcipher(path, keyHex, 'SELECT count(*) AS n FROM agency');
      expect(rows).toEqual([{ n: 200 }]);
      const db = openDatabase(path, { key });
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      db.close();
    },
  );

  it('does not convert a file another connection has open, and says why', () => {
    const path = nextPath();
    makeOldFormat(path, 5);
    const other = new Database(path);
    other.pragma(`cipher='sqlcipher'`);
    other.pragma(`key="x'${keyHex}'"`);
    other.prepare('SELECT count(*) FROM agency').get(); // in WAL mode, and holding it open
    try {
      expect(() => openDatabase(path, { key })).toThrow(DatabaseInUseError);
      expect(() => openDatabase(path, { key })).toThrow(/open nowhere else: close Case Audit/);
      expect(existsSync(stagingPath(path))).toBe(false);
      expect(other.prepare('SELECT count(*) AS n FROM agency').get()).toEqual({ n: 5 });
    } finally {
      other.close();
    }
    expect(opensInOldFormat(path)).toBe(true);
    openDatabase(path, { key }).close();
    expect(opensInOldFormat(path)).toBe(false);
  });

  it('opens an old-format file read-only without converting it', () => {
    const path = nextPath();
    makeOldFormat(path, 5);
    const db = openDatabase(path, { key, readonly: true, migrate: false });
    expect(db.prepare('SELECT count(*) AS n FROM agency').get()).toEqual({ n: 5 });
    db.close();
    expect(opensInOldFormat(path)).toBe(true);
  });
});
