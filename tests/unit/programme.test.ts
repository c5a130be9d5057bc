// The programme's calendar (the year from 1 April, its quarters), the re-audit due rule and a planned
// audit's standing, as pure functions on calendar dates.
import { describe, expect, it } from 'vitest';
import {
  addMonths,
  daysBetween,
  entryWindow,
  plannedAuditSaveSchema,
  programmeStanding,
  programmeYearOf,
  quarterOf,
  quarterWindow,
  reauditDueOn,
} from '../../shared/programme.js';
import { londonDate } from '../../shared/today.js';

describe('the programme year and its quarters', () => {
  it('runs from 1 April to 31 March', () => {
    expect(programmeYearOf('2026-03-31')).toBe(2025);
    expect(programmeYearOf('2026-04-01')).toBe(2026);
    expect(programmeYearOf('2027-01-15')).toBe(2026);
  });
  it('has quarters April–June, July–September, October–December and January–March', () => {
    expect([1, 2, 3, 4].map((q) => quarterWindow(2026, q as 1 | 2 | 3 | 4))).toEqual([
      { from: '2026-04-01', to: '2026-06-30' },
      { from: '2026-07-01', to: '2026-09-30' },
      { from: '2026-10-01', to: '2026-12-31' },
      { from: '2027-01-01', to: '2027-03-31' },
    ]);
    for (let m = 1; m <= 12; m++) {
      const date = `2026-${String(m).padStart(2, '0')}-15`;
      const q = quarterOf(date);
      const w = quarterWindow(programmeYearOf(date), q);
      expect(date >= w.from && date <= w.to, date).toBe(true);
    }
  });
  it('places a dated entry by its dates and a quarter entry by its quarter', () => {
    expect(entryWindow({ year: 2026, quarter: null, startsOn: '2026-05-02', endsOn: '2026-08-01' })).toEqual({
      from: '2026-05-02',
      to: '2026-08-01',
    });
    expect(entryWindow({ year: 2026, quarter: 4, startsOn: null, endsOn: null }).to).toBe('2027-03-31');
  });
});

describe('the re-audit due rule', () => {
  it('adds calendar months, the 31st landing on the month’s last day', () => {
    expect(addMonths('2026-08-31', 6)).toBe('2027-02-28');
    expect(addMonths('2027-08-31', 6)).toBe('2028-02-29');
    expect(addMonths('2026-01-15', 12)).toBe('2027-01-15');
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28');
    expect(daysBetween('2027-02-28', '2027-03-01')).toBe(1);
  });
  it('is the board’s months after first signing, unless the last action is due later', () => {
    expect(reauditDueOn({ firstSignedOn: '2026-07-15', actionDueDates: [], months: 12 })).toBe('2027-07-15');
    expect(
      reauditDueOn({ firstSignedOn: '2026-07-15', actionDueDates: ['2027-03-31', '2027-06-30'], months: 12 }),
    ).toBe('2027-07-15');
    expect(
      reauditDueOn({ firstSignedOn: '2026-07-15', actionDueDates: ['2027-09-30', '2027-06-30'], months: 12 }),
    ).toBe('2027-09-30');
  });
  it('counts from the signing day in London, not in UTC', () => {
    // Signed at 23:30 on 31 March in London (22:30 UTC, summer time): first signed on 31 March.
    const signedOn = londonDate(new Date('2026-03-31T22:30:00Z'));
    expect(signedOn).toBe('2026-03-31');
    expect(reauditDueOn({ firstSignedOn: signedOn, actionDueDates: [], months: 1 })).toBe('2026-04-30');
    // At 00:30 on 1 April in London it is the next day.
    expect(londonDate(new Date('2026-03-31T23:30:00Z'))).toBe('2026-04-01');
  });
});

describe('a planned audit’s standing', () => {
  const window = { from: '2026-07-01', to: '2026-09-30' };
  it('is planned, started or signed by its audit, and late only after its window, unsigned', () => {
    expect(programmeStanding({ window, audit: null }, '2026-09-30')).toEqual({ status: 'planned', late: false });
    expect(programmeStanding({ window, audit: null }, '2026-10-01')).toEqual({ status: 'planned', late: true });
    expect(programmeStanding({ window, audit: { revision: 0 } }, '2026-10-01')).toEqual({
      status: 'started',
      late: true,
    });
    expect(programmeStanding({ window, audit: { revision: 2 } }, '2027-01-01')).toEqual({
      status: 'signed',
      late: false,
    });
  });
});

describe('the plan’s rules', () => {
  const base = {
    year: 2026,
    title: 'Neglect',
    templateId: 'mash-front-door',
    quarter: null,
    startsOn: null,
    endsOn: null,
    sampleSize: 8,
    leadAuditor: 'Sam',
    agencyIds: ['6f1c4a8e-2b7d-4c3e-9a1f-0d2e3b4c5a6f'],
  };
  const issues = (v: object) => {
    const r = plannedAuditSaveSchema.safeParse({ ...base, ...v });
    return r.success ? [] : r.error.issues.map((i) => ({ path: i.path, message: i.message }));
  };
  it('takes a quarter or two dates inside the year, in order', () => {
    expect(issues({ quarter: 1 })).toEqual([]);
    expect(issues({ startsOn: '2026-05-01', endsOn: '2026-05-01' })).toEqual([]);
    expect(issues({})).toEqual([{ path: ['quarter'], message: 'choose a quarter, or give a start and end date' }]);
    expect(issues({ startsOn: '2026-05-01' })).toEqual([{ path: ['endsOn'], message: 'enter the end date' }]);
    expect(issues({ quarter: 2, startsOn: '2026-05-01', endsOn: '2026-06-01' })).toEqual([
      { path: ['quarter'], message: 'give a quarter or dates, not both' },
    ]);
    expect(issues({ startsOn: '2026-06-01', endsOn: '2027-04-01' })).toEqual([
      { path: ['endsOn'], message: 'the end date must be in the programme year 2026 to 2027' },
    ]);
    expect(issues({ startsOn: '2026-06-02', endsOn: '2026-06-01' })).toEqual([
      { path: ['endsOn'], message: 'the end date must be the same as or after the start date' },
    ]);
    expect(issues({ quarter: 1, sampleSize: 0, agencyIds: [] })).toEqual([
      { path: ['sampleSize'], message: 'the sample must be at least 1 case' },
      { path: ['agencyIds'], message: 'choose at least one agency' },
    ]);
  });
});
