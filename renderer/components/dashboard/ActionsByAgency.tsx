import type { Dashboard } from '../../../shared/dashboard.js';
import { paths } from '../../router.js';
import { Link } from '../Link.js';

/**
 * Open and overdue actions by lead agency. Each figure links to the action tracker filtered to that
 * agency's open or overdue actions (the filters are in the tracker's route).
 */
export function ActionsByAgency({ rows }: { rows: Dashboard['actionsByAgency'] }) {
  const withOpen = rows.filter((r) => r.open > 0);
  if (withOpen.length === 0) return null;
  return (
    <div className="app-table-scroll" role="region" aria-labelledby="actions-by-agency-caption" tabIndex={0}>
      <table className="govuk-table">
        <caption className="govuk-table__caption govuk-table__caption--m" id="actions-by-agency-caption">
          Open actions by lead agency
        </caption>
        <thead>
          <tr>
            <th scope="col" className="govuk-table__header">
              Lead agency
            </th>
            <th scope="col" className="govuk-table__header govuk-table__header--numeric">
              Open
            </th>
            <th scope="col" className="govuk-table__header govuk-table__header--numeric">
              Overdue
            </th>
          </tr>
        </thead>
        <tbody>
          {withOpen.map((r) => (
            <tr key={r.agencyId}>
              <th scope="row" className="govuk-table__header">
                {r.agencyName}
              </th>
              <td className="govuk-table__cell govuk-table__cell--numeric">
                <Link to={paths.actionsTracker({ agencyId: r.agencyId, status: 'open' })}>
                  {r.open}
                  <span className="govuk-visually-hidden">
                    {' '}
                    open {r.open === 1 ? 'action' : 'actions'} led by {r.agencyName}
                  </span>
                </Link>
              </td>
              <td className="govuk-table__cell govuk-table__cell--numeric">
                {r.overdue > 0 ? (
                  <Link to={paths.actionsTracker({ agencyId: r.agencyId, status: 'overdue' })}>
                    <strong>{r.overdue}</strong>
                    <span className="govuk-visually-hidden">
                      {' '}
                      overdue {r.overdue === 1 ? 'action' : 'actions'} led by {r.agencyName}
                    </span>
                  </Link>
                ) : (
                  0
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
