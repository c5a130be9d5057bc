import { Link } from '../Link.js';
import { paths } from '../../router.js';

export type ReviewStep = 'audit' | 'auditReview' | 'findings' | 'actionPlan' | 'auditSummary';

const STEPS: ReadonlyArray<{ step: ReviewStep; text: string; to: (auditId: string) => string }> = [
  { step: 'audit', text: 'Cases and checklists', to: paths.auditOverview },
  { step: 'auditReview', text: 'Grades and discussions', to: paths.review },
  { step: 'findings', text: 'Findings', to: paths.findings },
  { step: 'actionPlan', text: 'Recommendations and action plan', to: paths.actionsPlan },
  { step: 'auditSummary', text: 'Summary', to: paths.auditSummary },
];

/** Moves between the parts of one audit's review; the current part is marked for screen readers. */
export function ReviewNav({ auditId, current }: { auditId: string; current: ReviewStep | null }) {
  return (
    <nav className="app-subnav" aria-label="This audit">
      <ul className="app-subnav__list">
        {STEPS.map((s) => (
          <li className="app-subnav__item" key={s.step}>
            <Link
              to={s.to(auditId)}
              className={
                s.step === current
                  ? 'govuk-link app-subnav__link app-subnav__link--current'
                  : 'govuk-link app-subnav__link'
              }
              aria-current={s.step === current ? 'page' : undefined}
            >
              {s.text}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
