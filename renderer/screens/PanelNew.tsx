import { z } from 'zod';
import { panelCreateSchema } from '../../shared/panel.js';
import { londonDate } from '../../shared/today.js';
import { useApiMutation, useApiQuery } from '../api/hooks.js';
import { useBoard } from '../board.js';
import {
  dateProblem,
  DateField,
  checkRule,
  Form,
  FormErrorSummary,
  formHasErrors,
  SelectField,
  TextField,
  useZodForm,
} from '../components/form/index.js';
import { Loading } from '../components/Loading.js';
import { LoadFailed } from '../components/LoadFailed.js';
import { Page } from '../components/Page.js';
import { applyApiError, dottedPath } from '../lib/formErrors.js';
import { navigate, paths } from '../router.js';

const MULTI = 'multi';

// The service's rules (panelCreateSchema) in the form's words; the audit and agency are choices.
const schema = z
  .strictObject({ auditId: z.string(), agencyId: z.string(), title: z.string(), heldOn: z.string() })
  .superRefine((v, ctx) => {
    if (v.auditId === '') {
      ctx.addIssue({ code: 'custom', path: ['auditId'], message: 'Choose the audit the panel is about' });
    }
    if (v.agencyId === '') {
      ctx.addIssue({ code: 'custom', path: ['agencyId'], message: 'Choose the agency challenged, or multi-agency' });
    }
    checkRule(ctx, ['title'], panelCreateSchema.shape.title, v.title, {
      too_big: 'The title must be 200 characters or fewer',
    });
    const heldOn = v.heldOn.trim();
    const problem =
      heldOn === '' ? { message: 'Enter the date of the panel' } : dateProblem(heldOn, 'Date of the panel');
    if (problem) ctx.addIssue({ code: 'custom', path: ['heldOn'], message: problem.message });
    else
      checkRule(ctx, ['heldOn'], panelCreateSchema.shape.heldOn, heldOn, {
        invalid_format: 'Enter the date of the panel as a real date',
      });
  });
type Values = z.output<typeof schema>;

const FIELDS = new Set(['auditId', 'agencyId', 'title', 'heldOn']);

/** Set up a challenge panel: the audit, the agency challenged (or every agency), a title and the date. */
export function PanelNew({ auditId }: { auditId: string | undefined }) {
  const audits = useApiQuery('audits.list', {});
  if (audits.error) return <LoadFailed error={audits.error} onRetry={audits.retry} />;
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
  const form = useZodForm(schema, {
    defaultValues: {
      auditId: auditId && audits.some((a) => a.id === auditId) ? auditId : '',
      agencyId: '',
      title: '',
      heldOn: londonDate(new Date()),
    },
  });
  const back = auditId ? paths.panels(auditId) : paths.panels();

  const onValid = async (values: Values) => {
    try {
      const panel = await create.mutate({
        auditId: values.auditId,
        agencyId: values.agencyId === MULTI ? null : values.agencyId,
        title: values.title.trim(),
        heldOn: values.heldOn.trim(),
      });
      navigate(paths.panel(panel.id), {
        flash: `Challenge panel set up with ${panel.items.length === 1 ? '1 item' : `${panel.items.length} items`} from the audit’s findings`,
      });
    } catch (err) {
      applyApiError(form, err, (path) => {
        const name = dottedPath(path);
        return name !== undefined && FIELDS.has(name) ? name : undefined;
      });
    }
  };

  return (
    <Page
      title="Set up a challenge panel"
      back={{ to: back }}
      narrow
      hasErrors={formHasErrors(form)}
      before={<FormErrorSummary form={form} />}
    >
      <p className="govuk-body">
        The audit’s findings become the panel’s agenda, areas for development first. You can add other items, such as a
        Section 11 standard rated amber, on the panel’s page.
      </p>
      <Form form={form} onSubmit={onValid} summary="none">
        <SelectField
          name="auditId"
          id="panel-audit"
          label="Audit"
          labelSize="m"
          placeholder="Choose an audit"
          options={audits.map((a) => ({ value: a.id, label: a.title }))}
        />
        <SelectField
          name="agencyId"
          id="panel-agency"
          label="Agency challenged"
          labelSize="m"
          hint="A Section 11 panel challenges one agency on its self-assessment; a multi-agency panel challenges every partner together."
          placeholder="Choose an agency"
          options={[
            { value: MULTI, label: 'Multi-agency (every partner)' },
            ...board.agencies.filter((a) => a.active).map((a) => ({ value: a.id, label: a.name })),
          ]}
        />
        <TextField
          name="title"
          id="panel-title"
          label="Title"
          labelSize="m"
          hint="For example, “Police Section 11 challenge panel” or “MASH audit: multi-agency challenge”"
        />
        <DateField
          name="heldOn"
          id="panel-held-on"
          legend="Date of the panel"
          label="Date of the panel"
          hint="For example, 20 11 2026"
        />
        <button type="submit" className="govuk-button" disabled={create.pending}>
          Set up the panel
        </button>
      </Form>
    </Page>
  );
}
