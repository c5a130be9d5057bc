import type { Api } from '../../shared/contract.js';
import { resolveDatabasePath } from '../paths.js';
import { apiOver } from '../rpc/apiClient.js';
import type { Dispatch } from '../rpc/dispatch.js';
import { startNodeServiceProcess } from '../serviceProcess/nodeChild.js';
import type { ServiceProcess } from '../serviceProcess/supervisor.js';
import type { TaskName } from '../serviceProcess/tasks.js';
import { obtainDatabaseKey } from '../security/databaseKey.js';
import { passphraseSource } from './passphrase.js';

/** The flags every command that opens the database takes. */
export const DB_FLAGS = {
  db: { type: 'string' },
  'passphrase-file': { type: 'string' },
} as const;

type DbArgs = { db?: string | undefined; 'passphrase-file'?: string | undefined };

/** Resolves the database path and its key, asking for the passphrase here (the terminal is this process's). */
async function keyFor(args: DbArgs): Promise<{ dbPath: string; key: Buffer }> {
  const dbPath = resolveDatabasePath(args.db);
  return { dbPath, key: await obtainDatabaseKey(dbPath, passphraseSource(args['passphrase-file'])) };
}

/** A one-shot command's services: in the service process, reached through the same protocol as the app's. */
export interface CliServices {
  dbPath: string;
  dispatch: Dispatch;
  /** The typed client over `dispatch`: a refusal throws, with the service's message. */
  api: Api;
  /** One of the command line's tasks (electron/serviceProcess/tasks.ts); a refusal throws its message. */
  task(name: TaskName, input: unknown, onProgress?: (payload: unknown) => void): Promise<unknown>;
  close(): Promise<void>;
}

/**
 * Opens the database for a one-shot command. The services run in their own process, as they do for
 * the desktop app and `case-audit serve`, so the command line exercises the code path the app uses;
 * the passphrase is read here and only the key, never on a command line, goes to the child in its
 * first message. The session does not lock when idle (the command ends when its work is done), runs
 * nothing in the background, and is not restarted if it stops: the command reports it and fails.
 */
export async function openForCli(args: DbArgs, options: { dailyBackup?: boolean } = {}): Promise<CliServices> {
  const { dbPath, key } = await keyFor(args);
  const services = await startNodeServiceProcess({
    settings: {
      dbPath,
      backgroundIndexing: false,
      idleLock: false,
      ...(options.dailyBackup === false ? { dailyBackup: false } : {}),
    },
    key,
    restart: false,
  });
  return {
    dbPath,
    dispatch: services.dispatch,
    api: apiOver(services.dispatch),
    task: async (name, input, onProgress) => {
      const r = await services.task(name, input, onProgress);
      if (!r.ok) throw new Error(r.error.message);
      return r.value;
    },
    close: () => services.close(),
  };
}

/**
 * For long-running hosts: the services in their own process (electron/serviceProcess/), a session
 * there that locks when idle, restarted (locked) if it stops unexpectedly.
 */
export async function openServicesForCli(args: DbArgs): Promise<{ services: ServiceProcess; dbPath: string }> {
  const { dbPath, key } = await keyFor(args);
  return { services: await startNodeServiceProcess({ settings: { dbPath }, key }), dbPath };
}
