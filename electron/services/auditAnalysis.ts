// Assembles the pure analyses (prevalence, suggestions, sample make-up, re-audit comparison) from
// what the repositories hold for an audit and the earlier rounds of its series.
import type { Analysis, SampleMakeup } from '../../shared/analysis.js';
import type { AuditSummary } from '../../shared/audit.js';
import { computePrevalence, suggestions, type PrevalenceResult, type SampledCase } from '../../shared/prevalence.js';
import { isSmallSample } from '../../shared/proportions.js';
import { compareRounds } from '../../shared/reauditComparison.js';
import {
  AGE_BANDS,
  DISABILITY,
  DISABILITY_LABELS,
  ETHNICITIES,
  ETHNICITY_LABELS,
  GENDERS,
  GENDER_LABELS,
  PLAN_TYPES,
  PLAN_TYPE_LABELS,
} from '../../shared/vocabulary.js';
import type { ServiceContext } from './context.js';
import { smallSampleFor } from './smallSample.js';
import { sampleFrom, storedPrevalence, type SignedAuditKey } from './signedFigures.js';
import { getTemplate } from './templateService.js';

export function sampledCases(ctx: ServiceContext, auditId: string): SampledCase[] {
  return sampleFrom(
    ctx.repos.checklists.answerValuesForAudit(auditId),
    ctx.repos.checklists.forAudit(auditId),
    ctx.repos.audits.cases(auditId).map((c) => c.id),
  );
}

// A signed revision cannot change (its rows are locked by triggers; a newer imported revision has a
// new number), so its prevalence is worked out once and kept: the earlier rounds a comparison needs
// are read over and over. Kept per open database in memory, and in the database with the revision's
// other figures (signedFigures.ts: stored by the dashboard, the search indexer and the background
// worker, read here, never written here since reports only read). The agencies' kinds are part of the
// key because they decide which questions each agency was asked.
const signedPrevalence = new WeakMap<ServiceContext, Map<string, PrevalenceResult>>();
const KEEP_SIGNED = 500;

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

export function prevalenceFor(ctx: ServiceContext, audit: SignedAuditKey): PrevalenceResult {
  const compute = () =>
    computePrevalence(
      getTemplate(ctx, audit.templateId, audit.templateVersion),
      sampledCases(ctx, audit.id),
      audit.thresholds,
    );
  if (audit.status !== 'signed') return compute();
  let kept = signedPrevalence.get(ctx);
  if (!kept) signedPrevalence.set(ctx, (kept = new Map()));
  const kinds = ctx.repos.board
    .agencies()
    .map((a) => `${a.id}:${a.kind}`)
    .join(',');
  const key = `${audit.id}|${audit.revision}|${JSON.stringify(audit.thresholds)}|${kinds}`;
  const known = kept.get(key);
  if (known) return known;
  const result = deepFreeze(storedPrevalence(ctx, audit) ?? compute());
  if (kept.size >= KEEP_SIGNED) kept.delete(kept.keys().next().value!);
  kept.set(key, result);
  return result;
}

function tally<V extends string>(
  values: readonly V[],
  all: readonly V[],
  labels: Record<V, string> | ((v: V) => string),
) {
  const label = typeof labels === 'function' ? labels : (v: V) => labels[v];
  return all
    .map((value) => ({ value, label: label(value), count: values.filter((v) => v === value).length }))
    .filter((t) => t.count > 0);
}

export function sampleMakeup(ctx: ServiceContext, auditId: string): SampleMakeup {
  const cases = ctx.repos.audits.cases(auditId);
  const agencies = ctx.repos.board.agencies();
  const involved = cases.flatMap((c) => c.agencyIds);
  return {
    cases: cases.length,
    ageBands: tally(
      cases.map((c) => c.ageBand),
      AGE_BANDS,
      (v) => (v === 'unborn' ? 'Unborn' : `${v} years`),
    ),
    genders: tally(
      cases.map((c) => c.gender),
      GENDERS,
      GENDER_LABELS,
    ),
    ethnicities: tally(
      cases.map((c) => c.ethnicity),
      ETHNICITIES,
      ETHNICITY_LABELS,
    ),
    disability: tally(
      cases.map((c) => c.disability),
      DISABILITY,
      DISABILITY_LABELS,
    ),
    planTypes: tally(
      cases.map((c) => c.planType),
      PLAN_TYPES,
      PLAN_TYPE_LABELS,
    ),
    agencies: agencies
      .map((a) => ({ value: a.id, label: a.name, count: involved.filter((id) => id === a.id).length }))
      .filter((t) => t.count > 0),
  };
}

/** This round and every earlier round of its series, compared question by question and theme by theme. */
export function comparison(
  ctx: ServiceContext,
  audit: AuditSummary,
  current: PrevalenceResult = prevalenceFor(ctx, audit),
) {
  const rounds = ctx.repos.audits
    .series(audit.seriesId)
    .filter((r) => r.round <= audit.round)
    .map((r) => ({
      auditId: r.id,
      label: `Round ${r.round}: ${r.title}`,
      template: getTemplate(ctx, r.templateId, r.templateVersion),
      prevalence: r.id === audit.id ? current : prevalenceFor(ctx, r),
    }));
  return compareRounds(rounds);
}

export function analyse(ctx: ServiceContext, audit: AuditSummary): Analysis {
  const prevalence = prevalenceFor(ctx, audit);
  const smallSampleThreshold = smallSampleFor(ctx, audit);
  return {
    auditId: audit.id,
    prevalence,
    suggestions: suggestions(prevalence, { includeThemes: true }).map((s) => ({
      ...s,
      smallSample: isSmallSample(s.casesAssessed, smallSampleThreshold),
    })),
    sample: sampleMakeup(ctx, audit.id),
    comparison: comparison(ctx, audit, prevalence),
    smallSampleThreshold,
  };
}
