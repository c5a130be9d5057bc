import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { Panel } from '../../shared/panel.js';
import { useApiMutation, useApiQuery } from '../api/hooks.js';
import { useBoard } from '../board.js';
import { ErrorMessage } from '../components/ErrorMessage.js';
import { ErrorSummary } from '../components/ErrorSummary.js';
import { Loading } from '../components/Loading.js';
import { LoadFailed } from '../components/LoadFailed.js';
import { Page } from '../components/Page.js';
import { TextInput } from '../components/review/Fields.js';
import { isCalendarDate } from '../components/review/helpers.js';
import { useFormErrors } from '../components/review/useFormErrors.js';
import { navigate, paths } from '../router.js';

interface Attendee {
  key: number;
  role: string;
  agencyId: string;
}

/** Who attended the panel (by role and agency, never by name), with the panel's title and date. */
export function PanelAttendance({ panelId }: { panelId: string }) {
  const panel = useApiQuery('panels.get', { panelId });
  if (panel.error) return <LoadFailed error={panel.error} onRetry={panel.reload} />;
  if (!panel.data) return <Loading what="Loading the challenge panel" />;
  return <AttendanceForm panel={panel.data} />;
}

let nextKey = 1;

function AttendanceForm({ panel }: { panel: Panel }) {
  const { board } = useBoard();
  const update = useApiMutation('panels.update');
  const errors = useFormErrors();
  const [title, setTitle] = useState(panel.title);
  const [heldOn, setHeldOn] = useState(panel.heldOn);
  const [rows, setRows] = useState<Attendee[]>(() =>
    panel.attendees.length > 0
      ? panel.attendees.map((a) => ({ key: nextKey++, role: a.role, agencyId: a.agencyId }))
      : [{ key: nextKey++, role: '', agencyId: panel.agencyId ?? '' }],
  );
  const focusRow = useRef<number | null>(null);
  const addButton = useRef<HTMLButtonElement>(null);
  const signed = panel.status === 'signed';

  useEffect(() => {
    if (focusRow.current === null) return;
    document.getElementById(`attendee-${focusRow.current}-role`)?.focus();
    focusRow.current = null;
  }, [rows.length]);

  const change = (key: number, patch: Partial<Attendee>) =>
    setRows((list) => list.map((r) => (r.key === key ? { ...r, ...patch } : r)));

  const add = () => {
    focusRow.current = rows.length;
    setRows((list) => [...list, { key: nextKey++, role: '', agencyId: '' }]);
  };

  const remove = (key: number) => {
    setRows((list) => list.filter((r) => r.key !== key));
    addButton.current?.focus();
  };

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const problems: Record<string, string> = {};
    if (title.trim() === '') problems.title = 'Enter a title for the panel';
    if (!isCalendarDate(heldOn.trim())) problems.heldOn = 'Enter the date of the panel as a real date';
    // Rows left completely empty are dropped; half-filled ones need finishing.
    const filled = rows.map((r, i) => ({ r, i })).filter(({ r }) => r.role.trim() !== '' || r.agencyId !== '');
    for (const { r, i } of filled) {
      if (r.role.trim() === '')
        problems[`attendees.${i}.role`] = `Enter the role of attendee ${i + 1} (a role, not a name)`;
      if (r.agencyId === '') problems[`attendees.${i}.agencyId`] = `Choose the agency of attendee ${i + 1}`;
    }
    if (Object.keys(problems).length > 0) return errors.fail(problems);
    errors.clear();
    try {
      await update.mutate({
        panelId: panel.id,
        title: title.trim(),
        heldOn: heldOn.trim(),
        attendees: filled.map(({ r }) => ({ role: r.role.trim(), agencyId: r.agencyId })),
      });
      navigate(paths.panel(panel.id), {
        flash: `Attendance saved: ${filled.length === 1 ? '1 attendee' : `${filled.length} attendees`}`,
      });
    } catch (err) {
      errors.failFromServer(err, (path) => {
        const m = /^attendees\.(\d+)\.(role|agencyId)$/.exec(path);
        if (m) return path;
        return path === 'title' || path === 'heldOn' ? path : undefined;
      });
    }
  };

  const order: Array<readonly [string, string]> = [
    ['title', 'panel-title'],
    ['heldOn', 'panel-held-on'],
    ...rows.flatMap((_, i) => [
      [`attendees.${i}.role`, `attendee-${i}-role`] as const,
      [`attendees.${i}.agencyId`, `attendee-${i}-agency`] as const,
    ]),
  ];
  const items = errors.items(order);

  if (signed) {
    return (
      <Page title="Attendance" back={{ to: paths.panel(panel.id) }}>
        <p className="govuk-body">This panel record is signed: its attendance can no longer change.</p>
      </Page>
    );
  }

  return (
    <Page
      title="Attendance"
      caption={panel.title}
      back={{ to: paths.panel(panel.id), text: 'Back to the panel' }}
      narrow
      hasErrors={items.length > 0}
      before={items.length > 0 ? <ErrorSummary errors={items} focusKey={errors.attempt} /> : null}
    >
      <form noValidate onSubmit={(e) => void onSubmit(e)}>
        <TextInput
          id="panel-title"
          label="Title"
          size="m"
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
        <h2 className="govuk-heading-m">Who attended</h2>
        <p className="govuk-body">
          Record each person by role and agency, for example “Independent chair” or “Designated nurse”. Never enter
          names.
        </p>
        <ol className="app-agency-list app-attendee-list">
          {rows.map((r, i) => {
            const roleId = `attendee-${i}-role`;
            const agencyId = `attendee-${i}-agency`;
            const roleError = errors.field(`attendees.${i}.role`);
            const agencyError = errors.field(`attendees.${i}.agencyId`);
            return (
              <li key={r.key}>
                <fieldset className="govuk-fieldset app-agency-row">
                  <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">Attendee {i + 1}</legend>
                  <div
                    className={`govuk-form-group app-agency-row__name${roleError ? ' govuk-form-group--error' : ''}`}
                  >
                    <label className="govuk-label" htmlFor={roleId}>
                      Role<span className="govuk-visually-hidden"> of attendee {i + 1}</span>
                    </label>
                    <ErrorMessage id={`${roleId}-error`} message={roleError} />
                    <input
                      id={roleId}
                      type="text"
                      className={`govuk-input${roleError ? ' govuk-input--error' : ''}`}
                      autoComplete="off"
                      aria-describedby={roleError ? `${roleId}-error` : undefined}
                      aria-invalid={roleError ? true : undefined}
                      value={r.role}
                      onChange={(e) => change(r.key, { role: e.currentTarget.value })}
                    />
                  </div>
                  <div
                    className={`govuk-form-group app-agency-row__kind${agencyError ? ' govuk-form-group--error' : ''}`}
                  >
                    <label className="govuk-label" htmlFor={agencyId}>
                      Agency<span className="govuk-visually-hidden"> of attendee {i + 1}</span>
                    </label>
                    <ErrorMessage id={`${agencyId}-error`} message={agencyError} />
                    <select
                      id={agencyId}
                      className={`govuk-select${agencyError ? ' govuk-select--error' : ''}`}
                      aria-describedby={agencyError ? `${agencyId}-error` : undefined}
                      aria-invalid={agencyError ? true : undefined}
                      value={r.agencyId}
                      onChange={(e) => change(r.key, { agencyId: e.currentTarget.value })}
                    >
                      <option value="">Choose an agency</option>
                      {board.agencies.map((a) => (
                        <option key={a.id} value={a.id}>
                          {a.name}
                        </option>
                      ))}
                    </select>
                  </div>
                  {rows.length > 1 ? (
                    <div className="app-agency-row__actions">
                      <button type="button" className="app-link-button" onClick={() => remove(r.key)}>
                        Remove<span className="govuk-visually-hidden"> attendee {i + 1}</span>
                      </button>
                    </div>
                  ) : null}
                </fieldset>
              </li>
            );
          })}
        </ol>
        <button type="button" ref={addButton} className="govuk-button govuk-button--secondary" onClick={add}>
          Add another attendee
        </button>
        <div className="govuk-button-group">
          <button type="submit" className="govuk-button" disabled={update.pending}>
            Save attendance
          </button>
        </div>
      </form>
    </Page>
  );
}
