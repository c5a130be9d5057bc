// An unlocked database, or none: the session locks after the configured idle time (and when told
// to, e.g. on system sleep), closing the database and forgetting its key; unlocking needs the
// passphrase again. Every transport dispatches through the session.
import type { Handlers, ServiceHandlers } from '../shared/contract.js';
import { AppError } from '../shared/errors.js';
import { METHOD_NAMES, PASSIVE_METHODS, SESSION_METHODS, type SessionMethod } from '../shared/methodNames.js';
import { IDLE_LOCK_DEFAULT_MINUTES } from '../shared/settings.js';
import { openApp, type AppOptions, type CaseAuditApp } from './app.js';
import { createDispatch, type Dispatch } from './rpc/dispatch.js';
import {
  createDatabaseKey,
  databaseExists,
  hasRecoveryKey,
  newRecoveryKey,
  recoverWithRecoveryKey,
} from './security/databaseKey.js';
import { readKeyFile } from './security/keyFile.js';
import { backupDir, listBackups } from '../db/backup.js';
import { restoreBackup } from './maintenance.js';
import { join } from 'node:path';
import { unwrapWithPassphrase, WrongPassphraseError, type ScryptParams } from './security/keyWrap.js';
import { createUnlockThrottle } from './security/unlockThrottle.js';
import { idleLockMinutes } from './services/settingsService.js';

export interface Session {
  dispatch: Dispatch;
  /** The open app, or null while locked. */
  current(): CaseAuditApp | null;
  lock(): void;
  /** Locks if nothing has been asked of the services for the idle time. */
  checkIdle(): void;
  close(): void;
}

export interface SessionOptions extends AppOptions {
  /** The database key when it is already known (from the terminal, or the OS keychain); else start locked. */
  key?: Buffer;
  now?: () => number;
  onLock?: () => void;
  /** Called with the key after every unlock, e.g. to keep an OS-keychain copy of it. */
  onUnlock?: (key: Buffer) => void;
  /** scrypt parameters for new passphrase wraps (tests use smaller ones); the default otherwise. */
  scrypt?: ScryptParams;
}

const LOCKED_MESSAGE = 'Case Audit is locked. Enter your passphrase to continue.';

/** A wrong passphrase, saying when the next attempt may be made once the brake is on. */
function wrongPassphrase(e: WrongPassphraseError, retryAfterSeconds: number): AppError {
  if (retryAfterSeconds === 0) return new AppError('UNAUTHORISED', e.message);
  const wait = `${retryAfterSeconds} second${retryAfterSeconds === 1 ? '' : 's'}`;
  return new AppError(
    'UNAUTHORISED',
    `${e.message} Too many wrong passphrases: try again in ${wait}.`,
    retryAfterSeconds,
  );
}

export function createSession(dbPath: string, options: SessionOptions): Session {
  const now = options.now ?? Date.now;
  let app: CaseAuditApp | null = null;
  let lastActivity = now();
  let minutes = IDLE_LOCK_DEFAULT_MINUTES;
  // Unlocking and restoring are both ways to test a passphrase, so both go through the same brake.
  const throttle = createUnlockThrottle(dbPath, now);

  const open = (key: Buffer) => {
    app = openApp(dbPath, { ...options, key });
    minutes = idleLockMinutes(app.ctx);
    lastActivity = now();
    options.onUnlock?.(key);
  };
  if (options.key) open(options.key);

  const status = () => ({
    locked: app === null,
    databaseExists: app !== null || readKeyFile(dbPath) !== null || databaseExists(dbPath),
    idleLockMinutes: minutes,
  });
  const lock = () => {
    if (!app) return;
    app.close();
    app = null;
    options.onLock?.();
  };

  const sessionHandlers: Pick<Handlers, SessionMethod> = {
    'session.status': () => status(),
    'session.lock': () => {
      lock();
      return status();
    },
    'session.unlock': async ({ passphrase }) => {
      if (app) return status();
      const keyFile = readKeyFile(dbPath);
      if (!keyFile) throw new AppError('NOT_FOUND', 'There is no database yet: choose a passphrase to create one.');
      const wrap = keyFile.wraps.find((w) => w.kind === 'passphrase');
      if (!wrap) throw new AppError('NOT_FOUND', 'This database has no passphrase to unlock it with.');
      try {
        await throttle.attempt(async () => open(await unwrapWithPassphrase(wrap, passphrase)));
      } catch (e) {
        if (e instanceof WrongPassphraseError) throw wrongPassphrase(e, throttle.retryAfterSeconds());
        throw e;
      }
      return status();
    },
    'session.restore': async ({ name, passphrase }) => {
      const backup = listBackups(dbPath).find((b) => b.name === name);
      if (!backup) throw new AppError('NOT_FOUND', 'name: no backup of that name');
      const keyFile = readKeyFile(dbPath);
      const wrap = keyFile?.wraps.find((w) => w.kind === 'passphrase');
      if (!wrap) throw new AppError('NOT_FOUND', 'This database has no passphrase.');
      // The whole restore holds the brake, so its further key derivations never run beside another check.
      const restore = async () => {
        await unwrapWithPassphrase(wrap, passphrase);
        // The open database is closed for the swap, then reopened from the restored file.
        lock();
        try {
          return await restoreBackup(dbPath, join(backupDir(dbPath), backup.name), passphrase);
        } catch (e) {
          throw new AppError('INTEGRITY', (e as Error).message);
        } finally {
          const restoredWrap = readKeyFile(dbPath)?.wraps.find((w) => w.kind === 'passphrase');
          if (restoredWrap) open(await unwrapWithPassphrase(restoredWrap, passphrase));
        }
      };
      let result;
      try {
        result = await throttle.attempt(restore);
      } catch (e) {
        if (e instanceof WrongPassphraseError) throw wrongPassphrase(e, throttle.retryAfterSeconds());
        throw e;
      }
      return { restored: backup.name, kept: result.kept?.name ?? null, status: status() };
    },
    'session.create': async ({ passphrase }) => {
      if (app || readKeyFile(dbPath) || databaseExists(dbPath)) {
        throw new AppError('CONFLICT', 'A database already exists here: unlock it with its passphrase.');
      }
      // The recovery key is shown this once; only its wrap of the database key is kept.
      const { key, recoveryKey } = await createDatabaseKey(dbPath, passphrase, options.scrypt);
      open(key);
      return { ...status(), recoveryKey };
    },
    'session.recover': async ({ recoveryKey, passphrase }) => {
      if (!readKeyFile(dbPath)) throw new AppError('NOT_FOUND', 'There is no database here to recover.');
      if (!hasRecoveryKey(dbPath)) {
        throw new AppError(
          'NOT_FOUND',
          'This database has no recovery key: it was made before recovery keys were given.',
        );
      }
      try {
        await throttle.attempt(async () => {
          const key = await recoverWithRecoveryKey(dbPath, recoveryKey, passphrase, options.scrypt);
          if (!app) open(key);
        });
      } catch (e) {
        if (e instanceof WrongPassphraseError) throw wrongPassphrase(e, throttle.retryAfterSeconds());
        throw e;
      }
      return status();
    },
    'session.newRecoveryKey': async ({ passphrase }) => {
      if (!readKeyFile(dbPath)) throw new AppError('NOT_FOUND', 'There is no database yet.');
      try {
        return { recoveryKey: await throttle.attempt(() => newRecoveryKey(dbPath, passphrase)) };
      } catch (e) {
        if (e instanceof WrongPassphraseError) throw wrongPassphrase(e, throttle.retryAfterSeconds());
        throw e;
      }
    },
  };

  // Every service method goes through the lock check and counts as activity, except polling.
  const sessionNames: readonly string[] = SESSION_METHODS;
  const passiveNames: readonly string[] = PASSIVE_METHODS;
  const guarded = Object.fromEntries(
    METHOD_NAMES.filter((m) => !sessionNames.includes(m)).map((m) => [
      m,
      (input: unknown) => {
        if (!app) throw new AppError('LOCKED', LOCKED_MESSAGE);
        if (!passiveNames.includes(m)) lastActivity = now();
        const result = (app.handlers[m as keyof ServiceHandlers] as (i: unknown) => unknown)(input);
        if (m === 'settings.setIdleLock') minutes = idleLockMinutes(app.ctx);
        return result;
      },
    ]),
  ) as Partial<Handlers>;

  return {
    dispatch: createDispatch({ ...guarded, ...sessionHandlers }, options),
    current: () => app,
    lock,
    checkIdle: () => {
      if (app && now() - lastActivity >= minutes * 60_000) lock();
    },
    close: () => {
      app?.close();
      app = null;
    },
  };
}
