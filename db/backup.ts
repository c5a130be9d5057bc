// Backups: a consistent, still-encrypted copy of the live database made with VACUUM INTO (the
// library's online-backup API refuses an encrypted source to a new file), kept beside the database
// in backups/ with a copy of the key file, rotated per kind.
import { copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Db } from './open.js';

export const BACKUP_KINDS = ['daily', 'pre-migration', 'manual', 'pre-restore'] as const;
export type BackupKind = (typeof BACKUP_KINDS)[number];
export const KEEP: Record<BackupKind, number> = { daily: 7, 'pre-migration': 5, manual: 10, 'pre-restore': 3 };
// <database file name>-<UTC time>-<kind>.db: several databases may share a folder.
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const nameFor = (dbPath: string) =>
  new RegExp(`^${escape(basename(dbPath))}-(\\d{8}T\\d{6}\\d{3}Z)-(daily|pre-migration|manual|pre-restore)\\.db$`);

export interface BackupInfo {
  file: string;
  name: string;
  kind: BackupKind;
  createdAt: string;
  bytes: number;
}

export const backupDir = (dbPath: string) => join(dirname(dbPath), 'backups');

function stamp(d: Date): string {
  return d
    .toISOString()
    .replace(/[-:.]/g, '')
    .replace(/(\d{6})(\d{3})Z$/, '$1$2Z');
}

export function listBackups(dbPath: string): BackupInfo[] {
  const dir = backupDir(dbPath);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .map((name) => ({ name, m: nameFor(dbPath).exec(name) }))
    .filter((x): x is { name: string; m: RegExpExecArray } => x.m !== null)
    .map(({ name, m }) => {
      const s = m[1]!;
      const createdAt = `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}T${s.slice(9, 11)}:${s.slice(11, 13)}:${s.slice(13, 15)}.${s.slice(15, 18)}Z`;
      const file = join(dir, name);
      return { file, name, kind: m[2] as BackupKind, createdAt, bytes: statSync(file).size };
    })
    .sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1));
}

/** Writes a backup of the open database (plus its key file) and prunes old ones of the same kind. */
export function backupDatabase(
  db: Db,
  dbPath: string,
  kind: BackupKind,
  now: Date = new Date(),
  keyFile = `${dbPath}.keys`,
): BackupInfo {
  const dir = backupDir(dbPath);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const name = `${basename(dbPath)}-${stamp(now)}-${kind}.db`;
  const file = join(dir, name);
  const partial = `${file}.partial`;
  rmSync(partial, { force: true });
  // VACUUM INTO reads one consistent snapshot and writes it encrypted with the same key.
  db.prepare('VACUUM INTO ?').run(partial);
  if (existsSync(keyFile)) copyFileSync(keyFile, `${file}.keys`);
  renameSync(partial, file); // a half-written backup never carries a backup's name
  for (const old of listBackups(dbPath)
    .filter((b) => b.kind === kind)
    .slice(KEEP[kind])) {
    rmSync(old.file, { force: true });
    rmSync(`${old.file}.keys`, { force: true });
  }
  return listBackups(dbPath).find((b) => b.name === name)!;
}

/** A daily backup when the newest one is a day old or missing. */
export function dailyBackupDue(dbPath: string, now: Date = new Date()): boolean {
  const newest = listBackups(dbPath).find((b) => b.kind === 'daily');
  return !newest || now.getTime() - Date.parse(newest.createdAt) >= 24 * 3600_000;
}

/** Replaces the database file with a backup; the caller has closed the database and checked the backup. */
export function replaceDatabaseFile(backupFile: string, dbPath: string): void {
  const staging = join(dirname(dbPath), `.${basename(dbPath)}.restoring`);
  copyFileSync(backupFile, staging);
  for (const suffix of ['-wal', '-shm']) rmSync(`${dbPath}${suffix}`, { force: true });
  renameSync(staging, dbPath);
  if (existsSync(`${backupFile}.keys`)) copyFileSync(`${backupFile}.keys`, `${dbPath}.keys`);
}
