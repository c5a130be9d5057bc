import type { BaseSyntheticEvent } from 'react';
import { z } from 'zod';
import {
  PANEL_OUTCOME_LABELS,
  PANEL_OUTCOMES,
  panelItemSaveSchema,
  type Panel,
  type PanelItem as Item,
} from '../../shared/panel.js';
import { useApiMutation, useApiQuery } from '../api/hooks.js';
import type { Agency } from '../../shared/board.js';
import { useBoard } from '../board.js';
import {
  checkRule,
  Form,
  FormErrorSummary,
  formHasErrors,
  RadiosField,
  TextareaField,
  useWatch,
  useZodForm,
} from '../components/form/index.js';
import { Link } from '../components/Link.js';
import { Loading } from '../components/Loading.js';
import { LoadFailed } from '../components/LoadFailed.js';
import { Page } from '../components/Page.js';
import { useFreshData } from '../components/panels/useFreshData.js';
import { applyApiError } from '../lib/formErrors.js';
import { navigate, paths } from '../router.js';
import { FormPersonalDataWarning } from '../components/personalData/index.js';

/** One item of a panel: the challenge put, the agency's response, the outcome and any escalation. */
export function PanelItem({ panelId, itemId }: { panelId: string; itemId: string }) {
  const panel = useApiQuery('panels.get', { panelId });
  const data = useFreshData(panel);
  if (panel.error) return <LoadFailed error={panel.error} onRetry={panel.retry} />;
  if (!data) return <Loading what="Loading the item" />;
  const index = data.items.findIndex((i) => i.id === itemId);
  const item = data.items[index];
  if (!item) {
    return (
      <Page title="Page not found">
        <p className="govuk-body">This panel has no such item.</p>
        <Link to={paths.panel(panelId)}>Go to the panel</Link>
      </Page>
    );
  }
  return <ItemForm key={item.id} panel={data} item={item} index={index} />;
}

const TEXTS = ['challenge', 'response', 'escalation', 'followUp'] as const;
const rules = panelItemSaveSchema.shape;

// The service's rules (panelItemSaveSchema) in the form's words, and the board's challenge and
// escalation policy: a panel that is not assured says where the concern goes next.
const schema = z
  .strictObject({
    challenge: z.string(),
    response: z.string(),
    outcome: rules.outcome,
    escalation: z.string(),
    followUp: z.string(),
    /** On a multi-agency panel, one response per agency (an empty one is not kept). */
    responses: z.array(
      z.strictObject({ agencyId: z.string(), response: z.string().max(5000, 'Write at most 5,000 characters') }),
    ),
  })
  .superRefine((v, ctx) => {
    for (const name of TEXTS) {
      checkRule(ctx, [name], rules[name], v[name], { too_big: 'Write at most 5,000 characters' });
    }
    if (v.outcome === 'not_assured' && v.escalation.trim() === '') {
      ctx.addIssue({
        code: 'custom',
        path: ['escalation'],
        message: 'Record the escalation step: the panel is not assured',
      });
    }
  });
type Values = z.output<typeof schema>;

const FIELDS = new Set<string>(['challenge', 'response', 'outcome', 'escalation', 'followUp']);

/**
 * The agencies whose responses a multi-agency panel's item asks for: those attending, then any that
 * already responded; every agency of the partnership when no attendance is recorded yet.
 */
function respondingAgencies(panel: Panel, item: Item, agencies: readonly Agency[]): Agency[] {
  const ids = [...new Set([...panel.attendees.map((a) => a.agencyId), ...item.responses.map((r) => r.agencyId)])];
  const listed = ids.flatMap((id) => agencies.filter((a) => a.id === id));
  return listed.length > 0 ? listed : [...agencies];
}

function ItemForm({ panel, item, index }: { panel: Panel; item: Item; index: number }) {
  const save = useApiMutation('panels.saveItem');
  const { board } = useBoard();
  const multiAgency = panel.agencyId === null;
  const responding = multiAgency ? respondingAgencies(panel, item, board.agencies) : [];
  const form = useZodForm(schema, {
    defaultValues: {
      challenge: item.challenge,
      response: item.response,
      outcome: item.outcome,
      escalation: item.escalation,
      followUp: item.followUp,
      responses: responding.map((a) => ({
        agencyId: a.id,
        response: item.responses.find((r) => r.agencyId === a.id)?.response ?? '',
      })),
    },
  });
  const outcome = useWatch({ control: form.control, name: 'outcome' });
  const next = panel.items[index + 1];
  const n = index + 1;

  if (panel.status === 'signed') {
    return (
      <Page title={`Item ${n}`} back={{ to: paths.panel(panel.id) }}>
        <p className="govuk-body">This panel record is signed: its items can no longer change.</p>
      </Page>
    );
  }

  const onValid = async (values: Values, e?: BaseSyntheticEvent) => {
    // Which of the buttons sent the form.
    const submitter = (e?.nativeEvent as SubmitEvent | undefined)?.submitter;
    const then = submitter instanceof HTMLButtonElement ? submitter.value : 'panel';
    try {
      await save.mutate({
        itemId: item.id,
        challenge: values.challenge.trim(),
        response: values.response.trim(),
        outcome: values.outcome,
        escalation: values.outcome === 'not_assured' ? values.escalation.trim() : '',
        followUp: values.followUp.trim(),
        ...(multiAgency
          ? { responses: values.responses.map((r) => ({ agencyId: r.agencyId, response: r.response.trim() })) }
          : {}),
      });
      if (then === 'next' && next) navigate(paths.panelItem(panel.id, next.id), { flash: `Item ${n} saved` });
      else if (then === 'followUp') navigate(paths.panelFollowUp(panel.id, item.id));
      else navigate(paths.panel(panel.id), { flash: `Item ${n} saved` });
    } catch (err) {
      applyApiError(form, err, ([field]) => (typeof field === 'string' && FIELDS.has(field) ? field : undefined));
    }
  };

  return (
    <Page
      title={`Item ${n} of ${panel.items.length}`}
      caption={panel.title}
      back={{ to: paths.panel(panel.id), text: 'Back to the panel' }}
      narrow
      hasErrors={formHasErrors(form)}
      before={<FormErrorSummary form={form} />}
    >
      <div className="govuk-inset-text app-preserve-lines" id="item-subject">
        <span className="govuk-visually-hidden">What is challenged: </span>
        {item.subject}
      </div>
      <Form form={form} onSubmit={onValid} summary="none">
        <TextareaField name="challenge" id="item-challenge" label="The challenge the panel put" labelSize="m" />
        <FormPersonalDataWarning name="challenge" fieldId="item-challenge" />
        {multiAgency ? (
          <fieldset className="govuk-fieldset" aria-describedby="item-responses-hint">
            <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">Each agency’s response</legend>
            <div className="govuk-hint" id="item-responses-hint">
              The agencies at the panel (record attendance to change them). Leave an agency’s blank if it did not
              respond.
            </div>
            {responding.map((a, i) => (
              <div key={a.id}>
                <TextareaField
                  name={`responses.${i}.response`}
                  id={`item-response-${a.id}`}
                  label={`${a.name}’s response`}
                  rows={3}
                />
                <FormPersonalDataWarning name={`responses.${i}.response`} fieldId={`item-response-${a.id}`} />
              </div>
            ))}
            <TextareaField
              name="response"
              id="item-response"
              label="A response not from one agency (optional)"
              rows={3}
            />
            <FormPersonalDataWarning name="response" fieldId="item-response" />
          </fieldset>
        ) : (
          <>
            <TextareaField
              name="response"
              id="item-response"
              label={`The agency’s response${panel.agencyName ? ` (${panel.agencyName})` : ''}`}
              labelSize="m"
            />
            <FormPersonalDataWarning name="response" fieldId="item-response" />
          </>
        )}
        <RadiosField
          name="outcome"
          id="item-outcome"
          legend="The panel’s outcome"
          hint="When the panel is not assured, the item is escalated under the board’s challenge and escalation policy."
          options={PANEL_OUTCOMES.map((o) => ({
            value: o,
            label: PANEL_OUTCOME_LABELS[o],
            ...(o === 'not_assured'
              ? {
                  conditional: (
                    <>
                      <TextareaField
                        name="escalation"
                        id="item-escalation"
                        label="Escalation step"
                        hint="Who the concern goes to next and by when, for example “to the agency’s chief executive, reply to the board chair within 20 working days”"
                        rows={3}
                      />
                      <FormPersonalDataWarning name="escalation" fieldId="item-escalation" />
                    </>
                  ),
                }
              : {}),
          }))}
        >
          {outcome !== null ? (
            <button
              type="button"
              className="app-link-button app-clear-outcome"
              onClick={() => form.setValue('outcome', null, { shouldDirty: true })}
            >
              Clear the outcome
            </button>
          ) : null}
        </RadiosField>
        <TextareaField
          name="followUp"
          id="item-follow-up"
          label="Agreed follow-up"
          labelSize="m"
          hint="What the agency agreed to do. You can turn it into a tracked action."
        />
        <FormPersonalDataWarning name="followUp" fieldId="item-follow-up" />
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
            <Link to={paths.actionsDetail(item.actionId)}>Open the follow-up action</Link>: it is tracked with the
            audit’s action plan.
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
      </Form>
    </Page>
  );
}
