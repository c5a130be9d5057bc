import { describe, expect, it } from 'vitest';
import { fitColumns } from '../../electron/report/columnWidths.js';

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

describe('table columns fitted to their content', () => {
  it('gives short values a line of their own and the rest of the width to prose', () => {
    const action = 'Send the monthly dip-sample results of CSE referrals to the QA sub-committee'; // 76
    const widths = fitColumns(['Action', 'Due', 'Status'], [[action, '28 February 2027', 'Open']], 100);
    // Due: "28 February 2027" (16) + 1 of padding; Status: "Status" (6) + 1; Action: its 18 + 1, plus
    // all that is spare (100 − 19 − 17 − 7 = 57), being the only prose.
    expect(widths.map((w) => w * 100)).toEqual([76, 17, 7].map((n) => expect.closeTo(n, 9)));
    expect(sum(widths)).toBeCloseTo(1, 10);
  });

  it('never gives a column less than its longest word, sharing out the spare by the bulk of the prose', () => {
    const widths = fitColumns(
      ['Finding', 'Evidence'],
      [['a'.repeat(10) + ' ' + 'b'.repeat(28), 'short words only here and there, forty-five c']],
      100,
    );
    // Needs: Finding's longest word is 28 (more than a line of 18) → 29; Evidence a line → 19. Bulk
    // beyond a line: 39 − 18 = 21 and 45 − 18 = 27; the spare 100 − 29 − 19 = 52 is shared 21:27.
    expect(widths[0]! * 100).toBeCloseTo(29 + (52 * 21) / 48, 9);
    expect(widths[1]! * 100).toBeCloseTo(19 + (52 * 27) / 48, 9);
  });

  it('shares a width too narrow for every need in proportion to the needs', () => {
    expect(fitColumns(['Agency', 'Grade'], [['Cambridgeshire', 'Good']], 10)).toEqual([15 / 21, 6 / 21]);
  });

  it('gives equal columns to equal content, and handles a header-only table', () => {
    expect(fitColumns(['One', 'Two'], [['same', 'same']], 40)).toEqual([0.5, 0.5]);
    expect(sum(fitColumns(['A long header here', 'B'], [], 60))).toBeCloseTo(1, 10);
  });
});
