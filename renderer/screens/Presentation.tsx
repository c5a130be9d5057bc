// Presentation mode for challenge panels: the presenter's view (the item, notes, the next item and
// the controls) kept in step with an audience view in large type. No single key writes to the
// record: a key or button proposes an outcome, the chair confirms it, and the change is then
// offered for undoing (panels.setOutcome, logged as an undo).
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { PANEL_OUTCOME_LABELS, PANEL_OUTCOMES, type Panel } from '../../shared/panel.js';
import {
  cancelProposal,
  OUTCOME_FLOW_START,
  outcomeWords,
  panelPresentationKey,
  panelSlide,
  propose,
  recorded,
  undone,
  type OutcomeFlow,
} from '../../shared/presentation.js';
import { errorMessage } from '../api/client.js';
import { dataChanged, useApi, useApiQuery, useApiQueryClient } from '../api/hooks.js';
import { useBoard } from '../board.js';
import { Loading } from '../components/Loading.js';
import { LoadFailed } from '../components/LoadFailed.js';
import { challenged, type Outcome } from '../components/panels/PanelParts.js';
import { PresenterShell } from '../components/present/PresenterShell.js';
import { paths } from '../router.js';

// Where each panel's presentation was left, so coming back resumes at the same item.
const positions = new Map<string, number>();

const OUTCOME_KEYS: Record<string, Outcome> = { '1': 'assured', '2': 'partly_assured', '3': 'not_assured' };

export function Presentation({ panelId }: { panelId: string }) {
  const panel = useApiQuery('panels.get', { panelId });
  if (panel.error) return <LoadFailed error={panel.error} onRetry={panel.retry} />;
  if (!panel.data) return <Loading what="Loading the presentation" />;
  return <Present panel={panel.data} onChange={(p) => panel.setData(p)} onStale={panel.retry} />;
}

function Present({ panel, onChange, onStale }: { panel: Panel; onChange: (p: Panel) => void; onStale: () => void }) {
  const api = useApi();
  const client = useApiQueryClient();
  const { board } = useBoard();
  const count = panel.items.length;
  const [index, setIndex] = useState(() => Math.max(0, Math.min(positions.get(panel.id) ?? 0, count - 1)));
  const [flow, setFlow] = useState<OutcomeFlow>(OUTCOME_FLOW_START);
  const [status, setStatus] = useState('');
  const [saving, setSaving] = useState(false);
  const confirmButton = useRef<HTMLButtonElement>(null);
  const signed = panel.status === 'signed';
  const item = panel.items[index];
  const agencyName = useCallback(
    (id: string) => board.agencies.find((a) => a.id === id)?.name ?? 'An agency no longer listed',
    [board.agencies],
  );
  const slide = useMemo(() => panelSlide(panel, index, agencyName), [panel, index, agencyName]);

  useEffect(() => {
    positions.set(panel.id, index);
  }, [panel.id, index]);

  // The confirmation takes focus, so Enter records and Esc (or Tab to Cancel) does not.
  useEffect(() => {
    if (flow.step === 'proposed') confirmButton.current?.focus();
  }, [flow]);

  const move = useCallback((i: number) => {
    setFlow(cancelProposal);
    setStatus('');
    setIndex(i);
  }, []);

  const proposeOutcome = useCallback(
    (outcome: Outcome) => {
      if (!item) return;
      if (signed) {
        setStatus('The record is signed: outcomes can no longer change.');
        return;
      }
      if (saving) return;
      const next = propose(flow, item, index + 1, outcome);
      setFlow(next);
      setStatus(next.step === 'proposed' ? '' : `Item ${index + 1} is already recorded as ${outcomeWords(outcome)}.`);
    },
    [item, signed, saving, flow, index],
  );

  const save = useCallback(
    async (itemId: string, outcome: Outcome | null, undo: boolean): Promise<Panel | null> => {
      setSaving(true);
      try {
        const saved = await api['panels.setOutcome']({ itemId, outcome, undo });
        onChange(saved);
        void dataChanged(client, 'all', false);
        return saved;
      } catch (e) {
        setStatus(`Nothing was changed: ${errorMessage(e)}`);
        onStale();
        return null;
      } finally {
        setSaving(false);
      }
    },
    [api, client, onChange, onStale],
  );

  const confirm = useCallback(async () => {
    if (flow.step !== 'proposed') return;
    const before = panel.items.find((i) => i.id === flow.itemId);
    if (!before) return;
    const saved = await save(flow.itemId, flow.outcome, false);
    if (!saved) return;
    setFlow(recorded(flow, before.outcome));
    const after = saved.items.find((i) => i.id === flow.itemId);
    setStatus(
      flow.outcome === 'not_assured' && (after?.escalation ?? '').trim() === ''
        ? `Item ${flow.n} recorded as not assured. Record the escalation step before signing.`
        : `Item ${flow.n} recorded as ${outcomeWords(flow.outcome)}.`,
    );
    document.querySelector<HTMLElement>('.app-slide__heading')?.focus({ preventScroll: true });
  }, [flow, panel.items, save]);

  const undo = useCallback(async () => {
    const last = flow.undo;
    if (!last) return;
    const saved = await save(last.itemId, last.previous, true);
    if (!saved) return;
    setFlow(undone);
    setStatus(`Undone: item ${last.n} is back to ${outcomeWords(last.previous)}.`);
    document.querySelector<HTMLElement>('.app-slide__heading')?.focus({ preventScroll: true });
  }, [flow.undo, save]);

  const onKey = useCallback(
    (key: string) => {
      const outcome = OUTCOME_KEYS[key];
      if (!outcome) return false;
      proposeOutcome(outcome);
      return true;
    },
    [proposeOutcome],
  );
  const onEscape = useCallback(() => {
    if (flow.step !== 'proposed') return false;
    setFlow(cancelProposal);
    setStatus('Not recorded: the outcome stays as it was.');
    document.querySelector<HTMLElement>('.app-slide__heading')?.focus({ preventScroll: true });
    return true;
  }, [flow.step]);

  const next = panel.items[index + 1];
  const pending =
    flow.step === 'proposed' ? (
      <div className="app-present__pending" role="group" aria-labelledby="present-confirm-question">
        <p className="app-present__question" id="present-confirm-question">
          Record item {flow.n} as {flow.outcome ? PANEL_OUTCOME_LABELS[flow.outcome] : 'no outcome'}?
        </p>
        <button
          type="button"
          ref={confirmButton}
          className="govuk-button app-present__button"
          disabled={saving}
          onClick={() => void confirm()}
        >
          Record the outcome
        </button>
        <button
          type="button"
          className="govuk-button govuk-button--secondary app-present__button"
          aria-keyshortcuts="Escape"
          onClick={() => void onEscape()}
        >
          Cancel
        </button>
      </div>
    ) : flow.undo ? (
      <div className="app-present__pending">
        <button
          type="button"
          className="govuk-button govuk-button--warning app-present__button"
          disabled={saving}
          onClick={() => void undo()}
        >
          Undo: item {flow.undo.n} back to {outcomeWords(flow.undo.previous)}
        </button>
      </div>
    ) : null;

  return (
    <PresenterShell
      presentation={panelPresentationKey(panel.id)}
      slide={slide}
      caption={
        <>
          {panel.title}
          <span aria-hidden="true"> · </span>
          <span className="govuk-visually-hidden">, </span>
          {challenged(panel)}
          {signed ? <span className="app-present__signed"> (signed record)</span> : null}
        </>
      }
      index={index}
      count={count}
      onMove={move}
      audiencePath={paths.presentationAudience(panel.id)}
      leavePath={paths.panel(panel.id)}
      notes={
        item ? (
          <dl className="app-present__notes-list">
            <dt>Agreed follow-up</dt>
            <dd>{item.followUp.trim() || 'None recorded'}</dd>
            <dt>Escalation step</dt>
            <dd>{item.escalation.trim() || 'None recorded'}</dd>
            <dt>Follow-up action</dt>
            <dd>{item.actionId ? 'Created, tracked with the action plan' : 'None yet'}</dd>
          </dl>
        ) : (
          <p>Add items on the panel’s page.</p>
        )
      }
      next={next ? `Item ${index + 2}: ${next.subject}` : null}
      status={status}
      pending={pending}
      onKey={onKey}
      onEscape={onEscape}
      actions={
        item && !signed ? (
          <div className="app-present__group" role="group" aria-label="Propose an outcome">
            {PANEL_OUTCOMES.map((o, i) => (
              <button
                type="button"
                key={o}
                className={`govuk-button app-present__button app-present__outcome-button app-present__outcome-button--${o}`}
                aria-pressed={item.outcome === o}
                aria-keyshortcuts={String(i + 1)}
                onClick={() => proposeOutcome(o)}
              >
                <kbd className="app-present__key">{i + 1}</kbd> {PANEL_OUTCOME_LABELS[o]}
              </button>
            ))}
          </div>
        ) : null
      }
      keys={
        signed ? null : (
          <>
            , <kbd>1</kbd> assured, <kbd>2</kbd> partly assured, <kbd>3</kbd> not assured (then <kbd>Enter</kbd> to
            record, <kbd>Esc</kbd> to cancel)
          </>
        )
      }
    />
  );
}
