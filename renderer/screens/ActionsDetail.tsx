import type { ReactNode } from 'react';
import type { Action } from '../../shared/actionPlan.js';
import { ACTION_STATUS_LABELS } from '../../shared/actionStatus.js';
import type { AuditDetail } from '../../shared/audit.js';
import type { Recommendation } from '../../shared/review.js';
import { useApiQuery } from '../api/hooks.js';
import { Link } from '../components/Link.js';
import { Loading } from '../components/Loading.js';
import { LoadFailed } from '../components/LoadFailed.js';
import { Page } from '../components/Page.js';
import { ActionStatusTag } from '../components/review/ActionStatusTag.js';
import { calendarDate } from '../components/review/helpers.js';
import { shortDateTime } from '../lib/format.js';
import { href, paths } from '../router.js';

/** One action: its SMART details, its status, the dated progress history, and the way to verify it. */
export function ActionsDetail({ actionId }: { actionId: string }) {
  const action = useApiQuery('actions.get', { actionId });
  if (action.error) return <LoadFailed error={action.error} onRetry={action.retry} />;
  if (!action.data) return <Loading what="Loading the action" />;
  return <WithAudit action={action.data} />;
}

function WithAudit({ action }: { action: Action }) {
  const detail = useApiQuery('audits.get', { auditId: action.auditId });
  const recommendations = useApiQuery('recommendations.list', { auditId: action.auditId });
  const failed = detail.error ?? recommendations.error;
  if (failed) {
    return (
      <LoadFailed
        error={failed}
        onRetry={() => {
          detail.retry();
          recommendations.retry();
        }}
      />
    );
  }
  if (!detail.data || !recommendations.data) return <Loading what="Loading the action" />;
  return <ActionView action={action} detail={detail.data} recommendations={recommendations.data} />;
}

function ActionView({
  action: a,
  detail,
  recommendations,
}: {
  action: Action;
  detail: AuditDetail;
  recommendations: Recommendation[];
}) {
  const index = recommendations.findIndex((r) => r.id === a.recommendationId);
  const recommendation = index >= 0 ? recommendations[index] : undefined;
  const closed = a.status === 'verified';
  const history = [...a.updates].reverse();
  const rows: Array<[string, ReactNode]> = [
    ['Status', <ActionStatusTag status={a.effectiveStatus} key="status" />],
    ['Lead agency', a.leadAgencyName],
    ['Owner', a.ownerRole],
    ['Due date', calendarDate(a.dueDate)],
    ['How success will be measured', a.successMeasure],
    ['Recommendation', recommendation ? `${index + 1}. ${recommendation.text}` : 'None'],
  ];
  if (closed) {
    rows.push(['Verified', a.verifiedAt ? shortDateTime(a.verifiedAt) : 'Yes']);
    if (a.impactEvidence) rows.push(['Evidence of impact', a.impactEvidence]);
    if (a.verifiedByAuditId) rows.push(['Verified by re-audit', <ReauditLink key="r" auditId={a.verifiedByAuditId} />]);
  }

  return (
    <Page
      title={a.text}
      caption={`Action, ${a.auditTitle}`}
      breadcrumbs={[
        { to: paths.actionsTracker(), text: 'Actions' },
        { to: paths.actionsPlan(a.auditId), text: a.auditTitle },
      ]}
    >
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          {a.effectiveStatus === 'overdue' ? (
            <div className="govuk-warning-text">
              <span className="govuk-warning-text__icon" aria-hidden="true">
                !
              </span>
              <strong className="govuk-warning-text__text">
                <span className="govuk-visually-hidden">Warning: </span>
                This action was due on {calendarDate(a.dueDate)} and is not complete.
              </strong>
            </div>
          ) : null}
          <dl className="govuk-summary-list">
            {rows.map(([key, value]) => (
              <div className="govuk-summary-list__row" key={key}>
                <dt className="govuk-summary-list__key">{key}</dt>
                <dd className="govuk-summary-list__value app-preserve-lines">{value}</dd>
              </div>
            ))}
          </dl>
          {closed ? (
            <p className="govuk-inset-text">This action is verified and closed: its history can no longer change.</p>
          ) : (
            <div className="govuk-button-group">
              <a href={href(paths.actionsProgress(a.id))} className="govuk-button" draggable={false}>
                Record progress
              </a>
              <a
                href={href(paths.actionsVerify(a.id))}
                className="govuk-button govuk-button--secondary"
                draggable={false}
              >
                Verify
              </a>
              {detail.audit.status === 'in_progress' ? (
                <Link to={paths.actionsEdit(a.id)}>Change the action</Link>
              ) : null}
            </div>
          )}

          <h2 className="govuk-heading-m app-section-gap">Progress</h2>
          {history.length === 0 ? (
            <p className="govuk-body">No progress has been recorded yet.</p>
          ) : (
            <>
              <p className="govuk-body app-secondary-text">
                Newest first. Updates are kept as they were recorded and are never changed.
              </p>
              <ol className="app-timeline" reversed>
                {history.map((u) => (
                  <li className="app-timeline__item" key={u.id}>
                    <h3 className="govuk-heading-s app-timeline__title">
                      <time dateTime={u.at}>{shortDateTime(u.at)}</time>: {ACTION_STATUS_LABELS[u.status]}
                    </h3>
                    <p className="govuk-body app-preserve-lines govuk-!-margin-bottom-2">{u.note}</p>
                    {u.evidence ? (
                      <p className="govuk-body-s app-preserve-lines govuk-!-margin-bottom-2">
                        <span className="govuk-!-font-weight-bold">Evidence: </span>
                        {u.evidence}
                      </p>
                    ) : null}
                    {u.author ? <p className="govuk-body-s app-secondary-text">Recorded by {u.author}</p> : null}
                  </li>
                ))}
              </ol>
            </>
          )}
        </div>
      </div>
    </Page>
  );
}

function ReauditLink({ auditId }: { auditId: string }) {
  const audits = useApiQuery('audits.list', {});
  const audit = audits.data?.find((x) => x.id === auditId);
  return (
    <Link to={paths.auditSummary(auditId)}>{audit ? `Round ${audit.round}: ${audit.title}` : 'The re-audit'}</Link>
  );
}
