import type { z } from 'zod';
import type { AuditSummary } from '../../shared/audit.js';
import { recommendationInputSchema, type Finding, type Recommendation } from '../../shared/review.js';
import { useApiMutation, useApiQuery } from '../api/hooks.js';
import {
  CheckboxesField,
  Form,
  FormErrorSummary,
  formHasErrors,
  TextareaField,
  useZodForm,
} from '../components/form/index.js';
import { Link } from '../components/Link.js';
import { Loading } from '../components/Loading.js';
import { LoadFailed } from '../components/LoadFailed.js';
import { Page } from '../components/Page.js';
import { applyApiError } from '../lib/formErrors.js';
import { navigate, paths } from '../router.js';
import { useReturnTo } from '../routes/returnTo.js';
import { FormPersonalDataWarning } from '../components/personalData/index.js';

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
        <Link to={paths.actionsPlan(auditId)}>Go to the recommendations and action plan</Link>
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

// The service's own rules for a recommendation, less the audit and id it belongs to.
const schema = recommendationInputSchema.pick({ text: true, findingIds: true });

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
  const form = useZodForm(schema, {
    defaultValues: { text: recommendation?.text ?? '', findingIds: recommendation?.findingIds ?? [] },
  });

  // Opened from the check before signing: a save goes back there.
  const returnTo = useReturnTo();
  const onSubmit = async (values: z.output<typeof schema>) => {
    try {
      await save.mutate({ ...(recommendation ? { id: recommendation.id } : {}), auditId: audit.id, ...values });
      navigate(returnTo ?? paths.actionsPlan(audit.id), {
        flash: recommendation ? 'Recommendation saved' : 'Recommendation added',
      });
    } catch (err) {
      applyApiError(form, err, ([field]) => (field === 'text' || field === 'findingIds' ? field : undefined));
    }
  };

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
        { to: paths.auditsList(), text: 'Audits' },
        { to: paths.auditOverview(audit.id), text: audit.title },
        { to: paths.actionsPlan(audit.id), text: 'Recommendations and action plan' },
      ]}
      hasErrors={formHasErrors(form)}
      before={<FormErrorSummary form={form} />}
    >
      <Form form={form} onSubmit={onSubmit} summary="none">
        <TextareaField
          name="text"
          id="recommendation-text"
          label="The recommendation"
          labelSize="m"
          hint="What the board asks partners to do, for example: “Partners make sure every referral decision records the child’s views”"
          rows={5}
        />
        <FormPersonalDataWarning name="text" fieldId="recommendation-text" />
        {findings.length === 0 ? (
          <p className="govuk-body">
            This audit has no findings yet to link. <Link to={paths.findings(audit.id)}>Write the findings</Link>
          </p>
        ) : (
          <CheckboxesField
            name="findingIds"
            id="recommendation-findings"
            legend="The findings it rests on"
            hint="Select all that apply"
            options={ordered.map((f) => ({
              value: f.id,
              label: f.text,
              hint: f.kind === 'strength' ? 'Strength' : 'Area for development',
            }))}
          />
        )}
        <div className="govuk-button-group">
          <button type="submit" className="govuk-button" disabled={save.pending}>
            Save recommendation
          </button>
          <Link to={paths.actionsPlan(audit.id)}>Cancel</Link>
        </div>
      </Form>
    </Page>
  );
}
