import { Fragment, useState, type FormEvent } from 'react';
import { PANEL_OUTCOME_LABELS, PANEL_OUTCOMES, type Panel, type PanelItem as Item } from '../../shared/panel.js';
import { useApiMutation, useApiQuery } from '../api/hooks.js';
import { ErrorSummary } from '../components/ErrorSummary.js';
import { Link } from '../components/Link.js';
import { Loading } from '../components/Loading.js';
import { LoadFailed } from '../components/LoadFailed.js';
import { Page } from '../components/Page.js';
import { ErrorMessage } from '../components/ErrorMessage.js';
import type { Outcome } from '../components/panels/PanelParts.js';
import { TextArea } from '../components/review/Fields.js';
import { useFormErrors } from '../components/review/useFormErrors.js';
import { navigate, paths } from '../router.js';

const MAX = 5000;

/** One item of a panel: the challenge put, the agency's response, the outcome and any escalation. */
export function PanelItem({ panelId, itemId }: { panelId: string; itemId: string }) {
  const panel = useApiQuery('panels.get', { panelId });
  if (panel.error) return <LoadFailed error={panel.error} onRetry={panel.reload} />;
  if (!panel.data) return <Loading what="Loading the item" />;
  const index = panel.data.items.findIndex((i) => i.id === itemId);
  const item = panel.data.items[index];
  if (!item) {
    return (
      <Page title="Page not found">
        <p className="govuk-body">This panel has no such item.</p>
        <Link to={paths.panel(panelId)}>Go to the panel</Link>
      </Page>
    );
  }
  return <ItemForm panel={panel.data} item={item} index={index} />;
}

const FIELDS: ReadonlyArray<readonly [string, string]> = [
  ['challenge', 'item-challenge'],
  ['response', 'item-response'],
  ['outcome', 'item-outcome'],
  ['escalation', 'item-escalation'],
  ['followUp', 'item-follow-up'],
];

function ItemForm({ panel, item, index }: { panel: Panel; item: Item; index: number }) {
  const save = useApiMutation('panels.saveItem');
  const errors = useFormErrors();
  const [challenge, setChallenge] = useState(item.challenge);
  const [response, setResponse] = useState(item.response);
  const [outcome, setOutcome] = useState<Outcome | null>(item.outcome);
  const [escalation, setEscalation] = useState(item.escalation);
  const [followUp, setFollowUp] = useState(item.followUp);
  const next = panel.items[index + 1];
  const n = index + 1;

  if (panel.status === 'signed') {
    return (
      <Page title={`Item ${n}`} back={{ to: paths.panel(panel.id) }}>
        <p className="govuk-body">This panel record is signed: its items can no longer change.</p>
      </Page>
    );
  }

  const submit = async (then: 'panel' | 'next' | 'followUp') => {
    const problems: Record<string, string> = {};
    for (const [name, value] of [
      ['challenge', challenge],
      ['response', response],
      ['escalation', escalation],
      ['followUp', followUp],
    ] as const) {
      if (value.length > MAX) problems[name] = `Write at most ${MAX.toLocaleString('en-GB')} characters`;
    }
    // The board's challenge and escalation policy: a panel that is not assured says where it goes next.
    if (outcome === 'not_assured' && escalation.trim() === '') {
      problems.escalation = 'Record the escalation step: the panel is not assured';
    }
    if (Object.keys(problems).length > 0) return errors.fail(problems);
    errors.clear();
    try {
      await save.mutate({
        itemId: item.id,
        challenge: challenge.trim(),
        response: response.trim(),
        outcome,
        escalation: outcome === 'not_assured' ? escalation.trim() : '',
        followUp: followUp.trim(),
      });
      if (then === 'next' && next) navigate(paths.panelItem(panel.id, next.id), { flash: `Item ${n} saved` });
      else if (then === 'followUp') navigate(paths.panelFollowUp(panel.id, item.id));
      else navigate(paths.panel(panel.id), { flash: `Item ${n} saved` });
    } catch (err) {
      errors.failFromServer(err, (path) => (FIELDS.some(([name]) => name === path) ? path : undefined));
    }
  };

  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const submitter = (e.nativeEvent as SubmitEvent).submitter;
    const then = submitter instanceof HTMLButtonElement ? submitter.value : 'panel';
    void submit(then === 'next' || then === 'followUp' ? then : 'panel');
  };

  const items = errors.items(FIELDS);
  const escalationError = errors.field('escalation');
  return (
    <Page
      title={`Item ${n} of ${panel.items.length}`}
      caption={panel.title}
      back={{ to: paths.panel(panel.id), text: 'Back to the panel' }}
      narrow
      hasErrors={items.length > 0}
      before={items.length > 0 ? <ErrorSummary errors={items} focusKey={errors.attempt} /> : null}
    >
      <div className="govuk-inset-text app-preserve-lines" id="item-subject">
        <span className="govuk-visually-hidden">What is challenged: </span>
        {item.subject}
      </div>
      <form noValidate onSubmit={onSubmit}>
        <TextArea
          id="item-challenge"
          label="The challenge the panel put"
          size="m"
          error={errors.field('challenge')}
          value={challenge}
          onChange={setChallenge}
        />
        <TextArea
          id="item-response"
          label={`The agency’s response${panel.agencyName ? ` (${panel.agencyName})` : ''}`}
          size="m"
          error={errors.field('response')}
          value={response}
          onChange={setResponse}
        />
        <div className="govuk-form-group">
          <fieldset className="govuk-fieldset" aria-describedby="item-outcome-hint">
            <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">The panel’s outcome</legend>
            <div className="govuk-hint" id="item-outcome-hint">
              When the panel is not assured, the item is escalated under the board’s challenge and escalation policy.
            </div>
            <div className="govuk-radios">
              {PANEL_OUTCOMES.map((o, i) => {
                const id = i === 0 ? 'item-outcome' : `item-outcome-${i}`;
                return (
                  <Fragment key={o}>
                    <div className="govuk-radios__item">
                      <input
                        className="govuk-radios__input"
                        id={id}
                        name="outcome"
                        type="radio"
                        value={o}
                        checked={outcome === o}
                        aria-controls={o === 'not_assured' ? 'escalation-conditional' : undefined}
                        onChange={() => setOutcome(o)}
                      />
                      <label className="govuk-label govuk-radios__label" htmlFor={id}>
                        {PANEL_OUTCOME_LABELS[o]}
                      </label>
                    </div>
                    {o === 'not_assured' ? (
                      <div
                        className={`govuk-radios__conditional${outcome === 'not_assured' ? '' : ' govuk-radios__conditional--hidden'}`}
                        id="escalation-conditional"
                      >
                        <div className={`govuk-form-group${escalationError ? ' govuk-form-group--error' : ''}`}>
                          <label className="govuk-label" htmlFor="item-escalation">
                            Escalation step
                          </label>
                          <div className="govuk-hint" id="item-escalation-hint">
                            Who the concern goes to next and by when, for example “to the agency’s chief executive,
                            reply to the board chair within 20 working days”
                          </div>
                          <ErrorMessage id="item-escalation-error" message={escalationError} />
                          <textarea
                            id="item-escalation"
                            className={`govuk-textarea${escalationError ? ' govuk-textarea--error' : ''}`}
                            rows={3}
                            aria-describedby={`item-escalation-hint${escalationError ? ' item-escalation-error' : ''}`}
                            aria-invalid={escalationError ? true : undefined}
                            value={escalation}
                            onChange={(e) => setEscalation(e.currentTarget.value)}
                          />
                        </div>
                      </div>
                    ) : null}
                  </Fragment>
                );
              })}
            </div>
            {outcome !== null ? (
              <button type="button" className="app-link-button app-clear-outcome" onClick={() => setOutcome(null)}>
                Clear the outcome
              </button>
            ) : null}
          </fieldset>
        </div>
        <TextArea
          id="item-follow-up"
          label="Agreed follow-up"
          size="m"
          hint="What the agency agreed to do. You can turn it into a tracked action."
          error={errors.field('followUp')}
          value={followUp}
          onChange={setFollowUp}
        />
        <div className="govuk-button-group">
          <button type="submit" className="govuk-button" value="panel" disabled={save.pending}>
            Save and return to the panel
          </button>
          {next ? (
            <button type="submit" className="govuk-button govuk-button--secondary" value="next" disabled={save.pending}>
              Save and go to item {n + 1}
            </button>
          ) : null}
        </div>
        <h2 className="govuk-heading-m">Follow-up action</h2>
        {item.actionId ? (
          <p className="govuk-body">
            <Link to={paths.action(item.actionId)}>Open the follow-up action</Link>: it is tracked with the audit’s
            action plan.
          </p>
        ) : (
          <>
            <p className="govuk-body">
              Make the agreed follow-up a SMART action, tracked with the audit’s action plan until it is verified.
            </p>
            <button
              type="submit"
              className="govuk-button govuk-button--secondary"
              value="followUp"
              disabled={save.pending}
            >
              Save and create follow-up action
            </button>
          </>
        )}
      </form>
    </Page>
  );
}
