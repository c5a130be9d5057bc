import { existsSync, statSync } from 'node:fs';
import { cpus, release, totalmem } from 'node:os';
import { backupDir } from '../../db/backup.js';
import { LATEST_SCHEMA_VERSION } from '../../db/migrations/index.js';
import type { ServiceHandlers } from '../../shared/contract.js';
import { DIAGNOSTICS_FORMAT, type About } from '../../shared/diagnostics.js';
import type { AppLog } from '../diagnostics/log.js';
import { logFolderOf } from '../diagnostics/log.js';
import { APP_VERSION } from '../version.js';
import type { ServiceContext } from './context.js';

const LOG_LINES = 200;
const fileBytes = (path: string) => (existsSync(path) ? statSync(path).size : null);

export function diagnosticsService(
  ctx: ServiceContext,
  log: AppLog,
): Pick<ServiceHandlers, 'app.about' | 'app.diagnostics'> {
  const about = (): About => ({
    version: APP_VERSION,
    schemaVersion: LATEST_SCHEMA_VERSION,
    node: process.versions.node,
    electron: process.versions.electron ?? null,
    platform: process.platform,
    arch: process.arch,
    databasePath: ctx.databasePath,
    logFolder: logFolderOf(log),
    backupFolder: backupDir(ctx.databasePath),
    policySource: ctx.policy.source,
    policyProblem: ctx.policy.problem,
    managed: ctx.policy.managed,
  });
  return {
    'app.about': about,
    // Versions, paths, sizes, the policy and the log's recent entries (which hold no personal data,
    // electron/diagnostics/log.ts): what an IT desk needs, nothing of the audits themselves.
    'app.diagnostics': () => {
      const createdAt = ctx.now();
      const entries = log.tail(LOG_LINES).map((line) => {
        try {
          return JSON.parse(line) as unknown;
        } catch {
          return { unreadable: true };
        }
      });
      const body = {
        format: DIAGNOSTICS_FORMAT,
        formatVersion: 1,
        createdAt,
        ...about(),
        osRelease: release(),
        cpus: cpus().length,
        memoryGb: Math.round(totalmem() / 2 ** 30),
        databaseBytes: fileBytes(ctx.databasePath),
        walBytes: fileBytes(`${ctx.databasePath}-wal`),
        log: entries,
      };
      return {
        fileName: `case-audit-diagnostics-${createdAt.slice(0, 19).replace(/:/g, '-')}.json`,
        json: `${JSON.stringify(body, null, 2)}\n`,
      };
    },
  };
}
