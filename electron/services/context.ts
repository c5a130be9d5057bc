import { randomUUID } from 'node:crypto';
import { hostname, userInfo } from 'node:os';
import type { Db } from '../../db/open.js';
import { repositories, type Repositories } from '../../db/repositories.js';
import { checkpointIdle, CHECKPOINT_IDLE_MS } from '../../db/walCheckpoints.js';
import { UNMANAGED, type ManagedPolicy } from '../../shared/policy.js';
import { createScheduler, type LogError, type Scheduler } from '../background/scheduler.js';

/** What every service needs: the connection, its repositories, a clock and an id source. */
export interface ServiceContext {
  db: Db;
  repos: Repositories;
  databasePath: string;
  now: () => string;
  newId: () => string;
  /** Runs `fn` as one IMMEDIATE transaction: one user action, all or nothing. */
  tx: <T>(fn: () => T) => T;
  /** Who is acting, as recorded in the change log. */
  actor: string;
  /** Appends to the hash-chained change log; call inside the action's transaction. */
  log: (entity: string, entityId: string, action: string, before: unknown, after: unknown) => void;
  /**
   * The background work of this open database (the WAL checkpoint, search indexing, the figures of
   * signed audits): dispose it before closing the connection.
   */
  background: Scheduler;
  /** What the organisation enforces on this machine (electron/policy.ts). */
  policy: ManagedPolicy;
}

/** The person at this installation: the operating-system account on this computer. */
export function defaultActor(): string {
  return `${userInfo().username}@${hostname()}`;
}

export function createContext(
  db: Db,
  databasePath: string,
  clock: () => Date = () => new Date(),
  actor: string = defaultActor(),
  logError?: LogError,
  policy: ManagedPolicy = UNMANAGED,
): ServiceContext {
  const repos = repositories(db);
  const background = createScheduler(logError ? { logError } : {});
  // A moment after the last write (db/walCheckpoints.ts).
  const checkpoint = background.task('WAL checkpoint', () => checkpointIdle(db), { delayMs: CHECKPOINT_IDLE_MS });
  const now = () => clock().toISOString();
  return {
    db,
    repos,
    databasePath,
    now,
    newId: () => randomUUID(),
    tx: (fn) => {
      const result = db.transaction(fn).immediate();
      checkpoint.schedule();
      return result;
    },
    actor,
    log: (entity, entityId, action, before, after) =>
      repos.changeLog.append({ at: now(), actor, entity, entityId, action, before, after }),
    background,
    policy,
  };
}
