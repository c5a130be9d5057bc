import type { ServiceHandlers } from '../../shared/contract.js';
import { fieldError } from '../../shared/errors.js';
import { IDLE_LOCK_DEFAULT_MINUTES, idleLockMinutesSchema } from '../../shared/settings.js';
import type { ServiceContext } from './context.js';
import { smallSampleThreshold } from './smallSample.js';
import { reminderSettings } from './reminderService.js';

/** The idle lock in force: the person's choice, or the default, never above the organisation's limit. */
export function idleLockMinutes(ctx: ServiceContext): number {
  const parsed = idleLockMinutesSchema.safeParse(ctx.repos.settings.get('idleLockMinutes'));
  const chosen = parsed.success ? parsed.data : IDLE_LOCK_DEFAULT_MINUTES;
  const limit = ctx.policy.maxIdleLockMinutes;
  return limit === null ? chosen : Math.min(chosen, limit);
}

export function settingsService(
  ctx: ServiceContext,
): Pick<
  ServiceHandlers,
  | 'settings.setIdleLock'
  | 'settings.policy'
  | 'settings.smallSample'
  | 'settings.setSmallSample'
  | 'settings.reminders'
  | 'settings.setReminders'
> {
  return {
    'settings.setIdleLock': ({ minutes }) =>
      ctx.tx(() => {
        const limit = ctx.policy.maxIdleLockMinutes;
        if (limit !== null && minutes > limit)
          throw fieldError(
            'VALIDATION',
            ['minutes'],
            `your organisation allows an idle lock of at most ${limit} ${limit === 1 ? 'minute' : 'minutes'}`,
          );
        const before = idleLockMinutes(ctx);
        ctx.repos.settings.put('idleLockMinutes', minutes, ctx.now());
        ctx.log('setting', 'idleLockMinutes', 'update', before, minutes);
        return { locked: false, databaseExists: true, idleLockMinutes: minutes };
      }),
    'settings.policy': () => ctx.policy,
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
