import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSession, type Session } from '../../electron/session.js';
import { obtainDatabaseKey } from '../../electron/security/databaseKey.js';
import { WrongPassphraseError } from '../../electron/security/keyWrap.js';
import {
  createUnlockThrottle,
  delayAfter,
  MAX_DELAY_MS,
  throttleFilePath,
} from '../../electron/security/unlockThrottle.js';
import type { RpcResult } from '../../shared/errors.js';
import { tempDir } from '../helpers/tmp.js';

const PASSPHRASE = 'correct horse battery staple';
const WRONG = 'not the passphrase at all';
const FAST = { N: 2 ** 14, r: 8, p: 1 }; // the real KDF with small parameters, to keep tests quick
let t: ReturnType<typeof tempDir>;
let dbPath: string;
let clock: number;
let session: Session;
const now = () => clock;

beforeEach(async () => {
  t = tempDir();
  dbPath = join(t.dir, 'braked.db');
  clock = 1_000_000;
  const key = await obtainDatabaseKey(dbPath, async () => PASSPHRASE, FAST);
  session = createSession(dbPath, { key, now });
  session.lock();
});
afterEach(() => {
  session.close();
  t.cleanup();
});

const unlock = (passphrase: string, s: Session = session) => s.dispatch('session.unlock', { passphrase });
const failed = (r: RpcResult<unknown>) => {
  if (r.ok) throw new Error('expected a refusal');
  return r.error;
};

describe('the unlock brake', () => {
  it('lets three wrong passphrases through free, then makes each next attempt wait, doubling to five minutes', async () => {
    for (let i = 0; i < 3; i++) {
      const e = failed(await unlock(WRONG));
      expect(e.code).toBe('UNAUTHORISED');
      expect(e.retryAfterSeconds).toBeUndefined();
    }
    const expected = [1, 2, 4, 8, 16, 32, 64, 128, 256, 300, 300];
    for (const seconds of expected) {
      const e = failed(await unlock(WRONG));
      expect(e).toMatchObject({ code: 'UNAUTHORISED', retryAfterSeconds: seconds });
      expect(e.message).toContain(`try again in ${seconds} second`);
      // Even the right passphrase is refused, without being checked, until the wait is over.
      clock += seconds * 1000 - 1;
      const early = failed(await unlock(PASSPHRASE));
      expect(early).toMatchObject({ code: 'LOCKED', retryAfterSeconds: 1 });
      expect(early.message).toBe('Too many wrong passphrases. Try again in 1 second.');
      expect(session.current()).toBeNull();
      clock += 1;
    }
    // Never locked out for good: after the longest wait the right passphrase opens it and clears the count.
    expect(await unlock(PASSPHRASE)).toMatchObject({ ok: true, value: { locked: false } });
    expect(existsSync(throttleFilePath(dbPath))).toBe(false);
    session.lock();
    expect(failed(await unlock(WRONG))).toMatchObject({ code: 'UNAUTHORISED' });
    expect(failed(await unlock(WRONG)).retryAfterSeconds).toBeUndefined();
  });

  it('says how long is left when asked during a wait', async () => {
    for (let i = 0; i < 4; i++) await unlock(WRONG);
    clock += 1000;
    await unlock(WRONG);
    expect(failed(await unlock(PASSPHRASE))).toMatchObject({
      code: 'LOCKED',
      message: 'Too many wrong passphrases. Try again in 2 seconds.',
      retryAfterSeconds: 2,
    });
  });

  it('keeps the count across a restart, in a file beside the database', async () => {
    for (let i = 0; i < 4; i++) await unlock(WRONG);
    session.close();
    const restarted = createSession(dbPath, { now });
    try {
      expect(failed(await unlock(PASSPHRASE, restarted))).toMatchObject({ code: 'LOCKED', retryAfterSeconds: 1 });
      expect(statSync(throttleFilePath(dbPath)).mode & 0o777).toBe(0o600);
      expect(JSON.parse(readFileSync(throttleFilePath(dbPath), 'utf8'))).toEqual({
        format: 1,
        failures: 4,
        lastFailureAt: 1_000_000,
      });
      clock += 1000;
      expect(await unlock(PASSPHRASE, restarted)).toMatchObject({ ok: true, value: { locked: false } });
    } finally {
      restarted.close();
    }
  });

  it('never waits longer than the cap, even when the clock was put back', async () => {
    writeFileSync(
      throttleFilePath(dbPath),
      JSON.stringify({ format: 1, failures: 40, lastFailureAt: clock + 365 * 86_400_000 }),
    );
    expect(failed(await unlock(PASSPHRASE))).toMatchObject({ code: 'LOCKED', retryAfterSeconds: MAX_DELAY_MS / 1000 });
    clock += MAX_DELAY_MS;
    expect(await unlock(PASSPHRASE)).toMatchObject({ ok: true });
  });

  it('treats a damaged count file as no free attempts left, not as a lock-out', async () => {
    writeFileSync(throttleFilePath(dbPath), 'not json');
    expect(failed(await unlock(WRONG))).toMatchObject({ code: 'UNAUTHORISED', retryAfterSeconds: 1 });
    clock += 1000;
    expect(await unlock(PASSPHRASE)).toMatchObject({ ok: true });
  });

  it('checks one passphrase at a time: parallel guesses are refused at once, and only one is counted', async () => {
    const results = await Promise.all(Array.from({ length: 8 }, () => unlock(WRONG)));
    const codes = results.map((r) => failed(r).code).sort();
    expect(codes).toEqual(['LOCKED', 'LOCKED', 'LOCKED', 'LOCKED', 'LOCKED', 'LOCKED', 'LOCKED', 'UNAUTHORISED']);
    const refused = results.map(failed).filter((e) => e.code === 'LOCKED');
    expect(refused[0]).toEqual({
      code: 'LOCKED',
      message: 'Another passphrase is being checked. Try again in a moment.',
    });
    expect(JSON.parse(readFileSync(throttleFilePath(dbPath), 'utf8')).failures).toBe(1);
  });

  it('runs at most one check at a time, whatever the checks are', async () => {
    const throttle = createUnlockThrottle(dbPath, now);
    let running = 0;
    let most = 0;
    const check = async () => {
      running++;
      most = Math.max(most, running);
      await new Promise((r) => setImmediate(r));
      running--;
      throw new WrongPassphraseError();
    };
    const outcomes = await Promise.allSettled(Array.from({ length: 8 }, () => throttle.attempt(check)));
    expect(most).toBe(1);
    expect(outcomes.filter((o) => o.status === 'rejected' && o.reason instanceof WrongPassphraseError)).toHaveLength(1);
  });

  it('counts an attempt before checking it, so stopping part-way wins no free guess', async () => {
    const throttle = createUnlockThrottle(dbPath, now);
    let during: unknown;
    await throttle.attempt(async () => {
      during = JSON.parse(readFileSync(throttleFilePath(dbPath), 'utf8'));
    });
    expect(during).toMatchObject({ failures: 1 });
    expect(existsSync(throttleFilePath(dbPath))).toBe(false);
  });

  it('brakes restoring a backup too, sharing the count with unlocking', async () => {
    session.close();
    const open = createSession(dbPath, { key: await obtainDatabaseKey(dbPath, async () => PASSPHRASE), now });
    try {
      const backup = await open.dispatch('backups.create', {});
      if (!backup.ok) throw new Error('no backup');
      const name = (backup.value as { name: string }).name;
      const restore = (passphrase: string) => open.dispatch('session.restore', { name, passphrase });
      for (let i = 0; i < 2; i++) expect(failed(await restore(WRONG)).code).toBe('UNAUTHORISED');
      open.lock();
      expect(failed(await unlock(WRONG, open)).code).toBe('UNAUTHORISED');
      expect(failed(await restore(WRONG))).toMatchObject({ code: 'UNAUTHORISED', retryAfterSeconds: 1 });
      expect(failed(await restore(PASSPHRASE))).toMatchObject({ code: 'LOCKED', retryAfterSeconds: 1 });
      const parallel = await Promise.all(Array.from({ length: 4 }, () => restore(WRONG).then(failed)));
      expect(parallel.every((e) => e.code === 'LOCKED')).toBe(true);
      clock += 1000;
      expect(await restore(PASSPHRASE)).toMatchObject({ ok: true, value: { restored: name } });
      expect(existsSync(throttleFilePath(dbPath))).toBe(false);
    } finally {
      open.close();
    }
  });

  it('has the documented schedule', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 12, 13, 1000].map(delayAfter)).toEqual([
      0, 0, 0, 0, 1000, 2000, 4000, 256_000, 300_000, 300_000,
    ]);
  });
});
