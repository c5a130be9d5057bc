// Indexes the evidence notes of imported audits for search, after their import committed (see
// db/migrations/0009_search_backlog.ts). One audit per transaction: stopping between audits leaves
// every audit either searchable or still queued, never half-indexed. Between audits the loop yields,
// so the app answers other calls while it works; it starts a moment after the last import, so that a
// bulk import runs first and the indexing follows it.
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
  let disposedHere = false;
  // Disposed alone (the indexer) or with everything of the database (its scheduler).
  const disposed = () => disposedHere || ctx.background.disposed;
  let done = 0;
  let total = 0;
  let error: string | null = null;
  let onProgress: ((done: number, total: number) => void) | undefined;

  const task = ctx.background.task(
    'search indexing',
    async (run) => {
      const backlog = ctx.repos.searchBacklog;
      error = null;
      done = 0;
      total = backlog.count();
      try {
        // One queued audit at a time, until none is left: audits imported meanwhile are picked up too.
        for (let next = backlog.next(); next !== null && !run.signal.aborted; next = backlog.next()) {
          const auditId = next;
          // A failed audit stays queued (its transaction rolled back); status() says why.
          ctx.tx(() => backlog.indexAudit(auditId));
          // The imported revision's dashboard figures too, in their own short transaction
          // (signedFigures.ts); a failure there leaves them to be counted on first use.
          run.attempt(`figures of audit ${auditId}`, () => storeFiguresOf(ctx, auditId));
          done++;
          total = done + backlog.count();
          onProgress?.(done, total);
          if (!(await run.step())) break;
        }
      } catch (e) {
        error = e instanceof Error ? e.message : String(e);
        throw e; // for the log
      }
      // And their totals over every signed audit, so that the next dashboard reads them alone.
      if (done > 0 && !disposed()) run.attempt('totals of signed figures', () => storeTotals(ctx));
    },
    { delayMs: INDEXING_DELAY_MS },
  );

  const status = (): IndexingStatus => ({
    pendingAudits: disposed() ? 0 : ctx.repos.searchBacklog.count(),
    running: task.state === 'running',
    done,
    total,
    error,
  });

  return {
    status,
    schedule(delayMs = INDEXING_DELAY_MS) {
      if (!disposed()) task.schedule(delayMs);
    },
    stop: () => task.stop(),
    async run(progress) {
      if (disposed()) return status();
      if (task.state !== 'running') onProgress = progress;
      await task.run();
      if (onProgress === progress) onProgress = undefined;
      return status();
    },
    dispose() {
      disposedHere = true;
      task.stop();
    },
  };
}
