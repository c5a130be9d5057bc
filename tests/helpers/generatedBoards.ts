// The scale model's boards (bench/generate.ts) cost tens of seconds of CPU each, and the same scale
// and seed give the same board. So a board is made once per test run, by whichever suite first asks
// for it (an integration suite under vitest or a browser journey under Playwright, one after the
// other in `npm test`), and every suite works on a copy of its own, so none sees another's writes.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { keyFilePath } from '../../electron/security/keyFile.js';

const ROOT = join(import.meta.dirname, '..', '..');
const GENERATOR = join(ROOT, 'dist', 'bench', 'run.js');
/** A lock older than this was left by a run that died; the board is made again. */
const STALE_LOCK_MS = 15 * 60_000;

export interface BoardSpec {
  scale: number;
  seed: number;
}

/**
 * Where the board for `spec` is kept: keyed by the generator as built, the spec and the day (the
 * generator dates its records from today), so a changed generator or a new day never reuses a board.
 */
export function boardCacheDir(spec: BoardSpec): string {
  if (!existsSync(GENERATOR)) throw new Error('Generated boards need the build: run `npm run build` first.');
  const generated = readFileSync(join(ROOT, 'dist', 'bench', 'generate.js'));
  const day = new Date().toISOString().slice(0, 10);
  const key = createHash('sha256').update(generated).update(JSON.stringify(spec)).update(day).digest('hex');
  return join(tmpdir(), 'case-audit-test-boards', key.slice(0, 16));
}

const sleep = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/** The board for `spec`, made now unless this run (or an earlier one today) already made it. */
export function ensureBoard(spec: BoardSpec, timeoutMs = 600_000): string {
  const dir = boardCacheDir(spec);
  const ready = join(dir, 'ready');
  const lock = `${dir}.lock`;
  const started = Date.now();
  mkdirSync(join(dir, '..'), { recursive: true });
  while (!existsSync(ready)) {
    try {
      mkdirSync(lock);
    } catch {
      // Another suite is making it: wait for it, or take over a lock left by a run that died.
      if (Date.now() - statSync(lock).mtimeMs > STALE_LOCK_MS) rmSync(lock, { recursive: true, force: true });
      if (Date.now() - started > timeoutMs) throw new Error(`the generated board in ${dir} was not ready in time`);
      sleep(500);
      continue;
    }
    try {
      rmSync(dir, { recursive: true, force: true });
      mkdirSync(dir, { recursive: true });
      execFileSync(
        process.execPath,
        [
          GENERATOR,
          '--generate',
          '--scale',
          String(spec.scale),
          '--seed',
          String(spec.seed),
          '--out',
          join(dir, 'board.db'),
        ],
        { cwd: ROOT, stdio: 'ignore', timeout: timeoutMs },
      );
      writeFileSync(ready, new Date().toISOString());
    } finally {
      rmSync(lock, { recursive: true, force: true });
    }
  }
  return dir;
}

/** A copy of the board for `spec` at `dbPath`, with its key file and passphrase file beside it. */
export function copyBoard(
  spec: BoardSpec,
  dbPath: string,
): { dbPath: string; passphraseFile: string; passphrase: string } {
  const source = join(ensureBoard(spec), 'board.db');
  copyFileSync(source, dbPath);
  copyFileSync(keyFilePath(source), keyFilePath(dbPath));
  const passphraseFile = `${dbPath}.passphrase`;
  copyFileSync(`${source}.passphrase`, passphraseFile);
  return { dbPath, passphraseFile, passphrase: readFileSync(passphraseFile, 'utf8').trim() };
}
