import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSession, type Session } from '../../electron/session.js';
import { obtainDatabaseKey } from '../../electron/security/databaseKey.js';
import { keyFilePath } from '../../electron/security/keyFile.js';
import { DEFAULT_AGENCIES } from '../../shared/board.js';
import { apiOver } from '../helpers/client.js';
import { tempDir } from '../helpers/tmp.js';

const PASSPHRASE = 'correct horse battery staple';
const FAST = { N: 2 ** 14, r: 8, p: 1 }; // the real KDF with small parameters, to keep tests quick
let t: ReturnType<typeof tempDir>;
let dbPath: string;
let clock: number;
let session: Session;

beforeEach(async () => {
  t = tempDir();
  dbPath = join(t.dir, 'locked.db');
  clock = 1_000_000;
  const key = await obtainDatabaseKey(dbPath, async () => PASSPHRASE, FAST);
  session = createSession(dbPath, { key, now: () => clock });
});
afterEach(() => {
  session.close();
  t.cleanup();
});

describe('the session', () => {
  it('keeps no plaintext in the database file, and the key file holds only wrapped keys', async () => {
    const api = apiOver(session.dispatch);
    await api['board.setup']({
      name: 'Plaintext Canary Partnership',
      agencies: DEFAULT_AGENCIES.map((a) => ({ ...a })),
    });
    session.close();
    for (const file of [dbPath, `${dbPath}-wal`]) {
      let raw: Buffer;
      try {
        raw = readFileSync(file);
      } catch {
        continue;
      }
      expect(raw.includes('Plaintext Canary')).toBe(false);
    }
    expect(readFileSync(keyFilePath(dbPath), 'utf8')).not.toContain('Plaintext');
  });

  it('locks on request, refuses service calls while locked, and unlocks only with the passphrase', async () => {
    const api = apiOver(session.dispatch);
    expect(await api['session.lock']({})).toMatchObject({ locked: true });
    await expect(api['board.get']({})).rejects.toMatchObject({ code: 'LOCKED' });
    await expect(api['session.unlock']({ passphrase: 'wrong passphrase here' })).rejects.toMatchObject({
      code: 'UNAUTHORISED',
      message: expect.stringContaining('The passphrase is wrong'),
    });
    expect(await api['session.unlock']({ passphrase: PASSPHRASE })).toMatchObject({ locked: false });
    expect(await api['board.get']({})).toBeNull();
  });

  it('locks after the configured idle time, counted from the last service call', async () => {
    const api = apiOver(session.dispatch);
    expect(await api['settings.setIdleLock']({ minutes: 5 })).toMatchObject({ idleLockMinutes: 5 });
    clock += 4 * 60_000;
    session.checkIdle();
    await api['board.get']({}); // activity resets the clock
    clock += 4 * 60_000;
    session.checkIdle();
    expect(session.current()).not.toBeNull();
    clock += 60_000;
    session.checkIdle();
    expect(session.current()).toBeNull();
    expect(await api['session.status']({})).toEqual({ locked: true, databaseExists: true, idleLockMinutes: 5 });
  });

  it('does not count a screen polling for progress as activity', async () => {
    const api = apiOver(session.dispatch);
    await api['settings.setIdleLock']({ minutes: 5 });
    for (let i = 0; i < 5; i++) {
      clock += 60_000;
      await api['search.indexStatus']({});
      await expect(api['jobs.get']({ jobId: '00000000-0000-4000-8000-000000000000' })).rejects.toMatchObject({
        code: 'NOT_FOUND',
      });
      session.checkIdle();
    }
    expect(session.current()).toBeNull();
  });

  it('refuses an idle time out of range, naming the field', async () => {
    const r = await session.dispatch('settings.setIdleLock', { minutes: 0 });
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringContaining('minutes') } });
  });
});

describe('backups in the app', () => {
  it('lists and makes backups, and restores one after asking for the passphrase again', async () => {
    const api = apiOver(session.dispatch);
    await api['board.setup']({ name: 'Before the backup', agencies: DEFAULT_AGENCIES.map((a) => ({ ...a })) });
    const made = await api['backups.create']({});
    expect(made.kind).toBe('manual');
    expect((await api['backups.list']({})).map((b) => b.name)).toContain(made.name);
    const [tpl] = await api['templates.list']({});
    await api['audits.create']({ title: 'After the backup', templateId: tpl!.id });

    await expect(
      api['session.restore']({ name: made.name, passphrase: 'not the passphrase at all' }),
    ).rejects.toMatchObject({ code: 'UNAUTHORISED' });
    await expect(api['session.restore']({ name: 'nope.db', passphrase: PASSPHRASE })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(api['session.restore']({ name: '../../etc/passwd.db', passphrase: PASSPHRASE })).rejects.toMatchObject(
      { code: 'VALIDATION' },
    );
    const restored = await api['session.restore']({ name: made.name, passphrase: PASSPHRASE });
    expect(restored).toMatchObject({ restored: made.name, status: { locked: false } });
    expect(restored.kept).toMatch(/pre-restore/);
    expect(await api['audits.list']({})).toEqual([]);
    expect((await api['board.get']({}))!.name).toBe('Before the backup');
  });
});

describe('first run without a key', () => {
  it('starts locked with no database, then creates one from a new passphrase', async () => {
    const fresh = createSession(join(t.dir, 'new.db'), {});
    const api = apiOver(fresh.dispatch);
    expect(await api['session.status']({})).toMatchObject({ locked: true, databaseExists: false });
    await expect(api['session.create']({ passphrase: 'short', confirm: 'short' })).rejects.toMatchObject({
      code: 'VALIDATION',
    });
    await expect(api['session.create']({ passphrase: PASSPHRASE, confirm: 'different words here' })).rejects.toThrow(
      /confirm: the two passphrases do not match/,
    );
    expect(await api['session.create']({ passphrase: PASSPHRASE, confirm: PASSPHRASE })).toMatchObject({
      locked: false,
      databaseExists: true,
    });
    await expect(api['session.create']({ passphrase: PASSPHRASE, confirm: PASSPHRASE })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    fresh.close();
  });
});
