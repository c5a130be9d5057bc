// Long work as jobs: jobs.start, jobs.get (polled by the renderer: the browser host has no push
// events), jobs.result and jobs.cancel, over the runner in electron/jobs/jobRunner.ts. One runner per
// open database: locking closes the database and cancels its jobs.
import type { ServiceHandlers } from '../../shared/contract.js';
import type { JobKind, JobResult, JobStart } from '../../shared/jobs.js';
import { jobStep, type Job, type JobRunner } from '../jobs/jobRunner.js';
import type { ServiceContext } from './context.js';
import { auditReport, auditToReport, checkPeriod, consolidatedReport, yearlyEvidenceReport } from './reportService.js';

type StartOf<K extends JobKind> = Extract<JobStart, { kind: K }>;

const asFile = ({ fileName, bytes }: { fileName: string; bytes: Buffer }): JobResult => ({
  fileName,
  base64: bytes.toString('base64'),
});

/**
 * Every kind of job. Each entry checks its input against the database at once (so a wrong id or an
 * impossible period is refused by jobs.start itself, not reported later as a failed job) and returns
 * the job: work in steps that calls `jobStep(signal, progress)` between them. To add a kind: its input
 * in `jobStartSchema` (shared/jobs.ts), its entry here.
 */
export const JOB_KINDS: { [K in JobKind]: (ctx: ServiceContext, input: StartOf<K>) => Job<JobResult> } = {
  'report.audit': (ctx, { auditId, format, caseDetail }) => {
    auditToReport(ctx, auditId);
    return async (signal, progress) =>
      asFile(await auditReport(ctx, auditId, format, jobStep(signal, progress), { caseDetail }));
  },
  'report.evidence': (ctx, { from, to, format }) => {
    checkPeriod(from, to);
    return async (signal, progress) =>
      asFile(await yearlyEvidenceReport(ctx, from, to, jobStep(signal, progress), format));
  },
  'report.consolidated': (ctx, { from, to, format }) => {
    checkPeriod(from, to);
    return async (signal, progress) =>
      asFile(await consolidatedReport(ctx, from, to, jobStep(signal, progress), format));
  },
};

export function jobService(
  ctx: ServiceContext,
  runner: JobRunner<JobResult>,
): Pick<ServiceHandlers, 'jobs.start' | 'jobs.get' | 'jobs.result' | 'jobs.cancel'> {
  return {
    'jobs.start': (input) => {
      const prepare = JOB_KINDS[input.kind] as (c: ServiceContext, i: JobStart) => Job<JobResult>;
      return { jobId: runner.start(input.kind, prepare(ctx, input)) };
    },
    'jobs.get': ({ jobId }) => runner.get(jobId),
    'jobs.result': ({ jobId }) => runner.result(jobId),
    'jobs.cancel': ({ jobId }) => runner.cancel(jobId),
  };
}
