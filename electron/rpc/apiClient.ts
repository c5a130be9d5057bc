import type { Api } from '../../shared/contract.js';
import { AppError } from '../../shared/errors.js';
import { METHOD_NAMES } from '../../shared/methodNames.js';
import type { Dispatch } from './dispatch.js';

/** A typed client over a dispatch loop: inputs parsed and outputs checked exactly as for the app. */
export function apiOver(dispatch: Dispatch): Api {
  return Object.fromEntries(
    METHOD_NAMES.map((m) => [
      m,
      async (input: unknown) => {
        const r = await dispatch(m, input);
        if (!r.ok) throw new AppError(r.error.code, r.error.message, r.error);
        return r.value;
      },
    ]),
  ) as unknown as Api;
}
