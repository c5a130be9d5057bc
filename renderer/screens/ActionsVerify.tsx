import { useState } from 'react';
import { z } from 'zod';
import { actionVerifySchema, type Action } from '../../shared/actionPlan.js';
import { canVerify, MIN_IMPACT_EVIDENCE_CHARS, type ActionStatus } from '../../shared/actionStatus.js';
import type { AuditSummary } from '../../shared/audit.js';
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

/** Close an action with evidence of its impact, or with the later round of the audit that shows it. */
export function ActionsVerify({ actionId }: { actionId: string }) {
  const action = useApiQuery('actions.get', { actionId });
  const audits = useApiQuery('audits.list', {});
  const failed = action.error ?? audits.error;
  if (failed) {
    return (
      <LoadFailed
        error={failed}
        onRetry={() => {
          action.retry();
          audits.retry();
        }}
      />
    );
  }
  if (!action.data || !audits.data) return <Loading what="Loading the action" />;
  return <VerifyForm action={action.data} audits={audits.data} />;
}

const NO_REAUDIT = 'none';

// The service's own rules: the input's shape, and whether the action can be verified (canVerify), so
// a missing account of the impact is shown at its field before anything is sent.
const schemaFor = (status: ActionStatus) =>
  actionVerifySchema
    .pick({ impactEvidence: true })
    .extend({ reauditId: z.string().transform((id) => (id === NO_REAUDIT ? null : id)) })
    .superRefine(({ impactEvidence, reauditId }, ctx) => {
      const reason = canVerify({ status, evidenceOfImpact: impactEvidence, reauditId });
      if (reason === null) return;
      // Only the evidence is missing once the action is complete; otherwise the refusal is the form's.
      ctx.addIssue({ code: 'custom', path: status === 'complete' ? ['impactEvidence'] : ['root'], message: reason });
    });

function VerifyForm({ action, audits }: { action: Action; audits: AuditSummary[] }) {
  const verify = useApiMutation('actions.verify');
  const [schema] = useState(() => schemaFor(action.status));
  const form = useZodForm(schema, { defaultValues: { impactEvidence: '', reauditId: NO_REAUDIT } });
  const own = audits.find((a) => a.id === action.auditId);
  const laterRounds = own
    ? audits.filter((a) => a.seriesId === own.seriesId && a.round > own.round).sort((x, y) => x.round - y.round)
    : [];

  const onSubmit = async (values: z.output<typeof schema>) => {
    try {
      await verify.mutate({ actionId: action.id, ...values });
      navigate(paths.actionsDetail(action.id), { flash: 'Action verified and closed' });
    } catch (err) {
      applyApiError(form, err, ([field]) => (field === 'impactEvidence' || field === 'reauditId' ? field : undefined));
    }
  };

  return (
    <Page
      title="Verify the action"
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
      <p className="govuk-body">
        Verifying closes the action. It needs the action to be complete, and evidence that it made a difference: a
        written account of the impact, or a later round of this audit that shows it.
      </p>
      {action.status !== 'complete' && action.status !== 'verified' ? (
        <p className="govuk-inset-text">
          This action is not marked complete yet. <Link to={paths.actionsProgress(action.id)}>Record progress</Link>{' '}
          first if the work is done.
        </p>
      ) : null}
      <Form form={form} onSubmit={onSubmit} summary="none">
        <TextareaField
          name="impactEvidence"
          id="verify-evidence"
          label="Evidence of impact"
          labelSize="m"
          hint={`What changed for children and families, and how you know (at least ${MIN_IMPACT_EVIDENCE_CHARS} characters, unless a re-audit shows it)`}
          rows={5}
        />
        <FormPersonalDataWarning name="impactEvidence" fieldId="verify-evidence" />
        <RadiosField
          name="reauditId"
          id="verify-reaudit"
          legend="Re-audit that shows the impact"
          hint={laterRounds.length === 0 ? 'There is no later round of this audit yet' : undefined}
          options={[
            { value: NO_REAUDIT, label: 'No re-audit' },
            ...laterRounds.map((a) => ({ value: a.id, label: `Round ${a.round}: ${a.title}` })),
          ]}
        />
        <div className="govuk-button-group">
          <button type="submit" className="govuk-button" disabled={verify.pending}>
            Verify and close the action
          </button>
          <Link to={paths.actionsDetail(action.id)}>Cancel</Link>
        </div>
      </Form>
    </Page>
  );
}
