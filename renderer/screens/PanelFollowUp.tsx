import { actionDraftSchema, type ActionDraft } from '../../shared/actionStatus.js';
import type { Panel, PanelItem } from '../../shared/panel.js';
import { useApiMutation, useApiQuery } from '../api/hooks.js';
import { useBoard } from '../board.js';
import {
  DateField,
  Form,
  FormErrorSummary,
  formHasErrors,
  SelectField,
  TextareaField,
  TextField,
  useWatch,
  useZodForm,
} from '../components/form/index.js';
import { Link } from '../components/Link.js';
import { Loading } from '../components/Loading.js';
import { LoadFailed } from '../components/LoadFailed.js';
import { Page } from '../components/Page.js';
import { PastDateWarning } from '../components/form/PastDateWarning.js';
import { PAST_DUE } from './ActionsForm.js';
import { useFreshData } from '../components/panels/useFreshData.js';
import { applyApiError } from '../lib/formErrors.js';
import { navigate, paths } from '../router.js';
import { FormPersonalDataWarning } from '../components/personalData/index.js';

const FIELDS = new Set<string>(Object.keys(actionDraftSchema.shape));

/** Turns an item's agreed follow-up into a SMART action tracked with the audit's action plan. */
export function PanelFollowUp({ panelId, itemId }: { panelId: string; itemId: string }) {
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
  return <FollowUpForm panel={data} item={item} n={index + 1} />;
}

function FollowUpForm({ panel, item, n }: { panel: Panel; item: PanelItem; n: number }) {
  const { board } = useBoard();
  const add = useApiMutation('panels.addFollowUp');
  // The action plan's own rules and messages: a follow-up is an action like any other.
  const form = useZodForm(actionDraftSchema, {
    defaultValues: {
      text: item.followUp,
      leadAgencyId: panel.agencyId ?? '',
      ownerRole: '',
      dueDate: '',
      successMeasure: '',
    },
  });
  const lead = useWatch({ control: form.control, name: 'leadAgencyId' });
  const back = paths.panelItem(panel.id, item.id);

  if (item.actionId || panel.status === 'signed') {
    return (
      <Page title="Follow-up action" back={{ to: paths.panel(panel.id) }}>
        <p className="govuk-body">
          {item.actionId ? (
            <>
              Item {n} already has its follow-up action.{' '}
              <Link to={paths.actionsDetail(item.actionId)}>Open the action</Link>.
            </>
          ) : (
            'This panel record is signed: no follow-up can be added to it.'
          )}
        </p>
      </Page>
    );
  }

  const onValid = async (draft: ActionDraft) => {
    try {
      await add.mutate({ itemId: item.id, ...draft });
      navigate(paths.panel(panel.id), { flash: `Follow-up action created for item ${n}` });
    } catch (err) {
      applyApiError(form, err, ([field]) => (typeof field === 'string' && FIELDS.has(field) ? field : undefined));
    }
  };

  return (
    <Page
      title={`Create a follow-up action for item ${n}`}
      caption={panel.title}
      back={{ to: back, text: `Back to item ${n}` }}
      narrow
      hasErrors={formHasErrors(form)}
      before={<FormErrorSummary form={form} />}
    >
      <div className="govuk-inset-text app-preserve-lines">
        <span className="govuk-visually-hidden">What was challenged: </span>
        {item.subject}
      </div>
      <p className="govuk-body">
        The action joins the action plan of {panel.auditTitle}, where the QA sub-committee tracks it until it is
        verified.
      </p>
      <Form form={form} onSubmit={onValid} summary="none">
        <TextareaField
          name="text"
          id="follow-up-text"
          label="Action"
          labelSize="m"
          hint="Specific, measurable, achievable, relevant and time-bound"
        />
        <FormPersonalDataWarning name="text" fieldId="follow-up-text" />
        <SelectField
          name="leadAgencyId"
          id="follow-up-lead"
          label="Lead agency"
          labelSize="m"
          placeholder="Choose the lead agency"
          options={board.agencies.filter((a) => a.active || a.id === lead).map((a) => ({ value: a.id, label: a.name }))}
        />
        <TextField
          name="ownerRole"
          id="follow-up-owner"
          label="Owner"
          labelSize="m"
          hint="A role, not a person’s name: for example “Head of safeguarding”"
        />
        <DateField name="dueDate" id="follow-up-due" legend="Due date" label="Due date" hint="For example, 31 3 2027" />
        <PastDateWarning name="dueDate" id="follow-up-due-past" message={PAST_DUE} />
        <TextareaField
          name="successMeasure"
          id="follow-up-measure"
          label="How success will be measured"
          labelSize="m"
          rows={3}
        />
        <FormPersonalDataWarning name="successMeasure" fieldId="follow-up-measure" />
        <button type="submit" className="govuk-button" disabled={add.pending}>
          Create the action
        </button>
      </Form>
    </Page>
  );
}
