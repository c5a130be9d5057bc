// Imported audits are indexed for search after their import (electron/services/searchIndexer.ts).
// While some wait, the Search screen says so, shows the indexing's progress (polled while it runs,
// not otherwise: polling does not count as activity for the idle lock) and lets it stop or start.
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import type { IndexingStatus } from '../../../shared/searchIndexing.js';
import { errorMessage } from '../../api/client.js';
import { useApi } from '../../api/hooks.js';

const POLL_MS = 500;
const audits = (n: number) => `${n.toLocaleString('en-GB')} imported audit${n === 1 ? '' : 's'}`;

export function SearchIndexing({ onIndexed }: { onIndexed: () => void }) {
  const api = useApi();
  const barId = useId();
  const [status, setStatus] = useState<IndexingStatus | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [finished, setFinished] = useState(false);
  const wasRunning = useRef(false);

  const refresh = useCallback(
    async (call: Promise<IndexingStatus>) => {
      try {
        const next = await call;
        setProblem(null);
        setStatus(next);
        if (wasRunning.current && !next.running) {
          setFinished(next.pendingAudits === 0);
          onIndexed();
        }
        wasRunning.current = next.running;
      } catch (e) {
        setProblem(errorMessage(e));
      }
    },
    [onIndexed],
  );

  useEffect(() => {
    void refresh(api['search.indexStatus']({}));
  }, [api, refresh]);

  const running = status?.running ?? false;
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => void refresh(api['search.indexStatus']({})), POLL_MS);
    return () => clearInterval(timer);
  }, [api, running, refresh]);

  let message: string | null = null;
  if (problem) message = `The state of the search index could not be read: ${problem}`;
  else if (status?.running)
    message = `Indexing imported audits for search: ${status.done.toLocaleString('en-GB')} of ${status.total.toLocaleString('en-GB')} done. Until it finishes, their findings, actions and evidence notes may be missing from the results.`;
  else if (status && status.pendingAudits > 0)
    message = `${audits(status.pendingAudits)} ${status.pendingAudits === 1 ? 'is' : 'are'} not indexed for search yet: their findings, actions and evidence notes are missing from the results.${status.error ? ` Indexing stopped: ${status.error}` : ''}`;
  else if (finished) message = 'Every imported audit is now indexed for search.';

  return (
    <div className="app-search-indexing">
      <div role="status" aria-live="polite">
        {message ? <p className="govuk-body govuk-!-margin-bottom-2">{message}</p> : null}
      </div>
      {status?.running ? (
        <div className="govuk-!-width-one-half">
          <label className="govuk-label govuk-!-margin-bottom-1" htmlFor={barId}>
            Progress of the search indexing
          </label>
          <progress
            id={barId}
            className="app-progress-bar"
            {...(status.total > 0 ? { max: status.total, value: status.done } : {})}
          />
        </div>
      ) : null}
      {status?.running ? (
        <button
          type="button"
          className="govuk-button govuk-button--secondary govuk-!-margin-top-2"
          onClick={() => void refresh(api['search.indexStop']({}))}
        >
          Stop indexing
        </button>
      ) : status && status.pendingAudits > 0 ? (
        <button
          type="button"
          className="govuk-button govuk-button--secondary"
          onClick={() => {
            wasRunning.current = true;
            void refresh(api['search.indexStart']({}));
          }}
        >
          Index them now
        </button>
      ) : null}
    </div>
  );
}
