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
//
// Here: which figures may be used, and the three levels they come from (kept in memory, stored, counted
// now). The counting itself is pure (shared/signedFigureCounts.ts); the rows are written and read by
// db/repos/signedFiguresRepo.ts; the background work runs on the context's scheduler.
import { createHash } from 'node:crypto';
import type { PrevalenceResult } from '../../shared/prevalence.js';
import {
  countFigures as count,
  FIGURES_METHOD,
  isCurrent,
  signedOf,
  sumFigures,
  totalsInputs,
  type SignedAuditKey,
  type SignedFigures,
  type SignedTotals,
} from '../../shared/signedFigureCounts.js';
import type { BackgroundTask } from '../background/scheduler.js';
import type { ServiceContext } from './context.js';
import { getTemplate } from './templateService.js';

export {
  FIGURES_METHOD,
  heatmapCells,
  sampleFrom,
  trendTotals,
  type HeatmapCell,
  type SignedAuditKey,
  type SignedFigures,
  type SignedTotals,
} from '../../shared/signedFigureCounts.js';

function agencyKinds(ctx: ServiceContext): ReadonlyMap<string, string> {
  return new Map(ctx.repos.board.agencies().map((a) => [a.id, a.kind]));
}

/** Counts one audit's figures and its prevalence from its rows, reading its answers once. */
export function countFigures(
  ctx: ServiceContext,
  audit: SignedAuditKey,
): { figures: SignedFigures; prevalence: PrevalenceResult } {
  return count(audit, getTemplate(ctx, audit.templateId, audit.templateVersion), {
    values: ctx.repos.checklists.answerValuesForAudit(audit.id),
    checklists: ctx.repos.checklists.forAudit(audit.id),
    caseIds: ctx.repos.audits.cases(audit.id).map((c) => c.id),
    grades: ctx.repos.signedFigures.gradesOf(audit.id),
  });
}

// Errors that mean "not stored this time" (another connection holds the write lock past the busy
// timeout, a read-only or full disk): the figures are right whether or not they are stored.
const NOT_STORED = /^SQLITE_(BUSY|LOCKED|READONLY|FULL)/;

interface Counted {
  auditId: string;
  figures: SignedFigures;
  prevalence: PrevalenceResult;
}

/** Stores what was counted, and the totals, in one short transaction (after the counting). */
function store(ctx: ServiceContext, rows: readonly Counted[], totals?: { digest: string; totals: SignedTotals }): void {
  if (rows.length === 0 && !totals) return;
  try {
    ctx.tx(() => {
      const at = ctx.now();
      for (const r of rows) ctx.repos.signedFigures.storeFigures(r.auditId, r.figures, r.prevalence, at);
      if (totals) ctx.repos.signedFigures.storeTotals(FIGURES_METHOD, totals.digest, totals.totals, at);
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
 * The figures of signed audits, by audit id: kept in memory, else stored, else counted now; and those
 * to store, counted now (revision 0, signed before revisions were recorded in schema version 6, has
 * nothing to key a row on: it is kept in memory only).
 */
function collect(
  ctx: ServiceContext,
  signed: readonly SignedAuditKey[],
  kinds: ReadonlyMap<string, string>,
): { figures: Map<string, SignedFigures>; toStore: Counted[] } {
  const figures = new Map<string, SignedFigures>();
  const toStore: Counted[] = [];
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
  const rows = wanted.length > 1 ? repo.everyFigures() : null;
  for (const a of wanted) {
    let f = rows ? rows.get(`${a.id}|${a.revision}`) : repo.figuresOf(a.id, a.revision);
    if (!f || !isCurrent(f.inputs, a, kinds)) {
      const counted = countFigures(ctx, a);
      f = counted.figures;
      if (a.revision >= 1) toStore.push({ auditId: a.id, ...counted });
    }
    memory.set(a.id, f);
    figures.set(a.id, f);
  }
  return { figures, toStore };
}

/**
 * The figures of the signed audits among `audits`, by audit id, stored when counted now (for the
 * analyses and the background work; the dashboard reads the totals).
 */
export function signedFiguresOf(ctx: ServiceContext, audits: readonly SignedAuditKey[]): Map<string, SignedFigures> {
  const { figures, toStore } = collect(ctx, signedOf(audits), agencyKinds(ctx));
  store(ctx, toStore);
  return figures;
}

/** The digest of everything the totals depend on (shared/signedFigureCounts.ts, totalsInputs). */
const digestOf = (signed: readonly SignedAuditKey[], kinds: ReadonlyMap<string, string>): string =>
  createHash('sha256').update(totalsInputs(signed, kinds)).digest('hex');

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
  let totals = ctx.repos.signedFigures.totals(FIGURES_METHOD, digest);
  if (!totals) {
    const { figures, toStore } = collect(ctx, signed, kinds);
    totals = sumFigures(signed, figures);
    store(ctx, toStore, { digest, totals });
  }
  keptTotals.set(ctx, { digest, totals });
  return totals;
}

/** The stored prevalence of a signed audit, if a row counted from its current inputs holds it. */
export function storedPrevalence(ctx: ServiceContext, audit: SignedAuditKey): PrevalenceResult | undefined {
  if (audit.status !== 'signed' || audit.revision < 1) return undefined;
  const stored = ctx.repos.signedFigures.prevalenceOf(audit.id, audit.revision);
  if (!stored || !isCurrent(stored.inputs, audit, agencyKinds(ctx))) return undefined;
  return stored.prevalence;
}

/**
 * Counts and stores one audit's figures if it is signed and has none that are current: for work in
 * the background (the search indexer after an import, the worker below). Throws what fails: the
 * background caller logs it and goes on, and the figures are counted on first use.
 */
export function storeFiguresOf(ctx: ServiceContext, auditId: string): void {
  const audit = ctx.repos.audits.get(auditId);
  if (audit?.status === 'signed') signedFiguresOf(ctx, [audit]);
}

/**
 * Sums and stores the totals of every signed audit if they are not stored yet, for work in the
 * background, so that the next dashboard reads them alone. Throws what fails (summed again on first use).
 */
export function storeTotals(ctx: ServiceContext): void {
  signedTotals(ctx, ctx.repos.audits.briefs());
}

/** Whether the stored totals are those of the signed audits now (true when there are none). */
export function totalsCurrent(ctx: ServiceContext): boolean {
  const signed = signedOf(ctx.repos.audits.briefs());
  if (signed.length === 0) return true;
  const key = ctx.repos.signedFigures.totalsKey();
  return key?.method === FIGURES_METHOD && key.digest === digestOf(signed, agencyKinds(ctx));
}

export interface FiguresWorker {
  /**
   * If signed audits have no stored figures now, or the stored totals are not theirs: after `delayMs`,
   * counts those audits (one transaction each), then sums and stores the totals. Nothing happens while
   * that is scheduled or running already.
   */
  scheduleMissing(delayMs?: number): void;
  /**
   * Resolves when the work scheduled or running now is done (at once when there is none); waiting keeps
   * the process alive until then.
   */
  idle(): Promise<void>;
  /** Stops after the audit being counted and forgets any wait (the database is closing). */
  dispose(): void;
}

/** How long after opening the figures missing from the database are counted. */
export const FIGURES_DELAY_MS = 500;

/**
 * Counts in the background the figures missing from a database (one from before schema version 11, or
 * with audits signed since its last dashboard), and sums their totals, so that the first dashboard
 * after opening need not. One audit at a time, yielding between audits so that every other call is
 * answered meanwhile; an audit that fails is logged and left to be counted on first use. Decided when
 * the database is opened: nothing is scheduled when nothing is missing.
 */
export function createFiguresWorker(ctx: ServiceContext): FiguresWorker {
  let missing: readonly string[] = [];
  const task: BackgroundTask = ctx.background.task(
    'signed figures',
    async (run) => {
      for (const id of missing) {
        run.attempt(`figures of audit ${id}`, () => storeFiguresOf(ctx, id));
        if (!(await run.step())) return;
      }
      storeTotals(ctx);
    },
    { delayMs: FIGURES_DELAY_MS },
  );
  let disposed = false;

  return {
    scheduleMissing(delayMs = FIGURES_DELAY_MS) {
      if (disposed || task.state !== 'idle') return; // scheduled or running already
      missing = ctx.repos.signedFigures.missing(FIGURES_METHOD);
      if (missing.length === 0 && totalsCurrent(ctx)) return;
      task.schedule(delayMs, { restart: false });
    },
    idle: () => task.idle(),
    dispose() {
      disposed = true;
      task.stop();
    },
  };
}
