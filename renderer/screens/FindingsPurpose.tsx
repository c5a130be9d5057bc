import { z } from 'zod';
import { auditSettingsSchema } from '../../shared/analysis.js';
import type { AuditSummary } from '../../shared/audit.js';
import { prevalenceThresholdsSchema } from '../../shared/prevalence.js';
import { useApiMutation, useApiQuery } from '../api/hooks.js';
import {
  Form,
  FormErrorSummary,
  formHasErrors,
  TextareaField,
  TextField,
  useZodForm,
} from '../components/form/index.js';
import { Link } from '../components/Link.js';
import { Loading } from '../components/Loading.js';
import { LoadFailed } from '../components/LoadFailed.js';
import { Page } from '../components/Page.js';
import { parsePercent, percentText } from '../components/review/helpers.js';
import { applyApiError } from '../lib/formErrors.js';
import { navigate, paths } from '../router.js';
import { useReturnTo } from '../routes/returnTo.js';
import { FormPersonalDataWarning } from '../components/personalData/index.js';

/** Why the audit was done, and where "some" and "many or most" begin for its findings. */
export function FindingsPurpose({ auditId }: { auditId: string }) {
  const detail = useApiQuery('audits.get', { auditId });
  if (detail.error) return <LoadFailed error={detail.error} onRetry={detail.retry} />;
  if (!detail.data) return <Loading what="Loading the audit" />;
  return <PurposeForm audit={detail.data.audit} />;
}

const SOME = '“some”';
const MANY = '“many or most”';

/** A percentage typed by a person ("20", "20%") as a share (0.2). */
const percent = (what: string) =>
  z.string().transform((text, ctx) => {
    const share = parsePercent(text);
    if (share !== null) return share;
    ctx.addIssue({ code: 'custom', message: `Enter the ${what} threshold as a percentage, like 20` });
    return z.NEVER;
  });

// The service's own rules (auditSettingsSchema, prevalenceThresholdsSchema), said in percentages as
// they are typed here.
const schema = z
  .object({
    purpose: z.string().superRefine((purpose, ctx) => {
      if (!auditSettingsSchema.shape.purpose.safeParse(purpose).success) {
        ctx.addIssue({ code: 'custom', message: 'Why this audit must be 10,000 characters or fewer' });
      }
    }),
    some: percent(SOME),
    many: percent(MANY),
  })
  .superRefine(({ some, many }, ctx) => {
    const issues = prevalenceThresholdsSchema.safeParse({ someThreshold: some, manyThreshold: many }).error?.issues;
    const outOfRange = (issues ?? []).filter((i) => i.code !== 'custom');
    for (const issue of outOfRange) {
      const field = issue.path[0] === 'manyThreshold' ? 'many' : 'some';
      const message = `The ${field === 'some' ? SOME : MANY} threshold must be more than 0% and at most 100%`;
      ctx.addIssue({ code: 'custom', path: [field], message });
    }
    // The order matters only once both are in range.
    if (outOfRange.length === 0 && issues?.some((i) => i.code === 'custom')) {
      ctx.addIssue({
        code: 'custom',
        path: ['some'],
        message: `The ${SOME} threshold must be below the ${MANY} threshold`,
      });
    }
  });

function PurposeForm({ audit }: { audit: AuditSummary }) {
  const update = useApiMutation('audits.update');
  const form = useZodForm(schema, {
    defaultValues: {
      purpose: audit.purpose,
      some: percentText(audit.thresholds.someThreshold),
      many: percentText(audit.thresholds.manyThreshold),
    },
  });

  // Opened from the check before signing: a save goes back there.
  const returnTo = useReturnTo();
  const onSubmit = async ({ purpose, some, many }: z.output<typeof schema>) => {
    try {
      await update.mutate({ auditId: audit.id, purpose, thresholds: { someThreshold: some, manyThreshold: many } });
      navigate(returnTo ?? paths.findings(audit.id), { flash: 'Why this audit and the thresholds are saved' });
    } catch (err) {
      applyApiError(form, err, ([first, second]) => {
        if (first === 'purpose') return 'purpose';
        if (first !== 'thresholds') return undefined;
        return second === 'manyThreshold' ? 'many' : 'some';
      });
    }
  };

  return (
    <Page
      title="Why this audit and its thresholds"
      caption={audit.title}
      narrow
      breadcrumbs={[
        { to: paths.auditsList(), text: 'Audits' },
        { to: paths.auditOverview(audit.id), text: audit.title },
        { to: paths.findings(audit.id), text: 'Findings' },
      ]}
      hasErrors={formHasErrors(form)}
      before={<FormErrorSummary form={form} />}
    >
      <Form form={form} onSubmit={onSubmit} summary="none">
        <TextareaField
          name="purpose"
          id="audit-purpose"
          label="Why this audit"
          labelSize="m"
          hint="What the board wanted to know and why: the learning, data or concern that led to it. This opens the summary."
          rows={6}
        />
        <FormPersonalDataWarning name="purpose" fieldId="audit-purpose" />
        <div className="govuk-form-group">
          <fieldset className="govuk-fieldset" aria-describedby="thresholds-hint">
            <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">Prevalence thresholds</legend>
            <div className="govuk-hint" id="thresholds-hint">
              The share of the cases assessed at which a finding is reported as found “in some cases” or “in many or
              most cases”. A share exactly at a threshold counts as the higher word.
            </div>
            <TextField
              name="some"
              id="threshold-some"
              label="“In some cases” from"
              width="5"
              suffix="%"
              inputMode="decimal"
              autoComplete="off"
            />
            <TextField
              name="many"
              id="threshold-many"
              label="“In many or most cases” from"
              width="5"
              suffix="%"
              inputMode="decimal"
              autoComplete="off"
            />
          </fieldset>
        </div>
        <div className="govuk-button-group">
          <button type="submit" className="govuk-button" disabled={update.pending}>
            Save
          </button>
          <Link to={paths.findings(audit.id)}>Cancel</Link>
        </div>
      </Form>
    </Page>
  );
}
