import { randomUUID } from 'node:crypto';
import { hostname, userInfo } from 'node:os';
import type { Db } from '../../db/open.js';
import { repositories, type Repositories } from '../../db/repositories.js';
import { idleCheckpointer } from '../../db/walCheckpoints.js';

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
): ServiceContext {
  const repos = repositories(db);
  const checkpoints = idleCheckpointer(db);
  const now = () => clock().toISOString();
  return {
    db,
    repos,
    databasePath,
    now,
    newId: () => randomUUID(),
    tx: (fn) => {
      const result = db.transaction(fn).immediate();
      checkpoints.touch();
      return result;
    },
    actor,
    log: (entity, entityId, action, before, after) =>
      repos.changeLog.append({ at: now(), actor, entity, entityId, action, before, after }),
  };
}
