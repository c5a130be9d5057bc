import { useId } from 'react';
import type { ActionListItem } from '../../../shared/actionPlan.js';
import { Link } from '../Link.js';
import { paths } from '../../router.js';
import { ActionStatusTag } from './ActionStatusTag.js';
import { calendarDate } from './helpers.js';

interface Props {
  caption: string;
  actions: readonly ActionListItem[];
  /** Adds the audit column (the tracker lists actions from every audit). */
  showAudit?: boolean;
  /** Adds the recommendation column: "Recommendation 2". */
  recommendationNumber?: ReadonlyMap<string, number>;
  /** Links each action to its own screen (off for a printed summary). */
  links?: boolean;
  /** 's' where a heading just above introduces the table. */
  captionSize?: 'm' | 's';
}

/** Actions with their lead agency, owner, due date and status ("Overdue" in red). */
export function ActionsTable({
  caption,
  actions,
  showAudit = false,
  recommendationNumber,
  links = true,
  captionSize = 'm',
}: Props) {
  const captionId = `actions-caption-${useId()}`;
  return (
    <div className="app-table-scroll" role="region" aria-labelledby={captionId}>
      <table className="govuk-table app-actions-table">
        <caption
          className={captionSize === 'm' ? 'govuk-table__caption govuk-table__caption--m' : 'govuk-table__caption'}
          id={captionId}
        >
          {caption}
        </caption>
        <thead>
          <tr>
            <th scope="col" className="govuk-table__header">
              Action
            </th>
            {showAudit ? (
              <th scope="col" className="govuk-table__header">
                Audit
              </th>
            ) : null}
            {recommendationNumber ? (
              <th scope="col" className="govuk-table__header">
                Recommendation
              </th>
            ) : null}
            <th scope="col" className="govuk-table__header">
              Lead agency and owner
            </th>
            <th scope="col" className="govuk-table__header">
              Due
            </th>
            <th scope="col" className="govuk-table__header">
              Status
            </th>
          </tr>
        </thead>
        <tbody>
          {actions.map((a) => {
            const n = a.recommendationId ? recommendationNumber?.get(a.recommendationId) : undefined;
            return (
              <tr key={a.id}>
                <th scope="row" className="govuk-table__header app-actions-table__action">
                  {links ? <Link to={paths.actionsDetail(a.id)}>{a.text}</Link> : a.text}
                  <span className="app-grid-cell-meta">Success measure: {a.successMeasure}</span>
                </th>
                {showAudit ? (
                  <td className="govuk-table__cell">
                    {links ? <Link to={paths.actionsPlan(a.auditId)}>{a.auditTitle}</Link> : a.auditTitle}
                  </td>
                ) : null}
                {recommendationNumber ? (
                  <td className="govuk-table__cell">{n !== undefined ? `Recommendation ${n}` : 'None'}</td>
                ) : null}
                <td className="govuk-table__cell">
                  {a.leadAgencyName}
                  <span className="app-grid-cell-meta">{a.ownerRole}</span>
                </td>
                <td className="govuk-table__cell app-nowrap">{calendarDate(a.dueDate)}</td>
                <td className="govuk-table__cell">
                  <ActionStatusTag status={a.effectiveStatus} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
