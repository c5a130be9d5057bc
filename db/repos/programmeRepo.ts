// The audit programme's rows (planned_audit, planned_audit_agency) and what the programme and the
// reminders read about audits and actions: signed audits awaiting a re-audit, open actions by due date.
import type { ActionStatus } from '../../shared/actionStatus.js';
import type { Quarter } from '../../shared/programme.js';
import type { ActionDue } from '../../shared/reminders.js';
import type { AuditTheme } from '../../shared/vocabulary.js';
import type { Db } from '../open.js';

export interface PlannedAuditRow {
  id: string;
  year: number;
  title: string;
  theme: AuditTheme;
  templateId: string;
  templateVersion: number;
  templateTitle: string;
  quarter: Quarter | null;
  startsOn: string | null;
  endsOn: string | null;
  sampleSize: number;
  leadAuditor: string;
  reauditOf: { auditId: string; title: string } | null;
  audit: { id: string; title: string; revision: number; caseCount: number; archived: boolean } | null;
  agencies: { id: string; name: string }[];
  createdAt: string;
  updatedAt: string;
}

export interface PlannedAuditWrite {
  id: string;
  year: number;
  title: string;
  theme: AuditTheme;
  templateId: string;
  templateVersion: number;
  quarter: Quarter | null;
  startsOn: string | null;
  endsOn: string | null;
  sampleSize: number;
  leadAuditor: string;
  reauditOf: string | null;
}

/** A signed audit whose series has no later round: a re-audit of it is still to come. */
export interface SignedAwaitingReaudit {
  auditId: string;
  title: string;
  theme: AuditTheme;
  round: number;
  firstSignedAt: string;
  actionDueDates: string[];
}

interface Row {
  id: string;
  programme_year: number;
  title: string;
  theme: string;
  template_id: string;
  template_version: number;
  template_title: string;
  quarter: number | null;
  starts_on: string | null;
  ends_on: string | null;
  sample_size: number;
  lead_auditor: string;
  reaudit_of: string | null;
  reaudit_title: string | null;
  audit_id: string | null;
  audit_title: string | null;
  audit_revision: number | null;
  audit_cases: number | null;
  audit_archived_at: string | null;
  agencies: string;
  created_at: string;
  updated_at: string;
}

const SELECT = `
  SELECT p.id, p.programme_year, p.title, p.theme, p.template_id, p.template_version, t.title AS template_title,
         p.quarter, p.starts_on, p.ends_on, p.sample_size, p.lead_auditor,
         p.reaudit_of, r.title AS reaudit_title,
         p.audit_id, a.title AS audit_title, a.revision AS audit_revision, a.archived_at AS audit_archived_at,
         (SELECT count(*) FROM audit_case c WHERE c.audit_id = p.audit_id) AS audit_cases,
         (SELECT json_group_array(json_object('id', g.id, 'name', g.name)) FROM
            (SELECT g.id, g.name FROM planned_audit_agency pa JOIN agency g ON g.id = pa.agency_id
             WHERE pa.planned_id = p.id ORDER BY g.sort, g.name) g) AS agencies,
         p.created_at, p.updated_at
  FROM planned_audit p
  JOIN template t ON t.id = p.template_id AND t.version = p.template_version
  LEFT JOIN audit r ON r.id = p.reaudit_of
  LEFT JOIN audit a ON a.id = p.audit_id`;

const ORDER = `ORDER BY coalesce(p.starts_on, ''), p.quarter, p.title COLLATE NOCASE, p.id`;

const toPlanned = (r: Row): PlannedAuditRow => ({
  id: r.id,
  year: r.programme_year,
  title: r.title,
  theme: r.theme as AuditTheme,
  templateId: r.template_id,
  templateVersion: r.template_version,
  templateTitle: r.template_title,
  quarter: r.quarter as Quarter | null,
  startsOn: r.starts_on,
  endsOn: r.ends_on,
  sampleSize: r.sample_size,
  leadAuditor: r.lead_auditor,
  reauditOf: r.reaudit_of ? { auditId: r.reaudit_of, title: r.reaudit_title ?? '' } : null,
  audit: r.audit_id
    ? {
        id: r.audit_id,
        title: r.audit_title ?? '',
        revision: r.audit_revision ?? 0,
        caseCount: r.audit_cases ?? 0,
        archived: r.audit_archived_at !== null,
      }
    : null,
  agencies: JSON.parse(r.agencies) as { id: string; name: string }[],
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export function programmeRepo(db: Db) {
  const byYear = db.prepare<[number], Row>(`${SELECT} WHERE p.programme_year = ? ${ORDER}`);
  const one = db.prepare<[string], Row>(`${SELECT} WHERE p.id = ?`);
  const byAudit = db.prepare<[string], { id: string }>('SELECT id FROM planned_audit WHERE audit_id = ?');
  const insert = db.prepare(
    `INSERT INTO planned_audit (id, programme_year, title, theme, template_id, template_version, quarter, starts_on,
       ends_on, sample_size, lead_auditor, reaudit_of, created_at, updated_at)
     VALUES (@id, @year, @title, @theme, @templateId, @templateVersion, @quarter, @startsOn, @endsOn, @sampleSize,
       @leadAuditor, @reauditOf, @now, @now)`,
  );
  const update = db.prepare(
    `UPDATE planned_audit SET programme_year = @year, title = @title, theme = @theme, template_id = @templateId,
       template_version = @templateVersion, quarter = @quarter, starts_on = @startsOn, ends_on = @endsOn,
       sample_size = @sampleSize, lead_auditor = @leadAuditor, reaudit_of = @reauditOf, updated_at = @now
     WHERE id = @id`,
  );
  const clearAgencies = db.prepare('DELETE FROM planned_audit_agency WHERE planned_id = ?');
  const addAgency = db.prepare('INSERT INTO planned_audit_agency (planned_id, agency_id) VALUES (?, ?)');
  const remove = db.prepare('DELETE FROM planned_audit WHERE id = ?');
  const setAudit = db.prepare('UPDATE planned_audit SET audit_id = ?, updated_at = ? WHERE id = ?');
  const plannedReaudits = db.prepare<[], { reaudit_of: string; id: string }>(
    'SELECT reaudit_of, id FROM planned_audit WHERE reaudit_of IS NOT NULL ORDER BY created_at, id',
  );
  // Signed, in use, and the last round of its series (a later round is the re-audit, started).
  const awaiting = db.prepare<
    [],
    { id: string; title: string; theme: string; round: number; first_signed_at: string; due_dates: string }
  >(
    `SELECT a.id, a.title, a.theme, a.round,
            (SELECT min(r.signed_at) FROM audit_revision r WHERE r.audit_id = a.id) AS first_signed_at,
            (SELECT json_group_array(x.due_date) FROM action x WHERE x.audit_id = a.id) AS due_dates
     FROM audit a
     WHERE a.revision > 0 AND a.archived_at IS NULL
       AND NOT EXISTS (SELECT 1 FROM audit b WHERE b.series_id = a.series_id AND b.round > a.round)
       AND EXISTS (SELECT 1 FROM audit_revision r WHERE r.audit_id = a.id)
     ORDER BY a.title COLLATE NOCASE, a.id`,
  );
  const notInProgramme = db.prepare<[string], { id: string; title: string; revision: number; created_at: string }>(
    `SELECT a.id, a.title, a.revision, a.created_at FROM audit a
     WHERE a.archived_at IS NULL AND a.created_at >= ?
       AND NOT EXISTS (SELECT 1 FROM planned_audit p WHERE p.audit_id = a.id)
     ORDER BY a.created_at, a.id`,
  );
  const openActionsDue = db.prepare<
    [string],
    {
      id: string;
      audit_id: string;
      audit_title: string;
      text: string;
      agency_name: string;
      due_date: string;
      status: string;
    }
  >(
    `SELECT x.id, x.audit_id, a.title AS audit_title, x.text, g.name AS agency_name, x.due_date, x.status
     FROM action x JOIN audit a ON a.id = x.audit_id JOIN agency g ON g.id = x.lead_agency_id
     WHERE x.status NOT IN ('complete', 'verified') AND x.due_date <= ? AND a.archived_at IS NULL
     ORDER BY x.due_date, x.id`,
  );

  function writeAgencies(id: string, agencyIds: readonly string[]): void {
    clearAgencies.run(id);
    for (const agencyId of agencyIds) addAgency.run(id, agencyId);
  }

  return {
    list: (year: number): PlannedAuditRow[] => byYear.all(year).map(toPlanned),
    get: (id: string): PlannedAuditRow | null => {
      const r = one.get(id);
      return r ? toPlanned(r) : null;
    },
    forAudit: (auditId: string): string | null => byAudit.get(auditId)?.id ?? null,
    insert(p: PlannedAuditWrite, agencyIds: readonly string[], now: string): void {
      insert.run({ ...p, now });
      writeAgencies(p.id, agencyIds);
    },
    update(p: PlannedAuditWrite, agencyIds: readonly string[], now: string): void {
      update.run({ ...p, now });
      writeAgencies(p.id, agencyIds);
    },
    remove: (id: string): void => {
      remove.run(id);
    },
    setAudit: (id: string, auditId: string | null, now: string): void => {
      setAudit.run(auditId, now, id);
    },
    /** Planned re-audits: the audit re-audited → the planned audits that re-audit it (earliest first). */
    plannedReaudits(): Map<string, string> {
      const map = new Map<string, string>();
      for (const r of plannedReaudits.all()) if (!map.has(r.reaudit_of)) map.set(r.reaudit_of, r.id);
      return map;
    },
    signedAwaitingReaudit: (): SignedAwaitingReaudit[] =>
      awaiting.all().map((r) => ({
        auditId: r.id,
        title: r.title,
        theme: r.theme as AuditTheme,
        round: r.round,
        firstSignedAt: r.first_signed_at,
        actionDueDates: JSON.parse(r.due_dates) as string[],
      })),
    /** Audits in use created at or after `since` (an ISO moment) that no planned audit started. */
    notInProgramme: (since: string) =>
      notInProgramme
        .all(since)
        .map((r) => ({ auditId: r.id, title: r.title, revision: r.revision, createdAt: r.created_at })),
    /** Open actions (neither complete nor verified) of audits in use, due on or before `until`. */
    openActionsDue: (until: string): ActionDue[] =>
      openActionsDue.all(until).map((r) => ({
        id: r.id,
        auditId: r.audit_id,
        auditTitle: r.audit_title,
        text: r.text,
        agencyName: r.agency_name,
        dueDate: r.due_date,
        status: r.status as ActionStatus,
      })),
  };
}
export type ProgrammeRepo = ReturnType<typeof programmeRepo>;
