// Presentation mode for challenge panels and board meetings: one item at a time in large type, the
// whole window (full screen on request), driven from the keyboard. The layout shows nothing else.
import { useCallback, useContext, useEffect, useRef, useState } from 'react';
import { PANEL_OUTCOME_LABELS, PANEL_OUTCOMES, type Panel } from '../../shared/panel.js';
import { errorMessage } from '../api/client.js';
import { dataChanged, useApi, useApiQuery, useApiQueryClient } from '../api/hooks.js';
import { HiddenContext } from '../components/hiddenContext.js';
import { Loading } from '../components/Loading.js';
import { LoadFailed } from '../components/LoadFailed.js';
import { challenged, OutcomeTag, type Outcome } from '../components/panels/PanelParts.js';
import { navigate, paths } from '../router.js';

// Where each panel's presentation was left, so coming back resumes at the same item.
const positions = new Map<string, number>();

const OUTCOME_KEYS: Record<string, Outcome> = { '1': 'assured', '2': 'partly_assured', '3': 'not_assured' };

export function Presentation({ panelId }: { panelId: string }) {
  const panel = useApiQuery('panels.get', { panelId });
  if (panel.error) return <LoadFailed error={panel.error} onRetry={panel.retry} />;
  if (!panel.data) return <Loading what="Loading the presentation" />;
  // A refused save: the record is fetched again, since it may have changed elsewhere.
  return <Present panel={panel.data} onChange={(p) => panel.setData(p)} onStale={panel.retry} />;
}

function Present({ panel, onChange, onStale }: { panel: Panel; onChange: (p: Panel) => void; onStale: () => void }) {
  const api = useApi();
  const client = useApiQueryClient();
  const hidden = useContext(HiddenContext);
  const count = panel.items.length;
  const [index, setIndex] = useState(() => Math.max(0, Math.min(positions.get(panel.id) ?? 0, count - 1)));
  const [status, setStatus] = useState('');
  const [fullscreen, setFullscreen] = useState(() => document.fullscreenElement !== null);
  const heading = useRef<HTMLHeadingElement>(null);
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const latest = useRef(panel);
  const leavingFullscreen = useRef(false);
  const ourFullscreen = useRef(false);
  const signed = panel.status === 'signed';
  const item = panel.items[index];

  useEffect(() => {
    latest.current = panel;
  }, [panel]);

  // Each item is announced by moving focus to its heading ("Item 2 of 7: …").
  useEffect(() => {
    positions.set(panel.id, index);
    if (hidden) return;
    document.title = `Item ${index + 1} of ${count}: ${panel.title} – Case Audit`;
    heading.current?.focus({ preventScroll: true });
  }, [index, count, panel.id, panel.title, hidden]);

  const leave = useCallback(() => {
    if (document.fullscreenElement) {
      leavingFullscreen.current = true;
      void document.exitFullscreen().catch(() => undefined);
    }
    navigate(paths.panel(panel.id));
  }, [panel.id]);

  const go = useCallback(
    (delta: number) => {
      setStatus('');
      setIndex((i) => Math.max(0, Math.min(count - 1, i + delta)));
    },
    [count],
  );

  const record = useCallback(
    (outcome: Outcome) => {
      const current = latest.current;
      const target = current.items[index];
      if (!target) return;
      if (current.status === 'signed') {
        setStatus('The record is signed: outcomes can no longer change.');
        return;
      }
      const n = index + 1;
      // Shown at once; the saved record replaces it when the save comes back.
      onChange({ ...current, items: current.items.map((it) => (it.id === target.id ? { ...it, outcome } : it)) });
      setStatus(`Saving item ${n}: ${PANEL_OUTCOME_LABELS[outcome]}…`);
      // Saves run one after another, so the last key pressed is the outcome kept.
      queue.current = queue.current.then(async () => {
        const fresh = latest.current.items.find((it) => it.id === target.id) ?? target;
        try {
          const saved = await api['panels.saveItem']({
            itemId: target.id,
            challenge: fresh.challenge,
            response: fresh.response,
            outcome,
            escalation: fresh.escalation,
            followUp: fresh.followUp,
          });
          onChange(saved);
          // Other screens' copies (the list, the signing preview) are out of date; this one shows
          // `saved`, so nothing is fetched again while the keys are being pressed.
          void dataChanged(client, 'all', false);
          setStatus(
            outcome === 'not_assured' && fresh.escalation.trim() === ''
              ? `Item ${n} recorded as not assured. Record the escalation step before signing.`
              : `Item ${n} recorded as ${PANEL_OUTCOME_LABELS[outcome].replace(/:.*$/, '').toLowerCase()}.`,
          );
        } catch (e) {
          setStatus(`Item ${n} was not saved: ${errorMessage(e)}`);
          onStale();
        }
      });
    },
    [api, client, index, onChange, onStale],
  );

  const toggleFullscreen = useCallback(() => {
    if (document.fullscreenElement) {
      leavingFullscreen.current = true;
      void document.exitFullscreen().catch(() => undefined);
      return;
    }
    if (!document.fullscreenEnabled) {
      setStatus('Full screen is not available here: the presentation already fills the window.');
      return;
    }
    ourFullscreen.current = true;
    document.documentElement.requestFullscreen().catch(() => {
      ourFullscreen.current = false;
      setStatus('Full screen is not available here: the presentation already fills the window.');
    });
  }, []);

  // Esc in full screen is taken by the browser to leave full screen: treat that as leaving the presentation.
  useEffect(() => {
    const onChangeFullscreen = () => {
      const on = document.fullscreenElement !== null;
      setFullscreen(on);
      if (!on && ourFullscreen.current && !leavingFullscreen.current) leave();
      if (!on) {
        ourFullscreen.current = false;
        leavingFullscreen.current = false;
      }
      heading.current?.focus({ preventScroll: true });
    };
    document.addEventListener('fullscreenchange', onChangeFullscreen);
    return () => document.removeEventListener('fullscreenchange', onChangeFullscreen);
  }, [leave]);

  useEffect(() => {
    if (hidden) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey) return;
      const t = e.target;
      if (t instanceof HTMLInputElement || t instanceof HTMLTextAreaElement || t instanceof HTMLSelectElement) return;
      switch (e.key) {
        case 'ArrowRight':
        case 'PageDown':
          e.preventDefault();
          go(1);
          return;
        case 'ArrowLeft':
        case 'PageUp':
          e.preventDefault();
          go(-1);
          return;
        case 'Home':
          e.preventDefault();
          go(-count);
          return;
        case 'End':
          e.preventDefault();
          go(count);
          return;
        case 'Escape':
          e.preventDefault();
          leave();
          return;
        default: {
          const outcome = OUTCOME_KEYS[e.key];
          if (outcome) {
            e.preventDefault();
            record(outcome);
          }
        }
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [go, record, leave, count, hidden]);

  return (
    <div className="app-present">
      <p className="app-present__panel">
        {panel.title}
        <span className="app-present__sep" aria-hidden="true">
          {' '}
          ·{' '}
        </span>
        <span className="govuk-visually-hidden">, </span>
        {challenged(panel)}
        {signed ? <span className="app-present__signed"> (signed record)</span> : null}
      </p>
      {item ? (
        <>
          <h1 className="app-present__heading" tabIndex={-1} ref={heading}>
            <span className="app-present__position">
              Item {index + 1} of {count}
            </span>
            <span className="govuk-visually-hidden">: </span>
            <span className="app-present__subject">{item.subject}</span>
          </h1>
          <div className="app-present__body">
            <div className="app-present__block">
              <h2 className="app-present__label">Challenge put</h2>
              <p className="app-present__text">{item.challenge.trim() || 'Not recorded yet'}</p>
            </div>
            <div className="app-present__block">
              <h2 className="app-present__label">Agency’s response</h2>
              <p className="app-present__text">{item.response.trim() || 'Not recorded yet'}</p>
            </div>
            <div className="app-present__block">
              <h2 className="app-present__label">Outcome</h2>
              <p className="app-present__outcome">
                <OutcomeTag outcome={item.outcome} />
              </p>
              {item.outcome === 'not_assured' ? (
                <p className="app-present__text app-present__escalation">
                  Escalation: {item.escalation.trim() || 'to be recorded before the record is signed'}
                </p>
              ) : null}
            </div>
          </div>
        </>
      ) : (
        <h1 className="app-present__heading" tabIndex={-1} ref={heading}>
          This panel has no items yet
        </h1>
      )}

      <div className="app-present__status" role="status">
        {status}
      </div>

      <div className="app-present__controls">
        <div className="app-present__group" role="group" aria-label="Move between items">
          <button
            type="button"
            className="govuk-button govuk-button--secondary app-present__button"
            aria-keyshortcuts="ArrowLeft PageUp"
            disabled={index === 0}
            onClick={() => go(-1)}
          >
            <span aria-hidden="true">← </span>Previous item
          </button>
          <button
            type="button"
            className="govuk-button govuk-button--secondary app-present__button"
            aria-keyshortcuts="ArrowRight PageDown"
            disabled={index >= count - 1}
            onClick={() => go(1)}
          >
            Next item<span aria-hidden="true"> →</span>
          </button>
        </div>
        {item && !signed ? (
          <div className="app-present__group" role="group" aria-label="Record the outcome">
            {PANEL_OUTCOMES.map((o, i) => (
              <button
                type="button"
                key={o}
                className={`govuk-button app-present__button app-present__outcome-button app-present__outcome-button--${o}`}
                aria-pressed={item.outcome === o}
                aria-keyshortcuts={String(i + 1)}
                onClick={() => record(o)}
              >
                <kbd className="app-present__key">{i + 1}</kbd> {PANEL_OUTCOME_LABELS[o]}
              </button>
            ))}
          </div>
        ) : null}
        <div className="app-present__group" role="group" aria-label="Presentation">
          <button
            type="button"
            className="govuk-button govuk-button--secondary app-present__button"
            onClick={toggleFullscreen}
          >
            {fullscreen ? 'Leave full screen' : 'Full screen'}
          </button>
          <button
            type="button"
            className="govuk-button govuk-button--secondary app-present__button"
            aria-keyshortcuts="Escape"
            onClick={leave}
          >
            Leave presentation
          </button>
        </div>
      </div>
      <p className="app-present__hint" id="present-keys">
        Keys: <kbd>→</kbd> or <kbd>Page Down</kbd> next item, <kbd>←</kbd> or <kbd>Page Up</kbd> previous item
        {signed ? '' : ', '}
        {signed ? null : (
          <>
            <kbd>1</kbd> assured, <kbd>2</kbd> partly assured, <kbd>3</kbd> not assured
          </>
        )}
        , <kbd>Esc</kbd> leave the presentation.
      </p>
    </div>
  );
}
