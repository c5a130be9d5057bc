// Checks of a database file as a whole: SQLite's integrity and foreign-key checks and the change
// log's hash chain. Works on any file that opens, migrated or not (a backup about to be restored).
import type { Db } from './open.js';
import { changeLogRepo, type ChainCheck } from './repos/changeLogRepo.js';

export interface CheckReport {
  ok: boolean;
  integrity: string[]; // 'ok' or SQLite's list of problems
  foreignKeys: number; // rows that point at nothing
  changeLog: ChainCheck | null; // null before the change log existed
}

export function checkDatabase(db: Db): CheckReport {
  const integrity = (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check);
  const foreignKeys = (db.pragma('foreign_key_check') as unknown[]).length;
  const hasLog =
    db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'change_log'").get() !== undefined;
  const changeLog = hasLog ? changeLogRepo(db).verify() : null;
  return {
    ok: integrity.length === 1 && integrity[0] === 'ok' && foreignKeys === 0 && (changeLog?.ok ?? true),
    integrity,
    foreignKeys,
    changeLog,
  };
}
