// Which reminders the desktop app shows as the operating system's notifications, and when. Plain Node:
// main.ts gives it the service dispatch and a notifier over Electron's Notification. It shows each item
// once a day at most, nothing while the session is locked (the services answer LOCKED, and the titles
// of actions are not shown over a locked app), and nothing when the board has turned notifications off.
import type { RpcResult } from '../shared/errors.js';
import { remindersSchema, type Reminder } from '../shared/reminders.js';

export interface Notifier {
  /** Whether the system shows notifications at all (some Linux desktops do not). */
  supported(): boolean;
  show(notification: { title: string; body: string }): void;
}

export interface ReminderNotificationsOptions {
  /** reminders.list through the service process (a passive call: it does not hold off the idle lock). */
  listReminders: () => Promise<RpcResult<unknown>>;
  notifier: Notifier;
  /** Notifications one by one up to this many; the rest in one that counts them. */
  maxSingle?: number;
}

function describe(r: Reminder): string {
  const when =
    r.days < 0
      ? `${-r.days} ${r.days === -1 ? 'day' : 'days'} overdue`
      : r.days === 0
        ? 'due today'
        : `due in ${r.days} ${r.days === 1 ? 'day' : 'days'}`;
  return `${r.kind === 'action' ? 'Action' : 'Re-audit'} ${when}`;
}

export function createReminderNotifications(options: ReminderNotificationsOptions) {
  const maxSingle = options.maxSingle ?? 3;
  // The items already shown on `day` (a new day starts afresh).
  let day = '';
  const shown = new Set<string>();

  /** Asks for today's reminders and shows those not yet shown today; resolves to how many notifications went. */
  async function check(): Promise<number> {
    if (!options.notifier.supported()) return 0;
    let answer: RpcResult<unknown>;
    try {
      answer = await options.listReminders();
    } catch {
      return 0;
    }
    if (!answer.ok) return 0;
    const parsed = remindersSchema.safeParse(answer.value);
    if (!parsed.success || !parsed.data.notify) return 0;
    const reminders = parsed.data;
    if (reminders.today !== day) {
      day = reminders.today;
      shown.clear();
    }
    const fresh = reminders.items.filter((r) => !shown.has(r.key));
    if (fresh.length === 0) return 0;
    fresh.forEach((r) => shown.add(r.key));
    const single = fresh.length <= maxSingle ? fresh : fresh.slice(0, maxSingle - 1);
    for (const r of single) options.notifier.show({ title: describe(r), body: r.title });
    const rest = fresh.length - single.length;
    if (rest > 0)
      options.notifier.show({
        title: `${rest} more reminders`,
        body: 'Actions and re-audits due soon or overdue: see the audits list in Case Audit',
      });
    return single.length + (rest > 0 ? 1 : 0);
  }

  return { check };
}
