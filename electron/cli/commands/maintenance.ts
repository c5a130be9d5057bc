// case-audit backup / restore / check
import { z } from 'zod';
import { resolveDatabasePath } from '../../paths.js';
import { databaseExists } from '../../security/databaseKey.js';
import type { BackupInfo } from '../../../db/backup.js';
import { checkFile, describeReport, keyForFile, restoreBackup } from '../../maintenance.js';
import { passphraseSource } from '../passphrase.js';
import { DB_FLAGS, openForCli } from '../openForCli.js';
import { parseCommand } from '../usage.js';

const dbArgs = {
  db: z.string().min(1).optional(),
  'passphrase-file': z.string().min(1).optional(),
  json: z.boolean().optional(),
};
const FLAGS = { ...DB_FLAGS, json: { type: 'boolean' } } as const;

async function existingDb(args: { db?: string | undefined; 'passphrase-file'?: string | undefined }) {
  const dbPath = resolveDatabasePath(args.db);
  if (!databaseExists(dbPath)) throw new Error(`There is no database at ${dbPath}.`);
  const passphrase = await passphraseSource(args['passphrase-file'])('unlock');
  return { dbPath, passphrase, key: await keyForFile(dbPath, passphrase) };
}

export const checkHelp = `case-audit check [--db PATH] [--json]
  Checks the database: SQLite integrity, references, and the hash chain of the change log,
  reporting the first record that was altered or removed. Exit 1 when any check fails.`;

// Checking reads the file read-only without migrating it and uses no service: opening a session
// would migrate the file and install the built-in templates before it was checked, so it runs here.
export async function check(argv: string[]): Promise<number> {
  const args = parseCommand(argv, FLAGS, z.object({ ...dbArgs, positionals: z.array(z.string()).max(0) }));
  const { dbPath, key } = await existingDb(args);
  const report = checkFile(dbPath, key);
  if (args.json) console.log(JSON.stringify({ database: dbPath, ...report }));
  else console.log(`${report.ok ? 'OK' : 'FAILED'}: ${dbPath}: ${describeReport(report)}`);
  return report.ok ? 0 : 1;
}

export const backupHelp = `case-audit backup [--db PATH] [--json]
  Makes a backup now (encrypted, as the database is) in the backups folder beside the database.
  The app also makes one daily and one before every migration, and keeps the newest of each.`;

export async function backup(argv: string[]): Promise<number> {
  const args = parseCommand(argv, FLAGS, z.object({ ...dbArgs, positionals: z.array(z.string()).max(0) }));
  const dbPath = resolveDatabasePath(args.db);
  if (!databaseExists(dbPath)) throw new Error(`There is no database at ${dbPath}.`);
  // Made by the service process on its open database (no daily backup besides the one asked for).
  const app = await openForCli(args, { dailyBackup: false });
  let info: BackupInfo;
  try {
    info = (await app.task('backups.now', {})) as BackupInfo;
  } finally {
    await app.close();
  }
  if (args.json) console.log(JSON.stringify(info));
  else console.log(`Backed up ${dbPath} to ${info.file} (${info.bytes} bytes).`);
  return 0;
}

export const restoreHelp = `case-audit restore BACKUP [--db PATH] [--json]
  Restores a backup over the database after checking it opens with the passphrase and passes
  every check. The database it replaces is kept as a 'pre-restore' backup.`;

// Restoring replaces the database file as a whole, which no open session may hold, and checks the
// backup read-only first: it runs here, with no service process.
export async function restore(argv: string[]): Promise<number> {
  const args = parseCommand(
    argv,
    FLAGS,
    z.object({ ...dbArgs, positionals: z.array(z.string()).length(1, 'name one backup file to restore') }),
    true,
  );
  const dbPath = resolveDatabasePath(args.db);
  const passphrase = await passphraseSource(args['passphrase-file'])('unlock');
  const { report, kept } = await restoreBackup(dbPath, args.positionals[0]!, passphrase);
  if (args.json)
    console.log(JSON.stringify({ restored: args.positionals[0], database: dbPath, kept: kept?.file ?? null, report }));
  else {
    console.log(`Restored ${args.positionals[0]} to ${dbPath} (${describeReport(report)}).`);
    if (kept) console.log(`The database it replaced is kept at ${kept.file}.`);
  }
  return 0;
}
