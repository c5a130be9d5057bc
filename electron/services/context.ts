import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/open.js';
import { repositories, type Repositories } from '../../db/repositories.js';

/** What every service needs: the connection, its repositories, a clock and an id source. */
export interface ServiceContext {
  db: Db;
  repos: Repositories;
  databasePath: string;
  now: () => string;
  newId: () => string;
  /** Runs `fn` as one IMMEDIATE transaction: one user action, all or nothing. */
  tx: <T>(fn: () => T) => T;
}

export function createContext(db: Db, databasePath: string, clock: () => Date = () => new Date()): ServiceContext {
  return {
    db,
    repos: repositories(db),
    databasePath,
    now: () => clock().toISOString(),
    newId: () => randomUUID(),
    tx: (fn) => db.transaction(fn).immediate(),
  };
}
