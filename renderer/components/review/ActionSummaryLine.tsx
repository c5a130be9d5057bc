import type { Action } from '../../../shared/actionPlan.js';
import { ActionStatusTag } from './ActionStatusTag.js';
import { calendarDate } from './helpers.js';

/** The action a form is about, above the form: its text, lead, owner, due date and status. */
export function ActionSummaryLine({ action }: { action: Omit<Action, 'updates'> }) {
  return (
    <div className="app-action-context">
      <p className="govuk-body govuk-!-margin-bottom-2">
        <span className="govuk-!-font-weight-bold">Action: </span>
        {action.text}
      </p>
      <p className="govuk-body-s govuk-!-margin-bottom-0">
        {action.leadAgencyName}, {action.ownerRole}. Due {calendarDate(action.dueDate)}.{' '}
        <ActionStatusTag status={action.effectiveStatus} />
      </p>
    </div>
  );
}
