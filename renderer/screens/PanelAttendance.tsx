import { useEffect, useRef, useState } from 'react';
import { z } from 'zod';
import { contract } from '../../shared/contract.js';
import type { Panel } from '../../shared/panel.js';
import { attendeeSchema } from '../../shared/review.js';
import { useApiMutation, useApiQuery } from '../api/hooks.js';
import { useBoard } from '../board.js';
import {
  checkRule,
  Fieldset,
  Form,
  FormErrorSummary,
  formHasErrors,
  SelectField,
  TextField,
  useFieldArray,
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
const isFilled = (a: { role: string; agencyId: string }) => a.role.trim() !== '' || a.agencyId !== '';

// The service's rules (panels.update, attendeeSchema) in the form's words. Rows left completely
// empty are dropped, as in any "add another" list; half-filled ones need finishing.
const schema = z
  .strictObject({
    title: z.string(),
    heldOn: z.string(),
    attendees: z.array(z.strictObject({ role: z.string(), agencyId: z.string() })),
  })
  .superRefine((v, ctx) => {
    checkRule(ctx, ['title'], update.title, v.title, { too_big: 'The title must be 200 characters or fewer' });
    checkRule(ctx, ['heldOn'], update.heldOn, v.heldOn.trim(), {
      invalid_format: 'Enter the date of the panel as a real date',
    });
    const filled = v.attendees.flatMap((a, i) => (isFilled(a) ? [i] : []));
    for (const i of filled) {
      const row = v.attendees[i]!;
      checkRule(ctx, ['attendees', i, 'role'], attendeeSchema.shape.role, row.role, {
        too_small: `Enter the role of attendee ${i + 1} (a role, not a name)`,
      });
      if (row.agencyId === '') {
        ctx.addIssue({
          code: 'custom',
          path: ['attendees', i, 'agencyId'],
          message: `Choose the agency of attendee ${i + 1}`,
        });
      }
    }
    // The list's own problems (too many people) link to the first row; each row's are reported above.
    const list = update.attendees.safeParse(filled.map((i) => v.attendees[i])).error?.issues ?? [];
    for (const issue of list.filter((x) => x.path.length === 0)) {
      const message = issue.code === 'too_big' ? 'Record at most 50 attendees' : issue.message;
      ctx.addIssue({ code: 'custom', path: ['attendees', 0, 'role'], message });
    }
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
  const rows = useFieldArray({ control: form.control, name: 'attendees', keyName: 'key' });
  const addButton = useRef<HTMLButtonElement>(null);
  const [focusRow, setFocusRow] = useState<number | null>(null);
  const signed = panel.status === 'signed';

  useEffect(() => {
    if (focusRow === null) return;
    document.getElementById(`attendee-${focusRow}-role`)?.focus();
    setFocusRow(null);
  }, [focusRow]);

  const onValid = async (values: Values) => {
    const filled = values.attendees.flatMap((a, i) => (isFilled(a) ? [i] : []));
    try {
      await save.mutate({
        panelId: panel.id,
        title: values.title.trim(),
        heldOn: values.heldOn.trim(),
        attendees: filled.map((i) => ({
          role: values.attendees[i]!.role.trim(),
          agencyId: values.attendees[i]!.agencyId,
        })),
      });
      navigate(paths.panel(panel.id), {
        flash: `Attendance saved: ${filled.length === 1 ? '1 attendee' : `${filled.length} attendees`}`,
      });
    } catch (err) {
      // The service's paths count only the attendees sent, which are the filled rows in order.
      applyApiError(form, err, ([first, index, field]) => {
        if (first === 'title' || first === 'heldOn') return first;
        if (first !== 'attendees') return undefined;
        if (index === undefined) return 'attendees.0.role';
        const row = filled[Number(index)];
        return row !== undefined && (field === 'role' || field === 'agencyId')
          ? `attendees.${row}.${field}`
          : undefined;
      });
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
        <TextField name="heldOn" id="panel-held-on" type="date" label="Date of the panel" labelSize="m" />
        <h2 className="govuk-heading-m">Who attended</h2>
        <p className="govuk-body">
          Record each person by role and agency, for example “Independent chair” or “Designated nurse”. Never enter
          names.
        </p>
        <ol className="app-agency-list app-attendee-list">
          {rows.fields.map((row, i) => (
            <li key={row.key}>
              <Fieldset legend={`Attendee ${i + 1}`} legendSize="s" className="app-agency-row">
                <TextField
                  name={`attendees.${i}.role`}
                  id={`attendee-${i}-role`}
                  label={
                    <>
                      Role<span className="govuk-visually-hidden"> of attendee {i + 1}</span>
                    </>
                  }
                  groupClassName="app-agency-row__name"
                  autoComplete="off"
                />
                <SelectField
                  name={`attendees.${i}.agencyId`}
                  id={`attendee-${i}-agency`}
                  label={
                    <>
                      Agency<span className="govuk-visually-hidden"> of attendee {i + 1}</span>
                    </>
                  }
                  groupClassName="app-agency-row__kind"
                  placeholder="Choose an agency"
                  options={agencyOptions}
                />
                {rows.fields.length > 1 ? (
                  <div className="app-agency-row__actions">
                    <button
                      type="button"
                      className="app-link-button"
                      onClick={() => {
                        rows.remove(i);
                        addButton.current?.focus();
                      }}
                    >
                      Remove<span className="govuk-visually-hidden"> attendee {i + 1}</span>
                    </button>
                  </div>
                ) : null}
              </Fieldset>
            </li>
          ))}
        </ol>
        <button
          type="button"
          ref={addButton}
          className="govuk-button govuk-button--secondary"
          onClick={() => {
            setFocusRow(rows.fields.length);
            rows.append({ role: '', agencyId: '' }, { shouldFocus: false });
          }}
        >
          Add another attendee
        </button>
        <div className="govuk-button-group">
          <button type="submit" className="govuk-button" disabled={save.pending}>
            Save attendance
          </button>
        </div>
      </Form>
    </Page>
  );
}
