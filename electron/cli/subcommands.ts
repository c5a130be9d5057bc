// Helpers for the commands that group several actions under one name (identity, trust, templates):
// picking the action, opening a database that must already exist, reading a small input file.
import { readFileSync, statSync } from 'node:fs';
import { resolveDatabasePath } from '../paths.js';
import { databaseExists } from '../security/databaseKey.js';
import { openForCli, type CliServices } from './openForCli.js';
import { UsageError } from './usage.js';

export type Action = (argv: string[]) => Promise<number>;

/** Runs the action named by the first argument; a missing or unknown one is a usage error. */
export function runAction(command: string, actions: Record<string, Action>, argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  const names = Object.keys(actions).join(', ');
  if (name === undefined) throw new UsageError(`name what to do: ${names}`);
  const action = Object.hasOwn(actions, name) ? actions[name] : undefined;
  if (!action) throw new UsageError(`unknown action "${command} ${name}" (one of: ${names})`);
  return action(rest);
}

type DbArgs = { db?: string | undefined; 'passphrase-file'?: string | undefined };

/** Opens the database for a command that reads or changes one: a missing file is not made afresh. */
export async function openExisting(args: DbArgs): Promise<CliServices> {
  const dbPath = resolveDatabasePath(args.db);
  if (!databaseExists(dbPath)) throw new Error(`There is no database at ${dbPath}.`);
  return openForCli(args);
}

/** Runs `fn` on the command's services, and always closes them (the service process ends). */
export async function withApp<T>(app: CliServices, fn: (app: CliServices) => Promise<T>): Promise<T> {
  try {
    return await fn(app);
  } finally {
    await app.close();
  }
}

/**
 * Reads a text file someone handed over, refusing one larger than `maxBytes` before reading it;
 * `refused` says what was not done ("Nothing was imported.").
 */
export function readSmallFile(path: string, maxBytes: number, what: string, refused: string): string {
  let size: number;
  try {
    size = statSync(path).size;
  } catch {
    throw new Error(`${path}: cannot read the file. ${refused}`);
  }
  if (size > maxBytes)
    throw new Error(`${path}: ${size} bytes is too large for ${what} (at most ${maxBytes}). ${refused}`);
  return readFileSync(path, 'utf8');
}
