// The one scheduler of background work for an open database (ServiceContext.background): the WAL
// checkpoint a moment after the last write, the search indexing of imported audits a moment after the
// last import, and the counting of signed audits' dashboard figures after opening. Each is a named
// task that waits (a timer that does not keep the process alive on its own), then runs its work,
// which yields between its steps so that every other call is answered meanwhile.
//
// A failure is logged (the app's error log, like a failed call or job) and the task can run again
// later: background work is never the only way its result is reached (a checkpoint is retried after
// the next write, figures are counted on first use, a queued audit stays queued), so one failure must
// not stop it for good, nor go unseen.
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';

/** Where failures are reported: `what` names the work (as the dispatch loop and the job runner do). */
export type LogError = (what: string, error: unknown) => void;

export const defaultLogError: LogError = (what, e) => console.error(`[case-audit] ${what} failed:`, e);

/** What the work of one run is given. */
export interface TaskRun {
  /** Aborted when the task is stopped or the scheduler disposed: the work stops at its next step. */
  signal: AbortSignal;
  /** Yields to the event loop between two steps; false once the run is stopped (return then). */
  step(): Promise<boolean>;
  /**
   * Runs one step that may fail without failing the run (one audit among many): a failure is logged
   * as `what`, and undefined returned so that the loop goes on.
   */
  attempt<T>(what: string, fn: () => T): T | undefined;
}

export type TaskState = 'idle' | 'waiting' | 'running';

export interface BackgroundTask {
  readonly name: string;
  readonly state: TaskState;
  /**
   * Runs the work after `delayMs` (the task's own delay by default). While it waits, scheduling again
   * waits afresh from now (`restart`, the default: "a moment after the last write") or keeps the
   * earlier wait (`restart: false`). Does nothing while it runs, or once stopped by dispose.
   */
  schedule(delayMs?: number, options?: { restart?: boolean }): void;
  /** Runs now, forgetting any wait; while running, the run under way. Resolves (never rejects) when it ends. */
  run(): Promise<void>;
  /** Forgets any wait and stops a run at its next step. The task may be scheduled again. */
  stop(): void;
  /** Resolves when the task neither waits nor runs; waiting for it keeps the process alive until then. */
  idle(): Promise<void>;
}

export interface Scheduler {
  /** A task of this scheduler; names are for the log and must be unique. */
  task(name: string, work: (run: TaskRun) => void | Promise<void>, options?: { delayMs?: number }): BackgroundTask;
  /** Resolves when no task waits or runs. */
  idle(): Promise<void>;
  /** Stops every task for good (the database is closing). */
  dispose(): void;
  readonly disposed: boolean;
}

export function createScheduler(options: { logError?: LogError } = {}): Scheduler {
  const logError = options.logError ?? defaultLogError;
  const tasks = new Map<string, BackgroundTask & { dispose(): void }>();
  let disposed = false;

  function task(
    name: string,
    work: (run: TaskRun) => void | Promise<void>,
    { delayMs: defaultDelay = 0 }: { delayMs?: number } = {},
  ): BackgroundTask {
    if (tasks.has(name)) throw new Error(`There is already a background task named ${name}.`);
    let timer: NodeJS.Timeout | null = null;
    let running: Promise<void> | null = null;
    let controller: AbortController | null = null;
    // Settled when the task next neither waits nor runs.
    let idleWaiters: (() => void)[] = [];

    const settleIdle = () => {
      if (timer || running) return;
      const waiters = idleWaiters;
      idleWaiters = [];
      for (const w of waiters) w();
    };
    const clearTimer = () => {
      if (timer) clearTimeout(timer);
      timer = null;
    };

    const start = (): Promise<void> => {
      clearTimer();
      if (running) return running;
      if (disposed) return Promise.resolve();
      const c = (controller = new AbortController());
      const run: TaskRun = {
        signal: c.signal,
        async step() {
          if (c.signal.aborted) return false;
          await yieldToEventLoop();
          return !c.signal.aborted;
        },
        attempt(what, fn) {
          try {
            return fn();
          } catch (e) {
            logError(`background ${name}: ${what}`, e);
            return undefined;
          }
        },
      };
      running = (async () => work(run))()
        .catch((e: unknown) => logError(`background ${name}`, e))
        .finally(() => {
          running = null;
          if (controller === c) controller = null;
          settleIdle();
        });
      return running;
    };

    const t: BackgroundTask & { dispose(): void } = {
      name,
      get state(): TaskState {
        return running ? 'running' : timer ? 'waiting' : 'idle';
      },
      schedule(delayMs = defaultDelay, { restart = true } = {}) {
        if (disposed || running || (timer && !restart)) return;
        clearTimer();
        timer = setTimeout(() => {
          timer = null;
          void start();
        }, delayMs);
        // A wait alone does not keep the process alive (idle() does, for whoever waits for the work).
        if (idleWaiters.length === 0) timer.unref();
      },
      run: start,
      stop() {
        clearTimer();
        controller?.abort();
        settleIdle();
      },
      idle() {
        if (!timer && !running) return Promise.resolve();
        timer?.ref();
        return new Promise<void>((resolve) => idleWaiters.push(resolve));
      },
      dispose() {
        t.stop();
      },
    };
    tasks.set(name, t);
    return t;
  }

  return {
    task,
    async idle() {
      // Work may schedule other work (indexing an import schedules a checkpoint): wait until all are still.
      while ([...tasks.values()].some((t) => t.state !== 'idle'))
        await Promise.all([...tasks.values()].map((t) => t.idle()));
    },
    dispose() {
      disposed = true;
      for (const t of tasks.values()) t.dispose();
    },
    get disposed() {
      return disposed;
    },
  };
}
