// The one dispatch loop every transport uses: look the method up safely, parse the input with the
// contract, call the handler, check the output, and turn every failure into {code, message}.
import { contract, isMethod, type Handlers, type Method } from '../../shared/contract.js';
import { AppError, type RpcResult } from '../../shared/errors.js';
import { unstorableTextProblem } from '../../shared/text.js';
import { describeIssues } from '../../shared/validationPath.js';

export type Dispatch = (method: string, input: unknown) => Promise<RpcResult<unknown>>;

export interface DispatchOptions {
  /** Where internal errors (with their stacks) go; never to the caller. */
  logError?: (method: string, error: unknown) => void;
}

/** `handlers` may leave methods out (an app without a session has no session methods). */
export function createDispatch(handlers: Partial<Handlers>, options: DispatchOptions = {}): Dispatch {
  const logError = options.logError ?? ((method, e) => console.error(`[case-audit] ${method} failed:`, e));
  return async (method, input) => {
    if (!isMethod(method)) return { ok: false, error: { code: 'NOT_FOUND', message: `Unknown method "${method}".` } };
    const spec = contract[method];
    // Checked for every method at once: a string that cannot be stored exactly is refused, not altered.
    const unstorable = unstorableTextProblem(input);
    if (unstorable) return { ok: false, error: { code: 'VALIDATION', message: unstorable } };
    const parsed = spec.input.safeParse(input ?? {});
    if (!parsed.success)
      return { ok: false, error: { code: 'VALIDATION', message: describeIssues(parsed.error.issues) } };
    try {
      const handler = handlers[method] as ((i: unknown) => unknown) | undefined;
      if (!handler) return { ok: false, error: { code: 'NOT_FOUND', message: `"${method}" is not available here.` } };
      const value = await handler(parsed.data);
      // The output is checked too: a handler can never send more, or other, than the contract says.
      const checked = (spec.output as (typeof contract)[Method]['output']).safeParse(value);
      if (!checked.success) {
        logError(method, new Error(`output does not match the contract: ${describeIssues(checked.error.issues)}`));
        return { ok: false, error: { code: 'INTERNAL', message: 'Something went wrong. The details are in the log.' } };
      }
      return { ok: true, value: checked.data };
    } catch (e) {
      if (e instanceof AppError) {
        const retry = e.retryAfterSeconds === undefined ? {} : { retryAfterSeconds: e.retryAfterSeconds };
        return { ok: false, error: { code: e.code, message: e.message, ...retry } };
      }
      logError(method, e);
      return { ok: false, error: { code: 'INTERNAL', message: 'Something went wrong. The details are in the log.' } };
    }
  };
}
