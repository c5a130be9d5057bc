// The service process's side of the protocol: one session (electron/session.ts, the service map
// behind the lock) answering the calls its parent relays. The same code runs under Electron's
// utilityProcess and under Node's fork; only the port differs (child.ts picks it).
import { appendFileSync } from 'node:fs';
import { AppError } from '../../shared/errors.js';
import { createSession, type Session } from '../session.js';
import { callSchema, parentMessageSchema, type ChildMessage, type InitMessage } from './protocol.js';
import { runTask } from './tasks.js';

export interface ParentPort {
  post(message: ChildMessage): void;
  onMessage(listener: (message: unknown) => void): void;
}

/** How often the idle lock is checked, as the main process did before. */
const IDLE_CHECK_MS = 15_000;

/**
 * With CASE_AUDIT_SERVICE_TRACE naming a file, each call and task is noted there with this process's
 * id and its parent's (method names only, no inputs): how a test shows the work ran in this process.
 */
function trace(kind: 'call' | 'task', name: string): void {
  const file = process.env.CASE_AUDIT_SERVICE_TRACE;
  if (file) appendFileSync(file, JSON.stringify({ pid: process.pid, ppid: process.ppid, kind, name }) + '\n');
}

function refusal(id: number, message: string): ChildMessage {
  return { type: 'result', id, result: { ok: false, error: { code: 'VALIDATION', message } } };
}

/** Answers the parent's messages; returns a function closing the session (for a parent that has gone). */
export function runServices(port: ParentPort, exit: (code: number) => void): () => void {
  let session: Session | null = null;
  let idleTimer: NodeJS.Timeout | undefined;

  const start = (init: InitMessage) => {
    try {
      session = createSession(init.dbPath, {
        ...(init.keyHex ? { key: Buffer.from(init.keyHex, 'hex') } : {}),
        ...(init.nativeBinding ? { nativeBinding: init.nativeBinding } : {}),
        ...(init.dailyBackup !== undefined ? { dailyBackup: init.dailyBackup } : {}),
        ...(init.backgroundIndexing !== undefined ? { backgroundIndexing: init.backgroundIndexing } : {}),
        ...(init.scrypt ? { scrypt: init.scrypt } : {}),
        onLock: () => port.post({ type: 'event', event: 'app.locked', payload: null }),
        ...(init.reportKey
          ? { onUnlock: (key: Buffer) => port.post({ type: 'unlocked', keyHex: key.toString('hex') }) }
          : {}),
      });
    } catch (e) {
      port.post({ type: 'failed', message: e instanceof Error ? e.message : String(e) });
      exit(1);
      return;
    }
    if (init.idleLock !== false) idleTimer = setInterval(() => session?.checkIdle(), IDLE_CHECK_MS);
    port.post({ type: 'ready' });
  };

  const stop = () => {
    clearInterval(idleTimer);
    session?.close();
    session = null;
  };

  port.onMessage((raw) => {
    const parsed = parentMessageSchema.safeParse(raw);
    if (!parsed.success) {
      // A call with a usable id is answered, so its caller is not left waiting; anything else is dropped.
      const id = (raw as { id?: unknown } | null)?.id;
      if (callSchema.shape.id.safeParse(id).success) port.post(refusal(id as number, 'malformed call message'));
      else console.error('[case-audit services] refused a malformed message');
      return;
    }
    const message = parsed.data;
    switch (message.type) {
      case 'init':
        if (session) console.error('[case-audit services] refused a second init');
        else start(message);
        return;
      case 'call': {
        const current = session;
        if (!current) {
          port.post(refusal(message.id, 'the service process has not been started'));
          return;
        }
        trace('call', message.method);
        void current
          .dispatch(message.method, message.input)
          .catch((e: unknown) => {
            // dispatch answers every failure itself; this is only a last guard.
            console.error('[case-audit services] dispatch failed:', e);
            return {
              ok: false as const,
              error: { code: e instanceof AppError ? e.code : ('INTERNAL' as const), message: 'Something went wrong.' },
            };
          })
          .then((result) => port.post({ type: 'result', id: message.id, result }));
        return;
      }
      case 'task': {
        if (!session) {
          port.post(refusal(message.id, 'the service process has not been started'));
          return;
        }
        trace('task', message.task);
        const { id } = message;
        void runTask(session.current(), message.task, message.input, (payload) =>
          port.post({ type: 'progress', id, payload }),
        ).then((result) => port.post({ type: 'result', id, result }));
        return;
      }
      case 'lock':
        session?.lock();
        return;
      case 'close':
        stop();
        exit(0);
        return;
    }
  });
  return stop;
}
