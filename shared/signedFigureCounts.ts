// What the QA dashboard and the analyses count from an audit's rows: the learning-theme heatmap (by
// theme and agency), the agency grades of its cases, the re-audit trends' totals and the prevalence;
// whether figures counted earlier are still an audit's figures; and their sum over every signed audit.
// Pure: the reading, storing and keeping of these figures is in electron/services/signedFigures.ts
// (and db/repos/signedFiguresRepo.ts).
import type { Answer } from './answer.js';
import { answerMeaning } from './answerMeaning.js';
import type { AuditSummary } from './audit.js';
import type { Dashboard } from './dashboard.js';
import { computePrevalence, type PrevalenceResult, type SampledCase } from './prevalence.js';
import { allQuestions, type Question, type Template } from './template.js';
import type { AgencyKind, AuditTheme, Grade, LearningTheme } from './vocabulary.js';

/**
 * The version of the counting below and of how its rows are written. Change it whenever what is counted
 * or how changes (what an answer means, which answers count, the prevalence rules) or the rows' layout:
 * rows written by earlier code are then counted again. (2: an audit's heatmap is written as
 * {agencyId: {theme: [assessed, development]}}, which reads faster than a list of cells. 3: the kept
 * prevalence carries each question's finding words and the cases left out as not applicable or not assessed.)
 */
export const FIGURES_METHOD = 3;

export type HeatmapCell = Dashboard['heatmap']['cells'][number];
/** One audit's heatmap: by agency id, then by learning theme, [assessed, development]. */
export type AuditHeatmap = Readonly<
  Record<string, Readonly<Partial<Record<LearningTheme, readonly [number, number]>>>>
>;
export type AnswerValue = Pick<Answer, 'checklistId' | 'questionId' | 'value' | 'notApplicableReason'>;
/** A checklist as the counting reads it. */
export interface CountedChecklist {
  id: string;
  caseId: string;
  agencyId: string;
  agencyKind: AgencyKind;
}

/** What the figures of an audit depend on, of its summary. */
export type SignedAuditKey = Pick<
  AuditSummary,
  'id' | 'status' | 'revision' | 'templateId' | 'templateVersion' | 'thresholds' | 'theme'
>;

/** Totals over every signed audit. */
export interface SignedTotals {
  cells: readonly HeatmapCell[];
  grades: readonly { theme: AuditTheme; agencyId: string; grade: Grade; n: number }[];
  /** The trends' totals of each signed audit, by audit id. */
  trends: ReadonlyMap<string, { assessed: number; met: number }>;
}

/** What figures were counted from, besides the signed revision's own rows (which cannot change). */
export interface FiguresInputs {
  revision: number;
  method: number;
  templateId: string;
  templateVersion: number;
  /** JSON of the audit's prevalence thresholds. */
  thresholds: string;
  /** The kind of each agency whose checklists were counted, by agency id. */
  agencyKinds: Readonly<Record<string, string>>;
}
export interface SignedFigures {
  inputs: FiguresInputs;
  /** The heatmap of this audit alone. */
  heatmap: AuditHeatmap;
  /** Agency grades of its cases, by agency and grade. */
  grades: readonly { agencyId: string; grade: Grade; n: number }[];
  /** Cases assessed and cases meeting the standard, summed over the questions (the trends' share). */
  assessed: number;
  met: number;
}

/** The heatmap's cells of one audit: per theme and agency, answers that are a strength or a development area. */
export function heatmapCells(
  template: Template,
  values: readonly AnswerValue[],
  checklists: readonly Pick<CountedChecklist, 'id' | 'agencyId'>[],
): HeatmapCell[] {
  const questions = new Map(allQuestions(template).map((q) => [q.id, q]));
  const agencyOf = new Map(checklists.map((k) => [k.id, k.agencyId]));
  const cells = new Map<string, HeatmapCell>();
  for (const a of values) {
    const q: Question | undefined = questions.get(a.questionId);
    const agencyId = agencyOf.get(a.checklistId);
    if (!q || q.themes.length === 0 || !agencyId) continue;
    const meaning = answerMeaning(q, a);
    if (meaning !== 'strength' && meaning !== 'development') continue;
    for (const theme of q.themes) {
      const k = `${theme}|${agencyId}`;
      const cell = cells.get(k) ?? { theme, agencyId, assessed: 0, development: 0 };
      cell.assessed++;
      if (meaning === 'development') cell.development++;
      cells.set(k, cell);
    }
  }
  return [...cells.values()];
}

/** The sample as prevalence reads it: each case (in sample order) with each agency's answers. */
export function sampleFrom(
  values: readonly AnswerValue[],
  checklists: readonly Pick<CountedChecklist, 'id' | 'caseId' | 'agencyKind'>[],
  caseIds: readonly string[],
): SampledCase[] {
  // Prevalence counts values: the evidence notes (most of the bytes) are not read.
  const byChecklist = new Map<string, Map<string, Pick<Answer, 'value' | 'notApplicableReason'>>>();
  for (const a of values) {
    let answers = byChecklist.get(a.checklistId);
    if (!answers) byChecklist.set(a.checklistId, (answers = new Map()));
    answers.set(a.questionId, a);
  }
  return caseIds.map((caseId) => ({
    caseId,
    checklists: checklists
      .filter((k) => k.caseId === caseId)
      .map((k) => ({ agencyKind: k.agencyKind, answers: byChecklist.get(k.id) ?? new Map() })),
  }));
}

/** The re-audit trends' totals of a prevalence: cases assessed and cases meeting the standard. */
export function trendTotals(p: PrevalenceResult): { assessed: number; met: number } {
  return {
    assessed: p.questions.reduce((n, q) => n + q.casesAssessed, 0),
    met: p.questions.reduce((n, q) => n + q.strengthCases.length, 0),
  };
}

export const thresholdsKey = (audit: Pick<SignedAuditKey, 'thresholds'>) => JSON.stringify(audit.thresholds);

/** Whether figures counted from `inputs` are the audit's figures now, given every agency's kind. */
export function isCurrent(inputs: FiguresInputs, audit: SignedAuditKey, kinds: ReadonlyMap<string, string>): boolean {
  return (
    audit.status === 'signed' &&
    inputs.revision === audit.revision &&
    inputs.method === FIGURES_METHOD &&
    inputs.templateId === audit.templateId &&
    inputs.templateVersion === audit.templateVersion &&
    inputs.thresholds === thresholdsKey(audit) &&
    Object.entries(inputs.agencyKinds).every(([id, kind]) => kinds.get(id) === kind)
  );
}

const byKey = ([a]: [string, unknown], [b]: [string, unknown]) => (a < b ? -1 : a > b ? 1 : 0);

function byAgency(cells: readonly HeatmapCell[]): AuditHeatmap {
  const heatmap: Record<string, Partial<Record<LearningTheme, [number, number]>>> = {};
  for (const c of cells) (heatmap[c.agencyId] ??= {})[c.theme] = [c.assessed, c.development];
  return heatmap;
}

/** Counts one audit's figures and its prevalence from its rows (answer values, checklists, cases, grades). */
export function countFigures(
  audit: SignedAuditKey,
  template: Template,
  rows: {
    values: readonly AnswerValue[];
    checklists: readonly CountedChecklist[];
    caseIds: readonly string[];
    grades: readonly { agencyId: string; grade: Grade; n: number }[];
  },
): { figures: SignedFigures; prevalence: PrevalenceResult } {
  const { values, checklists, caseIds } = rows;
  const prevalence = computePrevalence(template, sampleFrom(values, checklists, caseIds), audit.thresholds);
  const kinds = [...new Map(checklists.map((k) => [k.agencyId, k.agencyKind]))].sort(byKey);
  const figures: SignedFigures = Object.freeze({
    inputs: {
      revision: audit.revision,
      method: FIGURES_METHOD,
      templateId: audit.templateId,
      templateVersion: audit.templateVersion,
      thresholds: thresholdsKey(audit),
      agencyKinds: Object.fromEntries(kinds),
    },
    heatmap: byAgency(heatmapCells(template, values, checklists)),
    grades: Object.freeze(rows.grades.map((g) => ({ agencyId: g.agencyId, grade: g.grade, n: g.n }))),
    ...trendTotals(prevalence),
  });
  return { figures, prevalence };
}

/** The signed audits among `audits`, in a stable order. */
export const signedOf = <A extends SignedAuditKey>(audits: readonly A[]): A[] =>
  audits.filter((a) => a.status === 'signed').sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

/**
 * Everything the totals over `signed` depend on, as one string (hashed into the stored totals' digest):
 * any change gives another, and the totals are summed again.
 */
export function totalsInputs(signed: readonly SignedAuditKey[], kinds: ReadonlyMap<string, string>): string {
  const audits = signed.map((a) => [a.id, a.revision, a.templateId, a.templateVersion, a.theme, thresholdsKey(a)]);
  return JSON.stringify([FIGURES_METHOD, audits, [...kinds].sort(byKey)]);
}

/** The totals of the signed audits `signed`, from each one's figures (every one must be in `figures`). */
export function sumFigures(
  signed: readonly SignedAuditKey[],
  figures: ReadonlyMap<string, SignedFigures>,
): SignedTotals {
  // Keyed by maps, not by strings put together: the first call after opening sums every audit's cells.
  const cells = new Map<string, Map<string, HeatmapCell>>();
  const grades = new Map<string, SignedTotals['grades'][number]>();
  const trends = new Map<string, { assessed: number; met: number }>();
  for (const a of signed) {
    const f = figures.get(a.id)!;
    for (const [agencyId, themes] of Object.entries(f.heatmap)) {
      let ofAgency = cells.get(agencyId);
      if (!ofAgency) cells.set(agencyId, (ofAgency = new Map()));
      for (const [theme, [assessed, development]] of Object.entries(themes) as [
        LearningTheme,
        readonly [number, number],
      ][]) {
        const cell = ofAgency.get(theme);
        if (cell) {
          cell.assessed += assessed;
          cell.development += development;
        } else ofAgency.set(theme, { theme, agencyId, assessed, development });
      }
    }
    for (const g of f.grades) {
      const k = `${a.theme}|${g.agencyId}|${g.grade}`;
      const known = grades.get(k);
      if (known) known.n += g.n;
      else grades.set(k, { theme: a.theme, agencyId: g.agencyId, grade: g.grade, n: g.n });
    }
    trends.set(a.id, { assessed: f.assessed, met: f.met });
  }
  return {
    cells: [...cells.values()].flatMap((ofAgency) => [...ofAgency.values()]),
    grades: [...grades.values()],
    trends,
  };
}
