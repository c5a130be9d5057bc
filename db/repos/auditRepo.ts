import type { AuditSummary } from '../../shared/audit.js';
import { prevalenceThresholdsSchema } from '../../shared/prevalence.js';
import type { AuditCase, CaseDescriptor } from '../../shared/auditCase.js';
import type { AuditTheme } from '../../shared/vocabulary.js';
import type { Db } from '../open.js';

interface AuditRow {
  id: string;
  title: string;
  theme: string;
  template_id: string;
  template_version: number;
  template_title: string;
  status: string;
  series_id: string;
  round: number;
  revision: number;
  origin: string;
  purpose: string;
  thresholds: string | null;
  archived_at: string | null;
  created_at: string;
  updated_at: string;
  case_count: number;
  checklist_count: number;
  complete_count: number;
}

interface CaseRow {
  id: string;
  audit_id: string;
  reference: string;
  age_band: string;
  gender: string;
  ethnicity: string;
  disability: string;
  plan_type: string;
  reference_flags: string;
  created_at: string;
  agency_ids: string | null;
}

const AUDIT_SELECT = `
  SELECT a.id, a.title, a.theme, a.template_id, a.template_version, t.title AS template_title, a.status,
         a.series_id, a.round, a.revision, a.origin, a.purpose, a.thresholds, a.archived_at, a.created_at, a.updated_at,
         (SELECT count(*) FROM audit_case c WHERE c.audit_id = a.id) AS case_count,
         (SELECT count(*) FROM checklist k JOIN audit_case c ON c.id = k.case_id WHERE c.audit_id = a.id) AS checklist_count,
         (SELECT count(*) FROM checklist k JOIN audit_case c ON c.id = k.case_id
            WHERE c.audit_id = a.id AND k.completed_at IS NOT NULL) AS complete_count
  FROM audit a JOIN template t ON t.id = a.template_id AND t.version = a.template_version`;

/** An audit as the dashboard lists it: a summary without the template's title and the checklists' counts. */
export type AuditBrief = Omit<AuditSummary, 'templateTitle' | 'checklistCount' | 'completeCount'>;

// Without the counts of checklists and the template's title, the list reads the audits and the index of
// cases only: the dashboard's first call after opening read every checklist and template for them.
const BRIEF_SELECT = `
  SELECT a.id, a.title, a.theme, a.template_id, a.template_version, a.status, a.series_id, a.round, a.revision,
         a.origin, a.purpose, a.thresholds, a.archived_at, a.created_at, a.updated_at,
         (SELECT count(*) FROM audit_case c WHERE c.audit_id = a.id) AS case_count
  FROM audit a`;

const CASE_SELECT = `
  SELECT c.*, (SELECT json_group_array(agency_id) FROM checklist k WHERE k.case_id = c.id) AS agency_ids
  FROM audit_case c`;

export function auditRepo(db: Db) {
  const toBrief = (r: Omit<AuditRow, 'template_title' | 'checklist_count' | 'complete_count'>): AuditBrief => ({
    id: r.id,
    title: r.title,
    theme: r.theme as AuditTheme,
    templateId: r.template_id,
    templateVersion: r.template_version,
    status: r.status as AuditSummary['status'],
    seriesId: r.series_id,
    round: r.round,
    revision: r.revision,
    origin: r.origin as AuditSummary['origin'],
    purpose: r.purpose,
    thresholds: prevalenceThresholdsSchema.parse(r.thresholds ? JSON.parse(r.thresholds) : {}),
    caseCount: r.case_count,
    archivedAt: r.archived_at,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  });
  const toAudit = (r: AuditRow): AuditSummary => ({
    ...toBrief(r),
    templateTitle: r.template_title,
    checklistCount: r.checklist_count,
    completeCount: r.complete_count,
  });
  const toCase = (r: CaseRow): AuditCase => ({
    id: r.id,
    auditId: r.audit_id,
    reference: r.reference,
    ageBand: r.age_band as AuditCase['ageBand'],
    gender: r.gender as AuditCase['gender'],
    ethnicity: r.ethnicity as AuditCase['ethnicity'],
    disability: r.disability as AuditCase['disability'],
    planType: r.plan_type as AuditCase['planType'],
    agencyIds: r.agency_ids ? (JSON.parse(r.agency_ids) as string[]) : [],
    referenceFlags: JSON.parse(r.reference_flags) as string[],
    createdAt: r.created_at,
  });

  const list = db.prepare<[], AuditRow>(`${AUDIT_SELECT} ORDER BY a.updated_at DESC`);
  const one = db.prepare<[string], AuditRow>(`${AUDIT_SELECT} WHERE a.id = ?`);
  const briefs = db.prepare<[], AuditRow>(`${BRIEF_SELECT} ORDER BY a.updated_at DESC`);
  const insert = db.prepare(
    `INSERT INTO audit (id, title, theme, template_id, template_version, status, series_id, round, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, 'in_progress', ?, ?, ?, ?)`,
  );
  const series = db.prepare<[string], AuditRow>(`${AUDIT_SELECT} WHERE a.series_id = ? ORDER BY a.round`);
  const updateSettings = db.prepare('UPDATE audit SET purpose = ?, thresholds = ?, updated_at = ? WHERE id = ?');
  const touch = db.prepare('UPDATE audit SET updated_at = ? WHERE id = ?');
  const setStatus = db.prepare('UPDATE audit SET status = ?, revision = ?, updated_at = ? WHERE id = ?');
  const cases = db.prepare<[string], CaseRow>(`${CASE_SELECT} WHERE c.audit_id = ? ORDER BY c.created_at, c.reference`);
  const oneCase = db.prepare<[string], CaseRow>(`${CASE_SELECT} WHERE c.id = ?`);
  const caseByRef = db.prepare<[string, string], { id: string }>(
    'SELECT id FROM audit_case WHERE audit_id = ? AND reference = ?',
  );
  const insertCase = db.prepare(
    `INSERT INTO audit_case (id, audit_id, reference, age_band, gender, ethnicity, disability, plan_type,
       reference_flags, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );

  return {
    list: (): AuditSummary[] => list.all().map(toAudit),
    /** Every audit, most recently changed first, as the dashboard lists them. */
    briefs: (): AuditBrief[] => briefs.all().map(toBrief),
    get(id: string): AuditSummary | undefined {
      const r = one.get(id);
      return r ? toAudit(r) : undefined;
    },
    insert(a: {
      id: string;
      title: string;
      theme: string;
      templateId: string;
      templateVersion: number;
      seriesId?: string;
      round?: number;
      now: string;
    }) {
      insert.run(
        a.id,
        a.title,
        a.theme,
        a.templateId,
        a.templateVersion,
        a.seriesId ?? a.id,
        a.round ?? 1,
        a.now,
        a.now,
      );
    },
    /** Every round of the audit's series, first round first. */
    series: (seriesId: string): AuditSummary[] => series.all(seriesId).map(toAudit),
    updateSettings(id: string, purpose: string, thresholds: unknown, now: string): void {
      updateSettings.run(purpose, JSON.stringify(thresholds), now, id);
    },
    touch(id: string, now: string): void {
      touch.run(now, id);
    },
    setStatus(id: string, status: AuditSummary['status'], revision: number, now: string): void {
      setStatus.run(status, revision, now, id);
    },
    cases: (auditId: string): AuditCase[] => cases.all(auditId).map(toCase),
    getCase(id: string): AuditCase | undefined {
      const r = oneCase.get(id);
      return r ? toCase(r) : undefined;
    },
    caseReferenceTaken: (auditId: string, reference: string): boolean =>
      caseByRef.get(auditId, reference) !== undefined,
    /** The case of the audit with this reference (compared without case), if any. */
    caseWithReference: (auditId: string, reference: string): string | undefined =>
      caseByRef.get(auditId, reference)?.id,
    insertCase(id: string, auditId: string, c: Omit<CaseDescriptor, 'agencyIds'>, flags: string[], now: string) {
      insertCase.run(
        id,
        auditId,
        c.reference,
        c.ageBand,
        c.gender,
        c.ethnicity,
        c.disability,
        c.planType,
        JSON.stringify(flags),
        now,
      );
    },
  };
}
export type AuditRepo = ReturnType<typeof auditRepo>;
