// The desktop notifications' decisions under Node, with a fake notifier and a fake reminders.list.
import { describe, expect, it } from 'vitest';
import type { RpcResult } from '../../shared/errors.js';
import type { Reminder, Reminders } from '../../shared/reminders.js';
import { createReminderNotifications, type Notifier } from '../../electron/reminderNotifications.js';

const AUDIT = '00000000-0000-4000-8000-000000000001';
function item(n: number, days: number): Reminder {
  return {
    key: `action:${n}`,
    kind: 'action',
    auditId: AUDIT,
    actionId: `00000000-0000-4000-8000-00000000010${n}`,
    title: `Action ${n}`,
    detail: 'Health, Neglect audit',
    dueOn: '2026-05-01',
    overdue: days < 0,
    days,
  };
}
function reminders(today: string, items: Reminder[], notify = true): Reminders {
  return { today, daysAhead: 14, until: '2026-05-15', notify, items };
}

function setup(answers: Array<RpcResult<unknown>>, supported = true) {
  const shown: Array<{ title: string; body: string }> = [];
  const notifier: Notifier = { supported: () => supported, show: (n) => shown.push(n) };
  let call = 0;
  const n = createReminderNotifications({
    notifier,
    listReminders: () => Promise.resolve(answers[Math.min(call++, answers.length - 1)]!),
  });
  return { shown, check: n.check };
}

describe('reminder notifications', () => {
  it('shows each item once a day, and again the next day', async () => {
    const today = reminders('2026-05-01', [item(1, -2), item(2, 0)]);
    const tomorrow = reminders('2026-05-02', [item(1, -3), item(2, -1)]);
    const { shown, check } = setup([
      { ok: true, value: today },
      { ok: true, value: today },
      { ok: true, value: tomorrow },
    ]);
    expect(await check()).toBe(2);
    expect(shown).toEqual([
      { title: 'Action 2 days overdue', body: 'Action 1' },
      { title: 'Action due today', body: 'Action 2' },
    ]);
    expect(await check()).toBe(0);
    expect(await check()).toBe(2);
    expect(shown[2]).toEqual({ title: 'Action 3 days overdue', body: 'Action 1' });
  });

  it('shows a new item the same day without repeating the others', async () => {
    const { shown, check } = setup([
      { ok: true, value: reminders('2026-05-01', [item(1, 1)]) },
      { ok: true, value: reminders('2026-05-01', [item(1, 1), item(2, 5)]) },
    ]);
    await check();
    expect(await check()).toBe(1);
    expect(shown.map((s) => s.body)).toEqual(['Action 1', 'Action 2']);
  });

  it('shows nothing while locked, and the items once unlocked', async () => {
    const { shown, check } = setup([
      { ok: false, error: { code: 'LOCKED', message: 'Case Audit is locked.' } },
      { ok: true, value: reminders('2026-05-01', [item(1, -1)]) },
    ]);
    expect(await check()).toBe(0);
    expect(shown).toEqual([]);
    expect(await check()).toBe(1);
  });

  it('respects the setting, and a system without notifications', async () => {
    const off = setup([{ ok: true, value: reminders('2026-05-01', [item(1, -1)], false) }]);
    expect(await off.check()).toBe(0);
    expect(off.shown).toEqual([]);
    const unsupported = setup([{ ok: true, value: reminders('2026-05-01', [item(1, -1)]) }], false);
    expect(await unsupported.check()).toBe(0);
    expect(unsupported.shown).toEqual([]);
  });

  it('counts the rest in one notification beyond three', async () => {
    const { shown, check } = setup([
      {
        ok: true,
        value: reminders(
          '2026-05-01',
          [1, 2, 3, 4, 5].map((n) => item(n, n)),
        ),
      },
    ]);
    expect(await check()).toBe(3);
    expect(shown.map((s) => s.title)).toEqual(['Action due in 1 day', 'Action due in 2 days', '3 more reminders']);
  });
});
