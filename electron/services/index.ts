import type { ServiceHandlers } from '../../shared/contract.js';
import { LATEST_SCHEMA_VERSION } from '../../db/migrations/index.js';
import { actionService } from './actionService.js';
import { auditArchiveService } from './auditArchiveService.js';
import { auditService } from './auditService.js';
import { caseCorrectionService } from './caseCorrectionService.js';
import { backupService } from './backupService.js';
import { retentionService } from './retentionService.js';
import { dashboardService } from './dashboardService.js';
import { panelService } from './panelService.js';
import { programmeService } from './programmeService.js';
import { exportService } from './exportService.js';
import { reminderService } from './reminderService.js';
import { reportService } from './reportService.js';
import { jobService } from './jobService.js';
import type { JobRunner } from '../jobs/jobRunner.js';
import type { JobResult } from '../../shared/jobs.js';
import { bundleService } from './bundleService.js';
import { searchIndexService } from './searchIndexService.js';
import type { SearchIndexer } from './searchIndexer.js';
import type { BundleReader } from '../bundle/bundleReader.js';
import { identityService } from './identityService.js';
import { identityKeysService } from './identityKeysService.js';
import { reviewService } from './reviewService.js';
import { boardService } from './boardService.js';
import { checklistService } from './checklistService.js';
import type { ServiceContext } from './context.js';
import { settingsService } from './settingsService.js';
import { personalDataService } from './personalDataService.js';
import { templateDraftService } from './templateDraftService.js';
import { templateService } from './templateService.js';
import { APP_VERSION } from '../version.js';
import { diagnosticsService } from './diagnosticsService.js';
import type { AppLog } from '../diagnostics/log.js';

/** For handler maps made without a log file (tests that build one by hand). */
const NO_LOG: AppLog = { path: '', event: () => undefined, error: () => undefined, tail: () => [] };

/** The services' handler map, typed by the contract, so a missing method does not compile. */
export function createHandlers(
  ctx: ServiceContext,
  jobs: JobRunner<JobResult>,
  searchIndexer: SearchIndexer,
  bundleReader?: BundleReader,
  appLog: AppLog = NO_LOG,
): ServiceHandlers {
  return {
    ...diagnosticsService(ctx, appLog),
    'app.info': () => ({ version: APP_VERSION, schemaVersion: LATEST_SCHEMA_VERSION, databasePath: ctx.databasePath }),
    ...boardService(ctx),
    ...templateService(ctx),
    ...auditService(ctx),
    ...caseCorrectionService(ctx),
    ...auditArchiveService(ctx),
    ...checklistService(ctx),
    ...settingsService(ctx),
    ...personalDataService(ctx),
    ...templateDraftService(ctx),
    ...reviewService(ctx),
    ...actionService(ctx),
    ...identityService(ctx),
    ...identityKeysService(ctx),
    ...bundleService(ctx, () => searchIndexer.schedule(), bundleReader),
    ...searchIndexService(searchIndexer),
    ...backupService(ctx),
    ...retentionService(ctx),
    ...dashboardService(ctx),
    ...panelService(ctx),
    ...programmeService(ctx),
    ...exportService(ctx),
    ...reminderService(ctx),
    ...reportService(ctx),
    ...jobService(ctx, jobs),
  } satisfies ServiceHandlers;
}
