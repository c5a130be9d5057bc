// Reminders of actions and re-audits falling due or overdue, chosen by shared/reminders.ts from the
// open actions and the signed audits awaiting a re-audit, on today's date in Europe/London.
import type { ServiceHandlers } from '../../shared/contract.js';
import {
  DEFAULT_REMINDER_DAYS,
  reminderSettingsSchema,
  selectReminders,
  type ReminderSettings,
} from '../../shared/reminders.js';
import { addDays } from '../../shared/programme.js';
import type { ServiceContext } from './context.js';
import { reauditsDue, todayInLondon } from './programmeService.js';

export function reminderSettings(ctx: ServiceContext): ReminderSettings {
  const parsed = reminderSettingsSchema.safeParse(ctx.repos.settings.get('reminders'));
  return parsed.success ? parsed.data : { daysAhead: DEFAULT_REMINDER_DAYS, notify: true };
}

export function reminderService(ctx: ServiceContext): Pick<ServiceHandlers, 'reminders.list'> {
  return {
    'reminders.list': () => {
      const today = todayInLondon(ctx);
      const { daysAhead, notify } = reminderSettings(ctx);
      const chosen = selectReminders({
        today,
        daysAhead,
        actions: ctx.repos.programme.openActionsDue(addDays(today, daysAhead)),
        reaudits: reauditsDue(ctx, today).map((r) => ({
          auditId: r.auditId,
          title: r.title,
          dueOn: r.dueOn,
          planned: r.plannedId !== null,
        })),
      });
      return { ...chosen, notify };
    },
  };
}
