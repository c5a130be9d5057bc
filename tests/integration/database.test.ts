import Database from 'better-sqlite3-multiple-ciphers';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate, SchemaTooNewError, schemaVersion } from '../../db/migrate.js';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../db/migrations/index.js';
import { openDatabase, WrongKeyError } from '../../db/open.js';
import { tempDir } from '../helpers/tmp.js';

let cleanups: (() => void)[] = [];
afterEach(() => {
  cleanups.forEach((c) => c());
  cleanups = [];
});
function dbFile(): string {
  const t = tempDir();
  cleanups.push(t.cleanup);
  return join(t.dir, 'case-audit.db');
}

describe('opening a database', () => {
  it('migrates an empty file to the latest schema, with WAL and foreign keys on', () => {
    const path = dbFile();
    const db = openDatabase(path);
    expect(schemaVersion(db)).toBe(LATEST_SCHEMA_VERSION);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    const recorded = db.prepare('SELECT version, name FROM schema_migrations ORDER BY version').all();
    expect(recorded).toEqual(MIGRATIONS.map((m) => ({ version: m.version, name: m.name })));
    db.close();
  });

  it('reopens an existing file without re-running migrations and keeps its data', () => {
    const path = dbFile();
    const first = openDatabase(path);
    first.prepare("INSERT INTO board (id, name, created_at) VALUES ('b', 'Board', '2026-01-01T00:00:00Z')").run();
    first.close();
    const second = openDatabase(path);
    expect(second.prepare('SELECT name FROM board').get()).toEqual({ name: 'Board' });
    expect(second.prepare('SELECT count(*) AS n FROM schema_migrations').get()).toEqual({ n: MIGRATIONS.length });
    second.close();
  });

  it('refuses a file from a newer schema version with a clear message and changes nothing', () => {
    const path = dbFile();
    const db = openDatabase(path);
    db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 5}`);
    db.close();
    expect(() => openDatabase(path)).toThrow(SchemaTooNewError);
    expect(() => openDatabase(path)).toThrow(/newer version of Case Audit/);
    const raw = new Database(path);
    expect(raw.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION + 5);
    raw.close();
  });

  it('refuses migrations that are not numbered in order', () => {
    const raw = new Database(':memory:');
    expect(() => migrate(raw, 2, [{ version: 2, name: 'x', up: '' }])).toThrow(/expected 1/);
    raw.close();
  });

  it('rolls back a failing migration together with its version bump', () => {
    const raw = new Database(':memory:');
    const bad = [
      ...MIGRATIONS,
      { version: MIGRATIONS.length + 1, name: 'broken', up: 'CREATE TABLE ok (a INTEGER) STRICT; CREATE TABLE nope (' },
    ];
    expect(() => migrate(raw, bad.length, bad)).toThrow();
    expect(schemaVersion(raw)).toBe(LATEST_SCHEMA_VERSION);
    expect(raw.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'ok'").get()).toEqual({ n: 0 });
    raw.close();
  });

  it('keeps template versions immutable in the database itself', () => {
    const db = openDatabase(dbFile());
    db.prepare(
      "INSERT INTO template (id, version, title, theme, scope, body, created_at) VALUES ('t', 1, 'T', 'other', 'case', '{}', 'now')",
    ).run();
    expect(() => db.prepare("UPDATE template SET title = 'changed'").run()).toThrow(/immutable/);
    db.close();
  });

  it('enforces foreign keys', () => {
    const db = openDatabase(dbFile());
    expect(() =>
      db
        .prepare("INSERT INTO checklist (id, case_id, agency_id, updated_at) VALUES ('k', 'missing', 'missing', 'now')")
        .run(),
    ).toThrow(/FOREIGN KEY/);
    db.close();
  });

  it('opens an encrypted file only with its key', () => {
    const path = dbFile();
    const key = Buffer.alloc(32, 7);
    const db = openDatabase(path, { key });
    db.prepare("INSERT INTO board (id, name, created_at) VALUES ('b', 'Encrypted board', 'now')").run();
    db.close();
    expect(() => openDatabase(path, { key: Buffer.alloc(32, 8) })).toThrow(WrongKeyError);
    expect(() => openDatabase(path)).toThrow(WrongKeyError);
    const again = openDatabase(path, { key });
    expect(again.prepare('SELECT name FROM board').get()).toEqual({ name: 'Encrypted board' });
    again.close();
  });
});
