import { timeOfDay } from '../lib/format.js';
import type { SaveState } from '../lib/useAnswerSaver.js';

/** The per-question line that says the answer is safe ("Saved at 14:32:05"), announced politely. */
export function SaveStatus({ id, state, onRetry }: { id: string; state: SaveState; onRetry: () => void }) {
  const error = state.kind === 'error';
  return (
    <div id={id} className={error ? 'app-save-status app-save-status--error' : 'app-save-status'} aria-live="polite">
      {state.kind === 'saved' ? `Saved at ${timeOfDay(state.at)}` : null}
      {error ? (
        <>
          Not saved: {state.message}
          <button type="button" className="app-link-button" onClick={onRetry}>
            Try again
          </button>
        </>
      ) : null}
    </div>
  );
}
