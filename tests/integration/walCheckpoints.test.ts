// Checkpoints run when writing stops, not inside the commit that happens to cross a size: a large
// commit leaves its pages in the WAL, and a moment later they are in the database file.
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createContext } from '../../electron/services/context.js';
import { openDatabase } from '../../db/open.js';
import { BACKSTOP_PAGES } from '../../db/walCheckpoints.js';
import { tempDir } from '../helpers/tmp.js';

let cleanups: (() => void)[] = [];
afterEach(() => {
  cleanups.forEach((c) => c());
  cleanups = [];
});
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('WAL checkpoints', () => {
  it('a 6 MB commit does not checkpoint inside it; the idle checkpoint copies it into the file soon after', async () => {
    const t = tempDir();
    cleanups.push(t.cleanup);
    const path = join(t.dir, 'case-audit.db');
    const db = openDatabase(path, { key: Buffer.alloc(32, 3) });
    cleanups.push(() => db.close());
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(BACKSTOP_PAGES);
    const ctx = createContext(db, path);
    db.exec('CREATE TABLE blob_test (id INTEGER PRIMARY KEY, data BLOB NOT NULL)');
    const sizeBefore = statSync(path).size;
    // Six MB: past SQLite's default threshold of 4 MB, which would have checkpointed in this commit.
    ctx.tx(() => {
      const insert = db.prepare('INSERT INTO blob_test (data) VALUES (?)');
      for (let i = 0; i < 6; i++) insert.run(Buffer.alloc(1024 * 1024, i + 1));
    });
    expect(statSync(path).size).toBe(sizeBefore); // all of it still in the WAL
    expect(statSync(`${path}-wal`).size).toBeGreaterThan(6 * 1024 * 1024);
    await sleep(600);
    expect(statSync(path).size).toBeGreaterThan(sizeBefore + 6 * 1024 * 1024); // checkpointed while idle
    // Nothing was lost on the way.
    expect(db.prepare('SELECT count(*) AS n, sum(length(data)) AS bytes FROM blob_test').get()).toEqual({
      n: 6,
      bytes: 6 * 1024 * 1024,
    });
  });
});
