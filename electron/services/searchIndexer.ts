// Indexes the evidence notes of imported audits for search, after their import committed (see
// db/migrations/0009_search_backlog.ts). One audit per transaction: stopping between audits leaves
// every audit either searchable or still queued, never half-indexed. Between audits the loop yields,
// so the app answers other calls while it works; it starts a moment after the last import, so that a
// bulk import runs first and the indexing follows it.
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type { IndexingStatus } from '../../shared/searchIndexing.js';
import type { ServiceContext } from './context.js';
import { storeFiguresOf, storeTotals } from './signedFigures.js';

export interface SearchIndexer {
  status(): IndexingStatus;
  /** Starts indexing after `delayMs` (again if it is already waiting); does nothing while running. */
  schedule(delayMs?: number): void;
  /** Stops after the audit being indexed; the rest stays queued. */
  stop(): void;
  /** Indexes every queued audit now, reporting progress; resolves (never rejects) when done, stopped or failed. */
  run(onProgress?: (done: number, total: number) => void): Promise<IndexingStatus>;
  /** Stops and forgets any timer (the database is closing). */
  dispose(): void;
}

/** How long after the last import the indexing starts. */
export const INDEXING_DELAY_MS = 1500;

export function createSearchIndexer(ctx: ServiceContext): SearchIndexer {
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<IndexingStatus> | null = null;
  let stopRequested = false;
  let disposed = false;
  let done = 0;
  let total = 0;
  let error: string | null = null;

  const status = (): IndexingStatus => ({
    pendingAudits: disposed ? 0 : ctx.repos.searchBacklog.count(),
    running: running !== null,
    done,
    total,
    error,
  });

  async function loop(onProgress?: (done: number, total: number) => void): Promise<void> {
    const backlog = ctx.repos.searchBacklog;
    done = 0;
    total = backlog.count();
    // One queued audit at a time, until none is left: audits imported meanwhile are picked up too.
    for (let next = backlog.next(); next !== null && !stopRequested && !disposed; next = backlog.next()) {
      const auditId = next;
      ctx.tx(() => backlog.indexAudit(auditId));
      // The imported revision's dashboard figures too, in their own short transaction (signedFigures.ts).
      storeFiguresOf(ctx, auditId);
      done++;
      total = done + backlog.count();
      onProgress?.(done, total);
      await yieldToEventLoop();
    }
    // And their totals over every signed audit, so that the next dashboard reads them alone.
    if (done > 0 && !disposed) storeTotals(ctx);
  }

  const run: SearchIndexer['run'] = (onProgress) => {
    if (timer) clearTimeout(timer);
    timer = null;
    if (running) return running;
    stopRequested = false;
    error = null;
    running = loop(onProgress)
      .catch((e: unknown) => {
        error = e instanceof Error ? e.message : String(e);
      })
      .then(() => {
        running = null;
        return status();
      });
    return running;
  };

  return {
    status,
    schedule(delayMs = INDEXING_DELAY_MS) {
      if (disposed || running) return;
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => {
        timer = null;
        // A failed audit stays queued (its transaction rolled back); status() says why.
        void run();
      }, delayMs);
      timer.unref();
    },
    stop() {
      if (timer) clearTimeout(timer);
      timer = null;
      stopRequested = true;
    },
    run,
    dispose() {
      disposed = true;
      if (timer) clearTimeout(timer);
      timer = null;
    },
  };
}
