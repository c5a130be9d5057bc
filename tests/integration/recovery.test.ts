// The recovery key: given once at set-up, it opens the database when the passphrase is forgotten and
// sets a new one. And the database opens in an independent SQLCipher 4 given only the key file and
// the passphrase or the recovery key, unwrapped by the steps docs/security.md gives, with node:crypto.
import { createDecipheriv, hkdfSync, scryptSync } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { obtainDatabaseKey } from '../../electron/security/databaseKey.js';
import { keyFilePath } from '../../electron/security/keyFile.js';
import { createSession, type Session } from '../../electron/session.js';
import { DEFAULT_AGENCIES } from '../../shared/board.js';
import { apiOver } from '../helpers/client.js';
import { queryWithSqlcipher } from '../helpers/sqlcipher.js';
import { tempDir } from '../helpers/tmp.js';

const PASSPHRASE = 'correct horse battery staple';
const NEW_PASSPHRASE = 'a new passphrase after recovery';
const FAST = { N: 2 ** 14, r: 8, p: 1 }; // the real KDF with small parameters, to keep tests quick
const RECOVERY_KEY_FORM = /^([0-9A-HJKMNP-TV-Z]{4}-){7}[0-9A-HJKMNP-TV-Z]{4}$/;
let t: ReturnType<typeof tempDir>;
let sessions: Session[];
beforeEach(() => {
  t = tempDir();
  sessions = [];
});
afterEach(() => {
  sessions.forEach((s) => s.close());
  t.cleanup();
});
function session(dbPath: string) {
  const s = createSession(dbPath, { dailyBackup: false, backgroundIndexing: false, scrypt: FAST });
  sessions.push(s);
  return { s, api: apiOver(s.dispatch) };
}

type Wrap = Record<string, string | number>;
const wrapOf = (dbPath: string, kind: string): Wrap =>
  (JSON.parse(readFileSync(keyFilePath(dbPath), 'utf8')) as { wraps: Wrap[] }).wraps.find((w) => w.kind === kind)!;
function gcmOpen(kek: Buffer, w: Wrap): Buffer {
  const d = createDecipheriv('aes-256-gcm', kek, Buffer.from(String(w.iv), 'base64'));
  d.setAAD(Buffer.from('case-audit database key v1'));
  d.setAuthTag(Buffer.from(String(w.tag), 'base64'));
  return Buffer.concat([d.update(Buffer.from(String(w.ciphertext), 'base64')), d.final()]);
}
/** docs/security.md, The key file: the passphrase path, reimplemented. */
function keyFromPassphrase(dbPath: string, passphrase: string): string {
  const w = wrapOf(dbPath, 'passphrase');
  const salt = Buffer.from(String(w.salt), 'base64');
  const params = { N: Number(w.N), r: Number(w.r), p: Number(w.p), maxmem: 512 * 1024 * 1024 };
  return gcmOpen(scryptSync(Buffer.from(passphrase.normalize('NFC')), salt, 32, params), w).toString('hex');
}
/** docs/security.md, The key file: the recovery path, reimplemented. */
function keyFromRecoveryKey(dbPath: string, recoveryKey: string): string {
  const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
  let n = 0n;
  for (const c of recoveryKey.replace(/-/g, '')) n = (n << 5n) | BigInt(alphabet.indexOf(c));
  const secret = Buffer.from(n.toString(16).padStart(40, '0'), 'hex');
  const w = wrapOf(dbPath, 'recovery');
  const info = Buffer.from('case-audit recovery key v1');
  const kek = Buffer.from(hkdfSync('sha256', secret, Buffer.from(String(w.salt), 'base64'), info, 32));
  return gcmOpen(kek, w).toString('hex');
}

async function setUp(dbPath: string) {
  const { s, api } = session(dbPath);
  const created = await api['session.create']({ passphrase: PASSPHRASE, confirm: PASSPHRASE });
  expect(created).toMatchObject({ locked: false, databaseExists: true });
  expect(created.recoveryKey).toMatch(RECOVERY_KEY_FORM);
  await api['board.setup']({ name: 'Recovered Partnership', agencies: DEFAULT_AGENCIES.map((a) => ({ ...a })) });
  return { s, api, recoveryKey: created.recoveryKey };
}

describe('the recovery key', () => {
  it('recovers a database whose passphrase is lost, and sets a new one', async () => {
    const dbPath = join(t.dir, 'case-audit.db');
    const { s, api, recoveryKey } = await setUp(dbPath);
    // The recovery key is not kept anywhere beside the database.
    expect(readFileSync(keyFilePath(dbPath), 'utf8')).not.toContain(recoveryKey.replace(/-/g, ''));
    s.lock();
    // The passphrase is forgotten.
    const other = recoveryKey.replace(/^./, (c) => (c === '0' ? '1' : '0'));
    await expect(
      api['session.recover']({ recoveryKey: other, passphrase: NEW_PASSPHRASE, confirm: NEW_PASSPHRASE }),
    ).rejects.toMatchObject({ code: 'UNAUTHORISED', message: expect.stringMatching(/recovery key is wrong/) });
    await expect(
      api['session.recover']({ recoveryKey: 'not a key', passphrase: NEW_PASSPHRASE, confirm: NEW_PASSPHRASE }),
    ).rejects.toMatchObject({ code: 'VALIDATION' });
    expect(await api['session.status']({})).toMatchObject({ locked: true });
    // Typed loosely: lower case, spaces for hyphens.
    const typed = recoveryKey.toLowerCase().replace(/-/g, ' ');
    expect(
      await api['session.recover']({ recoveryKey: typed, passphrase: NEW_PASSPHRASE, confirm: NEW_PASSPHRASE }),
    ).toMatchObject({ locked: false });
    expect((await api['board.get']({}))!.name).toBe('Recovered Partnership');

    s.lock();
    await expect(api['session.unlock']({ passphrase: PASSPHRASE })).rejects.toMatchObject({ code: 'UNAUTHORISED' });
    expect(await api['session.unlock']({ passphrase: NEW_PASSPHRASE })).toMatchObject({ locked: false });
    expect((await api['board.get']({}))!.agencies).toHaveLength(DEFAULT_AGENCIES.length);

    // The recovery key still works after being used; a new one replaces it.
    s.lock();
    expect(keyFromRecoveryKey(dbPath, recoveryKey)).toBe(keyFromPassphrase(dbPath, NEW_PASSPHRASE));
    const { recoveryKey: replaced } = await api['session.newRecoveryKey']({ passphrase: NEW_PASSPHRASE });
    expect(replaced).not.toBe(recoveryKey);
    await expect(
      api['session.recover']({ recoveryKey, passphrase: PASSPHRASE, confirm: PASSPHRASE }),
    ).rejects.toMatchObject({ code: 'UNAUTHORISED' });
    expect(
      await api['session.recover']({ recoveryKey: replaced, passphrase: PASSPHRASE, confirm: PASSPHRASE }),
    ).toMatchObject({ locked: false });
  });

  it('wrong recovery keys count towards the same brake as wrong passphrases', async () => {
    const dbPath = join(t.dir, 'braked.db');
    const clock = 1_000_000;
    const s = createSession(dbPath, { dailyBackup: false, backgroundIndexing: false, scrypt: FAST, now: () => clock });
    sessions.push(s);
    const api = apiOver(s.dispatch);
    const { recoveryKey } = await api['session.create']({ passphrase: PASSPHRASE, confirm: PASSPHRASE });
    s.lock();
    const wrong = recoveryKey.replace(/^./, (c) => (c === '0' ? '1' : '0'));
    const attempt = () =>
      s.dispatch('session.recover', { recoveryKey: wrong, passphrase: NEW_PASSPHRASE, confirm: NEW_PASSPHRASE });
    for (let i = 0; i < 3; i++) expect(await attempt()).toMatchObject({ ok: false, error: { code: 'UNAUTHORISED' } });
    expect(await attempt()).toMatchObject({ ok: false, error: { code: 'UNAUTHORISED', retryAfterSeconds: 1 } });
    // The right passphrase waits too, as after wrong passphrases.
    expect(await s.dispatch('session.unlock', { passphrase: PASSPHRASE })).toMatchObject({
      ok: false,
      error: { code: 'LOCKED', retryAfterSeconds: 1 },
    });
  });

  it('an independent SQLCipher 4 opens the database from the key file with the passphrase or the recovery key', async () => {
    const dbPath = join(t.dir, 'case-audit.db');
    const { s, recoveryKey } = await setUp(dbPath);
    s.close();
    const fromPassphrase = keyFromPassphrase(dbPath, PASSPHRASE);
    expect(keyFromRecoveryKey(dbPath, recoveryKey)).toBe(fromPassphrase);
    const { version, rows } = await queryWithSqlcipher(dbPath, fromPassphrase, 'SELECT name FROM board');
    expect(version).toMatch(/^4\./);
    expect(rows).toEqual([{ name: 'Recovered Partnership' }]);
    expect(() => keyFromPassphrase(dbPath, 'a wrong passphrase here')).toThrow();
    const wrongKey = Buffer.from(fromPassphrase, 'hex').map((b) => b ^ 1);
    await expect(
      queryWithSqlcipher(dbPath, Buffer.from(wrongKey).toString('hex'), 'SELECT name FROM board'),
    ).rejects.toThrow(/not a database/);
  });

  it('a database made before recovery keys (key file format 1) still unlocks, and can be given one', async () => {
    const dbPath = join(t.dir, 'old.db');
    const key = await obtainDatabaseKey(dbPath, async () => PASSPHRASE, FAST);
    const file = JSON.parse(readFileSync(keyFilePath(dbPath), 'utf8')) as { format: number };
    writeFileSync(keyFilePath(dbPath), JSON.stringify({ ...file, format: 1 }));
    const first = createSession(dbPath, { key, dailyBackup: false });
    await apiOver(first.dispatch)['board.setup']({ name: 'Old', agencies: DEFAULT_AGENCIES.map((a) => ({ ...a })) });
    first.close();

    const { api } = session(dbPath);
    expect(await api['session.unlock']({ passphrase: PASSPHRASE })).toMatchObject({ locked: false });
    await expect(
      api['session.recover']({
        recoveryKey: 'Y06Z-NKPA-ZTZE-Y093-8NKR-KAYD-XW0J-6HB7',
        passphrase: NEW_PASSPHRASE,
        confirm: NEW_PASSPHRASE,
      }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND', message: expect.stringMatching(/no recovery key/) });
    await expect(api['session.newRecoveryKey']({ passphrase: 'not the passphrase' })).rejects.toMatchObject({
      code: 'UNAUTHORISED',
    });
    const { recoveryKey } = await api['session.newRecoveryKey']({ passphrase: PASSPHRASE });
    expect(recoveryKey).toMatch(RECOVERY_KEY_FORM);
    expect(JSON.parse(readFileSync(keyFilePath(dbPath), 'utf8'))).toMatchObject({ format: 2 });
    expect(keyFromRecoveryKey(dbPath, recoveryKey)).toBe(key.toString('hex'));
  });
});
