import type { AuditDetail } from '../../shared/audit.js';
import { useApiQuery } from '../api/hooks.js';
import { Link } from '../components/Link.js';
import { Loading } from '../components/Loading.js';
import { LoadFailed } from '../components/LoadFailed.js';
import { Page } from '../components/Page.js';
import { GradeTag } from '../components/review/GradeTag.js';
import { calendarDate } from '../components/review/helpers.js';
import { ReviewNav } from '../components/review/ReviewNav.js';
import { paths } from '../router.js';

/** Every sampled case with its overall grade, its agencies' grades and whether it was discussed. */
export function Review({ auditId }: { auditId: string }) {
  const detail = useApiQuery('audits.get', { auditId });
  if (detail.error) return <LoadFailed error={detail.error} onRetry={detail.retry} />;
  if (!detail.data) return <Loading what="Loading the audit" />;
  return <ReviewView detail={detail.data} />;
}

function ReviewView({ detail }: { detail: AuditDetail }) {
  const { audit, cases } = detail;
  return (
    <Page
      title="Grades and discussions"
      caption={audit.title}
      breadcrumbs={[
        { to: paths.auditsList(), text: 'Audits' },
        { to: paths.auditOverview(audit.id), text: audit.title },
      ]}
    >
      <ReviewNav auditId={audit.id} current="auditReview" />
      <p className="govuk-body app-readable">
        Grade each case overall and for each agency involved, always with the rationale, and record the multi-agency
        discussion of the case: who attended (by role), what was agreed and where agencies disagreed.
      </p>
      {cases.length === 0 ? (
        <p className="govuk-body">
          There are no cases in this audit yet. <Link to={paths.addCase(audit.id)}>Add a case</Link>
        </p>
      ) : (
        <div className="app-table-scroll" role="region" aria-labelledby="review-caption">
          <table className="govuk-table">
            <caption className="govuk-table__caption govuk-table__caption--m" id="review-caption">
              Cases
            </caption>
            <thead>
              <tr>
                <th scope="col" className="govuk-table__header">
                  Case
                </th>
                <th scope="col" className="govuk-table__header">
                  Overall grade
                </th>
                <th scope="col" className="govuk-table__header">
                  Agencies graded
                </th>
                <th scope="col" className="govuk-table__header">
                  Multi-agency discussion
                </th>
              </tr>
            </thead>
            <tbody>
              {cases.map((c) => {
                const grades = detail.grades.filter((g) => g.caseId === c.id);
                const overall = grades.find((g) => g.agencyId === null);
                const agencyGrades = grades.filter((g) => g.agencyId !== null && c.agencyIds.includes(g.agencyId));
                const discussion = detail.discussions.find((d) => d.caseId === c.id);
                return (
                  <tr key={c.id}>
                    <th scope="row" className="govuk-table__header">
                      <Link to={paths.caseReview(audit.id, c.id)}>
                        {c.reference}
                        <span className="govuk-visually-hidden">: grades and discussion</span>
                      </Link>
                    </th>
                    <td className="govuk-table__cell">
                      {overall ? (
                        <GradeTag grade={overall.grade} />
                      ) : (
                        <span className="app-secondary-text">Not graded</span>
                      )}
                    </td>
                    <td className="govuk-table__cell">
                      {agencyGrades.length} of {c.agencyIds.length}
                    </td>
                    <td className="govuk-table__cell">
                      {discussion ? (
                        `Held on ${calendarDate(discussion.heldOn)}`
                      ) : (
                        <span className="app-secondary-text">Not recorded</span>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </Page>
  );
}
