import type { z } from 'zod';
import { actionUpdateInputSchema, type Action } from '../../shared/actionPlan.js';
import { ACTION_STATUS_LABELS, type ActionStatus } from '../../shared/actionStatus.js';
import { useApiMutation, useApiQuery } from '../api/hooks.js';
import {
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
import { ActionSummaryLine } from '../components/review/ActionSummaryLine.js';
import { applyApiError } from '../lib/formErrors.js';
import { navigate, paths } from '../router.js';
import { FormPersonalDataWarning } from '../components/personalData/index.js';

/** Record a dated progress update: what happened, the status now, and any evidence. */
export function ActionsProgress({ actionId }: { actionId: string }) {
  const action = useApiQuery('actions.get', { actionId });
  if (action.error) return <LoadFailed error={action.error} onRetry={action.retry} />;
  if (!action.data) return <Loading what="Loading the action" />;
  return <ProgressForm action={action.data} />;
}

const STATUSES: ReadonlyArray<Exclude<ActionStatus, 'verified'>> = ['not_started', 'on_track', 'at_risk', 'complete'];
const HINTS: Record<(typeof STATUSES)[number], string> = {
  not_started: 'Work on the action has not begun',
  on_track: 'Under way and expected to be done by the due date',
  at_risk: 'Under way, but the due date or the outcome is in doubt',
  complete: 'Done: it can then be verified with evidence of its impact',
};

// The service's own rules for a progress update, less the action it is about.
const schema = actionUpdateInputSchema.omit({ actionId: true });

function ProgressForm({ action }: { action: Action }) {
  const addUpdate = useApiMutation('actions.addUpdate');
  const form = useZodForm(schema, {
    defaultValues: {
      note: '',
      ...(action.status === 'verified' ? {} : { status: action.status }),
      evidence: '',
    },
  });

  const onSubmit = async (values: z.output<typeof schema>) => {
    try {
      await addUpdate.mutate({ actionId: action.id, ...values });
      navigate(paths.actionsDetail(action.id), { flash: 'Progress recorded' });
    } catch (err) {
      applyApiError(form, err);
    }
  };

  return (
    <Page
      title="Record progress"
      caption={action.auditTitle}
      narrow
      breadcrumbs={[
        { to: paths.actionsTracker(), text: 'Actions' },
        { to: paths.actionsDetail(action.id), text: 'The action' },
      ]}
      hasErrors={formHasErrors(form)}
      before={<FormErrorSummary form={form} />}
    >
      <ActionSummaryLine action={action} />
      <Form form={form} onSubmit={onSubmit} summary="none">
        <TextareaField
          name="note"
          id="progress-note"
          label="What has happened"
          labelSize="m"
          hint="The update is dated today and kept as written: it cannot be changed later"
          rows={4}
        />
        <FormPersonalDataWarning name="note" fieldId="progress-note" />
        <RadiosField
          name="status"
          id="progress-status"
          legend="Status now"
          options={STATUSES.map((s) => ({ value: s, label: ACTION_STATUS_LABELS[s], hint: HINTS[s] }))}
        />
        <TextareaField
          name="evidence"
          id="progress-evidence"
          label="Evidence (optional)"
          labelSize="m"
          hint="Where the evidence is: a report, minutes, a dip sample, training records"
          rows={3}
        />
        <FormPersonalDataWarning name="evidence" fieldId="progress-evidence" />
        <div className="govuk-button-group">
          <button type="submit" className="govuk-button" disabled={addUpdate.pending}>
            Record progress
          </button>
          <Link to={paths.actionsDetail(action.id)}>Cancel</Link>
        </div>
      </Form>
    </Page>
  );
}
