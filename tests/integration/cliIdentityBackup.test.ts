// case-audit identity export / import: the real CLI as a subprocess, on real encrypted databases.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/tmp.js';

const CLI = join(import.meta.dirname, '..', '..', 'bin', 'case-audit.js');
const t = tempDir();
const pass = join(t.dir, 'pass.txt');
const backupPass = join(t.dir, 'backup-pass.txt');
const wrongPass = join(t.dir, 'wrong-pass.txt');
const oldLaptop = join(t.dir, 'old.db');
const backup = join(t.dir, 'me.jwe');
const run = (...args: string[]) =>
  spawnSync(process.execPath, [CLI, ...args, '--passphrase-file', pass], {
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, CASE_AUDIT_BACKUP_PASSPHRASE_FILE: '' },
  });
const json = <T>(r: ReturnType<typeof run>): T => {
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as T;
};
type Shown = { identity: { fingerprint: string; name: string } };

let fingerprint: string;
beforeAll(() => {
  writeFileSync(pass, 'a long enough demo passphrase');
  writeFileSync(backupPass, 'another passphrase, for the backup');
  writeFileSync(wrongPass, 'not the backup passphrase');
  fingerprint = json<{ fingerprint: string }>(
    run(
      'identity',
      'create',
      '--db',
      oldLaptop,
      '--name',
      'Quinn QA',
      '--role',
      'Chair',
      '--agency',
      'Northshire',
      '--json',
    ),
  ).fingerprint;
}, 60_000);
afterAll(() => t.cleanup());

describe('case-audit identity export and import', () => {
  it('exports to a new file readable by its owner only, and never overwrites one', () => {
    const out = json<{ out: string; fingerprint: string; encryptionKeys: number }>(
      run('identity', 'export', '--db', oldLaptop, '--out', backup, '--backup-passphrase-file', backupPass, '--json'),
    );
    expect(out).toEqual({ out: backup, fingerprint, encryptionKeys: 1 });
    expect(statSync(backup).mode & 0o777).toBe(0o600);
    const again = run('identity', 'export', '--db', oldLaptop, '--out', backup, '--backup-passphrase-file', backupPass);
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/EEXIST|exists/);
  });

  it('restores the identity on a new laptop, with the same fingerprint', () => {
    const newLaptop = join(t.dir, 'new.db');
    const restored = json<{ restored: string; identity: { fingerprint: string } }>(
      run('identity', 'import', backup, '--db', newLaptop, '--backup-passphrase-file', backupPass, '--json'),
    );
    expect(restored).toMatchObject({ restored: 'new', identity: { fingerprint } });
    expect(json<Shown>(run('identity', 'show', '--db', newLaptop, '--json')).identity.fingerprint).toBe(fingerprint);
    const plain = run('identity', 'import', backup, '--db', newLaptop, '--backup-passphrase-file', backupPass);
    expect(plain.status).toBe(0);
    expect(plain.stdout).toMatch(/already holds every key/);
  });

  it('refuses a wrong passphrase or a malformed file with exit 1, making no database', () => {
    const untouched = join(t.dir, 'untouched.db');
    const wrong = run('identity', 'import', backup, '--db', untouched, '--backup-passphrase-file', wrongPass);
    expect(wrong.status).toBe(1);
    expect(wrong.stderr).toContain(`${backup}: The backup passphrase is wrong`);
    const junk = join(t.dir, 'junk.jwe');
    writeFileSync(junk, '{"keys": []}');
    const malformed = run('identity', 'import', junk, '--db', untouched, '--backup-passphrase-file', backupPass);
    expect(malformed.status).toBe(1);
    expect(malformed.stderr).toMatch(/The identity backup is not valid: it is not a JWE/);
    expect(existsSync(untouched)).toBe(false);
  });

  it('is a usage error (exit 2) without --out, or without a backup passphrase off a terminal', () => {
    expect(run('identity', 'export', '--db', oldLaptop).status).toBe(2);
    const noPass = run('identity', 'import', backup, '--db', join(t.dir, 'x.db'));
    expect(noPass.status).toBe(2);
    expect(noPass.stderr).toMatch(/no backup passphrase/);
  });
});
