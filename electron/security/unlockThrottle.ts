// A brake on guessing the passphrase through the app (the unlock screen, restoring a backup, the
// browser host). After a few wrong passphrases each further attempt must wait, the wait doubling up to
// a cap, so the owner is slowed but never locked out for good. Only one passphrase is checked at a time
// in this process: scrypt takes about 128 MiB, so parallel guesses would each take that much again.
//
// The count is kept in a small file beside the database (`<db>.unlock`), since the database itself is
// locked while it matters. An attempt is counted as failed before the passphrase is checked and
// cleared only when it proves right, so stopping the process part-way through a check cannot win a
// free guess. Anyone who can copy the key file can guess offline; against that only scrypt's cost helps.
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { z } from 'zod';
import { AppError } from '../../shared/errors.js';
import { WrongPassphraseError } from './keyWrap.js';

/** Wrong passphrases allowed before any wait (a typo or two should cost nothing). */
export const FREE_FAILURES = 3;
export const FIRST_DELAY_MS = 1000;
export const MAX_DELAY_MS = 5 * 60_000;

/** How long to wait after `failures` wrong passphrases in a row: none for the first few, then 1 s doubling to 5 min. */
export function delayAfter(failures: number): number {
  if (failures <= FREE_FAILURES) return 0;
  return Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** Math.min(failures - FREE_FAILURES - 1, 30));
}

const stateSchema = z.strictObject({
  format: z.literal(1),
  failures: z.number().int().min(0).max(1_000_000),
  lastFailureAt: z.number().int().min(0),
});
type ThrottleState = z.infer<typeof stateSchema>;

export const throttleFilePath = (dbPath: string) => `${dbPath}.unlock`;

export interface UnlockThrottle {
  /**
   * Runs one passphrase check if one may run now. A WrongPassphraseError it throws counts as a failure;
   * resolving clears the count. Refused at once with LOCKED (and the seconds to wait) while a wait is due
   * or while another check is running, without checking anything.
   */
  attempt<T>(check: () => Promise<T>): Promise<T>;
  /** Seconds until the next attempt may be made (0: now). */
  retryAfterSeconds(): number;
}

// One check at a time in the whole process, whichever database or session it is for.
let checking = false;

export function createUnlockThrottle(dbPath: string, now: () => number = Date.now): UnlockThrottle {
  const path = throttleFilePath(dbPath);

  const read = (): ThrottleState => {
    if (!existsSync(path)) return { format: 1, failures: 0, lastFailureAt: 0 };
    try {
      const parsed = stateSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
      if (parsed.success) return parsed.data;
    } catch {
      // fall through: a damaged count is treated as having no free attempts left
    }
    return { format: 1, failures: FREE_FAILURES, lastFailureAt: 0 };
  };

  const write = (state: ThrottleState) => {
    if (state.failures === 0) {
      rmSync(path, { force: true });
      return;
    }
    const tmp = `${path}.tmp`;
    const fd = openSync(tmp, 'w', 0o600);
    try {
      writeSync(fd, JSON.stringify(state) + '\n');
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, path);
  };

  /** The state now: a failure dated in the future (the clock was put back) is re-dated to now, so the wait stays within the cap. */
  const current = (at: number): ThrottleState => {
    const state = read();
    if (state.lastFailureAt <= at) return state;
    const redated = { ...state, lastFailureAt: at };
    write(redated);
    return redated;
  };
  const waitMs = (state: ThrottleState, at: number) =>
    Math.max(0, state.lastFailureAt + delayAfter(state.failures) - at);

  const retryAfterSeconds = () => {
    const at = now();
    return Math.ceil(waitMs(current(at), at) / 1000);
  };

  return {
    retryAfterSeconds,
    attempt: async (check) => {
      if (checking) {
        // No retryAfterSeconds: that is the brake's wait, and this is not one.
        throw new AppError('LOCKED', 'Another passphrase is being checked. Try again in a moment.');
      }
      const at = now();
      const before = current(at);
      const wait = Math.ceil(waitMs(before, at) / 1000);
      if (wait > 0) {
        throw new AppError(
          'LOCKED',
          `Too many wrong passphrases. Try again in ${wait} second${wait === 1 ? '' : 's'}.`,
          wait,
        );
      }
      checking = true;
      try {
        write({ format: 1, failures: before.failures + 1, lastFailureAt: now() });
        let result;
        try {
          result = await check();
        } catch (e) {
          if (e instanceof WrongPassphraseError)
            write({ format: 1, failures: before.failures + 1, lastFailureAt: now() });
          else write(before);
          throw e;
        }
        write({ format: 1, failures: 0, lastFailureAt: 0 });
        return result;
      } finally {
        checking = false;
      }
    },
  };
}
