// The stored figures of signed revisions (db/migrations/0011_dashboard_figures.ts): the heatmap's
// counts, the agency grades, the re-audit trends' totals and the prevalence of each signed audit, with
// the inputs they were counted from, and their totals over every signed audit; and how they are written
// (JSON in compact shapes: arrays rather than objects, which read faster). Which rows may be used is
// decided by electron/services/signedFigures.ts.
import type { PrevalenceResult } from '../../shared/prevalence.js';
import type { AuditHeatmap, FiguresInputs, SignedFigures, SignedTotals } from '../../shared/signedFigureCounts.js';
import type { AuditTheme, Grade, LearningTheme } from '../../shared/vocabulary.js';
import type { Db } from '../open.js';

/** A row without its prevalence (the largest column, which the dashboard does not need). */
export interface FiguresRow {
  auditId: string;
  revision: number;
  method: number;
  templateId: string;
  templateVersion: number;
  thresholds: string;
  agencyKinds: string;
  heatmap: string;
  grades: string;
  assessed: number;
  met: number;
}
export interface FiguresRowWithPrevalence extends FiguresRow {
  prevalence: string;
}

const inputsOf = (r: FiguresRow): FiguresInputs => ({
  revision: r.revision,
  method: r.method,
  templateId: r.templateId,
  templateVersion: r.templateVersion,
  thresholds: r.thresholds,
  agencyKinds: JSON.parse(r.agencyKinds) as Record<string, string>,
});

function fromRow(r: FiguresRow): SignedFigures {
  const grades = (JSON.parse(r.grades) as [string, Grade, number][]).map(([agencyId, grade, n]) => ({
    agencyId,
    grade,
    n,
  }));
  return Object.freeze({
    inputs: inputsOf(r),
    heatmap: JSON.parse(r.heatmap) as AuditHeatmap,
    grades: Object.freeze(grades),
    assessed: r.assessed,
    met: r.met,
  });
}

function toRow(auditId: string, f: SignedFigures, prevalence: PrevalenceResult): FiguresRowWithPrevalence {
  return {
    auditId,
    ...f.inputs,
    agencyKinds: JSON.stringify(f.inputs.agencyKinds),
    heatmap: JSON.stringify(f.heatmap),
    grades: JSON.stringify(f.grades.map((g) => [g.agencyId, g.grade, g.n])),
    assessed: f.assessed,
    met: f.met,
    prevalence: JSON.stringify(prevalence),
  };
}

interface TotalsJson {
  heatmap: [LearningTheme, string, number, number][];
  grades: [AuditTheme, string, Grade, number][];
  trends: [string, number, number][];
}

function totalsFromJson(json: string): SignedTotals {
  const t = JSON.parse(json) as TotalsJson;
  return {
    cells: t.heatmap.map(([theme, agencyId, assessed, development]) => ({ theme, agencyId, assessed, development })),
    grades: t.grades.map(([theme, agencyId, grade, n]) => ({ theme, agencyId, grade, n })),
    trends: new Map(t.trends.map(([auditId, assessed, met]) => [auditId, { assessed, met }])),
  };
}

function totalsToJson(t: SignedTotals): string {
  const json: TotalsJson = {
    heatmap: t.cells.map((c) => [c.theme, c.agencyId, c.assessed, c.development]),
    grades: t.grades.map((g) => [g.theme, g.agencyId, g.grade, g.n]),
    trends: [...t.trends].map(([auditId, { assessed, met }]) => [auditId, assessed, met]),
  };
  return JSON.stringify(json);
}

const COLUMNS = `audit_id AS auditId, revision, method, template_id AS templateId, template_version AS templateVersion,
  thresholds, agency_kinds AS agencyKinds, heatmap, grades, assessed, met`;

export function signedFiguresRepo(db: Db) {
  const all = db.prepare<[], FiguresRow>(`SELECT ${COLUMNS} FROM signed_figures`);
  const one = db.prepare<[string, number], FiguresRow>(
    `SELECT ${COLUMNS} FROM signed_figures WHERE audit_id = ? AND revision = ?`,
  );
  const withPrevalence = db.prepare<[string, number], FiguresRowWithPrevalence>(
    `SELECT ${COLUMNS}, prevalence FROM signed_figures WHERE audit_id = ? AND revision = ?`,
  );
  // Written only while the audit is still signed at that revision with that template version: figures
  // worked out just before the audit changed (another connection starting a new revision) are dropped.
  const upsert = db.prepare<FiguresRowWithPrevalence & { computedAt: string }>(`
    INSERT INTO signed_figures (audit_id, revision, method, template_id, template_version, thresholds, agency_kinds,
      heatmap, grades, assessed, met, prevalence, computed_at)
    SELECT @auditId, @revision, @method, @templateId, @templateVersion, @thresholds, @agencyKinds,
      @heatmap, @grades, @assessed, @met, @prevalence, @computedAt
    FROM audit a WHERE a.id = @auditId AND a.status = 'signed' AND a.revision = @revision
      AND a.template_id = @templateId AND a.template_version = @templateVersion
    ON CONFLICT (audit_id, revision) DO UPDATE SET method = excluded.method, template_id = excluded.template_id,
      template_version = excluded.template_version, thresholds = excluded.thresholds,
      agency_kinds = excluded.agency_kinds, heatmap = excluded.heatmap, grades = excluded.grades, assessed = excluded.assessed,
      met = excluded.met, prevalence = excluded.prevalence, computed_at = excluded.computed_at`);
  const dropEarlier = db.prepare<[string, number]>('DELETE FROM signed_figures WHERE audit_id = ? AND revision < ?');
  const missing = db.prepare<[number], { id: string }>(`
    SELECT a.id FROM audit a WHERE a.status = 'signed' AND a.revision >= 1
      AND NOT EXISTS (SELECT 1 FROM signed_figures f WHERE f.audit_id = a.id AND f.revision = a.revision AND f.method = ?)
    ORDER BY a.updated_at DESC`);
  const count = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM signed_figures');
  // Agency grades of one audit's cases (the overall grade of a case has no agency and is left out).
  const gradesOf = db.prepare<[string], { agencyId: string; grade: Grade; n: number }>(`
    SELECT g.agency_id AS agencyId, g.grade, count(*) AS n
    FROM audit_case c JOIN case_grade g ON g.case_id = c.id
    WHERE c.audit_id = ? AND g.agency_id IS NOT NULL GROUP BY g.agency_id, g.grade`);
  const totals = db.prepare<[], { method: number; digest: string; totals: string }>(
    'SELECT method, inputs_digest AS digest, totals FROM signed_totals WHERE id = 1',
  );
  const storeTotals = db.prepare<[number, string, string, string]>(`
    INSERT INTO signed_totals (id, method, inputs_digest, totals, computed_at) VALUES (1, ?, ?, ?, ?)
    ON CONFLICT (id) DO UPDATE SET method = excluded.method, inputs_digest = excluded.inputs_digest,
      totals = excluded.totals, computed_at = excluded.computed_at`);

  /**
   * Stores (or replaces) the figures of a revision and drops the audit's rows for earlier revisions;
   * false when the audit is no longer signed at that revision and template version (nothing written).
   * Call inside a transaction.
   */
  function store(row: FiguresRowWithPrevalence, computedAt: string): boolean {
    if (upsert.run({ ...row, computedAt }).changes === 0) return false;
    dropEarlier.run(row.auditId, row.revision);
    return true;
  }

  return {
    /** Every stored row, without the prevalence. */
    all: (): FiguresRow[] => all.all(),
    one: (auditId: string, revision: number): FiguresRow | undefined => one.get(auditId, revision),
    withPrevalence: (auditId: string, revision: number): FiguresRowWithPrevalence | undefined =>
      withPrevalence.get(auditId, revision),
    store,
    /** Every stored revision's figures, by `${auditId}|${revision}`. */
    everyFigures: (): Map<string, SignedFigures> =>
      new Map(all.all().map((r) => [`${r.auditId}|${r.revision}`, fromRow(r)])),
    /** The stored figures of a revision, whatever they were counted from. */
    figuresOf(auditId: string, revision: number): SignedFigures | undefined {
      const r = one.get(auditId, revision);
      return r ? fromRow(r) : undefined;
    },
    /** The stored prevalence of a revision, with what it was counted from. */
    prevalenceOf(
      auditId: string,
      revision: number,
    ): { inputs: FiguresInputs; prevalence: PrevalenceResult } | undefined {
      const r = withPrevalence.get(auditId, revision);
      return r ? { inputs: inputsOf(r), prevalence: JSON.parse(r.prevalence) as PrevalenceResult } : undefined;
    },
    /** `store` for counted figures. Call inside a transaction. */
    storeFigures: (auditId: string, figures: SignedFigures, prevalence: PrevalenceResult, computedAt: string) =>
      store(toRow(auditId, figures, prevalence), computedAt),
    /** Signed audits (revision 1 on) with no row for their revision written by counting `method`. */
    missing: (method: number): string[] => missing.all(method).map((r) => r.id),
    count: (): number => count.get()!.n,
    /** Agency grades of the audit's cases, counted by agency and grade. */
    gradesOf: (auditId: string) => gradesOf.all(auditId),
    /** The method and digest of the stored totals over every signed audit. */
    totalsKey: (): { method: number; digest: string } | undefined => {
      const r = totals.get();
      return r && { method: r.method, digest: r.digest };
    },
    /** The stored totals over every signed audit, if they were summed by `method` from what `digest` says. */
    totals: (method: number, digest: string): SignedTotals | undefined => {
      const r = totals.get();
      return r && r.method === method && r.digest === digest ? totalsFromJson(r.totals) : undefined;
    },
    storeTotals(method: number, digest: string, t: SignedTotals, computedAt: string): void {
      storeTotals.run(method, digest, totalsToJson(t), computedAt);
    },
  };
}
export type SignedFiguresRepo = ReturnType<typeof signedFiguresRepo>;
