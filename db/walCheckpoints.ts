// WAL checkpoints while an import writes. SQLite copies the WAL into the database file once it holds
// 1,000 pages (4 MB), after the commit that passes that size. An imported bundle writes a few MB, so
// during a bulk import every commit checkpointed, copying the same index pages into the file again
// and again (a quarter of the import's writing time at the scale model; docs/performance.md). While
// an import writes, the WAL may grow to 64 MB instead; the default is restored after it, so the next
// ordinary commit (usually the search indexer's, right after the import) does the checkpoint. The
// default stays for everything else: autosaves were slower with a large WAL. Durability is the same.
import type { Db } from './open.js';

const DEFAULT_PAGES = 1000;
const IMPORT_PAGES = 16384;

export function withImportCheckpoints<T>(db: Db, fn: () => T): T {
  db.pragma(`wal_autocheckpoint = ${IMPORT_PAGES}`);
  try {
    return fn();
  } finally {
    db.pragma(`wal_autocheckpoint = ${DEFAULT_PAGES}`);
  }
}
