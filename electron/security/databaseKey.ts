// Getting the database key for a file: unwrap it from the key file with the passphrase, or, for a
// new database, make one and protect it with a new passphrase.
import { existsSync, statSync } from 'node:fs';
import { keyFilePath, readKeyFile, writeKeyFile } from './keyFile.js';
import { newDatabaseKey, unwrapWithPassphrase, wrapWithPassphrase, type ScryptParams } from './keyWrap.js';

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
    format: 1,
    cipher: 'sqlcipher-4',
    createdAt: new Date().toISOString(),
    wraps: [await wrapWithPassphrase(key, passphrase, scrypt)],
  });
  return key;
}
