// SQLite's temporary files are not encrypted by the cipher. A statement that writes many rows inside a
// transaction keeps a statement journal (the pages it changes, as they were), which SQLite moves to a
// deleted file in /var/tmp once it passes 64 KiB: an import's held evidence notes in plaintext there.
// This looks at the process's open files while such a statement runs (from a SQL function it calls)
// and reads any temporary file it finds. The control opens the same encrypted file without
// openDatabase's settings and must find the plaintext, so the probe itself is shown to work.
import Database from 'better-sqlite3-multiple-ciphers';
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../db/open.js';
import { tempDir } from '../helpers/tmp.js';

const MARKER = 'plaintext-marker-evidence-note';
const linux = process.platform === 'linux';

let cleanups: (() => void)[] = [];
afterEach(() => {
  cleanups.forEach((c) => c());
  cleanups = [];
});

/** The temporary files this process has open now, with whether each holds the marker in plaintext. */
function openTempFiles(): { path: string; hasMarker: boolean }[] {
  const found: { path: string; hasMarker: boolean }[] = [];
  for (const fd of readdirSync('/proc/self/fd')) {
    let target: string;
    try {
      target = readlinkSync(`/proc/self/fd/${fd}`);
    } catch {
      continue;
    }
    if (!/etilqs_/.test(target)) continue;
    const bytes = readFileSync(`/proc/self/fd/${fd}`);
    found.push({ path: target, hasMarker: bytes.includes(Buffer.from(MARKER)) });
  }
  return found;
}

/** Writes rows with evidence-like text in one transaction, then a multi-row statement over them. */
function writeWhileWatching(db: Db): { path: string; hasMarker: boolean }[] {
  const seen: { path: string; hasMarker: boolean }[] = [];
  let calls = 0;
  db.function('probe', (x: unknown) => {
    if (++calls % 500 === 0 && !seen.some((f) => f.hasMarker)) seen.push(...openTempFiles());
    return x;
  });
  db.exec('CREATE TABLE note (id TEXT PRIMARY KEY, body TEXT NOT NULL) WITHOUT ROWID');
  db.exec('CREATE TABLE source (body TEXT NOT NULL)');
  const insert = db.prepare('INSERT INTO note (id, body) VALUES (?, ?)');
  const source = db.prepare('INSERT INTO source (body) VALUES (?)');
  db.transaction(() => {
    for (let i = 0; i < 3000; i++) source.run(`${MARKER} ${i} ${'y'.repeat(200)}`);
  })();
  db.transaction(() => {
    for (let i = 0; i < 3000; i++) insert.run(randomBytes(8).toString('hex'), `${MARKER} ${i} ${'x'.repeat(200)}`);
    // One statement changing, all over the table, pages written before it in the same transaction.
    db.prepare(`INSERT INTO note (id, body) SELECT probe(lower(hex(randomblob(8)))), body FROM source`).run();
  })();
  return seen;
}

describe.skipIf(!linux)('temporary files', () => {
  it('an encrypted database opened by openDatabase writes no temporary file, so no plaintext', () => {
    const t = tempDir();
    cleanups.push(t.cleanup);
    const db = openDatabase(join(t.dir, 'case-audit.db'), { key: randomBytes(32), migrate: false });
    try {
      expect(db.pragma('temp_store', { simple: true })).toBe(2);
      expect(writeWhileWatching(db)).toEqual([]);
    } finally {
      db.close();
    }
  });

  it('control: without that setting the same statement leaves the plaintext in a temporary file', () => {
    const t = tempDir();
    cleanups.push(t.cleanup);
    const db = new Database(join(t.dir, 'control.db'));
    try {
      db.pragma(`cipher='sqlcipher'`);
      db.pragma(`key="x'${randomBytes(32).toString('hex')}'"`);
      db.pragma('journal_mode = WAL');
      const seen = writeWhileWatching(db);
      expect(seen.some((f) => f.hasMarker)).toBe(true);
    } finally {
      db.close();
    }
  });
});
