import { Link } from '../Link.js';
import { paths } from '../../router.js';

/** On an audit's overview: where the review and the report are, and what each holds. */
export function ReviewLinks({ auditId }: { auditId: string }) {
  const links = [
    {
      to: paths.review(auditId),
      text: 'Grades and discussions',
      hint: 'Grade each case overall and for each agency, and record the multi-agency discussion',
    },
    {
      to: paths.findings(auditId),
      text: 'Findings',
      hint: 'Strengths in many or most cases and areas for development in some cases, suggested from the answers',
    },
    {
      to: paths.actionsPlan(auditId),
      text: 'Recommendations and action plan',
      hint: 'Recommendations resting on the findings, and SMART actions with owners and due dates',
    },
    {
      to: paths.auditSummary(auditId),
      text: 'Summary',
      hint: 'The audit as the board’s report tells it, with the trend against earlier rounds',
    },
  ];
  return (
    <section aria-labelledby="review-links-heading" className="app-section-gap">
      <h2 className="govuk-heading-m" id="review-links-heading">
        Review and report
      </h2>
      <ul className="govuk-list app-review-links">
        {links.map((l) => (
          <li key={l.to}>
            <Link to={l.to}>{l.text}</Link>
            <span className="app-grid-cell-meta">{l.hint}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
