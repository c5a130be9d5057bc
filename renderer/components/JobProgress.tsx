// A job's progress (see renderer/lib/useJob.ts): the stage in words, announced politely as it
// changes; a labelled <progress> bar with the steps done; a Cancel button, which takes focus when
// the job starts; then what came of it. Focus goes back to `returnFocus` when the job ends.
import { useEffect, useId, useRef } from 'react';
import type { JobHandle } from '../lib/useJob.js';
import { StatusMessage } from './StatusMessage.js';

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

export function JobProgress({
  job,
  returnFocus,
  cancelledMessage = 'Cancelled: nothing was saved.',
}: {
  job: JobHandle;
  returnFocus?: () => HTMLElement | null;
  /** What cancelling leaves: for a report, "Report cancelled: nothing was saved." */
  cancelledMessage?: string;
}) {
  const { state, cancel } = job;
  const barId = useId();
  const cancelButton = useRef<HTMLButtonElement>(null);
  const wasRunning = useRef(false);
  useEffect(() => {
    if (state.kind === 'running') {
      if (!wasRunning.current) cancelButton.current?.focus();
      wasRunning.current = true;
    } else if (wasRunning.current) {
      wasRunning.current = false;
      returnFocus?.()?.focus();
    }
  }, [state.kind, returnFocus]);

  let message = '';
  if (state.kind === 'running') message = `Preparing the ${state.what}: ${lowerFirst(state.stage)}…`;
  else if (state.kind === 'done') message = state.outcome;
  else if (state.kind === 'cancelled') message = cancelledMessage;
  else if (state.kind === 'failed') message = `The ${state.what} could not be prepared: ${state.message}`;

  return (
    <div className="app-download app-job">
      <StatusMessage message={message} error={state.kind === 'failed'} />
      {state.kind === 'running' ? (
        <div className="app-download__progress">
          <div className="govuk-!-width-one-half">
            <label className="govuk-label govuk-!-margin-bottom-1" htmlFor={barId}>
              Progress of the {state.what}
            </label>
            {/* Without a total yet the bar is indeterminate. */}
            <progress
              id={barId}
              className="app-progress-bar"
              {...(state.total > 0 ? { max: state.total, value: state.done } : {})}
            >
              {state.total > 0 ? `${state.done} of ${state.total} steps` : 'Starting'}
            </progress>
            {state.total > 0 ? (
              <p className="govuk-body-s govuk-!-margin-bottom-0" aria-hidden="true">
                {state.done} of {state.total} steps done
              </p>
            ) : null}
          </div>
          <button type="button" ref={cancelButton} className="govuk-button govuk-button--secondary" onClick={cancel}>
            Cancel<span className="govuk-visually-hidden"> the {state.what}</span>
          </button>
        </div>
      ) : null}
    </div>
  );
}
