// How far two auditors' answers to the same items agree, beyond what chance alone would give: the
// percentage agreement, Cohen's kappa (Cohen 1960; weighted, Cohen 1968, for ordered answers such
// as grades) and Gwet's AC1 (Gwet 2008; AC2 when weighted), which does not collapse when nearly every
// answer is the same one (the "kappa paradox" of Feinstein and Cicchetti 1990). Standard errors are
// the two-rater large-sample ones (Fleiss, Cohen and Everitt 1969 for kappa; Gwet 2008 for AC1),
// intervals use Student's t with n − 1 degrees of freedom, as Gwet's irrCAC does. Formulas and
// references: docs/findings.md, "Agreement between auditors".
import { studentTQuantile } from './studentT.js';

/** How near misses count: not at all (nominal answers), or by distance on an ordered scale. */
export type Weighting = 'none' | 'linear' | 'quadratic';

/** Paired items below this many are marked as a small sample unless the board sets another. */
export const DEFAULT_AGREEMENT_SMALL_SAMPLE = 10;

export interface AgreementFigure {
  value: number;
  standardError: number;
  /** The 95% interval, at most 1 and, below, −1 (0 for the percentage) or the figure itself. */
  lower: number;
  upper: number;
}

export interface Agreement {
  /** Items both auditors answered (with one of the categories). */
  pairs: number;
  weighting: Weighting;
  percent: AgreementFigure;
  /** Null when chance alone predicts full agreement (both auditors gave one answer throughout). */
  kappa: AgreementFigure | null;
  ac: AgreementFigure;
  smallSample: boolean;
}

/** Agreement weights: 1 on the diagonal, falling with distance on an ordered scale. */
export function agreementWeights(q: number, weighting: Weighting): number[][] {
  return Array.from({ length: q }, (_, k) =>
    Array.from({ length: q }, (_, l) => {
      if (k === l) return 1;
      if (weighting === 'none' || q < 2) return 0;
      const d = Math.abs(k - l) / (q - 1);
      return weighting === 'linear' ? 1 - d : 1 - d * d;
    }),
  );
}

/**
 * The q × q table of counts: rows the first auditor's answer, columns the second's, in the order of
 * `categories`. Pairs where either answer is not one of the categories (not answered, not
 * applicable) are left out.
 */
export function contingencyTable(
  pairs: ReadonlyArray<readonly [string | null, string | null]>,
  categories: readonly string[],
): number[][] {
  const index = new Map(categories.map((c, i) => [c, i]));
  const table = categories.map(() => categories.map(() => 0));
  for (const [a, b] of pairs) {
    const i = a === null ? undefined : index.get(a);
    const j = b === null ? undefined : index.get(b);
    if (i !== undefined && j !== undefined) table[i]![j]! += 1;
  }
  return table;
}

interface Margins {
  n: number;
  q: number;
  p: number[][];
  rows: number[];
  cols: number[];
  pa: number;
}

function margins(table: number[][], w: number[][]): Margins {
  const q = table.length;
  const n = table.flat().reduce((a, b) => a + b, 0);
  const p = table.map((r) => r.map((c) => c / n));
  const rows = p.map((r) => r.reduce((a, b) => a + b, 0));
  const cols = p[0]!.map((_, l) => p.reduce((a, r) => a + r[l]!, 0));
  let pa = 0;
  for (let k = 0; k < q; k++) for (let l = 0; l < q; l++) pa += w[k]![l]! * p[k]![l]!;
  return { n, q, p, rows, cols, pa };
}

function figure(value: number, variance: number, n: number, floor: number): AgreementFigure {
  const standardError = Math.sqrt(Math.max(variance, 0));
  const t = n >= 2 ? studentTQuantile(0.975, n - 1) : Number.POSITIVE_INFINITY;
  const half = t * standardError;
  return {
    value,
    standardError,
    // A kappa can fall below −1 (its least is −pe / (1 − pe)); the interval's floor never cuts it off.
    lower: Math.max(Math.min(floor, value), value - half),
    upper: Number.isFinite(half) ? Math.min(1, value + half) : 1,
  };
}

/** The (weighted) share of items on which the two agree. */
export function percentAgreement(table: number[][], w = agreementWeights(table.length, 'none')): AgreementFigure {
  const m = margins(table, w);
  let sum = 0;
  for (let k = 0; k < m.q; k++) for (let l = 0; l < m.q; l++) sum += m.p[k]![l]! * w[k]![l]! ** 2;
  return figure(m.pa, (sum - m.pa ** 2) / m.n, m.n, 0);
}

/** Cohen's kappa, weighted by `w`; null when chance alone predicts full agreement. */
export function cohenKappa(table: number[][], w = agreementWeights(table.length, 'none')): AgreementFigure | null {
  const m = margins(table, w);
  let pe = 0;
  for (let k = 0; k < m.q; k++) for (let l = 0; l < m.q; l++) pe += w[k]![l]! * m.rows[k]! * m.cols[l]!;
  if (1 - pe < 1e-12) return null;
  const kappa = (m.pa - pe) / (1 - pe);
  // w̄_k. weights row k by the second auditor's margins; w̄_.l weights column l by the first's.
  const wRow = m.rows.map((_, k) => m.cols.reduce((a, c, l) => a + w[k]![l]! * c, 0));
  const wCol = m.cols.map((_, l) => m.rows.reduce((a, r, k) => a + w[k]![l]! * r, 0));
  let sum = 0;
  for (let k = 0; k < m.q; k++)
    for (let l = 0; l < m.q; l++) sum += m.p[k]![l]! * (w[k]![l]! - (1 - kappa) * (wRow[k]! + wCol[l]!)) ** 2;
  const variance = (sum - (m.pa - 2 * (1 - kappa) * pe) ** 2) / (m.n * (1 - pe) ** 2);
  return figure(kappa, variance, m.n, -1);
}

/** Gwet's AC1 (AC2 when weighted). */
export function gwetAc(table: number[][], w = agreementWeights(table.length, 'none')): AgreementFigure {
  const m = margins(table, w);
  const q = m.q;
  const pi = m.rows.map((r, k) => (r + m.cols[k]!) / 2);
  const tw = w.flat().reduce((a, b) => a + b, 0);
  const pe = q < 2 ? 0 : (tw * pi.reduce((a, x) => a + x * (1 - x), 0)) / (q * (q - 1));
  const ac = (m.pa - pe) / (1 - pe);
  let sum = 0;
  for (let k = 0; k < q; k++)
    for (let l = 0; l < q; l++) {
      const chance = (2 * (1 - ac) * tw * (1 - (pi[k]! + pi[l]!) / 2)) / (q * (q - 1));
      sum += m.p[k]![l]! * (w[k]![l]! - chance) ** 2;
    }
  const variance = (sum - (m.pa - 2 * (1 - ac) * pe) ** 2) / (m.n * (1 - pe) ** 2);
  return figure(ac, variance, m.n, -1);
}

/** Every figure for two auditors' answers to the same items; null when no item was answered by both. */
export function agreement(
  pairs: ReadonlyArray<readonly [string | null, string | null]>,
  categories: readonly string[],
  weighting: Weighting,
  smallSampleBelow = DEFAULT_AGREEMENT_SMALL_SAMPLE,
): Agreement | null {
  const table = contingencyTable(pairs, categories);
  const n = table.flat().reduce((a, b) => a + b, 0);
  if (n === 0) return null;
  const w = agreementWeights(categories.length, weighting);
  return {
    pairs: n,
    weighting,
    percent: percentAgreement(table, agreementWeights(categories.length, 'none')),
    kappa: cohenKappa(table, w),
    ac: gwetAc(table, w),
    smallSample: n < smallSampleBelow,
  };
}

/** Landis and Koch's (1977) words for a chance-corrected agreement, the scale most readers know. */
export function agreementStrength(value: number): string {
  if (value < 0) return 'less than chance';
  if (value <= 0.2) return 'slight';
  if (value <= 0.4) return 'fair';
  if (value <= 0.6) return 'moderate';
  if (value <= 0.8) return 'substantial';
  return 'almost perfect';
}

const pct = (v: number) => `${Math.round(v * 100)}%`;
const two = (v: number) => v.toFixed(2);

/** What the figures mean, in words a board member reads without a statistics course. */
export function describeAgreement(a: Agreement): string[] {
  const agreed = Math.round(a.percent.value * a.pairs);
  const lines = [
    `The two auditors gave the same answer on ${agreed} of ${a.pairs} ${a.pairs === 1 ? 'item' : 'items'} (${pct(a.percent.value)}).`,
  ];
  const chance = a.kappa ?? a.ac;
  const which = a.kappa ? 'kappa' : 'AC1';
  lines.push(
    `Taking away the agreement expected by chance, their agreement was ${agreementStrength(chance.value)} (${which} ${two(chance.value)}; 95% interval ${two(chance.lower)} to ${two(chance.upper)}).`,
  );
  if (a.kappa && a.ac.value - a.kappa.value > 0.2)
    lines.push(
      `Nearly every answer was the same one, which makes kappa understate agreement; Gwet's AC1, which does not, is ${two(a.ac.value)} (${agreementStrength(a.ac.value)}).`,
    );
  if (!a.kappa)
    lines.push('Both auditors gave one answer throughout, so kappa cannot be worked out; AC1 is shown instead.');
  if (a.smallSample)
    lines.push(
      `This rests on only ${a.pairs} ${a.pairs === 1 ? 'item' : 'items'}, a small sample: read it as a rough guide.`,
    );
  return lines;
}
