// Cohen's kappa and its standard error, checked against an implementation that did not come from
// this code: statsmodels (Debian's python3-statsmodels), on random tables of grades and of
// yes/partly/no answers, unweighted and with linear and quadratic weights.
import { execFileSync } from 'node:child_process';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { agreementWeights, cohenKappa, type Weighting } from '../../shared/agreement.js';

const PYTHON = '/usr/bin/python3';
const SCRIPT = `
import json, sys
import numpy as np
from statsmodels.stats.inter_rater import cohens_kappa
out = []
for case in json.load(sys.stdin):
    table = np.array(case["table"])
    wt = case["weighting"]
    r = cohens_kappa(table) if wt == "none" else cohens_kappa(table, wt=wt)
    out.append([float(r.kappa), float(r.std_kappa)])
print(json.dumps(out))
`;

// Tables whose margins leave kappa defined (not every answer the same one).
const tableArb = (q: number) =>
  fc
    .array(fc.array(fc.nat({ max: 12 }), { minLength: q, maxLength: q }), { minLength: q, maxLength: q })
    .filter((t) => {
      const n = t.flat().reduce((a, b) => a + b, 0);
      const rowsUsed = t.filter((r) => r.some((c) => c > 0)).length;
      const colsUsed = t[0]!.filter((_, l) => t.some((r) => r[l]! > 0)).length;
      return n >= 2 && rowsUsed > 1 && colsUsed > 1;
    });

describe("Cohen's kappa against statsmodels", () => {
  it('agrees on the value and the standard error, with and without weights', () => {
    const cases: Array<{ table: number[][]; weighting: Weighting }> = [];
    for (const q of [3, 4])
      for (const table of fc.sample(tableArb(q), { numRuns: 40, seed: 20261202 + q }))
        for (const weighting of ['none', 'linear', 'quadratic'] as const) cases.push({ table, weighting });
    const theirs = JSON.parse(
      execFileSync(PYTHON, ['-c', SCRIPT], { input: JSON.stringify(cases), encoding: 'utf8' }),
    ) as Array<[number, number]>;
    expect(theirs).toHaveLength(cases.length);
    cases.forEach((c, i) => {
      const ours = cohenKappa(c.table, agreementWeights(c.table.length, c.weighting))!;
      const [kappa, se] = theirs[i]!;
      expect(ours.value, JSON.stringify(c)).toBeCloseTo(kappa, 9);
      expect(ours.standardError, JSON.stringify(c)).toBeCloseTo(se, 9);
    });
  });
});
