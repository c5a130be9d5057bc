// case-audit recover: a forgotten passphrase replaced by means of the recovery key, or (--new-key)
// a recovery key made for a database that has none. Secrets come from a terminal or from files, never argv.
import { closeSync, fsyncSync, openSync, rmSync, writeSync } from 'node:fs';
import { z } from 'zod';
import { openDatabase } from '../../../db/open.js';
import { findRecoveryKey, recoveryFileText } from '../../../shared/recoveryKey.js';
import { resolveDatabasePath } from '../../paths.js';
import { databaseExists, newRecoveryKey, recoverWithRecoveryKey } from '../../security/databaseKey.js';
import { passphraseSource, promptHidden, readPassphraseFile } from '../passphrase.js';
import { DB_FLAGS } from '../openForCli.js';
import { parseCommand, UsageError } from '../usage.js';

export const recoverHelp = `case-audit recover [--db PATH] [--recovery-key-file FILE] [--passphrase-file FILE] [--json]
case-audit recover --new-key [--out FILE] [--db PATH] [--passphrase-file FILE] [--json]
  With a forgotten passphrase: the recovery key given when the database was made opens it, and a
  new passphrase is set (the recovery key keeps working). The recovery key is asked for on a
  terminal or read from --recovery-key-file (a saved recovery file as it is); the new passphrase is
  asked for twice, or read from --passphrase-file. Exit 1 when the recovery key is wrong.
  --new-key: asks for the passphrase and makes a new recovery key (for a database made before
  recovery keys, or when one is lost; the old one stops working), printed, and written to --out
  as a recovery file when given.`;

const FLAGS = {
  ...DB_FLAGS,
  'recovery-key-file': { type: 'string' },
  'new-key': { type: 'boolean' },
  out: { type: 'string' },
  json: { type: 'boolean' },
} as const;

const schema = z
  .object({
    db: z.string().min(1).optional(),
    'passphrase-file': z.string().min(1).optional(),
    'recovery-key-file': z.string().min(1).optional(),
    'new-key': z.boolean().optional(),
    out: z.string().min(1).optional(),
    json: z.boolean().optional(),
    positionals: z.array(z.string()).max(0),
  })
  .refine((a) => !(a['new-key'] && a['recovery-key-file']), {
    path: ['recovery-key-file'],
    message: 'is for recovering; --new-key makes a new recovery key',
  })
  .refine((a) => a['new-key'] || !a.out, { path: ['out'], message: 'is only for --new-key' });

async function recoveryKeyFrom(file: string | undefined): Promise<string> {
  if (file) return findRecoveryKey(readPassphraseFile(file));
  if (!process.stdin.isTTY) {
    throw new UsageError(
      'no recovery key: run this on a terminal to be asked for it, or name its file with --recovery-key-file PATH.',
    );
  }
  return promptHidden('Recovery key (XXXX-XXXX-…): ');
}

/**
 * Creates the recovery file before the key is changed (a new file only, readable by its owner alone):
 * a file that cannot be written must not leave a new recovery key nobody has.
 */
function createRecoveryFile(path: string): { write: (text: string) => void; discard: () => void } {
  let fd: number;
  try {
    fd = openSync(path, 'wx', 0o600);
  } catch (e) {
    const why = (e as NodeJS.ErrnoException).code === 'EEXIST' ? 'it exists already' : (e as Error).message;
    throw new Error(`Cannot write the recovery file ${path}: ${why}.`);
  }
  return {
    write: (text) => {
      try {
        writeSync(fd, text);
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
    },
    discard: () => {
      closeSync(fd);
      rmSync(path, { force: true });
    },
  };
}

// Recovering rewrites the database's key file with a recovery key or a passphrase, before any
// session could open it, and calls no service: it runs here, with no service process.
export async function recover(argv: string[]): Promise<number> {
  const args = parseCommand(argv, FLAGS, schema);
  const dbPath = resolveDatabasePath(args.db);
  if (!databaseExists(dbPath)) throw new Error(`There is no database at ${dbPath}.`);

  if (args['new-key']) {
    const passphrase = await passphraseSource(args['passphrase-file'])('unlock');
    const out = args.out ? createRecoveryFile(args.out) : null;
    let recoveryKey: string;
    try {
      recoveryKey = await newRecoveryKey(dbPath, passphrase);
    } catch (e) {
      out?.discard();
      throw e;
    }
    out?.write(recoveryFileText(recoveryKey, new Date().toISOString()));
    if (args.json) console.log(JSON.stringify({ database: dbPath, recoveryKey, file: args.out ?? null }));
    else {
      console.log(`New recovery key for ${dbPath}:\n\n  ${recoveryKey}\n`);
      console.log('Write it down or keep the file somewhere safe, away from this computer. It is not shown again.');
      if (args.out) console.log(`Saved to ${args.out}.`);
    }
    return 0;
  }

  const recoveryKey = await recoveryKeyFrom(args['recovery-key-file']);
  const passphrase = await passphraseSource(args['passphrase-file'])('create');
  const key = await recoverWithRecoveryKey(dbPath, recoveryKey, passphrase);
  // Opened once with the recovered key: it is the database's (and an old-format file is converted).
  openDatabase(dbPath, { key }).close();
  if (args.json) console.log(JSON.stringify({ database: dbPath, recovered: true }));
  else console.log(`Recovered ${dbPath}: the new passphrase is set; the old one no longer opens it.`);
  return 0;
}
