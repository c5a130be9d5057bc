import { useState, type FormEvent } from 'react';
import type { Action } from '../../shared/actionPlan.js';
import { actionDraftSchema } from '../../shared/actionStatus.js';
import type { AuditDetail } from '../../shared/audit.js';
import type { Recommendation } from '../../shared/review.js';
import { useApiMutation, useApiQuery } from '../api/hooks.js';
import { ErrorSummary } from '../components/ErrorSummary.js';
import { Link } from '../components/Link.js';
import { Loading } from '../components/Loading.js';
import { LoadFailed } from '../components/LoadFailed.js';
import { Page } from '../components/Page.js';
import { SelectInput, TextArea, TextInput } from '../components/review/Fields.js';
import { useFormErrors } from '../components/review/useFormErrors.js';
import { navigate, paths } from '../router.js';

/** A new SMART action for an audit's plan. */
export function ActionsNew({ auditId }: { auditId: string }) {
  return <ActionsFormLoader auditId={auditId} action={undefined} />;
}

/** Change an action's SMART details (its status moves only through progress updates). */
export function ActionsEdit({ actionId }: { actionId: string }) {
  const action = useApiQuery('actions.get', { actionId });
  if (action.error) return <LoadFailed error={action.error} onRetry={action.retry} />;
  if (!action.data) return <Loading what="Loading the action" />;
  return <ActionsFormLoader auditId={action.data.auditId} action={action.data} />;
}

function ActionsFormLoader({ auditId, action }: { auditId: string; action: Action | undefined }) {
  const detail = useApiQuery('audits.get', { auditId });
  const recommendations = useApiQuery('recommendations.list', { auditId });
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
  if (!detail.data || !recommendations.data) return <Loading what="Loading the action plan" />;
  return <ActionForm detail={detail.data} recommendations={recommendations.data} action={action} />;
}

const FIELDS = ['text', 'leadAgencyId', 'ownerRole', 'dueDate', 'successMeasure', 'recommendationId'] as const;
type Field = (typeof FIELDS)[number];
const IDS: Record<Field, string> = {
  text: 'action-text',
  leadAgencyId: 'action-lead',
  ownerRole: 'action-owner',
  dueDate: 'action-due',
  successMeasure: 'action-measure',
  recommendationId: 'action-recommendation',
};

function ActionForm({
  detail,
  recommendations,
  action,
}: {
  detail: AuditDetail;
  recommendations: Recommendation[];
  action: Action | undefined;
}) {
  const { audit } = detail;
  const save = useApiMutation('actions.save');
  const errors = useFormErrors();
  const [values, setValues] = useState<Record<Field, string>>({
    text: action?.text ?? '',
    leadAgencyId: action?.leadAgencyId ?? '',
    ownerRole: action?.ownerRole ?? '',
    dueDate: action?.dueDate ?? '',
    successMeasure: action?.successMeasure ?? '',
    recommendationId: action?.recommendationId ?? '',
  });
  const set = (field: Field) => (value: string) => setValues((v) => ({ ...v, [field]: value }));
  const editable = audit.status === 'in_progress';

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const parsed = actionDraftSchema.safeParse({
      text: values.text,
      leadAgencyId: values.leadAgencyId,
      ownerRole: values.ownerRole,
      dueDate: values.dueDate,
      successMeasure: values.successMeasure,
    });
    if (!parsed.success) {
      const problems: Record<string, string> = {};
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0] ?? '');
        if (!problems[field]) problems[field] = issue.message;
      }
      if (problems.dueDate && values.dueDate.trim() === '') problems.dueDate = 'Enter the due date';
      return errors.fail(problems);
    }
    try {
      const saved = await save.mutate({
        ...(action ? { id: action.id } : {}),
        auditId: audit.id,
        ...parsed.data,
        recommendationId: values.recommendationId === '' ? null : values.recommendationId,
      });
      navigate(action ? paths.action(saved.id) : paths.actionPlan(audit.id), {
        flash: action ? 'Action saved' : 'Action added to the plan',
      });
    } catch (err) {
      errors.failFromServer(err, (path) => ((FIELDS as readonly string[]).includes(path) ? path : undefined));
    }
  };

  const items = errors.items(FIELDS.map((f) => [f, IDS[f]] as const));
  const title = action ? 'Change the action' : 'Add an action';
  const agencies = detail.agencies.filter((a) => a.active || a.id === values.leadAgencyId);

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
      {!editable ? (
        <p className="govuk-inset-text">This audit is signed: its action plan changes in a new revision.</p>
      ) : null}
      <form noValidate onSubmit={(e) => void onSubmit(e)}>
        <fieldset className="govuk-fieldset" disabled={!editable}>
          <legend className="govuk-visually-hidden">{title}</legend>
          <TextArea
            id={IDS.text}
            label="The action"
            size="m"
            hint="Specific, measurable, achievable, relevant and time-bound: what will be done, and by when"
            rows={4}
            error={errors.field('text')}
            value={values.text}
            onChange={set('text')}
          />
          <SelectInput
            id={IDS.leadAgencyId}
            label="Lead agency"
            size="m"
            placeholder="Choose the lead agency"
            options={agencies.map((a) => ({ value: a.id, label: a.name }))}
            error={errors.field('leadAgencyId')}
            value={values.leadAgencyId}
            onChange={set('leadAgencyId')}
          />
          <TextInput
            id={IDS.ownerRole}
            label="Owner"
            size="m"
            hint="The role that owns the action, not a person’s name: for example, MASH service manager"
            error={errors.field('ownerRole')}
            value={values.ownerRole}
            onChange={set('ownerRole')}
          />
          <TextInput
            id={IDS.dueDate}
            type="date"
            label="Due date"
            size="m"
            error={errors.field('dueDate')}
            value={values.dueDate}
            onChange={set('dueDate')}
          />
          <TextArea
            id={IDS.successMeasure}
            label="How success will be measured"
            size="m"
            hint="For example: a dip sample of 20 decisions shows the child’s views recorded in 90%"
            rows={3}
            error={errors.field('successMeasure')}
            value={values.successMeasure}
            onChange={set('successMeasure')}
          />
          <SelectInput
            id={IDS.recommendationId}
            label="The recommendation it carries out"
            size="m"
            options={[
              { value: '', label: 'None' },
              ...recommendations.map((r, i) => ({
                value: r.id,
                label: `${i + 1}. ${r.text.length > 90 ? `${r.text.slice(0, 89)}…` : r.text}`,
              })),
            ]}
            error={errors.field('recommendationId')}
            value={values.recommendationId}
            onChange={set('recommendationId')}
          />
        </fieldset>
        <div className="govuk-button-group">
          {editable ? (
            <button type="submit" className="govuk-button" disabled={save.pending}>
              Save action
            </button>
          ) : null}
          <Link to={action ? paths.action(action.id) : paths.actionPlan(audit.id)}>Cancel</Link>
        </div>
      </form>
    </Page>
  );
}
