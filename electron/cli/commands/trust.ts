// case-audit trust list / add / revoke: the keys this installation trusts, through the app's services.
import { createInterface } from 'node:readline/promises';
import { z } from 'zod';
import type { IdentityCard, TrustedKey } from '../../../shared/identity.js';
import { safetyNumber } from '../../../shared/safetyNumber.js';
import { apiOver } from '../../rpc/apiClient.js';
import { parseIdentityCard } from '../../services/identityService.js';
import { DB_FLAGS } from '../openForCli.js';
import { openExisting, readSmallFile, runAction, withApp } from '../subcommands.js';
import { parseCommand, UsageError } from '../usage.js';
import { fingerprintLines } from './identity.js';

export const trustHelp = `case-audit trust list [--db PATH] [--json]
case-audit trust add CARD.json --confirm-fingerprint SAFETY-NUMBER [--recipient] [--db PATH] [--json]
case-audit trust revoke FINGERPRINT --reason TEXT [--db PATH] [--json]
  list: the trusted keys with their state (trusted, QA recipient, or revoked).
  add: enrols a person's identity card once its safety number (12 groups of five digits) or its
  full fingerprint, read out by its owner by phone or in person, is given with
  --confirm-fingerprint (spacing does not matter), or typed when asked on a terminal; a different
  one is refused and nothing is enrolled. --recipient makes it the QA
  sub-committee's key, the one exported bundles are encrypted to.
  revoke: the key's bundles are no longer accepted; it cannot be enrolled again.`;

/** An identity card is a small JSON file (the contract's limit for its text). */
const MAX_CARD_BYTES = 20_000;

const dbArgs = {
  db: z.string().min(1).optional(),
  'passphrase-file': z.string().min(1).optional(),
  json: z.boolean().optional(),
};
const FLAGS = { ...DB_FLAGS, json: { type: 'boolean' } } as const;

/** The fingerprint as 64 hex digits, or null when `text` is not one (any spacing, colons or case). */
export function fingerprintDigits(text: string): string | null {
  const digits = text.replace(/[\s:-]/g, '').toLowerCase();
  return /^[0-9a-f]{64}$/.test(digits) ? digits : null;
}

/** The stored form: 16 groups of four. */
const grouped = (digits: string) => digits.match(/.{4}/g)!.join(' ');

/** The safety number's 60 digits, or null when `text` is not one (any spacing). */
export function safetyDigits(text: string): string | null {
  const digits = text.replace(/[\s-]/g, '');
  return /^[0-9]{60}$/.test(digits) ? digits : null;
}

/**
 * Whether what the person typed is the card's key: its fingerprint, or its safety number (the short
 * form people read over the phone), in any spacing. Null when it is neither form.
 */
export function confirms(fingerprint: string, given: string): boolean | null {
  const safety = safetyDigits(given);
  if (safety !== null) return safety === safetyNumber(fingerprint).replace(/ /g, '');
  const digits = fingerprintDigits(given);
  if (digits !== null) return grouped(digits) === fingerprint;
  return null;
}

export type TrustState = 'trusted' | 'recipient' | 'revoked';
export const stateOf = (k: TrustedKey): TrustState =>
  k.revokedAt ? 'revoked' : k.isRecipient ? 'recipient' : 'trusted';

const withState = (k: TrustedKey) => ({ ...k, safetyNumber: safetyNumber(k.fingerprint), state: stateOf(k) });

function describeState(k: TrustedKey): string {
  if (k.revokedAt) return `revoked ${k.revokedAt.slice(0, 10)}${k.revokedReason ? ` (${k.revokedReason})` : ''}`;
  return k.isRecipient ? 'trusted, QA recipient' : 'trusted';
}

async function list(argv: string[]): Promise<number> {
  const args = parseCommand(argv, FLAGS, z.object({ ...dbArgs, positionals: z.array(z.string()).max(0) }));
  return withApp(await openExisting(args), async (app) => {
    const keys = await apiOver(app.dispatch)['trust.list']({});
    if (args.json) console.log(JSON.stringify(keys.map(withState)));
    else if (keys.length === 0) console.log('No trusted keys. Enrol one with case-audit trust add CARD.json.');
    else
      for (const k of keys)
        console.log(
          `${k.fingerprint}  ${describeState(k)}: ${k.name}, ${k.role}, ${k.agency} (enrolled ${k.enrolledAt.slice(0, 10)})`,
        );
    return 0;
  });
}

async function askForFingerprint(card: IdentityCard): Promise<string> {
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    process.stderr.write(
      `Enrolling ${card.name}, ${card.role}, ${card.agency}.\n` +
        `Ask ${card.name} to read you their safety number (by phone or in person), and type it here.\n`,
    );
    return await rl.question('Safety number as they read it: ');
  } finally {
    rl.close();
  }
}

async function add(argv: string[]): Promise<number> {
  const args = parseCommand(
    argv,
    { ...FLAGS, 'confirm-fingerprint': { type: 'string' }, recipient: { type: 'boolean' } },
    z.object({
      ...dbArgs,
      'confirm-fingerprint': z.string().min(1).optional(),
      recipient: z.boolean().optional(),
      positionals: z.array(z.string()).length(1, 'name one identity card file'),
    }),
    true,
  );
  const file = args.positionals[0]!;
  // The card is checked (schema, fingerprint, self-signature) before the database is even opened.
  const text = readSmallFile(file, MAX_CARD_BYTES, 'an identity card', 'Nothing was enrolled.');
  let card: IdentityCard;
  try {
    card = parseIdentityCard(text);
  } catch (e) {
    throw new Error(`${file}: ${(e as Error).message} Nothing was enrolled.`);
  }
  let given = args['confirm-fingerprint'];
  if (given === undefined) {
    if (!process.stdin.isTTY)
      throw new UsageError(
        'confirm the key: give --confirm-fingerprint with the fingerprint its owner read out to you (by phone or in person)',
      );
    given = await askForFingerprint(card);
  }
  const match = confirms(card.fingerprint, given);
  if (match === null)
    throw new UsageError(
      'confirm-fingerprint: give the safety number (12 groups of five digits) or the fingerprint (64 hex digits)',
    );
  if (!match)
    throw new Error(
      `${file}: the card's key is not the one you confirmed; nothing was enrolled. ` +
        `Check with ${card.name} that you have their card and read the fingerprint again.`,
    );
  return withApp(await openExisting(args), async (app) => {
    // The comparison was made just above, against what its owner read out.
    const key = await apiOver(app.dispatch)['trust.enrol']({
      card: text,
      asRecipient: args.recipient ?? false,
      safetyNumberCompared: true,
    });
    if (args.json) console.log(JSON.stringify(withState(key)));
    else {
      console.log(`Enrolled ${key.name}, ${key.role}, ${key.agency}: ${describeState(key)}.`);
      console.log(`Safety number: ${safetyNumber(key.fingerprint)}`);
      console.log(`Fingerprint:   ${fingerprintLines(key.fingerprint, '               ')}`);
      if (key.isRecipient) console.log('Bundles exported from here are now encrypted to this key.');
    }
    return 0;
  });
}

async function revoke(argv: string[]): Promise<number> {
  const args = parseCommand(
    argv,
    { ...FLAGS, reason: { type: 'string' } },
    z.object({
      ...dbArgs,
      reason: z.string({ error: 'say why the key is revoked with --reason TEXT' }).trim().min(1).max(1000),
      positionals: z.array(z.string()).length(1, 'name the fingerprint of one trusted key'),
    }),
    true,
  );
  const digits = fingerprintDigits(args.positionals[0]!);
  if (digits === null) throw new UsageError('fingerprint: must be a key fingerprint (64 hex digits, spaces allowed)');
  return withApp(await openExisting(args), async (app) => {
    const key = await apiOver(app.dispatch)['trust.revoke']({ fingerprint: grouped(digits), reason: args.reason });
    if (args.json) console.log(JSON.stringify(withState(key)));
    else console.log(`Revoked the key of ${key.name}, ${key.agency}: its bundles are no longer accepted.`);
    return 0;
  });
}

export function trust(argv: string[]): Promise<number> {
  return runAction('trust', { list, add, revoke }, argv);
}
