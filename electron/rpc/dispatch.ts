// The one dispatch loop every transport uses: look the method up safely, parse the input with the
// contract, call the handler, check the output, and turn every failure into {code, message, issues?}.
import { contract, isMethod, type Handlers, type Method } from '../../shared/contract.js';
import { AppError, rpcErrorOf, type ErrorIssue, type RpcError, type RpcResult } from '../../shared/errors.js';
import { NOT_STORABLE_MESSAGE, unstorableTextPath } from '../../shared/text.js';
import { describeIssues } from '../../shared/validationPath.js';

export type Dispatch = (method: string, input: unknown) => Promise<RpcResult<unknown>>;

export interface DispatchOptions {
  /** Where internal errors (with their stacks) go; never to the caller. */
  logError?: (method: string, error: unknown) => void;
}

const INTERNAL: RpcError = { code: 'INTERNAL', message: 'Something went wrong. The details are in the log.' };

/** zod's issues as the envelope carries them: every one, each with its path of keys and indices. */
export function issuesOf(issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }>): ErrorIssue[] {
  return issues.map((i) => ({
    path: i.path.map((p) => (typeof p === 'number' ? p : String(p))),
    message: i.message,
  }));
}

function validation(issues: ErrorIssue[]): RpcError {
  return { code: 'VALIDATION', message: describeIssues(issues), issues };
}

// The database's own refusals of a change to signed records (its triggers), in the words shown to
// people. A service checks first and says more; these answer only if a service check is missing.
const SIGNED_BY_TRIGGER: Record<string, string> = {
  'this audit revision is signed and cannot change: start a new revision':
    'This audit is signed and cannot change. Start a new revision to change it.',
  'a signed revision is immutable': 'A signed revision cannot change.',
  'a signed panel record is immutable': 'This panel record is signed and cannot change.',
  'an imported audit stays pinned to its signer':
    'An imported audit changes only when its auditor sends a new revision.',
};

function signedByTrigger(e: unknown): RpcError | null {
  if (!(e instanceof Error) || (e as { code?: unknown }).code !== 'SQLITE_CONSTRAINT_TRIGGER') return null;
  const message = SIGNED_BY_TRIGGER[e.message];
  return message === undefined ? null : { code: 'SIGNED', message };
}

/** `handlers` may leave methods out (an app without a session has no session methods). */
export function createDispatch(handlers: Partial<Handlers>, options: DispatchOptions = {}): Dispatch {
  const logError = options.logError ?? ((method, e) => console.error(`[case-audit] ${method} failed:`, e));
  return async (method, input) => {
    if (!isMethod(method)) return { ok: false, error: { code: 'NOT_FOUND', message: `Unknown method "${method}".` } };
    const spec = contract[method];
    // Checked for every method at once: a string that cannot be stored exactly is refused, not altered.
    const unstorable = unstorableTextPath(input);
    if (unstorable)
      return { ok: false, error: validation(issuesOf([{ path: unstorable, message: NOT_STORABLE_MESSAGE }])) };
    const parsed = spec.input.safeParse(input ?? {});
    if (!parsed.success) return { ok: false, error: validation(issuesOf(parsed.error.issues)) };
    try {
      const handler = handlers[method] as ((i: unknown) => unknown) | undefined;
      if (!handler) return { ok: false, error: { code: 'NOT_FOUND', message: `"${method}" is not available here.` } };
      const value = await handler(parsed.data);
      // The output is checked too: a handler can never send more, or other, than the contract says.
      const checked = (spec.output as (typeof contract)[Method]['output']).safeParse(value);
      if (!checked.success) {
        logError(method, new Error(`output does not match the contract: ${describeIssues(checked.error.issues)}`));
        return { ok: false, error: INTERNAL };
      }
      return { ok: true, value: checked.data };
    } catch (e) {
      if (e instanceof AppError) return { ok: false, error: rpcErrorOf(e) };
      const signed = signedByTrigger(e);
      // Logged all the same: a service should have refused before the database had to.
      logError(method, e);
      return { ok: false, error: signed ?? INTERNAL };
    }
  };
}
