// Intervals checked against published worked examples (Newcombe 1998, Statistics in Medicine 17:
// "Two-sided confidence intervals for the single proportion", Table I, method 3, and "Interval
// estimation for the difference between independent proportions", Table II, method 10) and one
// computed by hand.
import { describe, expect, it } from 'vitest';
import {
  changeBetweenRounds,
  describeShare,
  differenceInterval,
  intervalWords,
  isSmallSample,
  shareWithCount,
  wilsonInterval,
} from '../../shared/proportions.js';

const close = (actual: { lower: number; upper: number } | null, lower: number, upper: number) => {
  expect(actual).not.toBeNull();
  expect(actual!.lower).toBeCloseTo(lower, 4);
  expect(actual!.upper).toBeCloseTo(upper, 4);
};

describe("Wilson's score interval", () => {
  it.each([
    [81, 263, 0.2553, 0.3662],
    [15, 148, 0.0624, 0.1605],
    [0, 20, 0, 0.1611],
    [1, 29, 0.0061, 0.1718],
  ])('%i of %i matches Newcombe (1998) Table I', (x, n, lower, upper) => close(wilsonInterval(x, n), lower, upper));

  it('5 of 8, by hand: centre 0.86509, spread 0.41254, denominator 1.48018', () => {
    close(wilsonInterval(5, 8), 0.30574, 0.86317);
  });

  it('is exactly 1 at n of n, null with no case, and refuses impossible shares', () => {
    expect(wilsonInterval(6, 6)!.upper).toBe(1);
    expect(wilsonInterval(0, 6)!.lower).toBe(0);
    expect(wilsonInterval(0, 0)).toBeNull();
    expect(() => wilsonInterval(7, 6)).toThrow(/0 ≤ x ≤ n/);
    expect(() => wilsonInterval(1.5, 6)).toThrow(RangeError);
  });
});

describe("Newcombe's interval for a difference (later minus earlier)", () => {
  it.each([
    // earlier x, n; later x, n; Newcombe's lower, upper for later − earlier
    [48, 80, 56, 70, 0.0524, 0.3339],
    [3, 10, 9, 10, 0.1705, 0.809],
    [2, 7, 6, 7, 0.0582, 0.8062],
    [0, 29, 5, 56, -0.0381, 0.1926],
    [0, 20, 0, 10, -0.1611, 0.2775],
    [0, 10, 0, 10, -0.2775, 0.2775],
  ])('%i/%i then %i/%i matches Table II, method 10', (x1, n1, x2, n2, lower, upper) =>
    close(differenceInterval(x1, n1, x2, n2), lower, upper),
  );
});

describe('words for the board', () => {
  it('says a share from few cases is a small sample, at the threshold', () => {
    expect(isSmallSample(4)).toBe(true);
    expect(isSmallSample(5)).toBe(false);
    expect(isSmallSample(7, 8)).toBe(true);
    expect(describeShare(3, 4)).toBe('3 of 4 (75%; 95% interval 30% to 95%, small sample)');
    expect(describeShare(5, 8)).toBe('5 of 8 (63%; 95% interval 31% to 86%)');
    expect(describeShare(0, 0)).toBe('no case assessed');
  });

  it('shows every share with its count, marked below the threshold and not at it', () => {
    expect(shareWithCount(5, 8)).toBe('63% (5 of 8)');
    expect(shareWithCount(3, 4)).toBe('75% (3 of 4, small sample)');
    expect(shareWithCount(4, 5, 5)).toBe('80% (4 of 5)');
    expect(shareWithCount(4, 5, 6)).toBe('80% (4 of 5, small sample)');
    expect(shareWithCount(0, 0)).toBe('—');
    // 5 of 8 by hand above: 0.30574 to 0.86317.
    expect(intervalWords(5, 8)).toBe('95% interval 31% to 86%');
    expect(intervalWords(0, 0)).toBeNull();
  });

  it('calls a change real only when the interval leaves out zero', () => {
    expect(changeBetweenRounds({ x: 3, n: 10 }, { x: 9, n: 10 })).toMatchObject({
      verdict: 'better',
      words:
        'Up 60 percentage points: more than chance would explain (the change could be anything from +17 to +81 percentage points).',
    });
    expect(changeBetweenRounds({ x: 9, n: 10 }, { x: 3, n: 10 }).verdict).toBe('worse');
    // 4 of 8 to 6 of 8 looks like a 25-point rise, but eight cases cannot show it.
    const small = changeBetweenRounds({ x: 4, n: 8 }, { x: 6, n: 8 });
    expect(small.verdict).toBe('unclear');
    expect(small.words).toMatch(/^Up 25 percentage points: with samples this size, this could be chance/);
    expect(changeBetweenRounds({ x: 4, n: 8 }, { x: 0, n: 0 }).verdict).toBe('not_comparable');
  });
});
