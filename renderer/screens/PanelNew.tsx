import { useState, type FormEvent } from 'react';
import { londonDate } from '../../shared/today.js';
import { useApiMutation, useApiQuery } from '../api/hooks.js';
import { useBoard } from '../board.js';
import { ErrorSummary } from '../components/ErrorSummary.js';
import { Loading } from '../components/Loading.js';
import { LoadFailed } from '../components/LoadFailed.js';
import { Page } from '../components/Page.js';
import { SelectInput, TextInput } from '../components/review/Fields.js';
import { isCalendarDate } from '../components/review/helpers.js';
import { useFormErrors } from '../components/review/useFormErrors.js';
import { navigate, paths } from '../router.js';

const MULTI = 'multi';

const FIELD_IDS: ReadonlyArray<readonly [string, string]> = [
  ['auditId', 'panel-audit'],
  ['agencyId', 'panel-agency'],
  ['title', 'panel-title'],
  ['heldOn', 'panel-held-on'],
];

/** Set up a challenge panel: the audit, the agency challenged (or every agency), a title and the date. */
export function PanelNew({ auditId }: { auditId: string | undefined }) {
  const audits = useApiQuery('audits.list', {});
  if (audits.error) return <LoadFailed error={audits.error} onRetry={audits.reload} />;
  if (!audits.data) return <Loading what="Loading the audits" />;
  return <PanelForm audits={audits.data} auditId={auditId} />;
}

function PanelForm({
  audits,
  auditId,
}: {
  audits: ReadonlyArray<{ id: string; title: string }>;
  auditId: string | undefined;
}) {
  const { board } = useBoard();
  const create = useApiMutation('panels.create');
  const errors = useFormErrors();
  const [audit, setAudit] = useState(auditId && audits.some((a) => a.id === auditId) ? auditId : '');
  const [agency, setAgency] = useState('');
  const [title, setTitle] = useState('');
  const [heldOn, setHeldOn] = useState(() => londonDate(new Date()));
  const back = auditId ? paths.panels(auditId) : paths.panels();

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const problems: Record<string, string> = {};
    if (!audit) problems.auditId = 'Choose the audit the panel is about';
    if (!agency) problems.agencyId = 'Choose the agency challenged, or multi-agency';
    if (title.trim() === '') problems.title = 'Enter a title for the panel';
    else if (title.trim().length > 200) problems.title = 'The title must be 200 characters or fewer';
    if (!isCalendarDate(heldOn.trim())) problems.heldOn = 'Enter the date of the panel as a real date';
    if (Object.keys(problems).length > 0) return errors.fail(problems);
    errors.clear();
    try {
      const panel = await create.mutate({
        auditId: audit,
        agencyId: agency === MULTI ? null : agency,
        title: title.trim(),
        heldOn: heldOn.trim(),
      });
      navigate(paths.panel(panel.id), {
        flash: `Challenge panel set up with ${panel.items.length === 1 ? '1 item' : `${panel.items.length} items`} from the audit’s findings`,
      });
    } catch (err) {
      errors.failFromServer(err, (path) => (FIELD_IDS.some(([name]) => name === path) ? path : undefined));
    }
  };

  const items = errors.items(FIELD_IDS);
  return (
    <Page
      title="Set up a challenge panel"
      back={{ to: back }}
      narrow
      hasErrors={items.length > 0}
      before={items.length > 0 ? <ErrorSummary errors={items} focusKey={errors.attempt} /> : null}
    >
      <p className="govuk-body">
        The audit’s findings become the panel’s agenda, areas for development first. You can add other items, such as a
        Section 11 standard rated amber, on the panel’s page.
      </p>
      <form noValidate onSubmit={(e) => void onSubmit(e)}>
        <SelectInput
          id="panel-audit"
          label="Audit"
          size="m"
          error={errors.field('auditId')}
          placeholder="Choose an audit"
          options={audits.map((a) => ({ value: a.id, label: a.title }))}
          value={audit}
          onChange={setAudit}
        />
        <SelectInput
          id="panel-agency"
          label="Agency challenged"
          size="m"
          hint="A Section 11 panel challenges one agency on its self-assessment; a multi-agency panel challenges every partner together."
          error={errors.field('agencyId')}
          placeholder="Choose an agency"
          options={[
            { value: MULTI, label: 'Multi-agency (every partner)' },
            ...board.agencies.filter((a) => a.active).map((a) => ({ value: a.id, label: a.name })),
          ]}
          value={agency}
          onChange={setAgency}
        />
        <TextInput
          id="panel-title"
          label="Title"
          size="m"
          hint="For example, “Police Section 11 challenge panel” or “MASH audit: multi-agency challenge”"
          error={errors.field('title')}
          value={title}
          onChange={setTitle}
        />
        <TextInput
          id="panel-held-on"
          type="date"
          label="Date of the panel"
          size="m"
          error={errors.field('heldOn')}
          value={heldOn}
          onChange={setHeldOn}
        />
        <button type="submit" className="govuk-button" disabled={create.pending}>
          Set up the panel
        </button>
      </form>
    </Page>
  );
}
