import { backupDatabase, listBackups, type BackupInfo } from '../../db/backup.js';
import type { ServiceHandlers } from '../../shared/contract.js';
import type { ServiceContext } from './context.js';

export const publicBackup = ({ name, kind, createdAt, bytes }: BackupInfo) => ({ name, kind, createdAt, bytes });

export function backupService(ctx: ServiceContext): Pick<ServiceHandlers, 'backups.list' | 'backups.create'> {
  return {
    'backups.list': () => listBackups(ctx.databasePath).map(publicBackup),
    'backups.create': () => {
      const info = backupDatabase(ctx.db, ctx.databasePath, 'manual');
      ctx.tx(() => ctx.log('backup', info.name, 'create', null, publicBackup(info)));
      return publicBackup(info);
    },
  };
}
