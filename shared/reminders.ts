// Reminders: the actions and re-audits falling due within the board's horizon, or already overdue.
// Chosen here from plain rows and today's date in Europe/London, so the home screen, the operating
// system's notifications and the tests all pick the same items.
import { z } from 'zod';
import type { ActionStatus } from './actionStatus.js';
import { idSchema, isoDate } from './ids.js';
import { addDays, daysBetween } from './programme.js';

export const DEFAULT_REMINDER_DAYS = 14;
export const reminderDaysSchema = z
  .number({ error: 'enter the number of days as a whole number, such as 14' })
  .int('enter the number of days as a whole number, such as 14')
  .min(1, 'remind at least 1 day ahead')
  .max(90, 'remind at most 90 days ahead');

export const reminderSettingsSchema = z.strictObject({
  daysAhead: reminderDaysSchema,
  // The desktop app's notifications from the operating system (where it permits them).
  notify: z.boolean(),
});
export type ReminderSettings = z.infer<typeof reminderSettingsSchema>;

export const reminderSchema = z.strictObject({
  // Stable per item: "action:<id>" or "reaudit:<audit id>".
  key: z.string(),
  kind: z.enum(['action', 'reaudit']),
  auditId: idSchema,
  actionId: idSchema.nullable(),
  title: z.string(),
  // The audit (for an action) or what is due (for a re-audit), in a few words.
  detail: z.string(),
  dueOn: isoDate,
  overdue: z.boolean(),
  // Days until due (0 today, negative when overdue).
  days: z.number().int(),
});
export type Reminder = z.infer<typeof reminderSchema>;

export const remindersSchema = z.strictObject({
  today: isoDate,
  daysAhead: z.number().int(),
  until: isoDate,
  // Whether the desktop app may show these as the operating system's notifications (the board's setting).
  notify: z.boolean(),
  items: z.array(reminderSchema),
});
export type Reminders = z.infer<typeof remindersSchema>;

export interface ActionDue {
  id: string;
  auditId: string;
  auditTitle: string;
  text: string;
  agencyName: string;
  dueDate: string;
  status: ActionStatus;
}

export interface ReauditDueRow {
  auditId: string;
  title: string;
  dueOn: string;
  planned: boolean;
}

const CLOSED: ReadonlySet<ActionStatus> = new Set<ActionStatus>(['complete', 'verified']);

/**
 * What to remind of today: open actions (neither complete nor verified) and re-audits not yet
 * started, due on or before today + daysAhead; overdue ones (due before today) included however old.
 * Soonest first; an overdue item is earlier than any due today.
 */
export function selectReminders(input: {
  today: string;
  daysAhead: number;
  actions: readonly ActionDue[];
  reaudits: readonly ReauditDueRow[];
}): Omit<Reminders, 'notify'> {
  const until = addDays(input.today, input.daysAhead);
  const items: Reminder[] = [];
  for (const a of input.actions) {
    if (CLOSED.has(a.status) || a.dueDate > until) continue;
    const days = daysBetween(input.today, a.dueDate);
    items.push({
      key: `action:${a.id}`,
      kind: 'action',
      auditId: a.auditId,
      actionId: a.id,
      title: a.text,
      detail: `${a.agencyName}, ${a.auditTitle}`,
      dueOn: a.dueDate,
      overdue: days < 0,
      days,
    });
  }
  for (const r of input.reaudits) {
    if (r.dueOn > until) continue;
    const days = daysBetween(input.today, r.dueOn);
    items.push({
      key: `reaudit:${r.auditId}`,
      kind: 'reaudit',
      auditId: r.auditId,
      actionId: null,
      title: `Re-audit of ${r.title}`,
      detail: r.planned ? 'Planned in the programme, not started' : 'Not yet in the programme',
      dueOn: r.dueOn,
      overdue: days < 0,
      days,
    });
  }
  items.sort((x, y) => x.dueOn.localeCompare(y.dueOn) || x.kind.localeCompare(y.kind) || x.key.localeCompare(y.key));
  return { today: input.today, daysAhead: input.daysAhead, until, items };
}

/** “Overdue by 3 days”, “Due today”, “Due tomorrow”, “Due in 5 days”. */
export function dueWording(days: number): string {
  if (days < -1) return `Overdue by ${-days} days`;
  if (days === -1) return 'Overdue by 1 day';
  if (days === 0) return 'Due today';
  if (days === 1) return 'Due tomorrow';
  return `Due in ${days} days`;
}
