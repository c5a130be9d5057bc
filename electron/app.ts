// Opens a database and wires the services to it: the one start-up path shared by the Electron main
// process, the browser host, the CLI and the tests.
import { backupDatabase, dailyBackupDue } from '../db/backup.js';
import { openDatabase, type Db } from '../db/open.js';
import { createDispatch, type Dispatch, type DispatchOptions } from './rpc/dispatch.js';
import { createContext, type ServiceContext } from './services/context.js';
import { createHandlers } from './services/index.js';
import { installBuiltinTemplates } from './services/templateService.js';
import type { ServiceHandlers } from '../shared/contract.js';
import type { JobResult } from '../shared/jobs.js';
import { createJobRunner } from './jobs/jobRunner.js';
import { createSearchIndexer, type SearchIndexer } from './services/searchIndexer.js';
import { createFiguresWorker, type FiguresWorker } from './services/signedFigures.js';
import { workerBundleReader, type BundleReader } from './bundle/bundleReader.js';
import type { ManagedPolicy } from '../shared/policy.js';
import { loadPolicy } from './policy.js';
import { createLog, logFolder, type AppLog } from './diagnostics/log.js';
import { APP_VERSION } from './version.js';
import { LATEST_SCHEMA_VERSION } from '../db/migrations/index.js';

export interface CaseAuditApp {
  db: Db;
  ctx: ServiceContext;
  handlers: ServiceHandlers;
  dispatch: Dispatch;
  /** Indexes imported evidence notes for search after their import (in the background here). */
  searchIndexer: SearchIndexer;
  /** Stores the dashboard figures of signed audits that have none, in the background after opening. */
  figuresWorker: FiguresWorker;
  /** Reads (verifies) bundles on a worker thread while imports write (electron/bundle/bundleReader.ts). */
  bundleReader: BundleReader;
  close(): void;
}

export interface AppOptions extends DispatchOptions {
  key?: Buffer;
  clock?: () => Date;
  actor?: string;
  /**
   * Index imported evidence notes in the background after imports and on opening, and store the
   * dashboard figures of signed audits that have none soon after opening (on by default).
   */
  backgroundIndexing?: boolean;
  /** Make the daily backup when one is due (on by default). */
  dailyBackup?: boolean;
  /** The Electron-ABI build of the SQLite module (see db/open.ts); the Node build when omitted. */
  nativeBinding?: string;
  /** What the organisation enforces; the machine's policy file (electron/policy.ts) when omitted. */
  policy?: ManagedPolicy;
  /** The installation's log file; by default in a logs folder beside the database. */
  appLog?: AppLog;
}

export function openApp(databasePath: string, options: AppOptions = {}): CaseAuditApp {
  const db = openDatabase(databasePath, {
    ...(options.key ? { key: options.key } : {}),
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
  });
  try {
    const appLog = options.appLog ?? createLog(logFolder(databasePath));
    // Every failure goes to the log file; a caller's own logError (the tests') hears of it too.
    const logError = (what: string, e: unknown) => {
      appLog.error(what, e);
      options.logError?.(what, e);
    };
    const policy = options.policy ?? loadPolicy();
    const ctx = createContext(db, databasePath, options.clock, options.actor, logError, policy);
    installBuiltinTemplates(ctx);
    if (options.dailyBackup !== false && dailyBackupDue(databasePath)) backupDatabase(db, databasePath, 'daily');
    // Long work (electron/jobs/) belongs to this open database: closing it cancels every job first.
    const jobs = createJobRunner<JobResult>({
      newId: ctx.newId,
      logError: (kind, e) => logError(`job ${kind}`, e),
    });
    const searchIndexer = createSearchIndexer(ctx);
    const bundleReader = workerBundleReader();
    const handlers = createHandlers(ctx, jobs, searchIndexer, bundleReader, appLog);
    // Audits imported before the app last closed, and not indexed yet, are indexed soon after opening.
    if (options.backgroundIndexing !== false && ctx.repos.searchBacklog.count() > 0) searchIndexer.schedule();
    // Signed audits without stored figures (a database from before schema version 11) are counted
    // soon after opening, so that the first dashboard need not (electron/services/signedFigures.ts).
    const figuresWorker = createFiguresWorker(ctx);
    if (options.backgroundIndexing !== false) figuresWorker.scheduleMissing();
    appLog.event('opened', {
      version: APP_VERSION,
      schemaVersion: LATEST_SCHEMA_VERSION,
      platform: process.platform,
      node: process.versions.node,
      electron: process.versions.electron ?? null,
      managed: policy.managed.join(',') || null,
      policyProblem: policy.problem !== null,
    });
    return {
      db,
      ctx,
      handlers,
      dispatch: createDispatch(handlers, { ...options, logError }),
      searchIndexer,
      figuresWorker,
      bundleReader,
      close: () => {
        void bundleReader.close();
        // Every background task of this database (checkpoints, indexing, figures) stops with it.
        ctx.background.dispose();
        jobs.cancelAll();
        db.close();
        appLog.event('closed');
      },
    };
  } catch (e) {
    db.close();
    throw e;
  }
}
