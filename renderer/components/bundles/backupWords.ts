import type { Output } from '../../../shared/contract.js';

export type Backup = Output<'backups.list'>[number];

export const BACKUP_KIND_WORDS: Record<Backup['kind'], string> = {
  daily: 'Daily',
  'pre-migration': 'Before an upgrade',
  manual: 'Made by hand',
  'pre-restore': 'Before a restore',
};

/** "28 November 2026 at 14:32:05" in local time. */
export function backupTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const date = d.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });
  const time = d.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false });
  return `${date} at ${time}`;
}
