import { paths } from '../router.js';
import { withReturnTo } from '../routes/returnTo.js';
import { Link } from './Link.js';
import { WORK_STATUS_LABELS } from '../../shared/vocabulary.js';
import { Tag } from './Tag.js';

export type SectionStatus = 'completed' | 'in_progress' | 'not_started';

export interface SectionItem {
  id: string;
  title: string;
  status: SectionStatus;
  answered: number;
  required: number;
}

function Status({ status }: { status: SectionStatus }) {
  if (status === 'completed') return <>{WORK_STATUS_LABELS.complete}</>;
  if (status === 'in_progress') return <Tag colour="light-blue">{WORK_STATUS_LABELS.in_progress}</Tag>;
  return <Tag colour="blue">{WORK_STATUS_LABELS.not_started}</Tag>;
}

/** The checklist's sections as a GOV.UK task list: each links to its questions and shows its status. */
export function SectionTaskList({
  checklistId,
  sections,
  currentId,
  returnTo,
}: {
  checklistId: string;
  sections: SectionItem[];
  currentId: string;
  /** Kept on every link, so the checklist still returns to where it was opened from. */
  returnTo?: string | undefined;
}) {
  return (
    <ul className="govuk-task-list" aria-label="Sections">
      {sections.map((s, i) => {
        const statusId = `section-status-${i}`;
        const hintId = `section-hint-${i}`;
        const current = s.id === currentId;
        return (
          <li
            key={s.id}
            className={`govuk-task-list__item govuk-task-list__item--with-link${current ? ' govuk-task-list__item--current' : ''}`}
          >
            <div className="govuk-task-list__name-and-hint">
              <Link
                to={withReturnTo(paths.checklist(checklistId, s.id), returnTo)}
                className="govuk-link govuk-task-list__link"
                aria-describedby={`${hintId} ${statusId}`}
                aria-current={current ? 'step' : undefined}
              >
                {i + 1}. {s.title}
              </Link>
              <div className="govuk-task-list__hint" id={hintId}>
                {s.required > 0 ? `Answered ${s.answered} of ${s.required} required` : 'No required questions'}
              </div>
            </div>
            <div className="govuk-task-list__status" id={statusId}>
              <Status status={s.status} />
            </div>
          </li>
        );
      })}
    </ul>
  );
}
