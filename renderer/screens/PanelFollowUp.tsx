import { useState, type FormEvent } from 'react';
import { actionDraftSchema } from '../../shared/actionStatus.js';
import type { Panel, PanelItem } from '../../shared/panel.js';
import { useApiMutation, useApiQuery } from '../api/hooks.js';
import { useBoard } from '../board.js';
import { ErrorSummary } from '../components/ErrorSummary.js';
import { Link } from '../components/Link.js';
import { Loading } from '../components/Loading.js';
import { LoadFailed } from '../components/LoadFailed.js';
import { Page } from '../components/Page.js';
import { SelectInput, TextArea, TextInput } from '../components/review/Fields.js';
import { useFormErrors } from '../components/review/useFormErrors.js';
import { navigate, paths } from '../router.js';

const FIELDS: ReadonlyArray<readonly [string, string]> = [
  ['text', 'follow-up-text'],
  ['leadAgencyId', 'follow-up-lead'],
  ['ownerRole', 'follow-up-owner'],
  ['dueDate', 'follow-up-due'],
  ['successMeasure', 'follow-up-measure'],
];

/** Turns an item's agreed follow-up into a SMART action tracked with the audit's action plan. */
export function PanelFollowUp({ panelId, itemId }: { panelId: string; itemId: string }) {
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
  return <FollowUpForm panel={panel.data} item={item} n={index + 1} />;
}

function FollowUpForm({ panel, item, n }: { panel: Panel; item: PanelItem; n: number }) {
  const { board } = useBoard();
  const add = useApiMutation('panels.addFollowUp');
  const errors = useFormErrors();
  const [text, setText] = useState(item.followUp);
  const [lead, setLead] = useState(panel.agencyId ?? '');
  const [owner, setOwner] = useState('');
  const [due, setDue] = useState('');
  const [measure, setMeasure] = useState('');
  const back = paths.panelItem(panel.id, item.id);

  if (item.actionId || panel.status === 'signed') {
    return (
      <Page title="Follow-up action" back={{ to: paths.panel(panel.id) }}>
        <p className="govuk-body">
          {item.actionId ? (
            <>
              Item {n} already has its follow-up action. <Link to={paths.action(item.actionId)}>Open the action</Link>.
            </>
          ) : (
            'This panel record is signed: no follow-up can be added to it.'
          )}
        </p>
      </Page>
    );
  }

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const draft = { text, leadAgencyId: lead, ownerRole: owner, dueDate: due.trim(), successMeasure: measure };
    const parsed = actionDraftSchema.safeParse(draft);
    if (!parsed.success) {
      const problems: Record<string, string> = {};
      for (const issue of parsed.error.issues) {
        const name = String(issue.path[0] ?? '');
        if (name && !problems[name]) problems[name] = issue.message;
      }
      return errors.fail(problems);
    }
    errors.clear();
    try {
      await add.mutate({ itemId: item.id, ...parsed.data });
      navigate(paths.panel(panel.id), { flash: `Follow-up action created for item ${n}` });
    } catch (err) {
      errors.failFromServer(err, (path) => (FIELDS.some(([name]) => name === path) ? path : undefined));
    }
  };

  const items = errors.items(FIELDS);
  return (
    <Page
      title={`Create a follow-up action for item ${n}`}
      caption={panel.title}
      back={{ to: back, text: `Back to item ${n}` }}
      narrow
      hasErrors={items.length > 0}
      before={items.length > 0 ? <ErrorSummary errors={items} focusKey={errors.attempt} /> : null}
    >
      <div className="govuk-inset-text app-preserve-lines">
        <span className="govuk-visually-hidden">What was challenged: </span>
        {item.subject}
      </div>
      <p className="govuk-body">
        The action joins the action plan of {panel.auditTitle}, where the QA sub-committee tracks it until it is
        verified.
      </p>
      <form noValidate onSubmit={(e) => void onSubmit(e)}>
        <TextArea
          id="follow-up-text"
          label="Action"
          size="m"
          hint="Specific, measurable, achievable, relevant and time-bound"
          error={errors.field('text')}
          value={text}
          onChange={setText}
        />
        <SelectInput
          id="follow-up-lead"
          label="Lead agency"
          size="m"
          error={errors.field('leadAgencyId')}
          placeholder="Choose the lead agency"
          options={board.agencies.filter((a) => a.active || a.id === lead).map((a) => ({ value: a.id, label: a.name }))}
          value={lead}
          onChange={setLead}
        />
        <TextInput
          id="follow-up-owner"
          label="Owner"
          size="m"
          hint="A role, not a person’s name: for example “Head of safeguarding”"
          error={errors.field('ownerRole')}
          value={owner}
          onChange={setOwner}
        />
        <TextInput
          id="follow-up-due"
          type="date"
          label="Due date"
          size="m"
          error={errors.field('dueDate')}
          value={due}
          onChange={setDue}
        />
        <TextArea
          id="follow-up-measure"
          label="How success will be measured"
          size="m"
          error={errors.field('successMeasure')}
          value={measure}
          onChange={setMeasure}
          rows={3}
        />
        <button type="submit" className="govuk-button" disabled={add.pending}>
          Create the action
        </button>
      </form>
    </Page>
  );
}
