// Agreement between auditors against published worked examples and hand-computed cases, with
// properties any agreement coefficient must have.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  agreement,
  agreementStrength,
  agreementWeights,
  cohenKappa,
  contingencyTable,
  describeAgreement,
  gwetAc,
  percentAgreement,
} from '../../shared/agreement.js';
import { studentTCdf, studentTQuantile } from '../../shared/studentT.js';

// Gwet's irrCAC package, vignette "overview": 100 subjects classified by two abstractors.
const ABSTRACTORS = [
  [13, 0, 0],
  [0, 20, 7],
  [0, 4, 56],
];

describe("Student's t", () => {
  it('gives the tabulated 97.5% quantiles', () => {
    expect(studentTQuantile(0.975, 1)).toBeCloseTo(12.7062, 3);
    expect(studentTQuantile(0.975, 7)).toBeCloseTo(2.3646, 4);
    expect(studentTQuantile(0.975, 99)).toBeCloseTo(1.9842, 4);
    expect(studentTQuantile(0.975, 1e6)).toBeCloseTo(1.96, 2);
    expect(studentTCdf(0, 5)).toBeCloseTo(0.5, 12);
    expect(studentTCdf(2.015, 5)).toBeCloseTo(0.95, 4);
  });
});

describe('the published example (irrCAC, cont3x3abstractors)', () => {
  it("gives Cohen's kappa 0.7964094, standard error 0.05891072, interval 0.68 to 0.913", () => {
    const k = cohenKappa(ABSTRACTORS)!;
    expect(k.value).toBeCloseTo(0.7964094, 7);
    expect(k.standardError).toBeCloseTo(0.05891072, 7);
    expect(k.lower).toBeCloseTo(0.68, 2);
    expect(k.upper).toBeCloseTo(0.913, 3);
  });

  it("gives Gwet's AC1 0.8493305, standard error 0.04321747, interval 0.764 to 0.935", () => {
    const ac = gwetAc(ABSTRACTORS);
    expect(ac.value).toBeCloseTo(0.8493305, 7);
    expect(ac.standardError).toBeCloseTo(0.04321747, 7);
    expect(ac.lower).toBeCloseTo(0.764, 3);
    expect(ac.upper).toBeCloseTo(0.935, 3);
  });

  it('gives the percentage agreement 0.89, standard error 0.03128898, interval 0.828 to 0.952', () => {
    const pa = percentAgreement(ABSTRACTORS);
    expect(pa.value).toBeCloseTo(0.89, 12);
    expect(pa.standardError).toBeCloseTo(0.03128898, 7);
    expect(pa.lower).toBeCloseTo(0.828, 3);
    expect(pa.upper).toBeCloseTo(0.952, 3);
  });
});

describe('hand-computed cases', () => {
  it("Cohen's two-by-two example: 20 and 15 agreements, 5 and 10 disagreements of 50 give 0.4", () => {
    // po = 35/50 = 0.7; pe = 0.5 × 0.6 + 0.5 × 0.4 = 0.5; κ = (0.7 − 0.5) / 0.5 = 0.4.
    expect(
      cohenKappa([
        [20, 5],
        [10, 15],
      ])!.value,
    ).toBeCloseTo(0.4, 12);
  });

  it('the kappa paradox: 118 of 125 agreements give kappa below zero while AC1 stays high', () => {
    // Margins 123/125 and 120/125: pe = 0.984 × 0.96 + 0.016 × 0.04 = 0.94528; po = 0.944;
    // κ = (0.944 − 0.94528) / 0.05472 = −0.0234. AC1: π = (0.972, 0.028), pe = 2 × 0.972 × 0.028 =
    // 0.054432; AC1 = (0.944 − 0.054432) / 0.945568 = 0.940776.
    const table = [
      [118, 5],
      [2, 0],
    ];
    expect(cohenKappa(table)!.value).toBeCloseTo(-0.0233918, 6);
    expect(gwetAc(table).value).toBeCloseTo(0.9407763, 6);
    const a = agreement(
      [
        ...Array.from({ length: 118 }, () => ['yes', 'yes'] as const),
        ...Array.from({ length: 5 }, () => ['yes', 'no'] as const),
        ...Array.from({ length: 2 }, () => ['no', 'yes'] as const),
      ],
      ['yes', 'no'],
      'none',
    )!;
    expect(describeAgreement(a).join(' ')).toMatch(
      /makes kappa understate agreement; Gwet's AC1, which does not, is 0\.94/,
    );
  });

  it('linear and quadratic weights on a four-point grade scale', () => {
    const close = (rows: number[][]) => rows.map((r) => r.map((v) => expect.closeTo(v, 12)));
    expect(agreementWeights(4, 'linear')).toEqual(
      close([
        [1, 2 / 3, 1 / 3, 0],
        [2 / 3, 1, 2 / 3, 1 / 3],
        [1 / 3, 2 / 3, 1, 2 / 3],
        [0, 1 / 3, 2 / 3, 1],
      ]),
    );
    expect(agreementWeights(4, 'quadratic')).toEqual(
      close([
        [1, 8 / 9, 5 / 9, 0],
        [8 / 9, 1, 8 / 9, 5 / 9],
        [5 / 9, 8 / 9, 1, 8 / 9],
        [0, 5 / 9, 8 / 9, 1],
      ]),
    );
    expect(agreementWeights(3, 'none')).toEqual([
      [1, 0, 0],
      [0, 1, 0],
      [0, 0, 1],
    ]);
  });

  it('leaves out pairs where either auditor gave no answer or one outside the categories', () => {
    expect(
      contingencyTable(
        [
          ['good', 'good'],
          ['good', null],
          ['na', 'good'],
          ['inadequate', 'good'],
        ],
        ['good', 'inadequate'],
      ),
    ).toEqual([
      [1, 0],
      [1, 0],
    ]);
    expect(agreement([[null, 'good']], ['good'], 'none')).toBeNull();
  });

  it('has no kappa when both auditors gave one answer throughout, and says so', () => {
    const a = agreement(
      Array.from({ length: 6 }, () => ['yes', 'yes'] as const),
      ['yes', 'partly', 'no'],
      'none',
    )!;
    expect(a.kappa).toBeNull();
    expect(a.ac.value).toBeCloseTo(1, 12);
    expect(a.smallSample).toBe(true);
    const words = describeAgreement(a).join(' ');
    expect(words).toContain('same answer on 6 of 6 items (100%)');
    expect(words).toContain('kappa cannot be worked out');
    expect(words).toContain('only 6 items, a small sample');
  });

  it("names the strength in Landis and Koch's words", () => {
    expect([-0.1, 0.1, 0.3, 0.5, 0.7, 0.9].map(agreementStrength)).toEqual([
      'less than chance',
      'slight',
      'fair',
      'moderate',
      'substantial',
      'almost perfect',
    ]);
  });
});

const GRADES = ['outstanding', 'good', 'requires_improvement', 'inadequate'];
const pairsArb = fc.array(fc.tuple(fc.constantFrom(...GRADES), fc.constantFrom(...GRADES)), {
  minLength: 2,
  maxLength: 40,
});
const weightingArb = fc.constantFrom('none' as const, 'linear' as const, 'quadratic' as const);

describe('properties', () => {
  it('perfect agreement gives 1 (kappa, where it exists, and AC1)', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...GRADES), { minLength: 1, maxLength: 40 }), weightingArb, (answers, w) => {
        const a = agreement(
          answers.map((x) => [x, x] as const),
          GRADES,
          w,
        )!;
        expect(a.percent.value).toBeCloseTo(1, 12);
        expect(a.ac.value).toBeCloseTo(1, 12);
        if (a.kappa) expect(a.kappa.value).toBeCloseTo(1, 12);
      }),
    );
  });

  it('is symmetric: swapping the auditors changes nothing', () => {
    fc.assert(
      fc.property(pairsArb, weightingArb, (pairs, w) => {
        const a = agreement(pairs, GRADES, w)!;
        const b = agreement(
          pairs.map(([x, y]) => [y, x] as const),
          GRADES,
          w,
        )!;
        expect(b.ac.value).toBeCloseTo(a.ac.value, 10);
        expect(b.ac.standardError).toBeCloseTo(a.ac.standardError, 10);
        expect(b.kappa?.value ?? null).toEqual(a.kappa ? expect.closeTo(a.kappa.value, 10) : null);
        expect(b.percent.value).toBeCloseTo(a.percent.value, 12);
      }),
    );
  });

  it('stays within its bounds, with intervals around the figure', () => {
    fc.assert(
      fc.property(pairsArb, weightingArb, (pairs, w) => {
        const a = agreement(pairs, GRADES, w)!;
        for (const f of [a.percent, a.ac, ...(a.kappa ? [a.kappa] : [])]) {
          expect(f.value).toBeLessThanOrEqual(1 + 1e-12);
          expect(f.lower).toBeLessThanOrEqual(f.value + 1e-12);
          expect(f.upper).toBeGreaterThanOrEqual(f.value - 1e-12);
          expect(f.standardError).toBeGreaterThanOrEqual(0);
        }
        expect(a.percent.value).toBeGreaterThanOrEqual(0);
        expect(a.percent.lower).toBeGreaterThanOrEqual(0);
        // AC1 without weights is never below −1 (its chance agreement is at most a half).
        if (w === 'none') expect(a.ac.value).toBeGreaterThanOrEqual(-1 - 1e-12);
        // Weighting never lowers kappa's observed agreement below the unweighted one.
        const unweighted = agreement(pairs, GRADES, 'none')!;
        const weighted = agreement(pairs, GRADES, 'linear')!;
        expect(
          percentAgreement(contingencyTable(pairs, GRADES), agreementWeights(4, 'linear')).value,
        ).toBeGreaterThanOrEqual(unweighted.percent.value - 1e-12);
        expect(weighted.pairs).toBe(pairs.length);
      }),
    );
  });
});
