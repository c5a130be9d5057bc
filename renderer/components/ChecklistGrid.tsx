import type { AuditDetail, ChecklistSummary } from '../../shared/audit.js';
import { paths } from '../router.js';
import { ChecklistStatusTag } from './ChecklistStatusTag.js';
import { Link } from './Link.js';

/** Cases down, agencies across: each involved agency's checklist for each case. */
export function ChecklistGrid({ detail, editable = false }: { detail: AuditDetail; editable?: boolean }) {
  const byCell = new Map<string, ChecklistSummary>();
  for (const c of detail.checklists) byCell.set(`${c.caseId}|${c.agencyId}`, c);
  // Columns: the agencies with a checklist in this audit, in the board's order.
  const involved = new Set(detail.checklists.map((c) => c.agencyId));
  const agencies = detail.agencies.filter((a) => involved.has(a.id));

  return (
    <div className="app-table-scroll" role="region" aria-labelledby="grid-caption">
      <table className="govuk-table">
        <caption className="govuk-table__caption govuk-table__caption--m" id="grid-caption">
          Checklists by case and agency
        </caption>
        <thead>
          <tr>
            <th scope="col" className="govuk-table__header">
              Case
            </th>
            {agencies.map((a) => (
              <th scope="col" className="govuk-table__header" key={a.id}>
                {a.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {detail.cases.map((c) => (
            <tr key={c.id}>
              <th scope="row" className="govuk-table__header app-nowrap">
                {c.reference}
                {editable ? ' ' : null}
                {editable ? (
                  <span className="app-grid-cell-meta">
                    <Link to={paths.editCase(detail.audit.id, c.id)}>
                      Change<span className="govuk-visually-hidden"> case {c.reference}</span>
                    </Link>{' '}
                    <Link to={paths.removeCase(detail.audit.id, c.id)}>
                      Remove<span className="govuk-visually-hidden"> case {c.reference}</span>
                    </Link>
                  </span>
                ) : null}
              </th>
              {agencies.map((a) => {
                const checklist = byCell.get(`${c.id}|${a.id}`);
                if (!checklist) {
                  return (
                    <td className="govuk-table__cell app-secondary-text" key={a.id}>
                      Not involved
                    </td>
                  );
                }
                return (
                  <td className="govuk-table__cell" key={a.id}>
                    <ChecklistStatusTag status={checklist.status} />
                    <Link to={paths.checklist(checklist.id)} className="govuk-link app-grid-cell-link">
                      <span className="govuk-visually-hidden">
                        Case {c.reference}, {a.name}:{' '}
                      </span>
                      Answered {checklist.answered} of {checklist.required} required
                    </Link>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
