import { z } from 'zod';
import { contract } from '../../shared/contract.js';
import type { Panel } from '../../shared/panel.js';
import { useApiMutation, useApiQuery } from '../api/hooks.js';
import { useBoard } from '../board.js';
import {
  attendeeFieldName,
  AttendeeRows,
  attendeeRowsSchema,
  attendeesToSend,
  checkAttendees,
} from '../components/AttendeeRows.js';
import {
  checkRule,
  DateField,
  dateInputSchema,
  dateProblem,
  Form,
  FormErrorSummary,
  formHasErrors,
  TextField,
  useZodForm,
} from '../components/form/index.js';
import { Loading } from '../components/Loading.js';
import { LoadFailed } from '../components/LoadFailed.js';
import { Page } from '../components/Page.js';
import { useFreshData } from '../components/panels/useFreshData.js';
import { applyApiError } from '../lib/formErrors.js';
import { navigate, paths } from '../router.js';

/** Who attended the panel (by role and agency, never by name), with the panel's title and date. */
export function PanelAttendance({ panelId }: { panelId: string }) {
  const panel = useApiQuery('panels.get', { panelId });
  const data = useFreshData(panel);
  if (panel.error) return <LoadFailed error={panel.error} onRetry={panel.retry} />;
  if (!data) return <Loading what="Loading the challenge panel" />;
  return <AttendanceForm panel={data} />;
}

const update = contract['panels.update'].input.shape;

// The service's rules (panels.update, attendeeSchema) in the form's words.
const schema = z
  .strictObject({
    title: z.string(),
    heldOn: dateInputSchema({ label: 'Date of the panel', required: 'Enter the date of the panel' }),
    attendees: attendeeRowsSchema,
  })
  .superRefine((v, ctx) => {
    checkRule(ctx, ['title'], update.title, v.title, { too_big: 'The title must be 200 characters or fewer' });
    if (v.heldOn !== '' && !dateProblem(v.heldOn, 'Date of the panel'))
      checkRule(ctx, ['heldOn'], update.heldOn, v.heldOn, {
        invalid_format: 'Enter the date of the panel as a real date',
      });
    checkAttendees(ctx, v.attendees, update.attendees, { too_big: 'Record at most 50 attendees' });
  });
type Values = z.output<typeof schema>;

function AttendanceForm({ panel }: { panel: Panel }) {
  const { board } = useBoard();
  const save = useApiMutation('panels.update');
  const form = useZodForm(schema, {
    defaultValues: {
      title: panel.title,
      heldOn: panel.heldOn,
      attendees:
        panel.attendees.length > 0
          ? panel.attendees.map((a) => ({ role: a.role, agencyId: a.agencyId }))
          : [{ role: '', agencyId: panel.agencyId ?? '' }],
    },
  });
  const signed = panel.status === 'signed';

  const onValid = async (values: Values) => {
    const attendees = attendeesToSend(values.attendees);
    try {
      await save.mutate({ panelId: panel.id, title: values.title.trim(), heldOn: values.heldOn.trim(), attendees });
      navigate(paths.panel(panel.id), {
        flash: `Attendance saved: ${attendees.length === 1 ? '1 attendee' : `${attendees.length} attendees`}`,
      });
    } catch (err) {
      applyApiError(form, err, (path) =>
        path[0] === 'title' || path[0] === 'heldOn' ? path[0] : attendeeFieldName(values.attendees, path),
      );
    }
  };

  if (signed) {
    return (
      <Page title="Attendance" back={{ to: paths.panel(panel.id) }}>
        <p className="govuk-body">This panel record is signed: its attendance can no longer change.</p>
      </Page>
    );
  }

  const agencyOptions = board.agencies.map((a) => ({ value: a.id, label: a.name }));
  return (
    <Page
      title="Attendance"
      caption={panel.title}
      back={{ to: paths.panel(panel.id), text: 'Back to the panel' }}
      narrow
      hasErrors={formHasErrors(form)}
      before={<FormErrorSummary form={form} />}
    >
      <Form form={form} onSubmit={onValid} summary="none">
        <TextField name="title" id="panel-title" label="Title" labelSize="m" />
        <DateField name="heldOn" id="panel-held-on" legend="Date of the panel" label="Date of the panel" />
        <h2 className="govuk-heading-m">Who attended</h2>
        <p className="govuk-body">
          Record each person by role and agency, for example “Independent chair” or “Designated nurse”. Never enter
          names.
        </p>
        <AttendeeRows agencyOptions={agencyOptions} />
        <div className="govuk-button-group">
          <button type="submit" className="govuk-button" disabled={save.pending}>
            Save attendance
          </button>
        </div>
      </Form>
    </Page>
  );
}
