// The installation's log file, for its IT desk: what happened (opened, closed, a call or background
// task that failed, and where in the code), never what anyone typed. Entries carry only names, codes,
// numbers and stack frames: an error's message is left out, since it can quote the data it failed
// on. One JSON object a line; the file is rotated at a size, keeping a few older ones.
import { appendFileSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';

export const LOG_FILE_NAME = 'case-audit.log';
export const LOG_MAX_BYTES = 1024 * 1024;
export const LOG_KEEP = 3;

/** What an entry may hold: plain values chosen by the code, never user input. */
export type LogFields = Record<string, string | number | boolean | null>;

export interface AppLog {
  readonly path: string;
  event(name: string, fields?: LogFields): void;
  error(what: string, error: unknown): void;
  /** The last `count` lines of the current and older files, oldest first. */
  tail(count: number): string[];
}

/** The log folder of the installation whose database is at `databasePath`. */
export const logFolder = (databasePath: string) => join(dirname(databasePath), 'logs');

/** Where an error came from: its kind, its code, and the frames of its stack, without its message. */
export function errorFields(error: unknown): LogFields {
  if (!(error instanceof Error)) return { errorType: typeof error };
  const code = (error as { code?: unknown }).code;
  const frames = (error.stack ?? '')
    .split('\n')
    .filter((line) => /^\s+at /.test(line))
    .slice(0, 8)
    .map((line) => line.trim())
    .join(' | ');
  return { errorType: error.name, code: typeof code === 'string' ? code.slice(0, 80) : null, stack: frames };
}

export function createLog(
  folder: string,
  options: { maxBytes?: number; keep?: number; now?: () => Date } = {},
): AppLog {
  const maxBytes = options.maxBytes ?? LOG_MAX_BYTES;
  const keep = options.keep ?? LOG_KEEP;
  const now = options.now ?? (() => new Date());
  const path = join(folder, LOG_FILE_NAME);
  const older = (n: number) => `${path}.${n}`;

  const rotate = () => {
    rmSync(older(keep), { force: true });
    for (let n = keep - 1; n >= 1; n--) if (existsSync(older(n))) renameSync(older(n), older(n + 1));
    renameSync(path, older(1));
  };
  const write = (entry: Record<string, unknown>) => {
    const line = `${JSON.stringify({ at: now().toISOString(), ...entry })}\n`;
    try {
      mkdirSync(folder, { recursive: true, mode: 0o700 });
      if (existsSync(path) && statSync(path).size + Buffer.byteLength(line) > maxBytes) rotate();
      appendFileSync(path, line, { mode: 0o600 });
    } catch {
      // A log that cannot be written must never stop the work it describes.
    }
  };
  return {
    path,
    event: (name, fields = {}) => write({ level: 'info', event: name, ...fields }),
    error: (what, error) => {
      write({ level: 'error', event: 'failed', what: what.slice(0, 200), ...errorFields(error) });
      console.error(`[case-audit] ${what} failed:`, error);
    },
    tail(count) {
      const lines: string[] = [];
      for (let n = keep; n >= 1; n--) if (existsSync(older(n))) lines.push(...readLines(older(n)));
      if (existsSync(path)) lines.push(...readLines(path));
      return lines.slice(-count);
    },
  };
}

const readLines = (file: string) => readFileSync(file, 'utf8').split('\n').filter(Boolean);

/** Keeps the folder's name from `dirname` for the paths shown on the About screen. */
export const logFolderOf = (log: AppLog) => dirname(log.path);
