import { useState } from 'react';
import type { ActionListItem } from '../../shared/actionPlan.js';
import type { AuditDetail } from '../../shared/audit.js';
import type { Finding, Recommendation } from '../../shared/review.js';
import { errorMessage } from '../api/client.js';
import { useApiMutation, useApiQuery } from '../api/hooks.js';
import { ErrorSummary } from '../components/form/index.js';
import { Link } from '../components/Link.js';
import { Loading } from '../components/Loading.js';
import { LoadFailed } from '../components/LoadFailed.js';
import { NotificationBanner } from '../components/NotificationBanner.js';
import { Page } from '../components/Page.js';
import { ActionsTable } from '../components/review/ActionsTable.js';
import { RemoveButton } from '../components/review/RemoveButton.js';
import { ReviewNav } from '../components/review/ReviewNav.js';
import { sentence } from '../lib/format.js';
import { href, paths } from '../router.js';

/** The audit's recommendations, each resting on findings, and its SMART action plan. */
export function ActionsPlan({ auditId }: { auditId: string }) {
  const detail = useApiQuery('audits.get', { auditId });
  const findings = useApiQuery('findings.list', { auditId });
  const recommendations = useApiQuery('recommendations.list', { auditId });
  const actions = useApiQuery('actions.list', { auditId });
  const failed = detail.error ?? findings.error ?? recommendations.error ?? actions.error;
  if (failed) {
    return (
      <LoadFailed
        error={failed}
        onRetry={() => {
          detail.retry();
          findings.retry();
          recommendations.retry();
          actions.retry();
        }}
      />
    );
  }
  if (!detail.data || !findings.data || !recommendations.data || !actions.data) {
    return <Loading what="Loading the action plan" />;
  }
  return (
    <PlanView
      detail={detail.data}
      findings={findings.data}
      recommendations={recommendations.data}
      setRecommendations={(update) => recommendations.setData(update)}
      actions={actions.data}
    />
  );
}

function PlanView({
  detail,
  findings,
  recommendations,
  setRecommendations,
  actions,
}: {
  detail: AuditDetail;
  findings: Finding[];
  recommendations: Recommendation[];
  setRecommendations: (update: (current: Recommendation[] | undefined) => Recommendation[]) => void;
  actions: ActionListItem[];
}) {
  const { audit } = detail;
  const editable = audit.status === 'in_progress';
  const remove = useApiMutation('recommendations.remove');
  // A refused removal: shown in the error summary, focused each time.
  const [refusal, setRefusal] = useState<{ text: string; n: number } | null>(null);
  const [banner, setBanner] = useState<{ text: string; n: number } | null>(null);

  const onRemove = async (r: Recommendation): Promise<boolean> => {
    setBanner(null);
    try {
      await remove.mutate({ recommendationId: r.id });
      setRecommendations((list) => (list ?? []).filter((x) => x.id !== r.id));
      setRefusal(null);
      setBanner((b) => ({ text: 'Recommendation removed', n: (b?.n ?? 0) + 1 }));
      return true;
    } catch (e) {
      setRefusal((r) => ({ text: sentence(errorMessage(e)), n: (r?.n ?? 0) + 1 }));
      return false;
    }
  };

  const recommendationNumber = new Map(recommendations.map((r, i) => [r.id, i + 1]));

  return (
    <Page
      title="Recommendations and action plan"
      caption={audit.title}
      breadcrumbs={[
        { to: paths.auditsList(), text: 'Audits' },
        { to: paths.auditOverview(audit.id), text: audit.title },
      ]}
      hasErrors={refusal !== null}
      before={
        refusal ? (
          <ErrorSummary errors={[{ text: refusal.text }]} focusKey={refusal.n} />
        ) : banner ? (
          <NotificationBanner key={banner.n} kind="success" heading={banner.text} focus />
        ) : null
      }
    >
      <ReviewNav auditId={audit.id} current="actionPlan" />

      <h2 className="govuk-heading-m">Recommendations</h2>
      {recommendations.length === 0 ? (
        <p className="govuk-body">
          No recommendations yet. Each recommendation rests on one or more findings, and the action plan says how it
          will be carried out.
        </p>
      ) : (
        <ol className="app-finding-list app-recommendation-list">
          {recommendations.map((r, i) => {
            const textId = `recommendation-${r.id}-text`;
            const rests = r.findingIds
              .map((id) => findings.find((f) => f.id === id))
              .filter((f): f is Finding => f !== undefined);
            const following = actions.filter((a) => a.recommendationId === r.id).length;
            return (
              <li className="app-finding" key={r.id}>
                <p className="govuk-body app-finding__text app-preserve-lines" id={textId}>
                  <span className="app-finding__label">Recommendation {i + 1}: </span>
                  {r.text}
                </p>
                {rests.length > 0 ? (
                  <>
                    <p className="govuk-body-s app-finding__meta govuk-!-margin-bottom-0">Rests on the findings:</p>
                    <ul className="govuk-list govuk-list--bullet govuk-body-s app-finding__meta">
                      {rests.map((f) => (
                        <li key={f.id}>
                          {f.kind === 'strength' ? 'Strength: ' : 'Area for development: '}
                          {f.text}
                        </li>
                      ))}
                    </ul>
                  </>
                ) : (
                  <p className="govuk-body-s app-finding__meta">No findings linked</p>
                )}
                <p className="govuk-body-s app-finding__meta">
                  {following === 0 ? 'No actions yet' : following === 1 ? '1 action' : `${following} actions`}
                </p>
                {editable ? (
                  <div className="app-finding__links">
                    <Link to={paths.actionsRecommendation(audit.id, r.id)} aria-describedby={textId}>
                      Change<span className="govuk-visually-hidden"> recommendation {i + 1}</span>
                    </Link>
                    <RemoveButton
                      what={`recommendation ${i + 1}`}
                      describedBy={textId}
                      pending={remove.pending}
                      onRemove={() => onRemove(r)}
                    />
                  </div>
                ) : null}
              </li>
            );
          })}
        </ol>
      )}
      {editable ? (
        <a
          href={href(paths.actionsRecommendationNew(audit.id))}
          className="govuk-button govuk-button--secondary"
          draggable={false}
        >
          Add a recommendation
        </a>
      ) : null}

      <h2 className="govuk-heading-m app-section-gap">Action plan</h2>
      <p className="govuk-body app-readable">
        Each action is SMART: a lead agency and an owning role, a due date and how success will be measured. Progress is
        recorded as dated updates; an action closes only when it is verified with evidence of its impact.
      </p>
      {actions.length === 0 ? (
        <p className="govuk-body">No actions yet.</p>
      ) : (
        <ActionsTable
          caption={actions.length === 1 ? '1 action' : `${actions.length} actions`}
          actions={actions}
          recommendationNumber={recommendationNumber}
        />
      )}
      {editable ? (
        <a href={href(paths.actionsNew(audit.id))} className="govuk-button govuk-button--secondary" draggable={false}>
          Add an action
        </a>
      ) : null}
      <p className="govuk-body">
        <Link to={paths.auditSummary(audit.id)}>Go on to the summary</Link>
      </p>
    </Page>
  );
}
