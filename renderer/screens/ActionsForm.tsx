import { z } from 'zod';
import type { Action } from '../../shared/actionPlan.js';
import { actionDraftSchema } from '../../shared/actionStatus.js';
import type { AuditDetail } from '../../shared/audit.js';
import type { Recommendation } from '../../shared/review.js';
import { useApiMutation, useApiQuery } from '../api/hooks.js';
import {
  dateInputSchema,
  DateField,
  Form,
  FormErrorSummary,
  formHasErrors,
  SelectField,
  TextareaField,
  TextField,
  useWatch,
  useZodForm,
} from '../components/form/index.js';
import { Link } from '../components/Link.js';
import { Loading } from '../components/Loading.js';
import { LoadFailed } from '../components/LoadFailed.js';
import { Page } from '../components/Page.js';
import { PastDateWarning } from '../components/form/PastDateWarning.js';
import { applyApiError } from '../lib/formErrors.js';
import { navigate, paths } from '../router.js';
import { useReturnTo } from '../routes/returnTo.js';
import { FormPersonalDataWarning } from '../components/personalData/index.js';

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

// The service's own SMART rules (actionDraftSchema); an empty due date is asked for in plain words, and
// "None" is no recommendation.
export const PAST_DUE =
  'This date has passed: the action will show as overdue as soon as it is saved. Check the date, or save it if it is right.';

const schema = actionDraftSchema.extend({
  dueDate: dateInputSchema({ label: 'Due date', required: 'Enter the due date' }).pipe(actionDraftSchema.shape.dueDate),
  recommendationId: z.string().transform((id) => (id === '' ? null : id)),
});
const FIELDS = ['text', 'leadAgencyId', 'ownerRole', 'dueDate', 'successMeasure', 'recommendationId'] as const;

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
  const form = useZodForm(schema, {
    defaultValues: {
      text: action?.text ?? '',
      leadAgencyId: action?.leadAgencyId ?? '',
      ownerRole: action?.ownerRole ?? '',
      dueDate: action?.dueDate ?? '',
      successMeasure: action?.successMeasure ?? '',
      recommendationId: action?.recommendationId ?? '',
    },
  });
  const editable = audit.status === 'in_progress';
  const leadAgencyId = useWatch({ control: form.control, name: 'leadAgencyId' });

  // Opened from the check before signing: a save goes back there.
  const returnTo = useReturnTo();
  const onSubmit = async (values: z.output<typeof schema>) => {
    try {
      const saved = await save.mutate({ ...(action ? { id: action.id } : {}), auditId: audit.id, ...values });
      navigate(returnTo ?? (action ? paths.actionsDetail(saved.id) : paths.actionsPlan(audit.id)), {
        flash: action ? 'Action saved' : 'Action added to the plan',
      });
    } catch (err) {
      applyApiError(form, err, ([field]) =>
        (FIELDS as readonly unknown[]).includes(field) ? String(field) : undefined,
      );
    }
  };

  const title = action ? 'Change the action' : 'Add an action';
  const agencies = detail.agencies.filter((a) => a.active || a.id === leadAgencyId);

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
      {!editable ? (
        <p className="govuk-inset-text">This audit is signed: its action plan changes in a new revision.</p>
      ) : null}
      <Form form={form} onSubmit={onSubmit} summary="none">
        <fieldset className="govuk-fieldset" disabled={!editable}>
          <legend className="govuk-visually-hidden">{title}</legend>
          <TextareaField
            name="text"
            id="action-text"
            label="The action"
            labelSize="m"
            hint="Specific, measurable, achievable, relevant and time-bound: what will be done, and by when"
            rows={4}
          />
          <FormPersonalDataWarning name="text" fieldId="action-text" />
          <SelectField
            name="leadAgencyId"
            id="action-lead"
            label="Lead agency"
            labelSize="m"
            placeholder="Choose the lead agency"
            options={agencies.map((a) => ({ value: a.id, label: a.name }))}
          />
          <TextField
            name="ownerRole"
            id="action-owner"
            label="Owner"
            labelSize="m"
            hint="The role that owns the action, not a person’s name: for example, MASH service manager"
            autoComplete="off"
          />
          <DateField name="dueDate" id="action-due" legend="Due date" label="Due date" hint="For example, 31 3 2027" />
          <PastDateWarning name="dueDate" id="action-due-past" message={PAST_DUE} />
          <TextareaField
            name="successMeasure"
            id="action-measure"
            label="How success will be measured"
            labelSize="m"
            hint="For example: a dip sample of 20 decisions shows the child’s views recorded in 90%"
            rows={3}
          />
          <FormPersonalDataWarning name="successMeasure" fieldId="action-measure" />
          <SelectField
            name="recommendationId"
            id="action-recommendation"
            label="The recommendation it carries out"
            labelSize="m"
            options={[
              { value: '', label: 'None' },
              ...recommendations.map((r, i) => ({
                value: r.id,
                label: `${i + 1}. ${r.text.length > 90 ? `${r.text.slice(0, 89)}…` : r.text}`,
              })),
            ]}
          />
        </fieldset>
        <div className="govuk-button-group">
          {editable ? (
            <button type="submit" className="govuk-button" disabled={save.pending}>
              Save action
            </button>
          ) : null}
          <Link to={action ? paths.actionsDetail(action.id) : paths.actionsPlan(audit.id)}>Cancel</Link>
        </div>
      </Form>
    </Page>
  );
}
