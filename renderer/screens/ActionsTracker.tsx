import { useEffect, useMemo, useRef } from 'react';
import { z } from 'zod';
import { actionFilterSchema } from '../../shared/actionPlan.js';
import { ACTION_STATUS_LABELS, ACTION_STATUSES } from '../../shared/actionStatus.js';
import type { Input } from '../../shared/contract.js';
import { useApiQuery } from '../api/hooks.js';
import { useBoard } from '../board.js';
import {
  dateInputSchema,
  DateField,
  FormErrorSummary,
  formHasErrors,
  SelectField,
  useZodForm,
  Form,
} from '../components/form/index.js';
import { Page } from '../components/Page.js';
import { Pagination } from '../components/Pagination.js';
import { ExportButtons } from '../components/exports/ExportButtons.js';
import { ActionsTable } from '../components/review/ActionsTable.js';
import { calendarDate } from '../components/review/helpers.js';
import { showingRange } from '../lib/pagination.js';
import { navigate, paths, type ActionsFilter } from '../router.js';

type Filter = Input<'actions.list'>;
type StatusFilter = NonNullable<Filter['status']>;

const STATUS_OPTIONS: ReadonlyArray<{ value: StatusFilter; label: string }> = [
  { value: 'open', label: 'Open (not complete or verified)' },
  { value: 'overdue', label: 'Overdue' },
  ...ACTION_STATUSES.map((s) => ({ value: s, label: ACTION_STATUS_LABELS[s] })),
];

/**
 * Every action of every audit, overdue first, filtered by lead agency, status and due date, 50 a page
 * (`actions.page`). The filters and the page live in the route (`#/actions?agency=ID&status=overdue&page=2`,
 * checked in router.ts), so the dashboard links straight to a filtered list and the browser's Back
 * button returns to it. Applying filters starts again at page 1; moving to another page moves focus to
 * the results heading ("Showing 51 to 100 of 5,000 actions").
 */
// The filters as typed; a due date, when given, must be a real date, as the service's filter has it.
const filterForm = z.object({
  agencyId: z.string(),
  status: z.string(),
  // Optional: empty boxes are no filter.
  dueBefore: dateInputSchema({ label: 'Due before' }).refine(
    (due) => due === '' || actionFilterSchema.shape.dueBefore.safeParse(due).success,
    'Due before must be a real date',
  ),
});
const fieldsOf = (f: Filter) => ({ agencyId: f.agencyId ?? '', status: f.status ?? '', dueBefore: f.dueBefore ?? '' });

export function ActionsTracker({ filter, page }: { filter: ActionsFilter; page: number }) {
  const { board } = useBoard();
  // An agency the board does not have (an old link, a typing mistake) is ignored like any unknown value.
  const applied = useMemo<Filter>(
    () => ({
      ...(filter.agencyId && board.agencies.some((a) => a.id === filter.agencyId) ? { agencyId: filter.agencyId } : {}),
      ...(filter.status ? { status: filter.status } : {}),
      ...(filter.dueBefore ? { dueBefore: filter.dueBefore } : {}),
    }),
    [filter.agencyId, filter.status, filter.dueBefore, board.agencies],
  );
  const form = useZodForm(filterForm, { defaultValues: fieldsOf(applied) });
  const actions = useApiQuery('actions.page', { ...applied, page });
  const results = useRef<HTMLHeadingElement>(null);

  // What is asked for now. The query keeps the last answer on screen until the next one arrives, so
  // an answer is acted on only once it has arrived (loading done, no error), never in the render that
  // changed the route.
  const filterKey = JSON.stringify(applied);
  const asked = useRef({ filterKey, page, applied });
  const pageMoved = useRef(false);
  useEffect(() => {
    // Another page of the same filters (a pagination link, Back or Forward) moves focus to the results
    // heading once the page has arrived: it says which actions are shown. New filters leave focus alone.
    if (asked.current.filterKey === filterKey && asked.current.page !== page) pageMoved.current = true;
    asked.current = { filterKey, page, applied };
  }, [filterKey, page, applied]);
  useEffect(() => {
    if (actions.loading || actions.error || !actions.data) return;
    const { page: requested, applied: filters, filterKey: key } = asked.current;
    if (actions.data.page < requested) {
      // A page past the end (an old link, fewer actions now) answers the last page: the address says
      // so too. A correction, not a move: focus stays where it is.
      asked.current = { filterKey: key, page: actions.data.page, applied: filters };
      navigate(paths.actionsTracker(filters, actions.data.page), { replace: true });
      return;
    }
    if (!pageMoved.current) return;
    pageMoved.current = false;
    results.current?.focus();
  }, [actions.data, actions.loading, actions.error]);

  // Back and Forward change the route, not the screen: show the filters of the route again.
  const { reset } = form;
  useEffect(() => reset(fieldsOf(applied)), [applied, reset]);

  const apply = (next: ActionsFilter) => navigate(paths.actionsTracker(next));

  const onSubmit = ({ agencyId, status, dueBefore }: z.output<typeof filterForm>) =>
    apply({
      ...(agencyId ? { agencyId } : {}),
      ...(status ? { status: status as StatusFilter } : {}),
      ...(dueBefore ? { dueBefore } : {}),
    });

  const clearFilters = () => {
    form.clearErrors();
    apply({});
  };

  const data = actions.data;
  const list = data?.items ?? [];
  const total = data?.total ?? 0;
  const filtered = Object.keys(applied).length > 0;
  const describe = [
    applied.status ? STATUS_OPTIONS.find((o) => o.value === applied.status)?.label.toLowerCase() : undefined,
    applied.agencyId
      ? `led by ${board.agencies.find((a) => a.id === applied.agencyId)?.name ?? 'one agency'}`
      : undefined,
    applied.dueBefore ? `due before ${calendarDate(applied.dueBefore)}` : undefined,
  ].filter((x): x is string => x !== undefined);
  const count = total === 1 ? '1 action' : `${total.toLocaleString('en-GB')} actions`;
  const summary = describe.length > 0 ? `${count}: ${describe.join(', ')}` : count;
  const onPage = data && data.pageCount > 1 ? ` (page ${data.page} of ${data.pageCount})` : '';
  const overdue = data?.byStatus.overdue ?? 0;
  // Said once the list for new filters arrives; the same words for another page, so not said again.
  const announcement = data ? `${summary}${overdue > 0 ? `, ${overdue.toLocaleString('en-GB')} overdue` : ''}` : '';

  return (
    <Page
      title="Actions"
      caption={board.name}
      hasErrors={formHasErrors(form)}
      before={<FormErrorSummary form={form} />}
    >
      <p className="govuk-body app-readable">
        Every action from every audit’s action plan, overdue actions first. Open an action to record progress or verify
        it.
      </p>
      <Form form={form} summary="none" onSubmit={onSubmit} className="app-filters" aria-labelledby="filters-heading">
        <h2 className="govuk-heading-s" id="filters-heading">
          Filter the actions
        </h2>
        <div className="app-filters__fields">
          <SelectField
            name="agencyId"
            id="filter-agency"
            label="Lead agency"
            placeholder="All agencies"
            options={board.agencies.map((a) => ({ value: a.id, label: a.name }))}
          />
          <SelectField
            name="status"
            id="filter-status"
            label="Status"
            placeholder="Any status"
            options={STATUS_OPTIONS}
          />
          <DateField name="dueBefore" id="filter-due" legend="Due before" legendSize="s" label="Due before" />
        </div>
        <div className="govuk-button-group">
          <button type="submit" className="govuk-button govuk-button--secondary">
            Apply filters
          </button>
          {filtered ? (
            <button type="button" className="app-link-button" onClick={clearFilters}>
              Clear filters
            </button>
          ) : null}
        </div>
      </Form>

      <div aria-live="polite" className="govuk-visually-hidden">
        {announcement}
      </div>
      {actions.error ? (
        <LoadFailedInline onRetry={actions.retry} message={actions.error.message} />
      ) : !data ? (
        <p className="govuk-body app-loading">Loading the actions…</p>
      ) : list.length === 0 ? (
        <p className="govuk-body">
          {filtered ? 'No actions match these filters.' : 'No audit has an action plan yet.'}
        </p>
      ) : (
        <>
          <h2 className="govuk-heading-m" id="results-heading" tabIndex={-1} ref={results}>
            {showingRange(data.page, data.pageSize, data.total, ['action', 'actions'])}
          </h2>
          <ActionsTable caption={`${summary}${onPage}`} captionSize="s" actions={list} showAudit />
          <Pagination
            page={data.page}
            pageCount={data.pageCount}
            pathOf={(p) => paths.actionsTracker(applied, p)}
            label="Results pages"
          />
          <section aria-labelledby="export-actions-heading" className="app-section-gap">
            <h2 className="govuk-heading-m" id="export-actions-heading">
              Download these actions
            </h2>
            <p className="govuk-body app-readable">
              {filtered ? 'The actions these filters select' : 'Every action'}, on every page, in this order, with their
              latest progress: a table to open in a spreadsheet. Downloading changes nothing.
            </p>
            <ExportButtons
              what="action tracker"
              formats={['csv', 'xlsx'] as const}
              produce={(api, format) => api['exports.actions']({ ...applied, format })}
            />
          </section>
        </>
      )}
    </Page>
  );
}

function LoadFailedInline({ message, onRetry }: { message: string; onRetry: () => void }) {
  return (
    <div>
      <p className="govuk-body">{message}</p>
      <button type="button" className="govuk-button govuk-button--secondary" onClick={onRetry}>
        Try again
      </button>
    </div>
  );
}
