// Honest numbers for small samples. Audits sample 6 to 12 cases, so a share such as "5 of 8" is a
// rough estimate: these say how rough. Wilson's score interval for one share (it stays inside 0 to
// 100% and behaves at 0 of n and n of n, unlike the textbook ±1.96·√(p(1−p)/n)), and Newcombe's
// hybrid score interval for the difference between two rounds' shares (Newcombe 1998, method 10),
// built from the two Wilson intervals.

/** The normal quantile for a two-sided 95% interval. */
export const Z95 = 1.959963984540054;

/** Shares from fewer cases than this are marked as a small sample unless the board sets another. */
export const DEFAULT_SMALL_SAMPLE = 5;

export interface Interval {
  lower: number;
  upper: number;
}

/** Wilson's score interval for `x` successes in `n` (no continuity correction); null when n is 0. */
export function wilsonInterval(x: number, n: number, z = Z95): Interval | null {
  if (!Number.isInteger(x) || !Number.isInteger(n) || x < 0 || n < 0 || x > n)
    throw new RangeError(`a share needs 0 ≤ x ≤ n, whole numbers (got ${x} of ${n})`);
  if (n === 0) return null;
  const p = x / n;
  const z2 = z * z;
  const centre = p + z2 / (2 * n);
  const spread = z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  const denominator = 1 + z2 / n;
  // At 0 of n and n of n the bounds are exactly 0 and 1; floating point would leave dust.
  return {
    lower: x === 0 ? 0 : (centre - spread) / denominator,
    upper: x === n ? 1 : (centre + spread) / denominator,
  };
}

/**
 * Newcombe's interval for p2 − p1 (the later round minus the earlier): null when either round
 * assessed no case.
 */
export function differenceInterval(x1: number, n1: number, x2: number, n2: number, z = Z95): Interval | null {
  const a = wilsonInterval(x1, n1, z);
  const b = wilsonInterval(x2, n2, z);
  if (!a || !b) return null;
  const p1 = x1 / n1;
  const p2 = x2 / n2;
  const d = p2 - p1;
  return {
    lower: d - Math.sqrt((p2 - b.lower) ** 2 + (a.upper - p1) ** 2),
    upper: d + Math.sqrt((b.upper - p2) ** 2 + (p1 - a.lower) ** 2),
  };
}

export const isSmallSample = (n: number, threshold = DEFAULT_SMALL_SAMPLE) => n < threshold;

const pct = (v: number) => `${Math.round(v * 100)}%`;

/** "5 of 8 (63%; 95% interval 31% to 86%)", with "small sample" when it is one. */
export function describeShare(x: number, n: number, threshold = DEFAULT_SMALL_SAMPLE): string {
  const ci = wilsonInterval(x, n);
  if (!ci) return 'no case assessed';
  const small = isSmallSample(n, threshold) ? ', small sample' : '';
  return `${x} of ${n} (${pct(x / n)}; 95% interval ${pct(ci.lower)} to ${pct(ci.upper)}${small})`;
}

export type ChangeVerdict = 'better' | 'worse' | 'unclear' | 'not_comparable';

export interface ChangeBetweenRounds {
  verdict: ChangeVerdict;
  difference: number | null;
  interval: Interval | null;
  /** In words a board member understands. */
  words: string;
}

/**
 * Whether a re-audit's share differs from the earlier round's by more than chance would explain:
 * it does when Newcombe's 95% interval for the difference leaves out zero.
 */
export function changeBetweenRounds(
  earlier: { x: number; n: number },
  later: { x: number; n: number },
): ChangeBetweenRounds {
  const interval = differenceInterval(earlier.x, earlier.n, later.x, later.n);
  if (!interval)
    return {
      verdict: 'not_comparable',
      difference: null,
      interval: null,
      words: 'Cannot be compared: one of the rounds assessed no case.',
    };
  const difference = later.x / later.n - earlier.x / earlier.n;
  const points = Math.round(Math.abs(difference) * 100);
  const range = `the change could be anything from ${signed(interval.lower)} to ${signed(interval.upper)} percentage points`;
  if (interval.lower > 0)
    return {
      verdict: 'better',
      difference,
      interval,
      words: `Up ${points} percentage points: more than chance would explain (${range}).`,
    };
  if (interval.upper < 0)
    return {
      verdict: 'worse',
      difference,
      interval,
      words: `Down ${points} percentage points: more than chance would explain (${range}).`,
    };
  const moved = points === 0 ? 'No change' : `${difference > 0 ? 'Up' : 'Down'} ${points} percentage points`;
  return {
    verdict: 'unclear',
    difference,
    interval,
    words: `${moved}: with samples this size, this could be chance (${range}).`,
  };
}

const signed = (v: number) => {
  const n = Math.round(v * 100);
  return n > 0 ? `+${n}` : `${n}`;
};

/**
 * The change in a share from the first round that measured it (assessed a case) to the last that
 * did; null unless two rounds did.
 */
export function changeOverRounds(
  rounds: readonly { strengthCount: number; casesAssessed: number }[],
): ChangeBetweenRounds | null {
  const measured = rounds.filter((r) => r.casesAssessed > 0);
  if (measured.length < 2) return null;
  const first = measured[0]!;
  const last = measured[measured.length - 1]!;
  return changeBetweenRounds(
    { x: first.strengthCount, n: first.casesAssessed },
    { x: last.strengthCount, n: last.casesAssessed },
  );
}

/** The heading of a trend table's change column: what `changeOverRounds` compares, in plain words. */
export const CHANGE_OVER_ROUNDS_HEADING =
  'Change from the first round measured to the last, and whether chance could explain it';

/** How every share is shown: "63% (5 of 8)", with ", small sample" when it is one; "—" when no case was assessed. */
export function shareWithCount(x: number, n: number, threshold = DEFAULT_SMALL_SAMPLE): string {
  if (n === 0) return '—';
  return `${pct(x / n)} (${x} of ${n}${isSmallSample(n, threshold) ? ', small sample' : ''})`;
}

/** "95% interval 31% to 86%"; null when no case was assessed. */
export function intervalWords(x: number, n: number): string | null {
  const ci = wilsonInterval(x, n);
  return ci ? `95% interval ${pct(ci.lower)} to ${pct(ci.upper)}` : null;
}
