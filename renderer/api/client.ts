// The typed API client: one async function per contract method. In Electron it calls the preload's
// bridge (window.caseAudit); in a browser it posts to the host's /rpc/<method> with the bearer token.
// Both unwrap the result envelope and throw ApiError on failure, so callers see values or one error type.
import { BRIDGE_GLOBAL, type CaseAuditBridge } from '../../shared/bridge.js';
import type { Api, Input, Method, Output } from '../../shared/contract.js';
import { ERROR_CODES, type ErrorCode, type ErrorIssue, type RpcResult } from '../../shared/errors.js';
import { receiveOpenedBundle } from '../lib/openedBundles.js';
import { METHOD_NAMES } from '../../shared/methodNames.js';
import { currentToken } from './token.js';

export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** Seconds until the same call may succeed, when the application said so. */
    readonly retryAfterSeconds?: number,
    /** The parts of the input the error is about, each with its path (empty when none). */
    readonly issues: ErrorIssue[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

type Call = <M extends Method>(method: M, input: Input<M>) => Promise<RpcResult<Output<M>>>;

function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}

const isPathPart = (p: unknown): p is string | number =>
  typeof p === 'string' || (typeof p === 'number' && Number.isInteger(p) && p >= 0);

/** The issues that have the envelope's shape; anything else in the list is left out, not trusted. */
function readIssues(value: unknown): ErrorIssue[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((i: unknown) => {
    if (typeof i !== 'object' || i === null) return [];
    const { path, message } = i as { path?: unknown; message?: unknown };
    if (!Array.isArray(path) || !path.every(isPathPart) || typeof message !== 'string') return [];
    return [{ path: [...path], message }];
  });
}

/** Checks the envelope's shape: anything else is reported as an internal error, never trusted. */
function unwrap<T>(result: unknown): T {
  if (typeof result === 'object' && result !== null && 'ok' in result) {
    const r = result as { ok: unknown; value?: unknown; error?: unknown };
    if (r.ok === true) return r.value as T;
    const err = r.error as
      { code?: unknown; message?: unknown; retryAfterSeconds?: unknown; issues?: unknown } | undefined;
    if (err && isErrorCode(err.code) && typeof err.message === 'string') {
      const retry = err.retryAfterSeconds;
      const seconds = typeof retry === 'number' && Number.isInteger(retry) && retry > 0 ? retry : undefined;
      throw new ApiError(err.code, err.message, seconds, readIssues(err.issues));
    }
  }
  throw new ApiError('INTERNAL', 'The application sent an answer it could not read.');
}

function bridge(): CaseAuditBridge | undefined {
  const candidate = (window as unknown as Record<string, unknown>)[BRIDGE_GLOBAL];
  return typeof candidate === 'object' && candidate !== null ? (candidate as CaseAuditBridge) : undefined;
}

function bridgeCall(b: CaseAuditBridge): Call {
  return (method, input) => (b[method] as (i: typeof input) => Promise<RpcResult<Output<typeof method>>>)(input);
}

function httpCall(): Call {
  return async (method, input) => {
    const token = currentToken();
    if (!token) {
      return {
        ok: false,
        error: {
          code: 'UNAUTHORISED',
          message: 'Open Case Audit from the address the host printed (it ends with #token=…).',
        },
      };
    }
    let response: Response;
    try {
      response = await fetch(`./rpc/${method}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body: JSON.stringify(input ?? {}),
        credentials: 'omit',
        cache: 'no-store',
      });
    } catch {
      return {
        ok: false,
        error: { code: 'INTERNAL', message: 'Case Audit is not responding. Check it is still running.' },
      };
    }
    try {
      return (await response.json()) as RpcResult<Output<typeof method>>;
    } catch {
      return { ok: false, error: { code: 'INTERNAL', message: `Case Audit answered with status ${response.status}.` } };
    }
  };
}

// Signals that the session may have locked: the desktop app's "app.locked" event, or any call refused
// with LOCKED (the browser host has no events). A signed audit's refusal says SIGNED, not LOCKED; the
// listeners still ask session.status, since a lock may have been undone by the time they run.
const lockListeners = new Set<() => void>();

export function onPossibleLock(listener: () => void): () => void {
  lockListeners.add(listener);
  return () => lockListeners.delete(listener);
}

/** Tells listeners the session may have locked (e.g. after the user chose to lock it). */
export function signalLock(): void {
  lockListeners.forEach((l) => l());
}

const unlockListeners = new Set<() => void>();

/** Called after the session is unlocked again, e.g. to retry saves the lock refused. */
export function onUnlocked(listener: () => void): () => void {
  unlockListeners.add(listener);
  return () => unlockListeners.delete(listener);
}

export function signalUnlocked(): void {
  unlockListeners.forEach((l) => l());
}

export function createApi(): Api {
  const b = bridge();
  const call = b ? bridgeCall(b) : httpCall();
  if (b && typeof b.on === 'function') {
    b.on('app.locked', signalLock);
    b.on('bundle.opened', receiveOpenedBundle);
  }
  const api = {} as Record<Method, (input: unknown) => Promise<unknown>>;
  for (const method of METHOD_NAMES) {
    api[method] = async (input: unknown) => {
      let result: unknown;
      try {
        result = await call(method, input as Input<typeof method>);
      } catch {
        throw new ApiError('INTERNAL', 'Case Audit is not responding.');
      }
      try {
        return unwrap(result);
      } catch (e) {
        if (e instanceof ApiError && e.code === 'LOCKED') signalLock();
        throw e;
      }
    };
  }
  return api as Api;
}

/** A message for any thrown value, in the words shown to people. */
export function errorMessage(e: unknown): string {
  if (e instanceof ApiError) return e.message;
  return 'Something went wrong.';
}
