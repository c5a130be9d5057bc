// Checks, backups and restores of a database file as a whole: used by the CLI and the app.
import { existsSync } from 'node:fs';
import { backupDatabase, replaceDatabaseFile, type BackupInfo } from '../db/backup.js';
import { checkDatabase, type CheckReport } from '../db/check.js';
import { openDatabase } from '../db/open.js';
import { readKeyFile } from './security/keyFile.js';
import { unwrapWithPassphrase } from './security/keyWrap.js';

// The checks themselves are SQL, in db/.
export { checkDatabase, type CheckReport };

/** The key of a backup (or any database file with its `.keys` beside it), from the passphrase. */
export async function keyForFile(file: string, passphrase: string): Promise<Buffer> {
  const wrap = readKeyFile(file)?.wraps.find((w) => w.kind === 'passphrase');
  if (!wrap) throw new Error(`${file} has no key file beside it (${file}.keys), so it cannot be opened.`);
  return unwrapWithPassphrase(wrap, passphrase);
}

/** Checks a file read-only, without migrating it. */
export function checkFile(file: string, key: Buffer): CheckReport {
  const db = openDatabase(file, { key, readonly: true, migrate: false });
  try {
    return checkDatabase(db);
  } finally {
    db.close();
  }
}

export function backupNow(dbPath: string, key: Buffer): BackupInfo {
  const db = openDatabase(dbPath, { key });
  try {
    return backupDatabase(db, dbPath, 'manual');
  } finally {
    db.close();
  }
}

/**
 * Restores a backup over the database: the backup must open with the passphrase and pass every
 * check first; the current database is kept as a 'pre-restore' backup before it is replaced.
 */
export async function restoreBackup(
  dbPath: string,
  backupFile: string,
  passphrase: string,
): Promise<{ report: CheckReport; kept: BackupInfo | null }> {
  if (!existsSync(backupFile)) throw new Error(`There is no backup at ${backupFile}.`);
  const backupKey = await keyForFile(backupFile, passphrase);
  const report = checkFile(backupFile, backupKey);
  if (!report.ok) throw new Error(`The backup failed its checks and was not restored: ${describeReport(report)}`);
  let kept: BackupInfo | null = null;
  if (existsSync(dbPath)) {
    const current = openDatabase(dbPath, { key: await keyForFile(dbPath, passphrase), migrate: false });
    try {
      kept = backupDatabase(current, dbPath, 'pre-restore');
    } finally {
      current.close();
    }
  }
  replaceDatabaseFile(backupFile, dbPath);
  return { report, kept };
}

export function describeReport(r: CheckReport): string {
  const parts = [
    r.integrity.length === 1 && r.integrity[0] === 'ok'
      ? 'integrity ok'
      : `integrity: ${r.integrity.slice(0, 3).join('; ')}`,
    r.foreignKeys === 0 ? 'references ok' : `${r.foreignKeys} broken references`,
    r.changeLog === null
      ? 'no change log yet'
      : r.changeLog.ok
        ? `change log ok (${r.changeLog.records} records)`
        : `change log broken at record ${r.changeLog.seq}: ${r.changeLog.reason}`,
  ];
  return parts.join(', ');
}
