import { openApp, type CaseAuditApp } from '../app.js';
import { resolveDatabasePath } from '../paths.js';
import { startNodeServiceProcess } from '../serviceProcess/nodeChild.js';
import type { ServiceProcess } from '../serviceProcess/supervisor.js';
import { obtainDatabaseKey } from '../security/databaseKey.js';
import { passphraseSource } from './passphrase.js';

/** The flags every command that opens the database takes. */
export const DB_FLAGS = {
  db: { type: 'string' },
  'passphrase-file': { type: 'string' },
} as const;

/** Resolves the database path and its key (asking for the passphrase as the rules say), then opens it. */
type DbArgs = { db?: string | undefined; 'passphrase-file'?: string | undefined };

async function keyFor(args: DbArgs): Promise<{ dbPath: string; key: Buffer }> {
  const dbPath = resolveDatabasePath(args.db);
  return { dbPath, key: await obtainDatabaseKey(dbPath, passphraseSource(args['passphrase-file'])) };
}

export async function openForCli(args: DbArgs): Promise<CaseAuditApp> {
  const { dbPath, key } = await keyFor(args);
  // A command ends when its work is done: nothing is left to run in the background.
  return openApp(dbPath, { key, backgroundIndexing: false });
}

/**
 * For long-running hosts: the services in their own process (electron/serviceProcess/), a session
 * there that locks when idle, restarted (locked) if it stops unexpectedly.
 */
export async function openServicesForCli(args: DbArgs): Promise<{ services: ServiceProcess; dbPath: string }> {
  const { dbPath, key } = await keyFor(args);
  return { services: await startNodeServiceProcess({ settings: { dbPath }, key }), dbPath };
}
