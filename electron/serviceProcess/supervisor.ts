// The app's side of the service process: starts it, relays calls to it and answers to their callers,
// forwards its events, and restarts it when it stops unexpectedly. Transport-neutral: `spawn` gives
// a Node fork (nodeChild.ts) or, in Electron's main process, a utilityProcess.
//
// After a crash the new process starts locked (the key is never kept here), so the calls that were
// on their way fail with INTERNAL saying so, the next ones answer LOCKED and the interface asks for
// the passphrase again. Every write the old process acknowledged was committed (synchronous = FULL)
// before its answer was sent.
import type { AppEvent } from '../../shared/bridge.js';
import type { RpcError, RpcResult } from '../../shared/errors.js';
import type { Dispatch } from '../rpc/dispatch.js';
import { childMessageSchema, type ParentMessage, type ServiceSettings } from './protocol.js';

/** One running service process, whatever started it. */
export interface ServiceChild {
  readonly pid: number | undefined;
  post(message: ParentMessage): void;
  onMessage(listener: (message: unknown) => void): void;
  /** Called once, when the process has ended and nothing more will arrive from it. */
  onExit(listener: (code: number | null, signal: string | null) => void): void;
  kill(): void;
}

export interface ServiceProcessOptions {
  spawn: () => ServiceChild;
  settings: ServiceSettings;
  /** The database key for the first start only (from the terminal or the OS keychain). */
  key?: Buffer;
  onEvent?: (event: AppEvent, payload: unknown) => void;
  /** With settings.reportKey: the key after each unlock. */
  onUnlock?: (key: Buffer) => void;
  log?: (message: string) => void;
  /** How long to wait before the n-th restart in a row (1, 2, …) of a process that kept crashing. */
  restartDelayMs?: (attempt: number) => number;
  /**
   * Restart after a crash (the default). A one-shot command says false: its calls on their way are
   * answered that the services stopped, and nothing is started again.
   */
  restart?: boolean;
}

export interface ServiceProcess {
  dispatch: Dispatch;
  /** Runs one of the command line's tasks (tasks.ts), with its progress messages as they come. */
  task(name: string, input: unknown, onProgress?: (payload: unknown) => void): Promise<RpcResult<unknown>>;
  /** Lock the session now (the system sleeps, or its screen locks). */
  lock(): void;
  /** The current process id (undefined between a crash and the restart). */
  readonly pid: number | undefined;
  /** How many times the process has been restarted after stopping unexpectedly. */
  readonly restarts: number;
  /** Resolves when the current (or next) process is ready for calls. */
  ready(): Promise<void>;
  close(): Promise<void>;
}

export const RESTARTED: RpcError = {
  code: 'INTERNAL',
  message:
    'The services stopped unexpectedly and have been restarted: this last action may not have been saved. ' +
    'Unlock Case Audit again and check it; everything saved before it was kept.',
};
const CLOSED: RpcError = { code: 'INTERNAL', message: 'Case Audit is closing.' };
const STOPPED = (how: string): RpcError => ({
  code: 'INTERNAL',
  message: `The service process stopped unexpectedly (${how}): this last action may not have been saved; everything saved before it was kept.`,
});

/** A process that lived this long was not crash-looping: its restart waits for nothing. */
const STABLE_MS = 10_000;
const defaultDelay = (attempt: number) => (attempt <= 1 ? 0 : Math.min(10_000, 250 * 2 ** (attempt - 2)));

export function startServiceProcess(options: ServiceProcessOptions): Promise<ServiceProcess> {
  const log = options.log ?? ((m) => console.error(`[case-audit] ${m}`));
  const delay = options.restartDelayMs ?? defaultDelay;
  const pending = new Map<number, (result: RpcResult<unknown>) => void>();
  const progressOf = new Map<number, (payload: unknown) => void>();
  let waiting: ParentMessage[] = []; // calls made while no process was ready
  let nextId = 0;
  let child: ServiceChild | null = null;
  let isReady = false;
  let readyWaiters: Array<() => void> = [];
  let closing = false;
  let closed: (() => void) | null = null;
  let restarts = 0;
  let crashesInARow = 0;
  let startedAt = 0;
  let restartTimer: NodeJS.Timeout | undefined;
  let firstStart: { resolve: () => void; reject: (e: Error) => void } | null = null;

  const failAll = (error: RpcError) => {
    for (const answer of pending.values()) answer({ ok: false, error });
    pending.clear();
    progressOf.clear();
    waiting = [];
  };

  const becameReady = () => {
    isReady = true;
    for (const m of waiting) child?.post(m);
    waiting = [];
    readyWaiters.forEach((w) => w());
    readyWaiters = [];
    firstStart?.resolve();
    firstStart = null;
  };

  const start = (key?: Buffer) => {
    const c = options.spawn();
    child = c;
    isReady = false;
    startedAt = Date.now();
    c.onMessage((raw) => {
      if (c !== child) return;
      const parsed = childMessageSchema.safeParse(raw);
      if (!parsed.success) {
        log('refused a malformed message from the service process');
        return;
      }
      const m = parsed.data;
      switch (m.type) {
        case 'ready':
          becameReady();
          return;
        case 'failed':
          if (firstStart) {
            firstStart.reject(new Error(m.message));
            firstStart = null;
            closing = true; // the caller is told; nothing is restarted
          } else log(`the service process could not start: ${m.message}`);
          return;
        case 'result': {
          const answer = pending.get(m.id);
          pending.delete(m.id);
          progressOf.delete(m.id);
          answer?.(m.result as RpcResult<unknown>);
          return;
        }
        case 'progress':
          progressOf.get(m.id)?.(m.payload);
          return;
        case 'event':
          options.onEvent?.(m.event, m.payload);
          return;
        case 'unlocked':
          options.onUnlock?.(Buffer.from(m.keyHex, 'hex'));
          return;
      }
    });
    c.onExit((code, signal) => {
      if (c !== child) return;
      child = null;
      isReady = false;
      if (closing) {
        failAll(CLOSED);
        firstStart?.reject(new Error('the service process ended before it was ready'));
        firstStart = null;
        closed?.();
        return;
      }
      const how = signal ? `signal ${signal}` : `exit code ${code}`;
      if (options.restart === false) {
        closing = true;
        failAll(STOPPED(how));
        firstStart?.reject(new Error(STOPPED(how).message));
        firstStart = null;
        return;
      }
      log(`the service process stopped unexpectedly (${how}); restarting it, locked`);
      failAll(RESTARTED);
      // Whatever was unlocked is gone: the window shows the unlock screen (the browser host learns it
      // from the LOCKED answers that follow).
      options.onEvent?.('app.locked', null);
      crashesInARow = Date.now() - startedAt >= STABLE_MS ? 1 : crashesInARow + 1;
      restartTimer = setTimeout(() => {
        restartTimer = undefined;
        if (closing) return;
        restarts++;
        start();
      }, delay(crashesInARow));
    });
    c.post({ type: 'init', ...options.settings, ...(key ? { keyHex: key.toString('hex') } : {}) });
  };

  const send = (
    message: (id: number) => ParentMessage,
    onProgress?: (payload: unknown) => void,
  ): Promise<RpcResult<unknown>> => {
    if (closing) return Promise.resolve({ ok: false, error: CLOSED });
    const id = nextId++;
    return new Promise((resolve) => {
      pending.set(id, resolve);
      if (onProgress) progressOf.set(id, onProgress);
      if (isReady && child) child.post(message(id));
      else waiting.push(message(id));
    });
  };
  const dispatch: Dispatch = (method, input) => send((id) => ({ type: 'call', id, method, input }));

  const service: ServiceProcess = {
    dispatch,
    task: (name, input, onProgress) => send((id) => ({ type: 'task', id, task: name, input }), onProgress),
    lock: () => {
      if (isReady) child?.post({ type: 'lock' });
    },
    get pid() {
      return child?.pid;
    },
    get restarts() {
      return restarts;
    },
    ready: () => (isReady ? Promise.resolve() : new Promise((done) => readyWaiters.push(done))),
    close: () => {
      closing = true;
      clearTimeout(restartTimer);
      const c = child;
      if (!c) {
        failAll(CLOSED);
        return Promise.resolve();
      }
      return new Promise<void>((done) => {
        const force = setTimeout(() => c.kill(), 5_000);
        closed = () => {
          clearTimeout(force);
          done();
        };
        c.post({ type: 'close' });
      });
    },
  };

  return new Promise((resolve, reject) => {
    firstStart = { resolve: () => resolve(service), reject };
    start(options.key);
  });
}
