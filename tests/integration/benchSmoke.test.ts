// The benchmarks run end to end on a tiny synthetic board and give a number for every figure. No
// timing is asserted here: timings belong to `npm run bench` and docs/performance.md. The Chromium
// benchmarks are left out (--no-browser) to keep this quick; `npm run bench -- --quick` runs them.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BenchReport } from '../../bench/run.js';

const ROOT = join(import.meta.dirname, '..', '..');
const RUN = join(ROOT, 'dist', 'bench', 'run.js');

describe('npm run bench (smoke, tiny scale)', () => {
  it('runs every benchmark and reports a numeric figure for each', { timeout: 300_000 }, () => {
    expect(existsSync(RUN), 'dist/bench/run.js is built by `npm run build`').toBe(true);
    console.info('bench smoke: Chromium benchmarks skipped (--no-browser) to keep the smoke run quick');
    const r = spawnSync(process.execPath, [RUN, '--quick', '--json', '--no-browser'], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 280_000,
      maxBuffer: 16 * 1024 * 1024,
    });
    expect(r.status, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout) as BenchReport;

    expect(report.counts.audit).toBeGreaterThan(0);
    expect(report.counts.answer).toBeGreaterThan(0);
    const ids = report.rows.map((row) => row.id);
    for (const id of [
      'audits.list',
      'actions.list.agency',
      'actions.page.all',
      'actions.page.middle',
      'actions.list.all',
      'audits.analysis',
      'search.query',
      'search.query.kinds',
      'autosave',
      'sign+export',
      'report',
      'import',
      'import.ratio',
      'import.memory',
      'checklist.load',
      'typing',
      'personalData.recall',
      'personalData.precision',
      'personalData.fiction',
      'personalData.detect',
    ]) {
      expect(ids, `a row for ${id}`).toContain(id);
    }
    for (const row of report.rows) {
      expect(row.status, `${row.name}: ${row.detail ?? ''}`).not.toBe('error');
      if (row.status === 'skipped') expect(row.value).toBeNull();
      else {
        expect(typeof row.value, row.name).toBe('number');
        expect(Number.isFinite(row.value), row.name).toBe(true);
        expect(row.value!, row.name).toBeGreaterThanOrEqual(0);
      }
      expect(['met', 'missed', 'info', 'skipped']).toContain(row.status);
    }
    expect(report.rows.find((row) => row.id === 'typing')!.status).toBe('skipped');
  });
});
