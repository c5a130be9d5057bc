// The bundle reader's worker as the app runs it: the compiled script under dist/, built by
// `npm run build` before the tests run (the tests read it, they never build it).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const READ_WORKER = new URL('../../dist/electron/bundle/readWorker.js', import.meta.url);

/** Fails the suite with the fix named when the worker has not been built. */
export function requireBuiltReadWorker(): void {
  if (!existsSync(fileURLToPath(READ_WORKER)))
    throw new Error('dist/electron/bundle/readWorker.js is missing: run `npm run build` before these tests');
}
