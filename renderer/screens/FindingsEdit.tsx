import { z } from 'zod';
import type { AuditDetail } from '../../shared/audit.js';
import { FINDING_KINDS, findingInputSchema, type Finding } from '../../shared/review.js';
import type { Template } from '../../shared/template.js';
import { LEARNING_THEMES, LEARNING_THEME_LABELS } from '../../shared/vocabulary.js';
import { useApiMutation, useApiQuery } from '../api/hooks.js';
import {
  CheckboxesField,
  Form,
  FormErrorSummary,
  formHasErrors,
  RadiosField,
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

/** Add a finding of the auditor's own, or change one (including an accepted suggestion). */
export function FindingsEdit({ auditId, findingId }: { auditId: string; findingId?: string | undefined }) {
  const detail = useApiQuery('audits.get', { auditId });
  const findings = useApiQuery('findings.list', { auditId });
  const failed = detail.error ?? findings.error;
  if (failed) return <LoadFailed error={failed} onRetry={() => (detail.retry(), findings.retry())} />;
  if (!detail.data || !findings.data) return <Loading what="Loading the finding" />;
  const finding = findingId ? findings.data.find((f) => f.id === findingId) : undefined;
  if (findingId && !finding) {
    return (
      <Page title="Page not found">
        <p className="govuk-body">This audit has no such finding: it may have been removed.</p>
        <Link to={paths.findings(auditId)}>Go to the audit’s findings</Link>
      </Page>
    );
  }
  return <WithTemplate detail={detail.data} finding={finding} />;
}

function WithTemplate({ detail, finding }: { detail: AuditDetail; finding: Finding | undefined }) {
  const template = useApiQuery('templates.get', { id: detail.audit.templateId, version: detail.audit.templateVersion });
  if (template.error) return <LoadFailed error={template.error} onRetry={template.retry} />;
  if (!template.data) return <Loading what="Loading the finding" />;
  return <FindingForm detail={detail} template={template.data} finding={finding} />;
}

const KIND_ITEMS = [
  {
    value: 'strength',
    label: 'A strength',
    hint: 'Reported as “in many or most cases the following strengths were found”',
  },
  {
    value: 'development',
    label: 'An area for development',
    hint: 'Reported as “in some cases the following development areas were found”',
  },
];

// The service's own rules for a finding; the kind says in the page's words what to choose, and the
// questions are ticked section by section (joined on saving).
const schema = findingInputSchema.pick({ text: true, caseIds: true, themes: true }).extend({
  kind: z.enum(FINDING_KINDS, { message: 'Choose whether the finding is a strength or an area for development' }),
  questions: z.array(z.array(z.string())),
});

function FindingForm({
  detail,
  template,
  finding,
}: {
  detail: AuditDetail;
  template: Template;
  finding: Finding | undefined;
}) {
  const { audit, cases } = detail;
  const save = useApiMutation('findings.save');
  const form = useZodForm(schema, {
    defaultValues: {
      ...(finding ? { kind: finding.kind } : {}),
      text: finding?.text ?? '',
      caseIds: finding?.caseIds ?? [],
      questions: template.sections.map((s) =>
        (finding?.questionIds ?? []).filter((id) => s.questions.some((q) => q.id === id)),
      ),
      themes: finding?.themes ?? [],
    },
  });
  const editable = audit.status === 'in_progress';

  // Opened from the check before signing: a save goes back there.
  const returnTo = useReturnTo();
  const onSubmit = async ({ questions, ...values }: z.output<typeof schema>) => {
    try {
      await save.mutate({
        ...(finding ? { id: finding.id } : {}),
        auditId: audit.id,
        origin: finding?.origin ?? 'own',
        ...values,
        questionIds: questions.flat(),
      });
      navigate(returnTo ?? paths.findings(audit.id), { flash: finding ? 'Finding saved' : 'Finding added' });
    } catch (err) {
      applyApiError(form, err, ([field]) => {
        if (field === 'questionIds') return 'questions.0';
        return field === 'kind' || field === 'text' || field === 'caseIds' || field === 'themes' ? field : undefined;
      });
    }
  };

  const title = finding ? 'Change a finding' : 'Add a finding of your own';

  return (
    <Page
      title={title}
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
      {finding?.origin === 'suggested' ? (
        <p className="govuk-inset-text">
          This finding was suggested from the answers. Put it in the words the board’s report will use; the cases and
          questions it rests on are kept unless you change them.
        </p>
      ) : null}
      <Form form={form} onSubmit={onSubmit} summary="none">
        <fieldset className="govuk-fieldset" disabled={!editable}>
          <legend className="govuk-visually-hidden">{title}</legend>
          <RadiosField name="kind" id="finding-kind" legend="What kind of finding is it?" options={KIND_ITEMS} />
          <TextareaField
            name="text"
            id="finding-text"
            label="The finding"
            labelSize="m"
            hint="As it will read in the report, for example: “Chronologies were not up to date”"
            rows={5}
          />
          <FormPersonalDataWarning name="text" fieldId="finding-text" />
          <CheckboxesField
            name="caseIds"
            id="finding-cases"
            legend="Evidence: the cases it was found in"
            hint="Select all that apply"
            options={cases.map((c) => ({ value: c.id, label: c.reference }))}
          />
          <div className="govuk-form-group">
            <fieldset className="govuk-fieldset" aria-describedby="finding-questions-hint">
              <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">The questions it rests on</legend>
              <div className="govuk-hint" id="finding-questions-hint">
                Select all that apply (optional)
              </div>
              {template.sections.map((s, si) => (
                <CheckboxesField
                  key={s.id}
                  name={`questions.${si}`}
                  id={`finding-questions-${si}`}
                  legend={`${si + 1}. ${s.title}`}
                  legendSize="s"
                  small
                  options={s.questions.map((q, qi) => ({ value: q.id, label: `${si + 1}.${qi + 1} ${q.text}` }))}
                />
              ))}
            </fieldset>
          </div>
          <CheckboxesField
            name="themes"
            id="finding-themes"
            legend="Learning themes"
            hint="The themes from child safeguarding practice reviews this finding bears on (optional)"
            options={LEARNING_THEMES.map((t) => ({ value: t, label: LEARNING_THEME_LABELS[t] }))}
          />
        </fieldset>
        <div className="govuk-button-group">
          {editable ? (
            <button type="submit" className="govuk-button" disabled={save.pending}>
              Save finding
            </button>
          ) : null}
          <Link to={paths.findings(audit.id)}>Cancel</Link>
        </div>
      </Form>
    </Page>
  );
}
