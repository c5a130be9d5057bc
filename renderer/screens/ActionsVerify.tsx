import { useState, type FormEvent } from 'react';
import type { Action } from '../../shared/actionPlan.js';
import { MIN_IMPACT_EVIDENCE_CHARS } from '../../shared/actionStatus.js';
import type { AuditSummary } from '../../shared/audit.js';
import { useApiMutation, useApiQuery } from '../api/hooks.js';
import { ErrorSummary } from '../components/ErrorSummary.js';
import { Link } from '../components/Link.js';
import { Loading } from '../components/Loading.js';
import { LoadFailed } from '../components/LoadFailed.js';
import { Page } from '../components/Page.js';
import { ActionSummaryLine } from '../components/review/ActionSummaryLine.js';
import { Radios, TextArea } from '../components/review/Fields.js';
import { useFormErrors } from '../components/review/useFormErrors.js';
import { navigate, paths } from '../router.js';

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

function VerifyForm({ action, audits }: { action: Action; audits: AuditSummary[] }) {
  const verify = useApiMutation('actions.verify');
  const errors = useFormErrors();
  const [impactEvidence, setImpactEvidence] = useState('');
  const [reaudit, setReaudit] = useState(NO_REAUDIT);
  const own = audits.find((a) => a.id === action.auditId);
  const laterRounds = own
    ? audits.filter((a) => a.seriesId === own.seriesId && a.round > own.round).sort((x, y) => x.round - y.round)
    : [];

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    // The service decides whether the action can be verified; its refusal is shown as it gives it.
    try {
      await verify.mutate({
        actionId: action.id,
        impactEvidence,
        reauditId: reaudit === NO_REAUDIT ? null : reaudit,
      });
      navigate(paths.action(action.id), { flash: 'Action verified and closed' });
    } catch (err) {
      errors.failFromServer(err, (path, message) => {
        if (path === 'reauditId') return 'reauditId';
        if (path === 'impactEvidence' || /evidence of impact/.test(message)) return 'impactEvidence';
        return undefined;
      });
    }
  };

  const items = errors.items([
    ['impactEvidence', 'verify-evidence'],
    ['reauditId', 'verify-reaudit'],
  ]);

  return (
    <Page
      title="Verify the action"
      caption={action.auditTitle}
      narrow
      breadcrumbs={[
        { to: paths.actions(), text: 'Actions' },
        { to: paths.action(action.id), text: 'The action' },
      ]}
      hasErrors={items.length > 0}
      before={items.length > 0 ? <ErrorSummary errors={items} focusKey={errors.attempt} /> : null}
    >
      <ActionSummaryLine action={action} />
      <p className="govuk-body">
        Verifying closes the action. It needs the action to be complete, and evidence that it made a difference: a
        written account of the impact, or a later round of this audit that shows it.
      </p>
      {action.status !== 'complete' && action.status !== 'verified' ? (
        <p className="govuk-inset-text">
          This action is not marked complete yet. <Link to={paths.actionProgress(action.id)}>Record progress</Link>{' '}
          first if the work is done.
        </p>
      ) : null}
      <form noValidate onSubmit={(e) => void onSubmit(e)}>
        <TextArea
          id="verify-evidence"
          label="Evidence of impact"
          size="m"
          hint={`What changed for children and families, and how you know (at least ${MIN_IMPACT_EVIDENCE_CHARS} characters, unless a re-audit shows it)`}
          rows={5}
          error={errors.field('impactEvidence')}
          value={impactEvidence}
          onChange={setImpactEvidence}
        />
        <Radios
          id="verify-reaudit"
          legend="Re-audit that shows the impact"
          legendSize="m"
          hint={laterRounds.length === 0 ? 'There is no later round of this audit yet' : undefined}
          error={errors.field('reauditId')}
          items={[
            { value: NO_REAUDIT, label: 'No re-audit' },
            ...laterRounds.map((a) => ({ value: a.id, label: `Round ${a.round}: ${a.title}` })),
          ]}
          value={reaudit}
          onChange={setReaudit}
        />
        <div className="govuk-button-group">
          <button type="submit" className="govuk-button" disabled={verify.pending}>
            Verify and close the action
          </button>
          <Link to={paths.action(action.id)}>Cancel</Link>
        </div>
      </form>
    </Page>
  );
}
