// Long work as jobs (electron/jobs/, jobs.* in the contract) on a real installation: progress that
// only moves forward, other calls answered while a job runs, a report collected once, cancelling
// that leaves no result and no change in the database, and refusals naming the field.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, type CaseAuditApp } from '../../electron/app.js';
import { apiOver } from '../../electron/rpc/apiClient.js';
import { createJobRunner, jobStep, yieldToEventLoop, type Job } from '../../electron/jobs/jobRunner.js';
import { consolidatedReport } from '../../electron/services/reportService.js';
import type { JobStatus } from '../../shared/jobs.js';
import { docxText, pdfText } from '../helpers/documents.js';
import { completeAudit, installation, sign, type Installation } from '../helpers/installations.js';
import { tempDir } from '../helpers/tmp.js';

const t = tempDir();
let inst: Installation;
const titles = ['Neglect audit 2019', 'Exploitation audit 2020', 'Front door audit 2021', 'Domestic abuse audit 2022'];
const auditIds: string[] = [];
const ALL_TIME = { from: '2000-01-01', to: '2099-12-31' };

beforeAll(async () => {
  inst = await installation(t.dir, 'jobs', {
    name: 'Jobs Auditor',
    role: 'Independent auditor',
    agency: 'Independent',
  });
  for (const [i, title] of titles.entries()) auditIds.push(await completeAudit(inst.api, title, { seed: i + 1 }));
  await sign(inst.api, auditIds[0]!);
}, 180_000);
afterAll(() => {
  inst.app.close();
  t.cleanup();
});

/** Every table's row count, the change log's last link, and the connection's count of rows written. */
function snapshot(app: CaseAuditApp) {
  const tables = app.db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .all() as { name: string }[];
  return {
    counts: Object.fromEntries(
      tables.map(({ name }) => [
        name,
        (app.db.prepare(`SELECT count(*) AS n FROM "${name}"`).get() as { n: number }).n,
      ]),
    ),
    lastChange: app.db.prepare('SELECT seq, hash FROM change_log ORDER BY seq DESC LIMIT 1').get(),
    written: (app.db.prepare('SELECT total_changes() AS n').get() as { n: number }).n,
  };
}

/** Polls jobs.get once per turn of the event loop until the job stops, keeping every answer. */
async function follow(api: Installation['api'], jobId: string): Promise<JobStatus[]> {
  const seen: JobStatus[] = [];
  for (let i = 0; i < 10_000; i++) {
    const s = await api['jobs.get']({ jobId });
    seen.push(s);
    if (s.status !== 'running') return seen;
    await yieldToEventLoop();
  }
  throw new Error('the job did not stop');
}

describe('jobs over the contract', () => {
  it('runs the consolidated report in steps, one per audit, with progress that only moves forward', async () => {
    const before = snapshot(inst.app);
    const { jobId } = await inst.api['jobs.start']({ kind: 'report.consolidated', ...ALL_TIME });
    // Other calls are served while the job runs.
    const listed = await inst.api['audits.list']({});
    expect(listed.length).toBe(titles.length);
    const seen = await follow(inst.api, jobId);

    const last = seen.at(-1)!;
    expect(last).toEqual({
      kind: 'report.consolidated',
      status: 'done',
      done: titles.length + 1,
      total: titles.length + 1,
      stage: 'Finished',
    });
    const running = seen.filter((s) => s.status === 'running');
    // It was seen running at several points: each audit read, and the PDF written, is a step.
    const dones = running.map((s) => s.done);
    expect(new Set(dones).size).toBeGreaterThanOrEqual(titles.length);
    for (let i = 1; i < seen.length; i++) expect(seen[i]!.done).toBeGreaterThanOrEqual(seen[i - 1]!.done);
    expect(running.some((s) => s.stage === 'Reading the audits' && s.total === titles.length + 1)).toBe(true);
    expect(running.some((s) => s.stage === 'Writing the PDF' && s.done === titles.length)).toBe(true);

    const report = await inst.api['jobs.result']({ jobId });
    expect(report.fileName).toBe('qa-report-2000-01-01-to-2099-12-31.pdf');
    const text = await pdfText(Buffer.from(report.base64, 'base64'));
    for (const title of titles) expect(text).toContain(title);
    expect(text).toContain('Actions across all audits');
    // The same report as the one-call method gives.
    const direct = await inst.api['reports.consolidated'](ALL_TIME);
    expect(await pdfText(Buffer.from(direct.base64, 'base64'))).toBe(text);

    // Collected once, then forgotten.
    await expect(inst.api['jobs.result']({ jobId })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(inst.api['jobs.get']({ jobId })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    // A report reads only.
    expect(snapshot(inst.app)).toEqual(before);
  });

  it('makes the board report of one audit as Word, in its own steps', async () => {
    const { jobId } = await inst.api['jobs.start']({ kind: 'report.audit', auditId: auditIds[0]!, format: 'docx' });
    const seen = await follow(inst.api, jobId);
    expect(seen.at(-1)).toMatchObject({ status: 'done', done: 3, total: 3 });
    const stages = new Set(seen.map((s) => s.stage));
    expect(stages).toContain('Writing the Word document');
    const report = await inst.api['jobs.result']({ jobId });
    expect(report.fileName).toBe('neglect-audit-2019.docx');
    expect(await docxText(Buffer.from(report.base64, 'base64'))).toContain('Neglect audit 2019');
  });

  it('cancels before the first step: no result, nothing written', async () => {
    const before = snapshot(inst.app);
    const { jobId } = await inst.api['jobs.start']({ kind: 'report.consolidated', ...ALL_TIME });
    const cancelled = await inst.api['jobs.cancel']({ jobId });
    expect(cancelled).toMatchObject({ status: 'cancelled', done: 0 });
    // It stays cancelled and goes no further.
    for (let i = 0; i < 20; i++) await yieldToEventLoop();
    expect(await inst.api['jobs.get']({ jobId })).toEqual(cancelled);
    await expect(inst.api['jobs.result']({ jobId })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: 'jobId: the job was cancelled, so it has no result.',
    });
    expect(snapshot(inst.app)).toEqual(before);
  });

  it('cancels between two audits: it stops there, with no result and nothing written', async () => {
    const before = snapshot(inst.app);
    const { jobId } = await inst.api['jobs.start']({ kind: 'report.consolidated', ...ALL_TIME });
    let status = await inst.api['jobs.get']({ jobId });
    while (status.done < 2) {
      expect(status.status).toBe('running');
      await yieldToEventLoop();
      status = await inst.api['jobs.get']({ jobId });
    }
    expect(status).toMatchObject({ status: 'running', done: 2, stage: 'Reading the audits' });
    const cancelled = await inst.api['jobs.cancel']({ jobId });
    expect(cancelled).toMatchObject({ status: 'cancelled', done: 2, total: titles.length + 1 });
    for (let i = 0; i < 50; i++) await yieldToEventLoop();
    expect(await inst.api['jobs.get']({ jobId })).toEqual(cancelled);
    await expect(inst.api['jobs.result']({ jobId })).rejects.toMatchObject({ code: 'CONFLICT' });
    // Cancelling again changes nothing.
    expect(await inst.api['jobs.cancel']({ jobId })).toEqual(cancelled);
    expect(snapshot(inst.app)).toEqual(before);
  });

  it('drops a finished result that is cancelled before it is collected', async () => {
    const { jobId } = await inst.api['jobs.start']({ kind: 'report.audit', auditId: auditIds[1]!, format: 'pdf' });
    expect((await follow(inst.api, jobId)).at(-1)!.status).toBe('done');
    expect(await inst.api['jobs.cancel']({ jobId })).toMatchObject({ status: 'cancelled' });
    await expect(inst.api['jobs.result']({ jobId })).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('refuses bad input naming the field, and unknown jobs as NOT_FOUND', async () => {
    const refused = (input: unknown) => inst.app.dispatch('jobs.start', input);
    expect(await refused({ kind: 'report.audit', auditId: 'not-an-id', format: 'pdf' })).toEqual({
      ok: false,
      error: {
        code: 'VALIDATION',
        message: 'auditId: must be a record id (UUID)',
        issues: [{ path: ['auditId'], message: 'must be a record id (UUID)' }],
      },
    });
    expect(await refused({ kind: 'report.audit', auditId: auditIds[0], format: 'odt' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: expect.stringMatching(/^format: /) },
    });
    expect(await refused({ kind: 'report.consolidated', from: '2024-02-30', to: '2024-03-01' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: expect.stringMatching(/^from: /) },
    });
    expect(await refused({ kind: 'search.everything' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: expect.stringMatching(/^kind: /) },
    });
    expect(await refused({ kind: 'report.consolidated', ...ALL_TIME, extra: 1 })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: expect.stringMatching(/extra/) },
    });
    // Checked against the database at once, not reported later as a failed job.
    expect(await refused({ kind: 'report.consolidated', from: '2024-03-01', to: '2024-02-01' })).toEqual({
      ok: false,
      error: {
        code: 'VALIDATION',
        message: 'to: the end of the period is before its start',
        issues: [{ path: ['to'], message: 'the end of the period is before its start' }],
      },
    });
    expect(await refused({ kind: 'report.audit', auditId: randomUUID(), format: 'pdf' })).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'No such audit.' },
    });

    expect(await inst.app.dispatch('jobs.get', { jobId: 'job-1' })).toEqual({
      ok: false,
      error: {
        code: 'VALIDATION',
        message: 'jobId: must be a record id (UUID)',
        issues: [{ path: ['jobId'], message: 'must be a record id (UUID)' }],
      },
    });
    const unknown = { ok: false, error: { code: 'NOT_FOUND', message: expect.stringMatching(/^jobId: no such job/) } };
    for (const m of ['jobs.get', 'jobs.result', 'jobs.cancel'])
      expect(await inst.app.dispatch(m, { jobId: randomUUID() })).toMatchObject(unknown);
  });

  it('cancels running jobs when the database closes, without touching the closed connection', async () => {
    const logged: unknown[] = [];
    const other = openApp(inst.path, {
      key: Buffer.alloc(32, 'jobs'.length),
      dailyBackup: false,
      logError: (_m, e) => logged.push(e),
    });
    const api = apiOver(other.dispatch);
    const { jobId } = await api['jobs.start']({ kind: 'report.consolidated', ...ALL_TIME });
    await yieldToEventLoop();
    expect((await api['jobs.get']({ jobId })).status).toBe('running');
    other.close();
    for (let i = 0; i < 50; i++) await yieldToEventLoop();
    expect(logged).toEqual([]);
  });
});

describe('the job runner', () => {
  it('keeps a bounded number of jobs: finished ones make room, running ones do not', async () => {
    let n = 0;
    const runner = createJobRunner<number>({ newId: () => `job-${++n}`, limit: 2 });
    const counting: Job<number> = async (signal, progress) => {
      const step = jobStep(signal, progress);
      for (let i = 0; i < 1000; i++) await step(i, 1000, 'Counting');
      return 1000;
    };
    const quick: Job<number> = () => Promise.resolve(7);
    const first = runner.start('quick', quick);
    await runner.stopped(first);
    expect(runner.get(first).status).toBe('done');
    const second = runner.start('counting', counting);
    const third = runner.start('counting', counting); // the finished first makes room
    expect(() => runner.get(first)).toThrow(/no such job/);
    expect(() => runner.start('counting', counting)).toThrow(/2 long tasks are already running/);
    runner.cancel(second);
    runner.cancel(third);
    await Promise.all([runner.stopped(second), runner.stopped(third)]);
    expect(runner.get(second).status).toBe('cancelled');
    expect(runner.get(second).done).toBeLessThan(1000);
    expect(runner.start('quick', quick)).toBe('job-4');
  });

  it('reports a failure with its message, and an unexpected one plainly (the details go to the log)', async () => {
    const logged: string[] = [];
    const runner = createJobRunner<number>({ newId: randomUUID, logError: (kind) => logged.push(kind) });
    const plain = runner.start('boom', () => Promise.reject(new TypeError('x is undefined')));
    await runner.stopped(plain);
    expect(runner.get(plain)).toMatchObject({
      status: 'failed',
      message: 'Something went wrong. The details are in the log.',
    });
    expect(logged).toEqual(['boom']);
    expect(() => runner.result(plain)).toThrow(/failed, so it has no result/);
  });

  it('stops the consolidated report between audits, reading no audit after the cancel', async () => {
    const runner = createJobRunner<Buffer>({ newId: randomUUID });
    const stages: string[] = [];
    let cancelAt = -1;
    const id = runner.start('report.consolidated', async (signal, progress) => {
      const step = jobStep(signal, (done, total, stage) => {
        stages.push(`${done}/${total} ${stage}`);
        progress(done, total, stage);
        if (done === 1) cancelAt = done;
      });
      return (await consolidatedReport(inst.app.ctx, ALL_TIME.from, ALL_TIME.to, step)).bytes;
    });
    while (cancelAt < 0) await yieldToEventLoop();
    runner.cancel(id);
    await runner.stopped(id);
    expect(stages).toEqual(['0/5 Reading the audits', '1/5 Reading the audits']);
    expect(runner.get(id)).toMatchObject({ status: 'cancelled', done: 1, total: 5 });
  });
});
