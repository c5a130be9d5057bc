// The QA dashboard's queries over every audit: action counts (read from the action indexes alone,
// which carry the status since schema version 11) and the agency grades of audits in progress.
import type { Dashboard } from '../../shared/dashboard.js';
import type { AuditTheme, Grade } from '../../shared/vocabulary.js';
import type { Db } from '../open.js';

export function dashboardRepo(db: Db) {
  const actionCounts = db.prepare<[string], { auditId: string; open: number; overdue: number }>(`
    SELECT audit_id AS auditId, sum(status NOT IN ('complete', 'verified')) AS open,
           sum(status NOT IN ('complete', 'verified') AND due_date < ?) AS overdue
    FROM action GROUP BY audit_id`);
  const actionTotals = db.prepare<[string], Dashboard['actions']>(`
    SELECT coalesce(sum(status NOT IN ('complete', 'verified')), 0) AS open,
           coalesce(sum(status NOT IN ('complete', 'verified') AND due_date < ?), 0) AS overdue,
           coalesce(sum(status = 'complete'), 0) AS complete, coalesce(sum(status = 'verified'), 0) AS verified FROM action`);
  const actionsByAgency = db.prepare<[string], Dashboard['actionsByAgency'][number]>(`
    SELECT g.id AS agencyId, g.name AS agencyName,
           count(x.lead_agency_id) - coalesce(sum(x.status IN ('complete', 'verified')), 0) AS open,
           coalesce(sum(x.status NOT IN ('complete', 'verified') AND x.due_date < ?), 0) AS overdue
    FROM agency g LEFT JOIN action x ON x.lead_agency_id = g.id GROUP BY g.id ORDER BY g.sort, g.name`);
  // From the audits to their cases' grades (CROSS JOIN keeps that order), not through all grades.
  const gradesInProgress = db.prepare<[], { theme: AuditTheme; agencyId: string; grade: Grade; n: number }>(`
    SELECT a.theme, g.agency_id AS agencyId, g.grade, count(*) AS n
    FROM audit a CROSS JOIN audit_case c ON c.audit_id = a.id CROSS JOIN case_grade g ON g.case_id = c.id
    WHERE a.status <> 'signed' AND g.agency_id IS NOT NULL GROUP BY a.theme, g.agency_id, g.grade`);

  return {
    /** Open and overdue (due before `today`) actions, by audit; audits without actions are absent. */
    actionCounts: (today: string) => actionCounts.all(today),
    /** The action tracker's totals over every audit. */
    actionTotals: (today: string): Dashboard['actions'] => actionTotals.get(today)!,
    /** Open and overdue actions by lead agency, every agency in the board's order. */
    actionsByAgency: (today: string) => actionsByAgency.all(today),
    /** Agency grades of the cases of audits not signed (the overall grade, with no agency, left out). */
    gradesInProgress: () => gradesInProgress.all(),
  };
}
export type DashboardRepo = ReturnType<typeof dashboardRepo>;
