import { useState } from 'react';
import { z } from 'zod';
import type { Dashboard } from '../../../shared/dashboard.js';
import { useApiQuery } from '../../api/hooks.js';
import { useBoard } from '../../board.js';
import { paths } from '../../router.js';
import { InlineLoadFailed } from '../bundles/InlineLoadFailed.js';
import { Link } from '../Link.js';
import { ActionsTable } from '../review/ActionsTable.js';
import { SelectField, useZodForm, Form } from '../form/index.js';
import { ActionsByAgency } from './ActionsByAgency.js';
import { Stats } from './Programme.js';

// The agency last chosen, so coming back from an action shows the same list.
let lastAgency = '';

const filterSchema = z.strictObject({ agencyId: z.string() });

/** The overdue actions listed here, most overdue first; the tracker pages through all of them. */
const OVERDUE_SHOWN = 20;

/**
 * The action tracker's totals, and the most overdue actions (optionally for one lead agency), each
 * linking to the action, with a link to all of them in the tracker (a board's ten years have over a
 * thousand overdue actions: one page of them, `actions.page`, not the whole list). The full tracker,
 * with every filter, is one link away.
 */
export function ActionTotals({
  totals,
  byAgency,
}: {
  totals: Dashboard['actions'];
  byAgency: Dashboard['actionsByAgency'];
}) {
  const { board } = useBoard();
  const form = useZodForm(filterSchema, { defaultValues: { agencyId: lastAgency } });
  const [applied, setApplied] = useState(lastAgency);
  const filter = { status: 'overdue' as const, ...(applied ? { agencyId: applied } : {}) };
  const overdue = useApiQuery('actions.page', { ...filter, pageSize: OVERDUE_SHOWN });
  const agencyName = board.agencies.find((a) => a.id === applied)?.name;

  const onValid = ({ agencyId }: { agencyId: string }) => {
    lastAgency = agencyId;
    setApplied(agencyId);
  };

  const list = overdue.data?.items ?? [];
  const total = overdue.data?.total ?? 0;
  const count = `${total === 1 ? '1 overdue action' : `${total.toLocaleString('en-GB')} overdue actions`}${agencyName ? ` led by ${agencyName}` : ''}`;
  const more = total > list.length;
  const caption = more ? `${count}: the ${list.length} most overdue` : count;

  return (
    <section aria-labelledby="actions-heading" className="app-dashboard-section">
      <h2 className="govuk-heading-l" id="actions-heading">
        Actions
      </h2>
      <Stats
        label="Actions by status"
        items={[
          { n: totals.open, text: 'Open' },
          { n: totals.overdue, text: 'Overdue', emphasis: true },
          { n: totals.complete, text: 'Complete, awaiting verification' },
          { n: totals.verified, text: 'Verified' },
        ]}
      />
      <ActionsByAgency rows={byAgency} />
      <p className="govuk-body">
        <Link to={paths.actionsTracker()}>Go to the action tracker</Link> to filter every action by agency, status and
        due date.
      </p>

      <h3 className="govuk-heading-m" id="overdue-heading">
        Overdue actions
      </h3>
      <Form
        form={form}
        summary="none"
        onSubmit={onValid}
        className="app-filters app-filters--inline"
        aria-labelledby="overdue-heading"
      >
        <SelectField
          name="agencyId"
          id="overdue-agency"
          label="Lead agency"
          placeholder="All agencies"
          options={board.agencies.map((a) => ({ value: a.id, label: a.name }))}
        />
        <button type="submit" className="govuk-button govuk-button--secondary">
          Show overdue actions
        </button>
      </Form>
      <div className="govuk-visually-hidden" aria-live="polite">
        {overdue.data ? caption : ''}
      </div>
      {overdue.error ? (
        <InlineLoadFailed what="The overdue actions" message={overdue.error.message} onRetry={overdue.retry} />
      ) : !overdue.data ? (
        <p className="govuk-body app-loading">Loading the overdue actions…</p>
      ) : list.length === 0 ? (
        <p className="govuk-body">
          {agencyName ? `No action led by ${agencyName} is overdue.` : 'No action is overdue.'}
        </p>
      ) : (
        <>
          <ActionsTable caption={caption} actions={list} showAudit />
          {more ? (
            <p className="govuk-body">
              <Link to={paths.actionsTracker(filter)}>See all {count} in the action tracker</Link>
            </p>
          ) : null}
        </>
      )}
    </section>
  );
}
