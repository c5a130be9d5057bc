import { z } from 'zod';
import {
  PROGRAMME_STATUS_LABELS,
  plannedAuditSaveSchema,
  programmeYearLabel,
  type PlannedAudit,
  type Programme as ProgrammeData,
  type ProgrammeStatus,
} from '../../shared/programme.js';
import { AUDIT_THEME_LABELS } from '../../shared/vocabulary.js';
import { useApiMutation, useApiQuery } from '../api/hooks.js';
import { useBoard } from '../board.js';
import {
  CheckboxesField,
  DateField,
  dateInputSchema,
  Form,
  FormErrorSummary,
  formHasErrors,
  RadiosField,
  SelectField,
  TextField,
  useZodForm,
} from '../components/form/index.js';
import { Link } from '../components/Link.js';
import { Loading } from '../components/Loading.js';
import { LoadFailed } from '../components/LoadFailed.js';
import { Page } from '../components/Page.js';
import { errorMessage } from '../api/client.js';
import { applyApiError, dottedPath } from '../lib/formErrors.js';
import { longDay } from '../lib/calendarDate.js';
import { plural } from '../lib/format.js';
import { navigate, paths } from '../router.js';
import { useState } from 'react';
import { ProgrammeExport } from '../components/exports/ExportButtons.js';

const STATUS_TAG: Record<ProgrammeStatus, string> = {
  planned: 'govuk-tag govuk-tag--grey',
  started: 'govuk-tag govuk-tag--blue',
  signed: 'govuk-tag govuk-tag--green',
};

/** Where a planned audit stands, with "Late" beside it once its window has passed unsigned. */
export function ProgrammeStatusTag({ entry }: { entry: Pick<PlannedAudit, 'status' | 'late'> }) {
  return (
    <>
      <strong className={STATUS_TAG[entry.status]}>{PROGRAMME_STATUS_LABELS[entry.status]}</strong>
      {entry.late ? (
        <>
          {' '}
          <strong className="govuk-tag govuk-tag--red">Late</strong>
        </>
      ) : null}
    </>
  );
}

/** "Quarter 2 (July to September)" or "1 May 2026 to 30 June 2026". */
export function whenPlanned(entry: PlannedAudit): string {
  if (entry.quarter !== null) {
    const from = new Date(`${entry.window.from}T00:00:00Z`).toLocaleDateString('en-GB', {
      month: 'long',
      timeZone: 'UTC',
    });
    const to = new Date(`${entry.window.to}T00:00:00Z`).toLocaleDateString('en-GB', {
      month: 'long',
      timeZone: 'UTC',
    });
    return `Quarter ${entry.quarter} (${from} to ${to})`;
  }
  return `${longDay(entry.window.from)} to ${longDay(entry.window.to)}`;
}

/** The audit programme of a year: the planned audits by quarter, and the re-audits falling due. */
export function Programme({ year }: { year: number | undefined }) {
  const programme = useApiQuery('programme.list', year === undefined ? {} : { year });
  const start = useApiMutation('programme.start');
  const [startError, setStartError] = useState<string | undefined>();
  if (programme.error) return <LoadFailed error={programme.error} onRetry={programme.retry} />;
  if (!programme.data) return <Loading what="Loading the audit programme" />;
  const p = programme.data;

  const onStart = async (entry: PlannedAudit) => {
    setStartError(undefined);
    try {
      const started = await start.mutate({ plannedId: entry.id });
      navigate(paths.auditOverview(started.auditId), { flash: 'Audit started from the programme: now add the cases' });
    } catch (e) {
      setStartError(errorMessage(e));
    }
  };

  return (
    <Page
      title={`Audit programme ${programmeYearLabel(p.year)}`}
      caption="1 April to 31 March"
      before={
        startError ? (
          <div className="govuk-error-summary" role="alert" tabIndex={-1}>
            <h2 className="govuk-error-summary__title">The audit could not be started</h2>
            <div className="govuk-error-summary__body">
              <p className="govuk-body">{startError}</p>
            </div>
          </div>
        ) : undefined
      }
    >
      <p className="govuk-body app-readable">
        The audits the partnership plans for its year, each in a quarter or between two dates, and where each stands. A
        planned audit not signed by the end of its quarter or dates is late.
      </p>
      <div className="govuk-button-group">
        <Link to={paths.programmeNew(p.year)} className="govuk-button">
          Plan an audit
        </Link>
      </div>
      <nav aria-label="Programme years" className="govuk-body">
        <Link to={paths.programme(p.year - 1)}>Previous year ({programmeYearLabel(p.year - 1)})</Link>
        {' · '}
        <Link to={paths.programme(p.year + 1)}>Next year ({programmeYearLabel(p.year + 1)})</Link>
      </nav>
      {p.entries.length === 0 ? (
        <p className="govuk-body">No audits are planned for {programmeYearLabel(p.year)} yet.</p>
      ) : (
        <PlannedTable programme={p} onStart={onStart} starting={start.pending} />
      )}
      <ReauditsDue programme={p} />
      <h2 className="govuk-heading-m">Download the programme</h2>
      <p className="govuk-body">
        The planned audits, the re-audits due and the audits started outside the programme, for a spreadsheet.
      </p>
      <ProgrammeExport year={p.year} />
      {p.unplanned.length > 0 ? (
        <>
          <h2 className="govuk-heading-m">Audits started this year outside the programme</h2>
          <ul className="govuk-list govuk-list--bullet">
            {p.unplanned.map((a) => (
              <li key={a.auditId}>
                <Link to={paths.auditOverview(a.auditId)}>{a.title}</Link>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </Page>
  );
}

function PlannedTable({
  programme,
  onStart,
  starting,
}: {
  programme: ProgrammeData;
  onStart: (entry: PlannedAudit) => void;
  starting: boolean;
}) {
  return (
    <div className="app-table-scroll" role="region" aria-labelledby="programme-caption" tabIndex={0}>
      <table className="govuk-table">
        <caption className="govuk-table__caption govuk-table__caption--m" id="programme-caption">
          Planned audits: {programme.entries.length}
        </caption>
        <thead>
          <tr>
            <th scope="col" className="govuk-table__header">
              Audit
            </th>
            <th scope="col" className="govuk-table__header">
              When
            </th>
            <th scope="col" className="govuk-table__header govuk-table__header--numeric">
              Sample
            </th>
            <th scope="col" className="govuk-table__header">
              Lead auditor and agencies
            </th>
            <th scope="col" className="govuk-table__header">
              Status
            </th>
            <th scope="col" className="govuk-table__header">
              <span className="govuk-visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {programme.entries.map((e) => (
            <tr key={e.id}>
              <th scope="row" className="govuk-table__header app-table-row-header">
                {e.audit ? <Link to={paths.auditOverview(e.audit.id)}>{e.title}</Link> : e.title}
                <span className="app-grid-cell-meta">
                  {AUDIT_THEME_LABELS[e.theme]}; {e.templateTitle}, version {e.templateVersion}
                  {e.reauditOf ? `; re-audit of ${e.reauditOf.title}` : ''}
                </span>
              </th>
              <td className="govuk-table__cell">{whenPlanned(e)}</td>
              <td className="govuk-table__cell govuk-table__cell--numeric">{e.sampleSize}</td>
              <td className="govuk-table__cell">
                {e.leadAuditor}
                <span className="app-grid-cell-meta">{e.agencies.map((a) => a.name).join(', ')}</span>
              </td>
              <td className="govuk-table__cell">
                <ProgrammeStatusTag entry={e} />
                {e.audit ? <span className="app-grid-cell-meta">{plural(e.audit.caseCount, 'case')}</span> : null}
              </td>
              <td className="govuk-table__cell">
                {e.status === 'planned' ? (
                  <button
                    type="button"
                    className="govuk-button govuk-button--secondary govuk-!-margin-bottom-2"
                    disabled={starting}
                    onClick={() => onStart(e)}
                  >
                    Start this audit<span className="govuk-visually-hidden"> {e.title}</span>
                  </button>
                ) : null}
                {e.status !== 'signed' ? (
                  <ul className="govuk-list">
                    <li>
                      <Link to={paths.programmeEdit(programme.year, e.id)}>
                        Change<span className="govuk-visually-hidden"> {e.title}</span>
                      </Link>
                    </li>
                    <li>
                      <Link to={paths.programmeRemove(programme.year, e.id)}>
                        Remove<span className="govuk-visually-hidden"> {e.title}</span>
                      </Link>
                    </li>
                  </ul>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function ReauditsDue({ programme }: { programme: ProgrammeData }) {
  const due = programme.reauditsDue;
  return (
    <>
      <h2 className="govuk-heading-m">Re-audits due</h2>
      <p className="govuk-body app-readable">
        A signed audit is due for its re-audit {plural(programme.reauditMonths, 'month')} after it was first signed, or
        when its last action is due if that is later.
      </p>
      {due.length === 0 ? (
        <p className="govuk-body">No signed audit is waiting for a re-audit.</p>
      ) : (
        <div className="app-table-scroll" role="region" aria-labelledby="reaudits-caption" tabIndex={0}>
          <table className="govuk-table">
            <caption className="govuk-table__caption govuk-table__caption--s" id="reaudits-caption">
              Signed audits awaiting a re-audit: {due.length}
            </caption>
            <thead>
              <tr>
                <th scope="col" className="govuk-table__header">
                  Audit
                </th>
                <th scope="col" className="govuk-table__header">
                  First signed
                </th>
                <th scope="col" className="govuk-table__header">
                  Re-audit due
                </th>
                <th scope="col" className="govuk-table__header">
                  In the programme
                </th>
              </tr>
            </thead>
            <tbody>
              {due.map((r) => (
                <tr key={r.auditId}>
                  <th scope="row" className="govuk-table__header app-table-row-header">
                    <Link to={paths.auditOverview(r.auditId)}>{r.title}</Link>
                    <span className="app-grid-cell-meta">
                      {AUDIT_THEME_LABELS[r.theme]}, round {r.round}
                    </span>
                  </th>
                  <td className="govuk-table__cell">{longDay(r.firstSignedOn)}</td>
                  <td className="govuk-table__cell">
                    {longDay(r.dueOn)}
                    {r.overdue ? (
                      <>
                        {' '}
                        <strong className="govuk-tag govuk-tag--red">Overdue</strong>
                      </>
                    ) : null}
                  </td>
                  <td className="govuk-table__cell">{r.plannedId ? 'Planned' : 'Not planned'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

// ---- Planning one audit -------------------------------------------------------------------------

const NONE = 'none';
const formSchema = z
  .object({
    title: z.string(),
    templateId: z.string().min(1, 'choose a template'),
    when: z.enum(['quarter', 'dates'], { error: 'choose when the audit is planned' }),
    quarter: z.string(),
    startsOn: dateInputSchema({ label: 'Start date' }),
    endsOn: dateInputSchema({ label: 'End date' }),
    sampleSize: z.string().trim().min(1, 'enter the number of cases, such as 8'),
    leadAuditor: z.string(),
    agencyIds: z.array(z.string()),
    reauditOf: z.string(),
  })
  .superRefine((v, ctx) => {
    if (v.when === 'quarter' && !['1', '2', '3', '4'].includes(v.quarter))
      ctx.addIssue({ code: 'custom', path: ['quarter'], message: 'choose a quarter' });
    if (v.when === 'dates') {
      if (v.startsOn === '') ctx.addIssue({ code: 'custom', path: ['startsOn'], message: 'enter the start date' });
      if (v.endsOn === '') ctx.addIssue({ code: 'custom', path: ['endsOn'], message: 'enter the end date' });
    }
    if (v.sampleSize !== '' && !/^\d+$/.test(v.sampleSize))
      ctx.addIssue({
        code: 'custom',
        path: ['sampleSize'],
        message: 'enter the number of cases as a whole number, such as 8',
      });
  });
type FormValues = z.input<typeof formSchema>;

/** The form's values as the service's save input (its own schema then checks the rest). */
function toSave(year: number, v: z.output<typeof formSchema>, id: string | undefined) {
  return {
    ...(id ? { id } : {}),
    year,
    title: v.title,
    templateId: v.templateId,
    quarter: v.when === 'quarter' ? (Number(v.quarter) as 1 | 2 | 3 | 4) : null,
    startsOn: v.when === 'dates' ? v.startsOn : null,
    endsOn: v.when === 'dates' ? v.endsOn : null,
    sampleSize: Number(v.sampleSize),
    leadAuditor: v.leadAuditor,
    agencyIds: v.agencyIds,
    reauditOf: v.reauditOf === NONE ? null : v.reauditOf,
  };
}

const FORM_FIELDS = [
  'title',
  'templateId',
  'quarter',
  'startsOn',
  'endsOn',
  'sampleSize',
  'leadAuditor',
  'agencyIds',
  'reauditOf',
];
function fieldFor(path: Array<string | number>): string | undefined {
  const name = dottedPath(path) ?? '';
  if (name.startsWith('agencyIds')) return 'agencyIds';
  if (name === 'templateVersion') return 'templateId';
  return FORM_FIELDS.includes(name) ? name : undefined;
}

/** Plan a new audit in a year's programme. */
export function ProgrammeNew({ year }: { year: number }) {
  return <PlannedLoader year={year} plannedId={undefined} />;
}

/** Change a planned audit. */
export function ProgrammeEdit({ year, plannedId }: { year: number; plannedId: string }) {
  return <PlannedLoader year={year} plannedId={plannedId} />;
}

function PlannedLoader({ year, plannedId }: { year: number; plannedId: string | undefined }) {
  const programme = useApiQuery('programme.list', { year });
  const templates = useApiQuery('templates.list', {});
  const failed = programme.error ?? templates.error;
  if (failed)
    return (
      <LoadFailed
        error={failed}
        onRetry={() => {
          programme.retry();
          templates.retry();
        }}
      />
    );
  if (!programme.data || !templates.data) return <Loading what="Loading the audit programme" />;
  const entry = plannedId ? programme.data.entries.find((e) => e.id === plannedId) : undefined;
  if (plannedId && !entry) return <NoSuchPlanned year={year} />;
  return (
    <PlannedForm
      year={year}
      programme={programme.data}
      templates={templates.data.filter((t) => t.latest || t.id === entry?.templateId)}
      entry={entry}
    />
  );
}

function NoSuchPlanned({ year }: { year: number }) {
  return (
    <Page title="Planned audit not found" narrow>
      <p className="govuk-body">
        It may have been removed. <Link to={paths.programme(year)}>Go back to the audit programme</Link>.
      </p>
    </Page>
  );
}

function PlannedForm({
  year,
  programme,
  templates,
  entry,
}: {
  year: number;
  programme: ProgrammeData;
  templates: ReadonlyArray<{ id: string; title: string; version: number; latest: boolean }>;
  entry: PlannedAudit | undefined;
}) {
  const { board } = useBoard();
  const save = useApiMutation('programme.save');
  const defaults: FormValues = {
    title: entry?.title ?? '',
    templateId: entry?.templateId ?? '',
    when: entry ? (entry.quarter !== null ? 'quarter' : 'dates') : (undefined as unknown as 'quarter'),
    quarter: entry?.quarter ? String(entry.quarter) : '',
    startsOn: entry?.startsOn ?? '',
    endsOn: entry?.endsOn ?? '',
    sampleSize: entry ? String(entry.sampleSize) : '',
    leadAuditor: entry?.leadAuditor ?? '',
    agencyIds: entry?.agencies.map((a) => a.id) ?? [],
    reauditOf: entry?.reauditOf?.auditId ?? NONE,
  };
  const form = useZodForm(formSchema, { defaultValues: defaults });
  const started = entry?.audit !== null && entry?.audit !== undefined;

  const onSubmit = async (values: z.output<typeof formSchema>) => {
    const input = toSave(year, values, entry?.id);
    const checked = plannedAuditSaveSchema.safeParse(input);
    if (!checked.success) {
      for (const issue of checked.error.issues) {
        const name = fieldFor(issue.path as Array<string | number>);
        if (name) form.setError(name as keyof FormValues, { type: 'custom', message: issue.message });
      }
      return;
    }
    try {
      await save.mutate(input);
      navigate(paths.programme(year), { flash: entry ? 'Planned audit saved' : 'Audit added to the programme' });
    } catch (e) {
      applyApiError(form, e, fieldFor);
    }
  };

  const title = entry ? 'Change a planned audit' : 'Plan an audit';
  const agencies = board.agencies.filter((a) => a.active || defaults.agencyIds.includes(a.id));
  const reaudits = programme.reauditsDue.filter((r) => r.plannedId === null || r.plannedId === entry?.id);
  const reauditChoices = [
    ...reaudits.map((r) => ({ value: r.auditId, label: `${r.title} (due ${longDay(r.dueOn)})` })),
    ...(entry?.reauditOf && !reaudits.some((r) => r.auditId === entry.reauditOf?.auditId)
      ? [{ value: entry.reauditOf.auditId, label: entry.reauditOf.title }]
      : []),
  ];

  return (
    <Page
      title={title}
      caption={`Audit programme ${programmeYearLabel(year)}`}
      narrow
      breadcrumbs={[{ to: paths.programme(year), text: `Audit programme ${programmeYearLabel(year)}` }]}
      hasErrors={formHasErrors(form)}
      before={<FormErrorSummary form={form} />}
    >
      <Form form={form} onSubmit={onSubmit} summary="none">
        <TextField name="title" id="planned-title" label="Title" labelSize="m" autoComplete="off" />
        <SelectField
          name="templateId"
          id="planned-template"
          label="Template"
          labelSize="m"
          hint={started ? 'The audit has been started with this template' : 'The audit tool the cases are audited with'}
          placeholder="Choose a template"
          options={templates.map((t) => ({ value: t.id, label: t.title }))}
        />
        <RadiosField
          name="when"
          id="planned-when"
          legend="When"
          legendSize="m"
          options={[
            {
              value: 'quarter',
              label: 'In a quarter',
              conditional: (
                <RadiosField
                  name="quarter"
                  id="planned-quarter"
                  legend="Quarter"
                  legendSize="s"
                  small
                  options={[
                    { value: '1', label: 'Quarter 1 (April to June)' },
                    { value: '2', label: 'Quarter 2 (July to September)' },
                    { value: '3', label: 'Quarter 3 (October to December)' },
                    { value: '4', label: 'Quarter 4 (January to March)' },
                  ]}
                />
              ),
            },
            {
              value: 'dates',
              label: 'Between two dates',
              conditional: (
                <>
                  <DateField
                    name="startsOn"
                    id="planned-starts"
                    legend="Start date"
                    legendSize="s"
                    label="Start date"
                    hint={`Within ${programmeYearLabel(year)}, for example 1 5 ${year}`}
                  />
                  <DateField name="endsOn" id="planned-ends" legend="End date" legendSize="s" label="End date" />
                </>
              ),
            },
          ]}
        />
        <TextField
          name="sampleSize"
          id="planned-sample"
          label="Sample size"
          labelSize="m"
          hint="How many cases will be audited"
          inputMode="numeric"
          width="3"
          suffix="cases"
          autoComplete="off"
          spellCheck={false}
        />
        <TextField
          name="leadAuditor"
          id="planned-lead"
          label="Lead auditor"
          labelSize="m"
          hint="The role leading the audit, for example Partnership QA officer"
          autoComplete="off"
        />
        <CheckboxesField
          name="agencyIds"
          id="planned-agencies"
          legend="Agencies taking part"
          legendSize="m"
          small
          options={agencies.map((a) => ({ value: a.id, label: a.name }))}
        />
        <SelectField
          name="reauditOf"
          id="planned-reaudit"
          label="Is this a re-audit?"
          labelSize="m"
          hint="A re-audit is the next round of a signed audit, with the same template"
          options={[{ value: NONE, label: 'No, a new audit' }, ...reauditChoices]}
        />
        <div className="govuk-button-group">
          <button type="submit" className="govuk-button" disabled={save.pending}>
            {entry ? 'Save planned audit' : 'Add to the programme'}
          </button>
          <Link to={paths.programme(year)}>Cancel</Link>
        </div>
      </Form>
    </Page>
  );
}

// ---- Removing one -------------------------------------------------------------------------------

/** Asks before a planned audit leaves the programme (its audit, if started, stays). */
export function ProgrammeRemove({ year, plannedId }: { year: number; plannedId: string }) {
  const programme = useApiQuery('programme.list', { year });
  const remove = useApiMutation('programme.remove');
  const [failure, setFailure] = useState<string | undefined>();
  if (programme.error) return <LoadFailed error={programme.error} onRetry={programme.retry} />;
  if (!programme.data) return <Loading what="Loading the audit programme" />;
  const entry = programme.data.entries.find((e) => e.id === plannedId);
  if (!entry) return <NoSuchPlanned year={year} />;

  const onRemove = async () => {
    setFailure(undefined);
    try {
      await remove.mutate({ plannedId });
      navigate(paths.programme(year), { flash: `“${entry.title}” removed from the programme` });
    } catch (e) {
      setFailure(errorMessage(e));
    }
  };

  return (
    <Page
      title={`Remove “${entry.title}” from the programme?`}
      caption={`Audit programme ${programmeYearLabel(year)}`}
      narrow
      breadcrumbs={[{ to: paths.programme(year), text: `Audit programme ${programmeYearLabel(year)}` }]}
    >
      {failure ? (
        <div className="govuk-error-summary" role="alert">
          <h2 className="govuk-error-summary__title">It could not be removed</h2>
          <div className="govuk-error-summary__body">
            <p className="govuk-body">{failure}</p>
          </div>
        </div>
      ) : null}
      <p className="govuk-body">
        {entry.audit
          ? `Its audit, “${entry.audit.title}”, has been started and stays as it is: only the plan is removed.`
          : 'Nothing has been started from it. The change log keeps what was planned.'}
      </p>
      <div className="govuk-button-group">
        <button
          type="button"
          className="govuk-button govuk-button--warning"
          disabled={remove.pending}
          onClick={onRemove}
        >
          Remove from the programme
        </button>
        <Link to={paths.programme(year)}>Cancel</Link>
      </div>
    </Page>
  );
}
