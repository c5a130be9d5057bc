import type { ServiceHandlers } from '../../shared/contract.js';
import { IDLE_LOCK_DEFAULT_MINUTES, idleLockMinutesSchema } from '../../shared/settings.js';
import type { ServiceContext } from './context.js';
import { smallSampleThreshold } from './smallSample.js';
import { reminderSettings } from './reminderService.js';

export function idleLockMinutes(ctx: ServiceContext): number {
  const parsed = idleLockMinutesSchema.safeParse(ctx.repos.settings.get('idleLockMinutes'));
  return parsed.success ? parsed.data : IDLE_LOCK_DEFAULT_MINUTES;
}

export function settingsService(
  ctx: ServiceContext,
): Pick<
  ServiceHandlers,
  | 'settings.setIdleLock'
  | 'settings.smallSample'
  | 'settings.setSmallSample'
  | 'settings.reminders'
  | 'settings.setReminders'
> {
  return {
    'settings.setIdleLock': ({ minutes }) =>
      ctx.tx(() => {
        const before = idleLockMinutes(ctx);
        ctx.repos.settings.put('idleLockMinutes', minutes, ctx.now());
        ctx.log('setting', 'idleLockMinutes', 'update', before, minutes);
        return { locked: false, databaseExists: true, idleLockMinutes: minutes };
      }),
    'settings.smallSample': () => ({ threshold: smallSampleThreshold(ctx) }),
    'settings.setSmallSample': ({ threshold }) =>
      ctx.tx(() => {
        const before = smallSampleThreshold(ctx);
        ctx.repos.settings.put('smallSample', threshold, ctx.now());
        ctx.log('setting', 'smallSample', 'update', before, threshold);
        return { threshold };
      }),
    // How far ahead reminders look, and whether the desktop app shows them as notifications.
    'settings.reminders': () => reminderSettings(ctx),
    'settings.setReminders': (settings) =>
      ctx.tx(() => {
        const before = reminderSettings(ctx);
        if (before.daysAhead !== settings.daysAhead || before.notify !== settings.notify) {
          ctx.repos.settings.put('reminders', settings, ctx.now());
          ctx.log('setting', 'reminders', 'update', before, settings);
        }
        return settings;
      }),
  };
}
