// WAL checkpoints off the critical path. SQLite copies the WAL into the database file (a checkpoint)
// inside the commit that takes the WAL past `wal_autocheckpoint` pages, so whichever commit crossed
// the default 4 MB waited for it: during a bulk import every bundle's commit (copying the same index
// pages again and again), and signing the largest audit (its 3 MB revision: 40-60 ms of the signing
// at the scale model; docs/performance.md). Here SQLite's own checkpoints are left as a backstop for
// a WAL of 64 MB, which only a long run of writes without a pause reaches, and the database is
// checkpointed a moment after the writing stops, when nobody is waiting for an answer (scheduled by
// ServiceContext.tx on the background scheduler, electron/background/scheduler.ts). Durability is the
// same: a commit is on the disk when it is acknowledged (synchronous = FULL), checkpointed or not.
import type { Db } from './open.js';

/** SQLite's own checkpoint threshold, in pages (4 KiB): the backstop. */
export const BACKSTOP_PAGES = 16384;
/** How long after the last write the idle checkpoint runs. */
export const CHECKPOINT_IDLE_MS = 250;

// Another connection holding a lock the checkpoint needs: the next write tries again, and SQLite's
// backstop remains. Anything else is a real failure, for the log.
const TRY_LATER = /^SQLITE_(BUSY|LOCKED)/;

/** Copies what it can of the WAL into the file, unless the database is closed or inside a transaction. */
export function checkpointIdle(db: Db): void {
  if (!db.open || db.inTransaction) return;
  try {
    // PASSIVE: copies what it can without waiting for readers or writers; the rest waits for next time.
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch (e) {
    if (!TRY_LATER.test((e as { code?: unknown }).code?.toString() ?? '')) throw e;
  }
}
