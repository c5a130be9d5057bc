// Which actions and re-audits are reminded of on a given day (a calendar date in Europe/London).
import { describe, expect, it } from 'vitest';
import type { ActionStatus } from '../../shared/actionStatus.js';
import { dueWording, selectReminders, type ActionDue } from '../../shared/reminders.js';
import { londonDate } from '../../shared/today.js';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const action = (n: number, dueDate: string, status: ActionStatus = 'on_track'): ActionDue => ({
  id: id(n),
  auditId: id(100),
  auditTitle: 'Neglect audit',
  text: `Action ${n}`,
  agencyName: 'Police',
  dueDate,
  status,
});

describe('choosing reminders', () => {
  // 23:15 on 31 October 2026 in London is 23:15 UTC (winter time): still the 31st.
  const today = londonDate(new Date('2026-10-31T23:15:00Z'));
  it('uses the London date', () => expect(today).toBe('2026-10-31'));

  const chosen = selectReminders({
    today,
    daysAhead: 7,
    actions: [
      action(1, '2026-11-07'), // the last day of the horizon
      action(2, '2026-11-08'), // one day beyond
      action(3, '2026-10-31'), // due today
      action(4, '2025-01-01', 'not_started'), // long overdue
      action(5, '2026-10-01', 'complete'), // closed
      action(6, '2026-10-30', 'verified'), // closed
      action(7, '2026-10-30', 'at_risk'), // overdue by a day
    ],
    reaudits: [
      { auditId: id(200), title: 'MASH audit', dueOn: '2026-11-02', planned: true },
      { auditId: id(201), title: 'CSE audit', dueOn: '2027-01-01', planned: false },
    ],
  });

  it('takes open actions and re-audits due by today + days, overdue ones however old, soonest first', () => {
    expect(chosen.until).toBe('2026-11-07');
    expect(chosen.items.map((i) => [i.key, i.days, i.overdue])).toEqual([
      [`action:${id(4)}`, -668, true],
      [`action:${id(7)}`, -1, true],
      [`action:${id(3)}`, 0, false],
      [`reaudit:${id(200)}`, 2, false],
      [`action:${id(1)}`, 7, false],
    ]);
    expect(chosen.items[3]).toMatchObject({
      kind: 'reaudit',
      title: 'Re-audit of MASH audit',
      detail: 'Planned in the programme, not started',
      actionId: null,
    });
    expect(chosen.items[0]).toMatchObject({ detail: 'Police, Neglect audit', actionId: id(4), auditId: id(100) });
  });

  it('words the days', () => {
    expect([-3, -1, 0, 1, 5].map(dueWording)).toEqual([
      'Overdue by 3 days',
      'Overdue by 1 day',
      'Due today',
      'Due tomorrow',
      'Due in 5 days',
    ]);
  });
});
