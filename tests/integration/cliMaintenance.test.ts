import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp } from '../../electron/app.js';
import { obtainDatabaseKey } from '../../electron/security/databaseKey.js';
import { apiOver } from '../helpers/client.js';
import { setUpBoard } from '../helpers/fixtures.js';
import { tempDir } from '../helpers/tmp.js';

const CLI = join(import.meta.dirname, '..', '..', 'bin', 'case-audit.js');
const PASSPHRASE = 'maintenance test passphrase';
const t = tempDir();
const dbPath = join(t.dir, 'board.db');
const passFile = join(t.dir, 'pass.txt');
let key: Buffer;
const cli = (...args: string[]) =>
  spawnSync(process.execPath, [CLI, ...args, '--db', dbPath, '--passphrase-file', passFile], {
    encoding: 'utf8',
    timeout: 60_000,
  });

/** Every row of the tables that hold audit data, for comparing a restore with what was backed up. */
function snapshot(): string {
  const app = openApp(dbPath, { key, dailyBackup: false });
  const tables = ['board', 'agency', 'audit', 'audit_case', 'checklist', 'answer', 'change_log'];
  const out = JSON.stringify(tables.map((name) => app.db.prepare(`SELECT * FROM ${name} ORDER BY 1`).all()));
  app.close();
  return out;
}

beforeAll(async () => {
  writeFileSync(passFile, PASSPHRASE);
  key = await obtainDatabaseKey(dbPath, async () => PASSPHRASE, { N: 2 ** 14, r: 8, p: 1 });
  const app = openApp(dbPath, { key });
  const api = apiOver(app.dispatch);
  await setUpBoard(api);
  const [tpl] = await api['templates.list']({});
  await api['audits.create']({ title: 'Before the backup', templateId: tpl!.id });
  app.close();
});
afterAll(() => t.cleanup());

describe('case-audit check, backup and restore', () => {
  it('backs up, restores, and the restored database equals the backed-up one', async () => {
    const before = snapshot();
    const b = cli('backup', '--json');
    expect(b.status, b.stderr).toBe(0);
    const backupFile = (JSON.parse(b.stdout) as { file: string }).file;

    const app = openApp(dbPath, { key });
    const api = apiOver(app.dispatch);
    const [tpl] = await api['templates.list']({});
    await api['audits.create']({ title: 'After the backup', templateId: tpl!.id });
    app.close();
    expect(snapshot()).not.toBe(before);

    const r = cli('restore', backupFile);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('Restored');
    expect(r.stdout).toContain('pre-restore');
    expect(snapshot()).toBe(before);
    expect(cli('check').stdout).toMatch(/^OK: .*integrity ok, references ok, change log ok/);
  });

  it('refuses to restore what is not there, and needs exactly one backup named', () => {
    const missing = cli('restore', join(t.dir, 'nope.db'));
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('There is no backup at');
    expect(cli('restore').status).toBe(2);
  });

  it('check reports the first altered change-log record and exits 1', () => {
    const app = openApp(dbPath, { key, dailyBackup: false });
    app.db.exec('DROP TRIGGER change_log_is_append_only_update');
    app.db.prepare("UPDATE change_log SET actor = 'mallory' WHERE seq = 2").run();
    app.close();
    const r = cli('check');
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('change log broken at record 2: its content does not match its hash');
    const json = JSON.parse(cli('check', '--json').stdout) as { ok: boolean; changeLog: { seq: number } };
    expect(json).toMatchObject({ ok: false, changeLog: { seq: 2 } });
  });
});
