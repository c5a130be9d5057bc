import { spawn, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/tmp.js';

// The real CLI as a subprocess, from the built output (`npm run build` runs before the tests).
const CLI = join(import.meta.dirname, '..', '..', 'bin', 'case-audit.js');
const run = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', timeout: 30_000 });
const tmp = tempDir();
afterAll(() => tmp.cleanup());
const passFile = join(tmp.dir, 'passphrase.txt');
writeFileSync(passFile, 'correct horse battery staple\n');

describe('case-audit CLI', () => {
  it('prints help with exit 0, and usage errors exit 2', () => {
    const help = run('--help');
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('case-audit serve');
    expect(run().status).toBe(2);
    const unknown = run('frobnicate');
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('unknown command "frobnicate"');
    const badPort = run('serve', '--port', 'eighty');
    expect(badPort.status).toBe(2);
    expect(badPort.stderr).toContain('port: must be a whole number');
    expect(run('serve', '--nope').status).toBe(2);
  });

  it('serve prints one line with the address and token, then serves the API until stopped', async () => {
    const child = spawn(
      process.execPath,
      [CLI, 'serve', '--db', join(tmp.dir, 'cli.db'), '--port', '0', '--passphrase-file', passFile],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (c: Buffer) => {
        out += c.toString();
        const m = /Case Audit is running at (http:\/\/127\.0\.0\.1:\d+\/#token=\S+)/.exec(out);
        if (m) resolve(m[1]!);
      });
      child.on('exit', (code) => reject(new Error(`exited ${code}: ${out}`)));
    });
    const { origin, hash } = new URL(url);
    const token = hash.replace('#token=', '');
    const res = await fetch(`${origin}/rpc/app.info`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(await res.json()).toMatchObject({ ok: true, value: { databasePath: join(tmp.dir, 'cli.db') } });
    const exited = new Promise<number | null>((r) => child.on('exit', r));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });

  it('uses CASE_AUDIT_DB when --db is not given', async () => {
    const dbPath = join(tmp.dir, 'env.db');
    const child = spawn(process.execPath, [CLI, 'serve'], {
      env: { ...process.env, CASE_AUDIT_DB: dbPath, CASE_AUDIT_PASSPHRASE_FILE: passFile },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const out = await new Promise<string>((resolve) => {
      let text = '';
      child.stdout.on('data', (c: Buffer) => {
        text += c.toString();
        if (text.includes('Database:')) resolve(text);
      });
    });
    child.kill('SIGTERM');
    expect(out).toContain(`Database: ${dbPath}`);
  });

  it('stops with a clear message when there is no terminal and no passphrase file', () => {
    const r = run('serve', '--db', join(tmp.dir, 'nopass.db'));
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('no passphrase: run this on a terminal');
    expect(r.stderr).toContain('--passphrase-file');
  });

  it('refuses a wrong passphrase with a clear message, and the file holds no plaintext', async () => {
    const dbPath = join(tmp.dir, 'cli.db'); // made by the serve test above
    const raw = readFileSync(dbPath);
    expect(raw.includes('Case Audit')).toBe(false);
    expect(raw.subarray(0, 16).toString('latin1')).not.toBe('SQLite format 3\0');
    const wrong = join(tmp.dir, 'wrong.txt');
    writeFileSync(wrong, 'not the right passphrase');
    const r = run('serve', '--db', dbPath, '--passphrase-file', wrong);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('The passphrase is wrong');
  });

  it('refuses a passphrase that is too short for a new database', () => {
    const short = join(tmp.dir, 'short.txt');
    writeFileSync(short, 'short');
    const r = run('serve', '--db', join(tmp.dir, 'new.db'), '--passphrase-file', short);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('at least 12 characters');
  });
});
