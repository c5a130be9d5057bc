// A closed set of error codes that cross every boundary as {code, message}.
export const ERROR_CODES = [
  'VALIDATION',
  'NOT_FOUND',
  'CONFLICT',
  'LOCKED',
  'INTEGRITY',
  'UNAUTHORISED',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface RpcError {
  code: ErrorCode;
  message: string;
  /** Set when the same call may succeed after this many seconds (e.g. after wrong passphrases). */
  retryAfterSeconds?: number;
}

/** An error the user can act on; anything else is reported as INTERNAL with a plain message. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export type RpcResult<T> = { ok: true; value: T } | { ok: false; error: RpcError };
