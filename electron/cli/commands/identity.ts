// case-audit identity show / create: this installation's identity, through the same services the app uses.
import { writeFileSync } from 'node:fs';
import { z } from 'zod';
import { personSchema } from '../../../shared/identity.js';
import { safetyNumber } from '../../../shared/safetyNumber.js';
import { apiOver } from '../../rpc/apiClient.js';
import { DB_FLAGS, openForCli } from '../openForCli.js';
import { identityBackupHelp, identityExport, identityImport } from './identityBackup.js';
import { openExisting, runAction, withApp } from '../subcommands.js';
import { parseCommand } from '../usage.js';

export const identityHelp = `case-audit identity show [--out CARD.json] [--db PATH] [--json]
case-audit identity create --name NAME --role ROLE --agency ORGANISATION [--db PATH] [--json]
  show: who this installation signs as, the key's safety number (what others confirm when they
  enrol it) and fingerprint, and the identity card (the public file others enrol to trust its
  signatures or encrypt to it); --out writes the card to a new file.
  create: makes the identity (an Ed25519 signing key and an X25519 key for encrypted bundles);
  refused when the installation already has one. A new database is made if there is none.
${identityBackupHelp}`;

const dbArgs = {
  db: z.string().min(1).optional(),
  'passphrase-file': z.string().min(1).optional(),
  json: z.boolean().optional(),
};
const FLAGS = { ...DB_FLAGS, json: { type: 'boolean' } } as const;

const required = (flag: string, value: string) => z.string({ error: `give --${flag} ${value}` });

/** Four groups of the fingerprint to a line, as the app shows it, so it can be read aloud. */
export function fingerprintLines(fingerprint: string, indent: string): string {
  const groups = fingerprint.split(' ');
  const rows: string[] = [];
  for (let i = 0; i < groups.length; i += 4) rows.push(groups.slice(i, i + 4).join(' '));
  return rows.join(`\n${indent}`);
}

async function show(argv: string[]): Promise<number> {
  const args = parseCommand(
    argv,
    { ...FLAGS, out: { type: 'string' } },
    z.object({ ...dbArgs, out: z.string().min(1).optional(), positionals: z.array(z.string()).max(0) }),
  );
  return withApp(await openExisting(args), async (app) => {
    const api = apiOver(app.dispatch);
    const identity = await api['identity.get']({});
    if (!identity) throw new Error('This installation has no identity yet: make one with case-audit identity create.');
    const { card, json, fileName } = await api['identity.card']({});
    // Never overwrites: a card file is handed to other people, and a stale one must not be replaced silently.
    if (args.out) writeFileSync(args.out, json, { flag: 'wx', mode: 0o644 });
    if (args.json) {
      const safety = safetyNumber(identity.fingerprint);
      console.log(
        JSON.stringify({ identity, safetyNumber: safety, card, fileName, ...(args.out ? { out: args.out } : {}) }),
      );
      return 0;
    }
    console.log(`${identity.name}, ${identity.role}, ${identity.agency} (since ${identity.createdAt.slice(0, 10)})`);
    console.log(`Safety number: ${safetyNumber(identity.fingerprint)}`);
    console.log(`Fingerprint:   ${fingerprintLines(identity.fingerprint, '               ')}`);
    if (args.out) console.log(`Wrote the identity card to ${args.out}.`);
    else {
      console.log(`\nIdentity card (save it as ${fileName} and give it to the people who enrol your key):`);
      process.stdout.write(json);
    }
    return 0;
  });
}

async function create(argv: string[]): Promise<number> {
  const args = parseCommand(
    argv,
    { ...FLAGS, name: { type: 'string' }, role: { type: 'string' }, agency: { type: 'string' } },
    z.object({
      ...dbArgs,
      name: required('name', 'NAME').pipe(personSchema.shape.name),
      role: required('role', 'ROLE').pipe(personSchema.shape.role),
      agency: required('agency', 'ORGANISATION').pipe(personSchema.shape.agency),
      positionals: z.array(z.string()).max(0),
    }),
  );
  return withApp(await openForCli(args), async (app) => {
    const identity = await apiOver(app.dispatch)['identity.create']({
      name: args.name,
      role: args.role,
      agency: args.agency,
    });
    if (args.json) console.log(JSON.stringify({ ...identity, safetyNumber: safetyNumber(identity.fingerprint) }));
    else {
      console.log(`Created the identity of ${identity.name}, ${identity.role}, ${identity.agency}.`);
      console.log(`Safety number: ${safetyNumber(identity.fingerprint)}`);
      console.log(`Fingerprint:   ${fingerprintLines(identity.fingerprint, '               ')}`);
      console.log('Give your identity card (case-audit identity show --out FILE) to the people who enrol your key.');
    }
    return 0;
  });
}

export function identity(argv: string[]): Promise<number> {
  return runAction('identity', { show, create, export: identityExport, import: identityImport }, argv);
}
