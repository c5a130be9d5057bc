import type { Dashboard } from '../../../shared/dashboard.js';
import { AUDIT_THEME_LABELS, AUDIT_THEMES, GRADE_LABELS, GRADES } from '../../../shared/vocabulary.js';

/** How each agency's practice was graded, case by case, in each theme of audit. */
export function Grades({ grades }: { grades: Dashboard['grades'] }) {
  const themes = AUDIT_THEMES.map((theme) => ({ theme, rows: grades.filter((g) => g.theme === theme) })).filter(
    (t) => t.rows.length > 0,
  );
  return (
    <section aria-labelledby="grades-heading" className="app-dashboard-section">
      <h2 className="govuk-heading-l" id="grades-heading">
        Grades by theme and agency
      </h2>
      {themes.length === 0 ? (
        <p className="govuk-body">No case has been graded yet.</p>
      ) : (
        <div className="app-table-scroll" role="region" aria-labelledby="grades-caption" tabIndex={0}>
          <table className="govuk-table app-grades-table">
            <caption className="govuk-table__caption govuk-table__caption--m" id="grades-caption">
              Number of cases given each grade, for each agency, by theme of audit
            </caption>
            <thead>
              <tr>
                <th scope="col" className="govuk-table__header">
                  Theme
                </th>
                <th scope="col" className="govuk-table__header">
                  Agency
                </th>
                {GRADES.map((g) => (
                  <th scope="col" className="govuk-table__header govuk-table__header--numeric" key={g}>
                    {GRADE_LABELS[g]}
                  </th>
                ))}
                <th scope="col" className="govuk-table__header govuk-table__header--numeric">
                  Cases graded
                </th>
              </tr>
            </thead>
            {themes.map(({ theme, rows }) => (
              <tbody key={theme} className="app-grades-table__group">
                {rows.map((r, i) => {
                  const total = GRADES.reduce((n, g) => n + (r.counts[g] ?? 0), 0);
                  return (
                    <tr key={r.agencyName}>
                      {i === 0 ? (
                        <th
                          scope="rowgroup"
                          rowSpan={rows.length}
                          className="govuk-table__header app-grades-table__theme"
                        >
                          {AUDIT_THEME_LABELS[theme]}
                        </th>
                      ) : null}
                      <th scope="row" className="govuk-table__header app-table-row-header">
                        {r.agencyName}
                      </th>
                      {GRADES.map((g) => (
                        <td
                          className={`govuk-table__cell govuk-table__cell--numeric${(r.counts[g] ?? 0) > 0 ? ` app-grade-count app-grade-count--${g}` : ''}`}
                          key={g}
                        >
                          {r.counts[g] ?? 0}
                        </td>
                      ))}
                      <td className="govuk-table__cell govuk-table__cell--numeric">{total}</td>
                    </tr>
                  );
                })}
              </tbody>
            ))}
          </table>
        </div>
      )}
    </section>
  );
}
