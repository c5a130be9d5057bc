// Long work in steps: a job runs beside the other calls (it yields to the event loop between steps,
// so the app keeps answering), reports how far it has got, and can be cancelled between any two
// steps. Its result is handed over only once it is complete; a cancelled or failed job hands over
// nothing. Plain Node (setImmediate), so the Electron app, the browser host, the CLI and the tests
// share it. How to add a kind of job: docs/architecture.md, "Long work: jobs".
import { AppError } from '../../shared/errors.js';
import type { JobStatus, JobStatusName } from '../../shared/jobs.js';

/** Tells the runner how far the job has got: `done` of `total` steps, now doing `stage`. */
export type Progress = (done: number, total: number, stage: string) => void;

/** A job: does its work in steps, calling `progress` and checking `signal` between them. */
export type Job<R> = (signal: AbortSignal, progress: Progress) => Promise<R>;

/**
 * The point between two steps of long work: says how far it has got, lets other calls be served,
 * and stops (by throwing) if the work has been cancelled. Work that can run as a job takes a `Step`
 * and calls it before each step; run outside a job (the CLI, the one-call API methods) it is given
 * `noPause` and runs straight through.
 */
export type Step = (done: number, total: number, stage: string) => Promise<void>;

export const noPause: Step = () => Promise.resolve();

/** Lets every call already waiting be served before going on. */
export const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/** The `Step` of a running job. */
export function jobStep(signal: AbortSignal, progress: Progress): Step {
  return async (done, total, stage) => {
    signal.throwIfAborted();
    progress(done, total, stage);
    await yieldToEventLoop();
    signal.throwIfAborted();
  };
}

export const STAGE_STARTING = 'Starting';
export const STAGE_FINISHED = 'Finished';

interface Entry<R> {
  kind: string;
  status: JobStatusName;
  done: number;
  total: number;
  stage: string;
  message?: string;
  controller: AbortController;
  result?: R;
  stopped: Promise<void>;
}

export interface JobRunner<R> {
  /** Starts `job` and answers its id at once; the job begins once the current call has been answered. */
  start(kind: string, job: Job<R>): string;
  get(jobId: string): JobStatus;
  /** The result of a finished job, handed over once: the job is then forgotten. */
  result(jobId: string): R;
  /** Stops a running job at its next step, or drops a finished job's result before it is collected. */
  cancel(jobId: string): JobStatus;
  /** Cancels every running job (the database is about to close). */
  cancelAll(): void;
  /** Settles once the job's function has returned or thrown (tests; shutting down). */
  stopped(jobId: string): Promise<void>;
}

export interface JobRunnerOptions {
  newId: () => string;
  /** How many jobs are kept at once, running or waiting to be collected. */
  limit?: number;
  /** Where unexpected failures (with their stacks) go; the caller sees a plain message. */
  logError?: (kind: string, error: unknown) => void;
}

export const JOB_LIMIT = 8;
const UNEXPECTED = 'Something went wrong. The details are in the log.';

export function createJobRunner<R>(options: JobRunnerOptions): JobRunner<R> {
  const limit = options.limit ?? JOB_LIMIT;
  const logError = options.logError ?? ((kind, e) => console.error(`[case-audit] job ${kind} failed:`, e));
  // A Map keeps insertion order, so the first entries are the oldest.
  const jobs = new Map<string, Entry<R>>();

  const find = (jobId: string): Entry<R> => {
    const entry = jobs.get(jobId);
    if (!entry) throw new AppError('NOT_FOUND', 'jobId: no such job (it may have been collected, or the app locked).');
    return entry;
  };
  const snapshot = (e: Entry<R>): JobStatus => ({
    kind: e.kind,
    status: e.status,
    done: e.done,
    total: e.total,
    stage: e.stage,
    ...(e.message !== undefined ? { message: e.message } : {}),
  });
  const makeRoom = () => {
    if (jobs.size < limit) return;
    for (const [id, e] of jobs) {
      if (e.status !== 'running') {
        jobs.delete(id);
        return;
      }
    }
    throw new AppError('CONFLICT', `${limit} long tasks are already running: wait for one to finish, or cancel one.`);
  };

  return {
    start(kind, job) {
      makeRoom();
      const id = options.newId();
      const controller = new AbortController();
      const entry: Entry<R> = {
        kind,
        status: 'running',
        done: 0,
        total: 0,
        stage: STAGE_STARTING,
        controller,
        stopped: Promise.resolve(),
      };
      const progress: Progress = (done, total, stage) => {
        if (entry.status !== 'running') return;
        entry.done = Math.max(0, Math.min(done, total));
        entry.total = Math.max(0, total);
        entry.stage = stage;
      };
      entry.stopped = (async () => {
        try {
          // The caller has its job id before any work is done.
          await yieldToEventLoop();
          controller.signal.throwIfAborted();
          const value = await job(controller.signal, progress);
          // Cancelled during its last step: the result is dropped.
          if (controller.signal.aborted || entry.status !== 'running') return;
          entry.result = value;
          entry.status = 'done';
          entry.done = entry.total;
          entry.stage = STAGE_FINISHED;
        } catch (e) {
          if (controller.signal.aborted || entry.status !== 'running') return;
          entry.status = 'failed';
          if (e instanceof AppError) entry.message = e.message;
          else {
            entry.message = UNEXPECTED;
            logError(kind, e);
          }
        }
      })();
      jobs.set(id, entry);
      return id;
    },
    get: (jobId) => snapshot(find(jobId)),
    result(jobId) {
      const entry = find(jobId);
      if (entry.status === 'running') throw new AppError('CONFLICT', 'jobId: the job has not finished yet.');
      if (entry.status !== 'done' || entry.result === undefined)
        throw new AppError(
          'CONFLICT',
          `jobId: the job ${entry.status === 'failed' ? 'failed' : 'was cancelled'}, so it has no result.`,
        );
      jobs.delete(jobId);
      return entry.result;
    },
    cancel(jobId) {
      const entry = find(jobId);
      if (entry.status === 'running' || entry.status === 'done') {
        entry.status = 'cancelled';
        delete entry.result;
        entry.controller.abort();
      }
      return snapshot(entry);
    },
    cancelAll() {
      for (const entry of jobs.values()) {
        if (entry.status === 'running' || entry.status === 'done') entry.status = 'cancelled';
        delete entry.result;
        entry.controller.abort();
      }
    },
    stopped: (jobId) => find(jobId).stopped,
  };
}
