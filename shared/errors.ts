// A closed set of error codes that cross every boundary as {code, message, issues?}.
import { formatPath } from './validationPath.js';

export const ERROR_CODES = [
  'VALIDATION',
  'NOT_FOUND',
  'CONFLICT',
  /** The session is locked: unlock and the same call may succeed. */
  'LOCKED',
  /** The audit, revision or panel record is signed: it cannot change (a new revision can). */
  'SIGNED',
  'INTEGRITY',
  'UNAUTHORISED',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** One problem with one part of the input, its path as zod gives it (keys and array indices). */
export interface ErrorIssue {
  path: Array<string | number>;
  message: string;
}

export interface RpcError {
  code: ErrorCode;
  /** A readable sentence, complete without the issues (for logs, the CLI and form-level errors). */
  message: string;
  /** The parts of the input the error is about, so forms can show each at its field. */
  issues?: ErrorIssue[];
  /** Set when the same call may succeed after this many seconds (e.g. after wrong passphrases). */
  retryAfterSeconds?: number;
}

export interface AppErrorOptions {
  retryAfterSeconds?: number;
  issues?: ErrorIssue[];
}

/** An error the user can act on; anything else is reported as INTERNAL with a plain message. */
export class AppError extends Error {
  readonly retryAfterSeconds?: number;
  readonly issues: ErrorIssue[];
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** The options, or (the older form) just the seconds to wait. */
    options: AppErrorOptions | number = {},
  ) {
    super(message);
    this.name = 'AppError';
    const o = typeof options === 'number' ? { retryAfterSeconds: options } : options;
    if (o.retryAfterSeconds !== undefined) this.retryAfterSeconds = o.retryAfterSeconds;
    this.issues = o.issues ?? [];
  }
}

/**
 * An error about one field of the input: the message reads "agencies[2].name: listed twice" as it
 * always has, and the issue carries the path itself, so no one has to take the text apart.
 */
export function fieldError(code: ErrorCode, path: Array<string | number>, message: string): AppError {
  return new AppError(code, `${formatPath(path)}: ${message}`, { issues: [{ path, message }] });
}

/** The envelope's error for an AppError: its issues and wait only when it has them. */
export function rpcErrorOf(e: AppError): RpcError {
  return {
    code: e.code,
    message: e.message,
    ...(e.issues.length > 0 ? { issues: e.issues } : {}),
    ...(e.retryAfterSeconds === undefined ? {} : { retryAfterSeconds: e.retryAfterSeconds }),
  };
}

export type RpcResult<T> = { ok: true; value: T } | { ok: false; error: RpcError };
