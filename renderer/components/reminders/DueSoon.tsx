// The home screen's reminders: open actions and re-audits due within the board's horizon, and those
// overdue, soonest first (chosen by the service, as the desktop notifications are).
import type { Reminder } from '../../../shared/reminders.js';
import { useApiQuery } from '../../api/hooks.js';
import { plural } from '../../lib/format.js';
import { paths } from '../../router.js';
import { InlineLoadFailed } from '../bundles/InlineLoadFailed.js';
import { Link } from '../Link.js';
import { longDay } from '../../lib/calendarDate.js';

const HEADING_ID = 'due-soon-heading';

function when(r: Reminder): string {
  if (r.days < 0) return `${plural(-r.days, 'day')} overdue`;
  if (r.days === 0) return 'Due today';
  return `Due in ${plural(r.days, 'day')}`;
}

export function DueSoon() {
  const reminders = useApiQuery('reminders.list', {});
  return (
    <section aria-labelledby={HEADING_ID} className="govuk-!-margin-bottom-6">
      <h2 className="govuk-heading-m" id={HEADING_ID}>
        Due soon and overdue
      </h2>
      {reminders.error ? (
        <InlineLoadFailed what="the reminders" message={reminders.error.message} onRetry={reminders.retry} />
      ) : !reminders.data ? (
        <p className="govuk-body">Loading the reminders…</p>
      ) : reminders.data.items.length === 0 ? (
        <p className="govuk-body">
          No action or re-audit is overdue or due in the next {plural(reminders.data.daysAhead, 'day')}.{' '}
          <Link to={paths.settings()}>Change how far ahead reminders look</Link>
        </p>
      ) : (
        <>
          <p className="govuk-body">
            Open actions and re-audits overdue or due by {longDay(reminders.data.until)} (
            {plural(reminders.data.daysAhead, 'day')} ahead; <Link to={paths.settings()}>change this</Link>).
          </p>
          <ul className="govuk-list govuk-list--spaced" aria-labelledby={HEADING_ID}>
            {reminders.data.items.map((r) => (
              <li key={r.key}>
                {r.overdue ? <strong className="govuk-tag govuk-tag--red">Overdue</strong> : null}{' '}
                <Link to={r.actionId ? paths.actionsDetail(r.actionId) : paths.reaudit(r.auditId)}>
                  {r.kind === 'action' ? 'Action: ' : ''}
                  {r.title}
                </Link>
                <span className="govuk-hint govuk-!-margin-bottom-0">
                  {when(r)} ({longDay(r.dueOn)}). {r.detail}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
