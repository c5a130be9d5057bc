// The audit programme of a year as one table: the planned audits (with what happened to each), the
// re-audits signed audits fall due for, and the audits started in the year outside the programme.
import { PROGRAMME_STATUS_LABELS, programmeYearLabel, type Programme } from '../../shared/programme.js';
import { londonDate } from '../../shared/today.js';
import { AUDIT_THEME_LABELS } from '../../shared/vocabulary.js';
import type { Cell, Column, Table } from './table.js';

const COLUMNS = {
  kind: { header: 'Kind', type: 'text' },
  title: { header: 'Title', type: 'text' },
  theme: { header: 'Theme', type: 'text' },
  template: { header: 'Template', type: 'text' },
  quarter: { header: 'Quarter', type: 'number' },
  from: { header: 'Window from', type: 'date' },
  to: { header: 'Window to', type: 'date' },
  sampleSize: { header: 'Sample size', type: 'number' },
  leadAuditor: { header: 'Lead auditor', type: 'text' },
  agencies: { header: 'Agencies', type: 'text' },
  reauditOf: { header: 'Re-audit of', type: 'text' },
  status: { header: 'Status', type: 'text' },
  late: { header: 'Late or overdue', type: 'text' },
  audit: { header: 'Audit', type: 'text' },
  cases: { header: 'Cases recorded', type: 'number' },
  startedOn: { header: 'Started on', type: 'date' },
  firstSignedOn: { header: 'First signed on', type: 'date' },
  reauditDueOn: { header: 'Re-audit due on', type: 'date' },
} as const satisfies Record<string, Column>;
type Key = keyof typeof COLUMNS;
const KEYS = Object.keys(COLUMNS) as Key[];
const row = (cells: Partial<Record<Key, Cell>>) => KEYS.map((k) => cells[k] ?? null);
const yesNo = (b: boolean) => (b ? 'Yes' : 'No');

export function programmeTable(p: Programme): Table {
  const rows = [
    ...p.entries.map((e) =>
      row({
        kind: 'Planned audit',
        title: e.title,
        theme: AUDIT_THEME_LABELS[e.theme],
        template: `${e.templateTitle} (version ${e.templateVersion})`,
        quarter: e.listedQuarter,
        from: e.window.from,
        to: e.window.to,
        sampleSize: e.sampleSize,
        leadAuditor: e.leadAuditor,
        agencies: e.agencies.map((a) => a.name).join('; '),
        reauditOf: e.reauditOf?.title ?? null,
        status: PROGRAMME_STATUS_LABELS[e.status],
        late: yesNo(e.late),
        audit: e.audit?.title ?? null,
        cases: e.audit ? e.audit.caseCount : null,
      }),
    ),
    ...p.reauditsDue.map((r) =>
      row({
        kind: 'Re-audit due',
        title: r.title,
        theme: AUDIT_THEME_LABELS[r.theme],
        reauditOf: r.title,
        status: r.plannedId ? 'Planned' : 'Not planned',
        late: yesNo(r.overdue),
        firstSignedOn: r.firstSignedOn,
        reauditDueOn: r.dueOn,
      }),
    ),
    ...p.unplanned.map((u) =>
      row({
        kind: 'Not in the programme',
        title: u.title,
        status: u.revision > 0 ? 'Signed' : 'Started',
        audit: u.title,
        startedOn: londonDate(new Date(u.createdAt)),
      }),
    ),
  ];
  return {
    sheet: `Programme ${programmeYearLabel(p.year)}`,
    columns: KEYS.map((k) => COLUMNS[k]),
    rows,
    personalData: 'programmeTable',
  };
}
