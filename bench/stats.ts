// Small helpers the benchmarks share: timing, medians and percentiles, and the printed table.
import { performance } from 'node:perf_hooks';

export const ms = (start: number) => performance.now() - start;

export function median(xs: readonly number[]): number {
  return percentile(xs, 50);
}

/** The nearest-rank percentile (p in 0..100) of the samples; NaN for none. */
export function percentile(xs: readonly number[], p: number): number {
  if (xs.length === 0) return Number.NaN;
  const sorted = [...xs].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(sorted.length, rank) - 1]!;
}

/** Runs `fn` `reps` times (after `warmup` untimed runs) and returns each run's milliseconds. */
export async function timeRuns(reps: number, fn: (i: number) => unknown, warmup = 1): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn(-1 - i);
  const out: number[] = [];
  for (let i = 0; i < reps; i++) {
    const t = performance.now();
    await fn(i);
    out.push(ms(t));
  }
  return out;
}

export type Status = 'met' | 'missed' | 'info' | 'skipped' | 'error';

/** One line of the results: a figure, what it is compared with, and whether its target is met. */
export interface Row {
  id: string;
  name: string;
  /** The median (or the single figure), in `unit`; null when there is no figure. */
  value: number | null;
  unit: string;
  /** Extra figures, e.g. p99 or rows per second, printed beside the value. */
  detail?: string | undefined;
  /** The reference measured in the same run, e.g. raw prepared inserts. */
  reference?: string | undefined;
  target?: string | undefined;
  status: Status;
  samples?: number | undefined;
  extra?: Record<string, number | string | null> | undefined;
}

export function check(value: number, op: '<' | '>=', limit: number): Status {
  if (!Number.isFinite(value)) return 'missed';
  return (op === '<' ? value < limit : value >= limit) ? 'met' : 'missed';
}

export function fmt(n: number | null | undefined, digits?: number): string {
  if (n === null || n === undefined || Number.isNaN(n)) return '–';
  const d = digits ?? (Math.abs(n) >= 100 ? 0 : Math.abs(n) >= 10 ? 1 : 2);
  return n.toLocaleString('en-GB', { minimumFractionDigits: d, maximumFractionDigits: d });
}

export function table(rows: readonly Row[]): string {
  const head = ['benchmark', 'median', 'detail', 'reference (same run)', 'target', 'result'];
  const body = rows.map((r) => [
    r.name,
    r.value === null ? '–' : `${fmt(r.value)} ${r.unit}`,
    r.detail ?? '',
    r.reference ?? '',
    r.target ?? '',
    r.status,
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(head), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...body.map(line)].join('\n');
}
