// The action tracker as a table: every action the tracker's filters select, in the tracker's order
// (overdue first, then by due date), with its latest progress.
import type { ActionListItem } from '../../shared/actionPlan.js';
import { ACTION_STATUS_LABELS } from '../../shared/actionStatus.js';
import { londonDate } from '../../shared/today.js';
import type { Table } from './table.js';

const DAY_MS = 86_400_000;
const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);

export function actionsTable(actions: readonly ActionListItem[], today: string): Table {
  return {
    sheet: 'Actions',
    personalData: 'actionsTable',
    columns: [
      { header: 'Audit', type: 'text' },
      { header: 'Action', type: 'text' },
      { header: 'Lead agency', type: 'text' },
      { header: 'Owner (role)', type: 'text' },
      { header: 'Due date', type: 'date' },
      { header: 'Status', type: 'text' },
      { header: 'Days overdue', type: 'number' },
      { header: 'Success measure', type: 'text' },
      { header: 'Progress updates', type: 'number' },
      { header: 'Latest progress', type: 'text' },
      { header: 'Latest progress on', type: 'date' },
      { header: 'Evidence of impact', type: 'text' },
      { header: 'Verified on', type: 'date' },
      { header: 'Action id', type: 'text' },
    ],
    rows: actions.map((a) => [
      a.auditTitle,
      a.text,
      a.leadAgencyName,
      a.ownerRole,
      a.dueDate,
      ACTION_STATUS_LABELS[a.effectiveStatus],
      a.effectiveStatus === 'overdue' ? daysBetween(a.dueDate, today) : null,
      a.successMeasure,
      a.updateCount,
      a.latestUpdate?.note ?? null,
      a.latestUpdate ? londonDate(new Date(a.latestUpdate.at)) : null,
      a.impactEvidence || null,
      a.verifiedAt ? londonDate(new Date(a.verifiedAt)) : null,
      a.id,
    ]),
  };
}
