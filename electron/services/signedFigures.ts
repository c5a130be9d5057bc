// What the QA dashboard and the analyses work out from a signed revision: the learning-theme heatmap's
// counts (by theme and agency), the agency grades of its cases, the re-audit trends' totals and the
// prevalence. A signed revision cannot change, so these are counted once and stored (signed_figures,
// db/migrations/0011_dashboard_figures.ts) with the inputs they were counted from, and summed over
// every signed audit into one row (signed_totals) with a digest of what the sum depends on. They are
// read back on every later call, in this session (kept in memory) and after the app opens again:
// counting every signed audit on the first call after opening took 2.5-4.2 s at the scale model
// (docs/performance.md); reading the totals takes a millisecond.
//
// Stale figures are never used: a row is used only when the audit is signed at the row's revision and
// every input still matches (the counting's version FIGURES_METHOD, the template version, the
// prevalence thresholds, the kind of every agency whose checklists were counted); otherwise the
// revision is counted again and its row replaced. A new revision is a new row. The totals are used
// only while their digest matches, and are summed again from the rows otherwise.
//
// When they are counted: on first use by `dashboard.get` (stored in one short transaction after the
// counting), by the search indexer after an import (one audit at a time, in the background), and in the
// background soon after opening for signed audits that have none (a database from before version 11,
// or audits signed here since the last dashboard). Never inside an import's or a signing's transaction.
// Analyses and reports read stored figures but never write them (a report only reads the database).
import { createHash } from 'node:crypto';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type { Answer } from '../../shared/answer.js';
import { answerMeaning } from '../../shared/answerMeaning.js';
import type { AuditSummary } from '../../shared/audit.js';
import type { Dashboard } from '../../shared/dashboard.js';
import { computePrevalence, type PrevalenceResult, type SampledCase } from '../../shared/prevalence.js';
import { allQuestions, type Question, type Template } from '../../shared/template.js';
import type { AuditTheme, Grade, LearningTheme } from '../../shared/vocabulary.js';
import type { ChecklistRow } from '../../db/repos/checklistRepo.js';
import type { FiguresRow, FiguresRowWithPrevalence } from '../../db/repos/signedFiguresRepo.js';
import type { ServiceContext } from './context.js';
import { getTemplate } from './templateService.js';

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
type AnswerValue = Pick<Answer, 'checklistId' | 'questionId' | 'value' | 'notApplicableReason'>;

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
  checklists: readonly Pick<ChecklistRow, 'id' | 'agencyId'>[],
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
  checklists: readonly Pick<ChecklistRow, 'id' | 'caseId' | 'agencyKind'>[],
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

const thresholdsKey = (audit: SignedAuditKey) => JSON.stringify(audit.thresholds);

function agencyKinds(ctx: ServiceContext): ReadonlyMap<string, string> {
  return new Map(ctx.repos.board.agencies().map((a) => [a.id, a.kind]));
}

/** Whether figures counted from `inputs` are the audit's figures now. */
function isCurrent(inputs: FiguresInputs, audit: SignedAuditKey, kinds: ReadonlyMap<string, string>): boolean {
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

const byKey = ([a]: [string, unknown], [b]: [string, unknown]) => (a < b ? -1 : a > b ? 1 : 0);

function byAgency(cells: readonly HeatmapCell[]): AuditHeatmap {
  const heatmap: Record<string, Partial<Record<LearningTheme, [number, number]>>> = {};
  for (const c of cells) (heatmap[c.agencyId] ??= {})[c.theme] = [c.assessed, c.development];
  return heatmap;
}

/** Counts one audit's figures and its prevalence from its rows, reading its answers once. */
export function countFigures(
  ctx: ServiceContext,
  audit: SignedAuditKey,
): { figures: SignedFigures; prevalence: PrevalenceResult } {
  const template = getTemplate(ctx, audit.templateId, audit.templateVersion);
  const values = ctx.repos.checklists.answerValuesForAudit(audit.id);
  const checklists = ctx.repos.checklists.forAudit(audit.id);
  const caseIds = ctx.repos.audits.cases(audit.id).map((c) => c.id);
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
    grades: Object.freeze(
      ctx.repos.signedFigures
        .gradesOf(audit.id)
        .map((g) => ({ agencyId: g.agencyId, grade: g.grade as Grade, n: g.n })),
    ),
    ...trendTotals(prevalence),
  });
  return { figures, prevalence };
}

// Errors that mean "not stored this time" (another connection holds the write lock past the busy
// timeout, a read-only or full disk): the figures are right whether or not they are stored.
const NOT_STORED = /^SQLITE_(BUSY|LOCKED|READONLY|FULL)/;

/** Stores what was counted, and the totals, in one short transaction (after the counting). */
function store(
  ctx: ServiceContext,
  rows: readonly FiguresRowWithPrevalence[],
  totals?: { digest: string; json: string },
): void {
  if (rows.length === 0 && !totals) return;
  try {
    ctx.tx(() => {
      const at = ctx.now();
      for (const r of rows) ctx.repos.signedFigures.store(r, at);
      if (totals) ctx.repos.signedFigures.storeTotals(FIGURES_METHOD, totals.digest, totals.json, at);
    });
  } catch (e) {
    if (!NOT_STORED.test((e as { code?: unknown }).code?.toString() ?? '')) throw e;
  }
}

// Per open database: the figures read or counted in this session, by audit (checked like a stored
// row before each use), and the last totals with their digest.
const kept = new WeakMap<ServiceContext, Map<string, SignedFigures>>();
const keptTotals = new WeakMap<ServiceContext, { digest: string; totals: SignedTotals }>();

/**
 * The figures of signed audits, by audit id: kept in memory, else stored, else counted now; and the
 * rows to store for those counted now (revision 0, signed before revisions were recorded in schema
 * version 6, has nothing to key a row on: it is kept in memory only).
 */
function collect(
  ctx: ServiceContext,
  signed: readonly SignedAuditKey[],
  kinds: ReadonlyMap<string, string>,
): { figures: Map<string, SignedFigures>; toStore: FiguresRowWithPrevalence[] } {
  const figures = new Map<string, SignedFigures>();
  const toStore: FiguresRowWithPrevalence[] = [];
  let memory = kept.get(ctx);
  if (!memory) kept.set(ctx, (memory = new Map()));
  const wanted = signed.filter((a) => {
    const known = memory.get(a.id);
    if (known && isCurrent(known.inputs, a, kinds)) figures.set(a.id, known);
    return !figures.has(a.id);
  });
  if (wanted.length === 0) return { figures, toStore };

  const repo = ctx.repos.signedFigures;
  // One query for all the rows when several audits are wanted (the totals summed again).
  const rows = wanted.length > 1 ? new Map(repo.all().map((r) => [`${r.auditId}|${r.revision}`, r])) : null;
  for (const a of wanted) {
    const row = rows ? rows.get(`${a.id}|${a.revision}`) : repo.one(a.id, a.revision);
    let f = row ? fromRow(row) : undefined;
    if (!f || !isCurrent(f.inputs, a, kinds)) {
      const counted = countFigures(ctx, a);
      f = counted.figures;
      if (a.revision >= 1) toStore.push(toRow(a.id, f, counted.prevalence));
    }
    memory.set(a.id, f);
    figures.set(a.id, f);
  }
  return { figures, toStore };
}

/** The signed audits among `audits`, in a stable order. */
const signedOf = (audits: readonly SignedAuditKey[]) =>
  audits.filter((a) => a.status === 'signed').sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

/**
 * The figures of the signed audits among `audits`, by audit id, stored when counted now (for the
 * analyses and the background work; the dashboard reads the totals).
 */
export function signedFiguresOf(ctx: ServiceContext, audits: readonly SignedAuditKey[]): Map<string, SignedFigures> {
  const { figures, toStore } = collect(ctx, signedOf(audits), agencyKinds(ctx));
  store(ctx, toStore);
  return figures;
}

/** Everything the totals depend on: any change gives another digest, and the totals are summed again. */
function digestOf(signed: readonly SignedAuditKey[], kinds: ReadonlyMap<string, string>): string {
  const audits = signed.map((a) => [a.id, a.revision, a.templateId, a.templateVersion, a.theme, thresholdsKey(a)]);
  return createHash('sha256')
    .update(JSON.stringify([FIGURES_METHOD, audits, [...kinds].sort(byKey)]))
    .digest('hex');
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

function sum(signed: readonly SignedAuditKey[], figures: ReadonlyMap<string, SignedFigures>): SignedTotals {
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

/**
 * The heatmap's cells, the agency grades (by audit theme) and the trends' totals of every signed audit
 * among `audits` (pass them all: the totals are of every signed audit). Read from memory or the one
 * stored row while nothing they depend on has changed; otherwise summed from each audit's figures
 * (counting those that have none) and stored with them in one short transaction.
 */
export function signedTotals(ctx: ServiceContext, audits: readonly SignedAuditKey[]): SignedTotals {
  const signed = signedOf(audits);
  const kinds = agencyKinds(ctx);
  const digest = digestOf(signed, kinds);
  const known = keptTotals.get(ctx);
  if (known?.digest === digest) return known.totals;
  const row = ctx.repos.signedFigures.totals();
  let totals: SignedTotals;
  if (row && row.method === FIGURES_METHOD && row.digest === digest) totals = totalsFromJson(row.totals);
  else {
    const { figures, toStore } = collect(ctx, signed, kinds);
    totals = sum(signed, figures);
    store(ctx, toStore, { digest, json: totalsToJson(totals) });
  }
  keptTotals.set(ctx, { digest, totals });
  return totals;
}

/** The stored prevalence of a signed audit, if a row counted from its current inputs holds it. */
export function storedPrevalence(ctx: ServiceContext, audit: SignedAuditKey): PrevalenceResult | undefined {
  if (audit.status !== 'signed' || audit.revision < 1) return undefined;
  const row = ctx.repos.signedFigures.withPrevalence(audit.id, audit.revision);
  if (!row || !isCurrent(inputsOf(row), audit, agencyKinds(ctx))) return undefined;
  return JSON.parse(row.prevalence) as PrevalenceResult;
}

/**
 * Counts and stores one audit's figures if it is signed and has none that are current: for work in
 * the background (the search indexer after an import, the worker below). A failure leaves the
 * figures to be counted on first use, where it is reported.
 */
export function storeFiguresOf(ctx: ServiceContext, auditId: string): void {
  try {
    const audit = ctx.repos.audits.get(auditId);
    if (audit?.status === 'signed') signedFiguresOf(ctx, [audit]);
  } catch {
    // Counted again on first use.
  }
}

/**
 * Sums and stores the totals of every signed audit if they are not stored yet, for work in the
 * background, so that the next dashboard reads them alone. A failure leaves them to be summed on first use.
 */
export function storeTotals(ctx: ServiceContext): void {
  try {
    signedTotals(ctx, ctx.repos.audits.briefs());
  } catch {
    // Summed again on first use.
  }
}

/** Whether the stored totals are those of the signed audits now (true when there are none). */
export function totalsCurrent(ctx: ServiceContext): boolean {
  const signed = signedOf(ctx.repos.audits.briefs());
  if (signed.length === 0) return true;
  const row = ctx.repos.signedFigures.totals();
  return row?.method === FIGURES_METHOD && row.digest === digestOf(signed, agencyKinds(ctx));
}

export interface FiguresWorker {
  /**
   * If signed audits have no stored figures now, or the stored totals are not theirs: after `delayMs`,
   * counts those audits (one transaction each), then sums and stores the totals.
   */
  scheduleMissing(delayMs?: number): void;
  /**
   * Resolves when the work scheduled or running now is done (at once when there is none); waiting keeps
   * the process alive until then.
   */
  idle(): Promise<void>;
  /** Stops after the audit being counted and forgets any timer (the database is closing). */
  dispose(): void;
}

/** How long after opening the figures missing from the database are counted. */
export const FIGURES_DELAY_MS = 500;

/**
 * Counts in the background the figures missing from a database (one from before schema version 11, or
 * with audits signed since its last dashboard), and sums their totals, so that the first dashboard
 * after opening need not. One audit at a time, yielding between audits so that every other call is
 * answered meanwhile. Decided when the database is opened: nothing is scheduled when nothing is missing.
 */
export function createFiguresWorker(ctx: ServiceContext): FiguresWorker {
  let timer: NodeJS.Timeout | null = null;
  let finish: (() => void) | null = null;
  let current: Promise<void> = Promise.resolve();
  let disposed = false;

  async function loop(auditIds: readonly string[]): Promise<void> {
    for (const id of auditIds) {
      if (disposed) return;
      storeFiguresOf(ctx, id);
      await yieldToEventLoop();
    }
    if (!disposed) storeTotals(ctx);
  }

  return {
    scheduleMissing(delayMs = FIGURES_DELAY_MS) {
      if (disposed || finish) return; // scheduled or running already
      const missing = ctx.repos.signedFigures.missing(FIGURES_METHOD);
      if (missing.length === 0 && totalsCurrent(ctx)) return;
      current = new Promise<void>((resolve) => (finish = resolve));
      timer = setTimeout(() => {
        timer = null;
        void loop(missing).finally(() => {
          finish?.();
          finish = null;
        });
      }, delayMs);
      timer.unref();
    },
    idle() {
      // Whoever waits for the work keeps the process alive until it is done (the timer alone does not).
      timer?.ref();
      return current;
    },
    dispose() {
      disposed = true;
      if (timer) {
        // Not started: nothing will run. (A loop that runs stops before its next audit and finishes itself.)
        clearTimeout(timer);
        timer = null;
        finish?.();
        finish = null;
      }
    },
  };
}
