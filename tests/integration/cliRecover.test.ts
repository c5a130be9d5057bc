// case-audit recover, as a subprocess: the recovery key (typed into a file, or a saved recovery file)
// and a new passphrase; a wrong recovery key refused with exit 1 and nothing changed; --new-key.
import { spawnSync } from 'node:child_process';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp } from '../../electron/app.js';
import { createDatabaseKey, keyFromPassphrase } from '../../electron/security/databaseKey.js';
import { recoveryFileText } from '../../shared/recoveryKey.js';
import { apiOver } from '../helpers/client.js';
import { setUpBoard } from '../helpers/fixtures.js';
import { tempDir } from '../helpers/tmp.js';

const CLI = join(import.meta.dirname, '..', '..', 'bin', 'case-audit.js');
const OLD = 'the passphrase that was forgotten';
const NEW = 'the passphrase chosen after recovery';
const t = tempDir();
const dbPath = join(t.dir, 'board.db');
const file = (name: string, text: string) => {
  const path = join(t.dir, name);
  writeFileSync(path, text);
  return path;
};
const cli = (...args: string[]) =>
  spawnSync(process.execPath, [CLI, ...args, '--db', dbPath], { encoding: 'utf8', timeout: 60_000, stdio: 'pipe' });
let recoveryKey: string;
let boardName: string;

beforeAll(async () => {
  const made = await createDatabaseKey(dbPath, OLD, { N: 2 ** 14, r: 8, p: 1 });
  recoveryKey = made.recoveryKey;
  const app = openApp(dbPath, { key: made.key, dailyBackup: false });
  boardName = (await setUpBoard(apiOver(app.dispatch))).name;
  app.close();
});
afterAll(() => t.cleanup());

describe('case-audit recover', () => {
  it('sets a new passphrase with the recovery key, refusing a wrong one', async () => {
    const oldFile = file('old.txt', OLD);
    const newFile = file('new.txt', NEW);
    const keysBefore = readFileSync(`${dbPath}.keys`, 'utf8');
    const wrongKey = recoveryKey.replace(/^./, (c) => (c === '0' ? '1' : '0'));
    const wrong = cli('recover', '--recovery-key-file', file('wrong.txt', wrongKey), '--passphrase-file', newFile);
    expect(wrong.status).toBe(1);
    expect(wrong.stderr).toMatch(/recovery key is wrong/);
    expect(readFileSync(`${dbPath}.keys`, 'utf8')).toBe(keysBefore);

    // A saved recovery file, as the app writes it, is read as it is.
    const saved = file('recovery.txt', recoveryFileText(recoveryKey, '2026-12-01T09:00:00.000Z'));
    const ok = cli('recover', '--recovery-key-file', saved, '--passphrase-file', newFile, '--json');
    expect(ok.status, ok.stderr).toBe(0);
    expect(JSON.parse(ok.stdout)).toEqual({ database: dbPath, recovered: true });

    const withNew = cli('check', '--passphrase-file', newFile, '--json');
    expect(withNew.status, withNew.stderr).toBe(0);
    expect(cli('check', '--passphrase-file', oldFile).status).toBe(1);
    const reopened = openApp(dbPath, { key: await keyFromPassphrase(dbPath, NEW), dailyBackup: false });
    expect((await apiOver(reopened.dispatch)['board.get']({}))!.name).toBe(boardName);
    reopened.close();
  });

  it('--new-key makes a recovery key after asking for the passphrase; the old one stops working', () => {
    const newFile = file('new2.txt', NEW);
    const out = join(t.dir, 'new-recovery.txt');
    const made = cli('recover', '--new-key', '--passphrase-file', newFile, '--out', out, '--json');
    expect(made.status, made.stderr).toBe(0);
    const { recoveryKey: fresh } = JSON.parse(made.stdout) as { recoveryKey: string };
    expect(fresh).not.toBe(recoveryKey);
    expect(readFileSync(out, 'utf8')).toContain(fresh);
    expect(statSync(out).mode & 0o777).toBe(0o600);
    // Never written over, and then the recovery key is left as it was.
    const keys = readFileSync(`${dbPath}.keys`, 'utf8');
    expect(cli('recover', '--new-key', '--passphrase-file', newFile, '--out', out).status).toBe(1);
    expect(readFileSync(`${dbPath}.keys`, 'utf8')).toBe(keys);

    const old = cli('recover', '--recovery-key-file', file('old-key.txt', recoveryKey), '--passphrase-file', newFile);
    expect(old.status).toBe(1);
    const again = cli('recover', '--recovery-key-file', out, '--passphrase-file', newFile);
    expect(again.status, again.stderr).toBe(0);
    expect(again.stdout).toMatch(/new passphrase is set/);
  });

  it('usage errors exit 2: no recovery key off a terminal, --out without --new-key', () => {
    const none = cli('recover', '--passphrase-file', file('p.txt', NEW));
    expect(none.status).toBe(2);
    expect(none.stderr).toMatch(/--recovery-key-file/);
    expect(cli('recover', '--out', join(t.dir, 'x.txt')).status).toBe(2);
    expect(cli('recover', '--new-key', '--recovery-key-file', 'x').status).toBe(2);
  });
});
