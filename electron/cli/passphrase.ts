// Where the CLI and the browser host get the passphrase: a file named by --passphrase-file or
// CASE_AUDIT_PASSPHRASE_FILE (for unattended use), else a hidden prompt on a terminal. Never argv.
import { readFileSync, statSync } from 'node:fs';
import type { PassphrasePurpose, PassphraseSource } from '../security/databaseKey.js';
import { UsageError } from './usage.js';

const MAX_FILE_BYTES = 4096;

export function readPassphraseFile(path: string): string {
  let size: number;
  try {
    size = statSync(path).size;
  } catch {
    throw new UsageError(`passphrase-file: cannot read ${path}`);
  }
  if (size > MAX_FILE_BYTES) throw new UsageError(`passphrase-file: ${path} is larger than a passphrase file can be`);
  const text = readFileSync(path, 'utf8').replace(/\r?\n$/, '');
  if (text === '') throw new UsageError(`passphrase-file: ${path} is empty`);
  return text;
}

export function promptHidden(question: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const stdin = process.stdin;
    process.stderr.write(question);
    stdin.setRawMode(true);
    stdin.resume();
    stdin.setEncoding('utf8');
    let value = '';
    const done = (err?: Error) => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.off('data', onData);
      process.stderr.write('\n');
      if (err) reject(err);
      else resolve(value);
    };
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n') return done();
        if (ch === '\u0003') return done(new Error('Cancelled.'));
        if (ch === '\u007f' || ch === '\b') value = value.slice(0, -1);
        else value += ch;
      }
    };
    stdin.on('data', onData);
  });
}

export function passphraseSource(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): PassphraseSource {
  const file = flag ?? env.CASE_AUDIT_PASSPHRASE_FILE;
  return async (purpose: PassphrasePurpose) => {
    if (file) return readPassphraseFile(file);
    if (!process.stdin.isTTY) {
      throw new UsageError(
        'no passphrase: run this on a terminal to be asked for it, or name a file holding it with --passphrase-file PATH (or CASE_AUDIT_PASSPHRASE_FILE). It is never taken from the command line.',
      );
    }
    if (purpose === 'unlock') return promptHidden('Passphrase for the Case Audit database: ');
    const first = await promptHidden('Choose a passphrase for the new database (at least 12 characters): ');
    const second = await promptHidden('Type it again: ');
    if (first !== second) throw new UsageError('the two passphrases do not match');
    return first;
  };
}
