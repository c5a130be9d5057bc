// case-audit identity export / import: the identity's private keys as a passphrase-encrypted backup
// file (docs/security.md, "Identity backups"), restored on another installation.
import { writeFileSync } from 'node:fs';
import { z } from 'zod';
import { MIN_PASSPHRASE_LENGTH } from '../../../shared/settings.js';
import { MAX_BACKUP_CHARS, readBackup } from '../../crypto/identityBackup.js';
import { apiOver } from '../../rpc/apiClient.js';
import { DB_FLAGS, openForCli } from '../openForCli.js';
import { promptHidden, readPassphraseFile } from '../passphrase.js';
import { openExisting, readSmallFile, withApp } from '../subcommands.js';
import { parseCommand, UsageError } from '../usage.js';

export const identityBackupHelp = `case-audit identity export --out FILE [--backup-passphrase-file FILE] [--db PATH] [--json]
case-audit identity import FILE [--backup-passphrase-file FILE] [--db PATH] [--json]
  export: writes this identity's private keys (signing, encryption, and encryption keys kept after
  rotation) to a new file, encrypted with a backup passphrase of its own (at least ${MIN_PASSPHRASE_LENGTH} characters).
  import: restores an identity from such a file, e.g. on a new laptop (a new database is made if
  there is none); an installation with the same identity gains any key it lacked.
  The backup passphrase is asked for on a terminal, or read from --backup-passphrase-file
  (or CASE_AUDIT_BACKUP_PASSPHRASE_FILE); never from the command line.`;

const FLAGS = {
  ...DB_FLAGS,
  json: { type: 'boolean' },
  'backup-passphrase-file': { type: 'string' },
} as const;
const common = {
  db: z.string().min(1).optional(),
  'passphrase-file': z.string().min(1).optional(),
  'backup-passphrase-file': z.string().min(1).optional(),
  json: z.boolean().optional(),
};

async function backupPassphrase(flag: string | undefined, confirm: boolean): Promise<string> {
  const file = flag ?? process.env.CASE_AUDIT_BACKUP_PASSPHRASE_FILE;
  if (file) return readPassphraseFile(file);
  if (!process.stdin.isTTY)
    throw new UsageError(
      'no backup passphrase: run this on a terminal to be asked for it, or name a file holding it with --backup-passphrase-file PATH (or CASE_AUDIT_BACKUP_PASSPHRASE_FILE)',
    );
  if (!confirm) return promptHidden('Passphrase of the identity backup: ');
  const first = await promptHidden(
    `Choose a passphrase for the backup (at least ${MIN_PASSPHRASE_LENGTH} characters; not the database's): `,
  );
  if ((await promptHidden('Type it again: ')) !== first) throw new UsageError('the two passphrases differ');
  return first;
}

export async function identityExport(argv: string[]): Promise<number> {
  const args = parseCommand(
    argv,
    { ...FLAGS, out: { type: 'string' } },
    z.object({
      ...common,
      out: z.string({ error: 'name the new backup file with --out FILE' }).min(1),
      positionals: z.array(z.string()).max(0),
    }),
  );
  return withApp(await openExisting(args), async (app) => {
    const api = apiOver(app.dispatch);
    if (!(await api['identity.get']({})))
      throw new Error('This installation has no identity yet: make one with case-audit identity create.');
    const passphrase = await backupPassphrase(args['backup-passphrase-file'], true);
    const backup = await api['identity.exportBackup']({ passphrase });
    // Never overwrites (an older backup may hold a key this one no longer does); readable by its owner only.
    writeFileSync(args.out, backup.text, { flag: 'wx', mode: 0o600 });
    if (args.json)
      console.log(
        JSON.stringify({ out: args.out, fingerprint: backup.fingerprint, encryptionKeys: backup.encryptionKeys }),
      );
    else {
      console.log(
        `Wrote the identity backup to ${args.out}: the signing key (fingerprint ${backup.fingerprint}) and ${backup.encryptionKeys} encryption key${backup.encryptionKeys === 1 ? '' : 's'}.`,
      );
      console.log('Keep the file and its passphrase apart: together they are the identity.');
    }
    return 0;
  });
}

export async function identityImport(argv: string[]): Promise<number> {
  const args = parseCommand(
    argv,
    FLAGS,
    z.object({ ...common, positionals: z.array(z.string()).length(1, 'name one identity backup file') }),
    true,
  );
  const file = args.positionals[0]!;
  // The file is read (and its size checked) before anything is opened or asked for.
  const text = readSmallFile(file, MAX_BACKUP_CHARS, 'an identity backup', 'Nothing was restored.');
  const passphrase = await backupPassphrase(args['backup-passphrase-file'], false);
  const named = (e: unknown) => new Error(`${file}: ${(e as Error).message}`);
  // Checked before a database is opened (or made): a refused file leaves nothing behind.
  await readBackup(text, passphrase).catch((e: unknown) => {
    throw named(e);
  });
  return withApp(await openForCli(args), async (app) => {
    let restored;
    try {
      restored = await apiOver(app.dispatch)['identity.importBackup']({ backup: text, passphrase });
    } catch (e) {
      throw named(e);
    }
    const { identity, keysAdded } = restored;
    if (args.json) console.log(JSON.stringify(restored));
    else if (restored.restored === 'new')
      console.log(
        `Restored the identity of ${identity.name}, ${identity.role}, ${identity.agency} (fingerprint ${identity.fingerprint}): ${keysAdded} keys.`,
      );
    else
      console.log(
        keysAdded === 0
          ? `This installation already holds every key in ${file}; nothing changed.`
          : `Added ${keysAdded} encryption key${keysAdded === 1 ? '' : 's'} from ${file} to the identity of ${identity.name}.`,
      );
    return 0;
  });
}
