import { useState, type FormEvent } from 'react';
import type { AuditSummary } from '../../shared/audit.js';
import type { Finding, Recommendation } from '../../shared/review.js';
import { useApiMutation, useApiQuery } from '../api/hooks.js';
import { ErrorSummary } from '../components/ErrorSummary.js';
import { Link } from '../components/Link.js';
import { Loading } from '../components/Loading.js';
import { LoadFailed } from '../components/LoadFailed.js';
import { Page } from '../components/Page.js';
import { Checkboxes, TextArea } from '../components/review/Fields.js';
import { useFormErrors } from '../components/review/useFormErrors.js';
import { navigate, paths } from '../router.js';

/** Write or change a recommendation and choose the findings it rests on. */
export function ActionsRecommendation({ auditId, recommendationId }: { auditId: string; recommendationId?: string }) {
  const detail = useApiQuery('audits.get', { auditId });
  const findings = useApiQuery('findings.list', { auditId });
  const recommendations = useApiQuery('recommendations.list', { auditId });
  const failed = detail.error ?? findings.error ?? recommendations.error;
  if (failed) {
    return (
      <LoadFailed
        error={failed}
        onRetry={() => {
          detail.retry();
          findings.retry();
          recommendations.retry();
        }}
      />
    );
  }
  if (!detail.data || !findings.data || !recommendations.data) return <Loading what="Loading the recommendation" />;
  const index = recommendationId ? recommendations.data.findIndex((r) => r.id === recommendationId) : -1;
  if (recommendationId && index < 0) {
    return (
      <Page title="Page not found">
        <p className="govuk-body">This audit has no such recommendation: it may have been removed.</p>
        <Link to={paths.actionPlan(auditId)}>Go to the recommendations and action plan</Link>
      </Page>
    );
  }
  return (
    <RecommendationForm
      audit={detail.data.audit}
      findings={findings.data}
      recommendation={index >= 0 ? recommendations.data[index] : undefined}
      number={index >= 0 ? index + 1 : recommendations.data.length + 1}
    />
  );
}

function RecommendationForm({
  audit,
  findings,
  recommendation,
  number,
}: {
  audit: AuditSummary;
  findings: Finding[];
  recommendation: Recommendation | undefined;
  number: number;
}) {
  const save = useApiMutation('recommendations.save');
  const errors = useFormErrors();
  const [text, setText] = useState(recommendation?.text ?? '');
  const [findingIds, setFindingIds] = useState<string[]>(recommendation?.findingIds ?? []);

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const problems: Record<string, string> = {};
    if (text.trim() === '') problems.text = 'Write the recommendation';
    if (Object.keys(problems).length > 0) return errors.fail(problems);
    try {
      await save.mutate({ ...(recommendation ? { id: recommendation.id } : {}), auditId: audit.id, text, findingIds });
      navigate(paths.actionPlan(audit.id), { flash: recommendation ? 'Recommendation saved' : 'Recommendation added' });
    } catch (err) {
      errors.failFromServer(err, (path) =>
        path === 'text' ? 'text' : path.startsWith('findingIds') ? 'findingIds' : undefined,
      );
    }
  };

  const items = errors.items([
    ['text', 'recommendation-text'],
    ['findingIds', 'recommendation-findings'],
  ]);
  const title = recommendation ? `Change recommendation ${number}` : 'Add a recommendation';
  const strengths = findings.filter((f) => f.kind === 'strength');
  const development = findings.filter((f) => f.kind === 'development');
  // Development areas first: most recommendations answer them.
  const ordered = [...development, ...strengths];

  return (
    <Page
      title={title}
      caption={audit.title}
      narrow
      breadcrumbs={[
        { to: paths.home(), text: 'Audits' },
        { to: paths.audit(audit.id), text: audit.title },
        { to: paths.actionPlan(audit.id), text: 'Recommendations and action plan' },
      ]}
      hasErrors={items.length > 0}
      before={items.length > 0 ? <ErrorSummary errors={items} focusKey={errors.attempt} /> : null}
    >
      <form noValidate onSubmit={(e) => void onSubmit(e)}>
        <TextArea
          id="recommendation-text"
          label="The recommendation"
          size="m"
          hint="What the board asks partners to do, for example: “Partners make sure every referral decision records the child’s views”"
          rows={5}
          error={errors.field('text')}
          value={text}
          onChange={setText}
        />
        {findings.length === 0 ? (
          <p className="govuk-body">
            This audit has no findings yet to link. <Link to={paths.findings(audit.id)}>Write the findings</Link>
          </p>
        ) : (
          <Checkboxes
            id="recommendation-findings"
            legend="The findings it rests on"
            legendSize="m"
            hint="Select all that apply"
            error={errors.field('findingIds')}
            items={ordered.map((f) => ({
              value: f.id,
              label: f.text,
              hint: f.kind === 'strength' ? 'Strength' : 'Area for development',
            }))}
            values={findingIds}
            onChange={setFindingIds}
          />
        )}
        <div className="govuk-button-group">
          <button type="submit" className="govuk-button" disabled={save.pending}>
            Save recommendation
          </button>
          <Link to={paths.actionPlan(audit.id)}>Cancel</Link>
        </div>
      </form>
    </Page>
  );
}
