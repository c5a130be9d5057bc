// The relay's one check before a call leaves the app's process: a method name that is a string and
// in the contract. Everything else (the input, the lock, the output) is checked by the dispatch loop
// in the service process, which refuses the same things again on its own.
import type { RpcResult } from '../../shared/errors.js';
import { METHOD_NAMES } from '../../shared/methodNames.js';
import type { Dispatch } from '../rpc/dispatch.js';

const KNOWN: ReadonlySet<string> = new Set(METHOD_NAMES);

export type Relay = (method: unknown, input: unknown) => Promise<RpcResult<unknown>>;

export function createRelay(dispatch: Dispatch): Relay {
  return (method, input) => {
    if (typeof method !== 'string')
      return Promise.resolve({
        ok: false,
        error: { code: 'VALIDATION', message: 'The method name must be a string.' },
      });
    if (!KNOWN.has(method))
      return Promise.resolve({
        ok: false,
        error: { code: 'NOT_FOUND', message: `Unknown method "${method.slice(0, 64)}".` },
      });
    return dispatch(method, input);
  };
}
