import { useState, type FormEvent } from 'react';
import type { Action } from '../../shared/actionPlan.js';
import { ACTION_STATUS_LABELS, type ActionStatus } from '../../shared/actionStatus.js';
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

/** Record a dated progress update: what happened, the status now, and any evidence. */
export function ActionsProgress({ actionId }: { actionId: string }) {
  const action = useApiQuery('actions.get', { actionId });
  if (action.error) return <LoadFailed error={action.error} onRetry={action.reload} />;
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

function ProgressForm({ action }: { action: Action }) {
  const addUpdate = useApiMutation('actions.addUpdate');
  const errors = useFormErrors();
  const [note, setNote] = useState('');
  const [status, setStatus] = useState<string>(action.status === 'verified' ? '' : action.status);
  const [evidence, setEvidence] = useState('');

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const problems: Record<string, string> = {};
    if (note.trim() === '') problems.note = 'Describe the progress';
    if (!STATUSES.includes(status as (typeof STATUSES)[number]))
      problems.status = 'Choose the status of the action now';
    if (Object.keys(problems).length > 0) return errors.fail(problems);
    try {
      await addUpdate.mutate({
        actionId: action.id,
        note,
        status: status as (typeof STATUSES)[number],
        evidence,
      });
      navigate(paths.action(action.id), { flash: 'Progress recorded' });
    } catch (err) {
      errors.failFromServer(err, (path) => (['note', 'status', 'evidence'].includes(path) ? path : undefined));
    }
  };

  const items = errors.items([
    ['note', 'progress-note'],
    ['status', 'progress-status'],
    ['evidence', 'progress-evidence'],
  ]);

  return (
    <Page
      title="Record progress"
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
      <form noValidate onSubmit={(e) => void onSubmit(e)}>
        <TextArea
          id="progress-note"
          label="What has happened"
          size="m"
          hint="The update is dated today and kept as written: it cannot be changed later"
          rows={4}
          error={errors.field('note')}
          value={note}
          onChange={setNote}
        />
        <Radios
          id="progress-status"
          legend="Status now"
          legendSize="m"
          error={errors.field('status')}
          items={STATUSES.map((s) => ({ value: s, label: ACTION_STATUS_LABELS[s], hint: HINTS[s] }))}
          value={status}
          onChange={setStatus}
        />
        <TextArea
          id="progress-evidence"
          label="Evidence (optional)"
          size="m"
          hint="Where the evidence is: a report, minutes, a dip sample, training records"
          rows={3}
          error={errors.field('evidence')}
          value={evidence}
          onChange={setEvidence}
        />
        <div className="govuk-button-group">
          <button type="submit" className="govuk-button" disabled={addUpdate.pending}>
            Record progress
          </button>
          <Link to={paths.action(action.id)}>Cancel</Link>
        </div>
      </form>
    </Page>
  );
}
