// Getting the database key for a file: unwrap it from the key file with the passphrase, or, for a
// new database, make one and protect it with a new passphrase.
import { existsSync, statSync } from 'node:fs';
import { decodeRecoveryKey, encodeRecoveryKey } from '../../shared/recoveryKey.js';
import { KEY_FILE_FORMAT, keyFilePath, putWraps, readKeyFile, writeKeyFile } from './keyFile.js';
import {
  newDatabaseKey,
  newRecoverySecret,
  unwrapWithPassphrase,
  unwrapWithRecoveryKey,
  wrapWithPassphrase,
  wrapWithRecoveryKey,
  WrongRecoveryKeyError,
  type ScryptParams,
} from './keyWrap.js';

import { MIN_PASSPHRASE_LENGTH } from '../../shared/settings.js';

export { MIN_PASSPHRASE_LENGTH };

export type PassphrasePurpose = 'unlock' | 'create';
export type PassphraseSource = (purpose: PassphrasePurpose) => Promise<string>;

export function passphraseProblem(passphrase: string): string | null {
  if (passphrase.length < MIN_PASSPHRASE_LENGTH) {
    return `A passphrase needs at least ${MIN_PASSPHRASE_LENGTH} characters; three random words make a good one.`;
  }
  return null;
}

export function databaseExists(dbPath: string): boolean {
  return existsSync(dbPath) && statSync(dbPath).size > 0;
}

/** The key of an existing database, or a new key (with its key file) for a database not yet made. */
export async function obtainDatabaseKey(
  dbPath: string,
  source: PassphraseSource,
  scrypt?: ScryptParams,
): Promise<Buffer> {
  const keyFile = readKeyFile(dbPath);
  if (keyFile) {
    const wrap = keyFile.wraps.find((w) => w.kind === 'passphrase');
    if (!wrap) {
      throw new Error(
        'This database is protected by the operating system keychain of the desktop app only. Set a passphrase in the app (Settings → Security) to use it from the command line.',
      );
    }
    return unwrapWithPassphrase(wrap, await source('unlock'));
  }
  if (databaseExists(dbPath)) {
    throw new Error(
      `${dbPath} has no key file (${keyFilePath(dbPath)}). The database is encrypted and cannot be opened without it: restore the key file from the same backup as the database.`,
    );
  }
  const passphrase = await source('create');
  const problem = passphraseProblem(passphrase);
  if (problem) throw new Error(problem);
  const key = newDatabaseKey();
  writeKeyFile(dbPath, {
    format: KEY_FILE_FORMAT,
    cipher: 'sqlcipher-4',
    createdAt: new Date().toISOString(),
    wraps: [await wrapWithPassphrase(key, passphrase, scrypt)],
  });
  return key;
}

/** A new database's key, with its key file holding a passphrase wrap and a recovery wrap. */
export async function createDatabaseKey(
  dbPath: string,
  passphrase: string,
  scrypt?: ScryptParams,
): Promise<{ key: Buffer; recoveryKey: string }> {
  if (readKeyFile(dbPath) || databaseExists(dbPath)) throw new Error(`A database already exists at ${dbPath}.`);
  const problem = passphraseProblem(passphrase);
  if (problem) throw new Error(problem);
  const key = newDatabaseKey();
  const secret = newRecoverySecret();
  writeKeyFile(dbPath, {
    format: KEY_FILE_FORMAT,
    cipher: 'sqlcipher-4',
    createdAt: new Date().toISOString(),
    wraps: [await wrapWithPassphrase(key, passphrase, scrypt), wrapWithRecoveryKey(key, secret)],
  });
  return { key, recoveryKey: encodeRecoveryKey(secret) };
}

function keyFileOf(dbPath: string) {
  const file = readKeyFile(dbPath);
  if (!file) throw new Error(`There is no key file (${keyFilePath(dbPath)}): no database to recover here.`);
  return file;
}

/** The key from the passphrase; throws WrongPassphraseError. */
export async function keyFromPassphrase(dbPath: string, passphrase: string): Promise<Buffer> {
  const wrap = keyFileOf(dbPath).wraps.find((w) => w.kind === 'passphrase');
  if (wrap?.kind !== 'passphrase') throw new Error('This database has no passphrase to check.');
  return unwrapWithPassphrase(wrap, passphrase);
}

export const hasRecoveryKey = (dbPath: string): boolean =>
  readKeyFile(dbPath)?.wraps.some((w) => w.kind === 'recovery') ?? false;

/**
 * A new recovery key for an existing database (made before recovery keys, or to replace a lost one):
 * the passphrase proves the right to it; the old recovery key stops working.
 */
export async function newRecoveryKey(dbPath: string, passphrase: string): Promise<string> {
  const key = await keyFromPassphrase(dbPath, passphrase);
  const secret = newRecoverySecret();
  putWraps(dbPath, [wrapWithRecoveryKey(key, secret)]);
  return encodeRecoveryKey(secret);
}

/**
 * The key from the recovery key, and a new passphrase in place of the forgotten one (the recovery key
 * keeps working). Throws WrongRecoveryKeyError.
 */
export async function recoverWithRecoveryKey(
  dbPath: string,
  recoveryKey: string,
  newPassphrase: string,
  scrypt?: ScryptParams,
): Promise<Buffer> {
  const wrap = keyFileOf(dbPath).wraps.find((w) => w.kind === 'recovery');
  if (wrap?.kind !== 'recovery') {
    throw new Error('This database has no recovery key: it was made before recovery keys, and none was added.');
  }
  const secret = decodeRecoveryKey(recoveryKey);
  if (!secret) throw new WrongRecoveryKeyError();
  const key = unwrapWithRecoveryKey(wrap, secret);
  const problem = passphraseProblem(newPassphrase);
  if (problem) throw new Error(problem);
  putWraps(dbPath, [await wrapWithPassphrase(key, newPassphrase, scrypt)]);
  return key;
}
