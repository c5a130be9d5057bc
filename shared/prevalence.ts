// Findings by prevalence: "in many or most cases the following strengths were found", "in some cases
// the following development areas were found", computed from every agency's answers for each sampled case.
import { z } from 'zod';
import { answerMeaning, isAssessable } from './answerMeaning.js';
import { visibleQuestions, type AnswerMap } from './checklistRules.js';
import { findingStatement, THEME_FINDING_WORDS } from './findingWording.js';
import { isSmallSample } from './proportions.js';
import { builtinFindingWording } from './templates/index.js';
import type { Question, Template } from './template.js';
import { LEARNING_THEMES, type AgencyKind, type LearningTheme } from './vocabulary.js';

const share = (label: string) =>
  z
    .number({ error: `the ${label} threshold must be a number` })
    .gt(0, `the ${label} threshold must be more than 0`)
    .lte(1, `the ${label} threshold must be at most 1 (100%)`);

// Boards differ in where "some" becomes "many or most"; each audit may set its own cut-offs.
export const prevalenceThresholdsSchema = z
  .strictObject({
    someThreshold: share('"some"').default(0.2),
    manyThreshold: share('"many or most"').default(0.5),
  })
  .refine((t) => t.someThreshold < t.manyThreshold, {
    message: 'the "some" threshold must be below the "many or most" threshold',
    path: ['someThreshold'],
  });
export type PrevalenceThresholds = z.infer<typeof prevalenceThresholdsSchema>;
export type PrevalenceThresholdsInput = z.input<typeof prevalenceThresholdsSchema>;
export const DEFAULT_PREVALENCE_THRESHOLDS: PrevalenceThresholds = { someThreshold: 0.2, manyThreshold: 0.5 };

export const PREVALENCE_BUCKETS = ['none', 'few', 'some', 'many_or_most'] as const;
export type PrevalenceBucket = (typeof PREVALENCE_BUCKETS)[number];
export const PREVALENCE_BUCKET_LABELS: Record<PrevalenceBucket, string> = {
  none: 'In no cases',
  few: 'In a few cases',
  some: 'In some cases',
  many_or_most: 'In many or most cases',
};

/**
 * The board's word for `count` of `casesAssessed`. A share exactly at a threshold goes to the higher
 * bucket (2 of 10 is "some" at 0.2; 5 of 10 is "many or most" at 0.5). The share is compared as
 * count / casesAssessed, which is the same double as a decimal threshold when the two are equal.
 */
export function prevalenceBucket(
  count: number,
  casesAssessed: number,
  thresholds: PrevalenceThresholds = DEFAULT_PREVALENCE_THRESHOLDS,
): PrevalenceBucket {
  if (count <= 0 || casesAssessed <= 0) return 'none';
  const s = count / casesAssessed;
  if (s >= thresholds.manyThreshold) return 'many_or_most';
  if (s >= thresholds.someThreshold) return 'some';
  return 'few';
}

/** One agency's checklist for a case: which kind of agency answered, and its answers. */
export interface CaseChecklist {
  agencyKind: AgencyKind;
  answers: AnswerMap;
}
export interface SampledCase {
  caseId: string;
  checklists: readonly CaseChecklist[];
}

export interface PrevalenceCounts {
  casesAssessed: number; // cases that were a strength or a development area
  strengthCases: string[]; // case ids, in sample order
  developmentCases: string[];
  strengthBucket: PrevalenceBucket;
  developmentBucket: PrevalenceBucket;
}
/** The cases a question or theme left out of its count, and why. */
export interface LeftOut {
  notApplicableCases: string[]; // an agency answered "not applicable" and none met or fell short
  notAssessedCases: string[]; // unanswered, not asked, or answered in a way that judges nothing
}
export interface QuestionPrevalence extends PrevalenceCounts, LeftOut {
  questionId: string;
  sectionId: string;
  text: string;
  statements: { strength: string; development: string }; // the finding's words (findingWording.ts)
  themes: LearningTheme[];
  assessable: boolean; // false for questions that only describe the case (always 0 assessed)
}
export interface ThemePrevalence extends PrevalenceCounts, LeftOut {
  theme: LearningTheme;
  questionIds: string[]; // the assessable questions tagged with the theme
}
export interface PrevalenceResult {
  templateId: string;
  templateVersion: number;
  casesSampled: number;
  thresholds: PrevalenceThresholds;
  questions: QuestionPrevalence[];
  themes: ThemePrevalence[];
}

type CaseVerdict = 'strength' | 'development' | 'not_applicable' | null;

// The multi-agency rule: a weakness anywhere in the response to a case makes that case a development
// area, however well the other agencies did; a case is a strength only when at least one agency met
// the standard and none fell short. Otherwise the case leaves the denominator: as not applicable when
// an agency said so, else as not assessed (null).
function combine(verdicts: Iterable<CaseVerdict | 'neutral' | 'unanswered'>): CaseVerdict {
  let strength = false;
  let notApplicable = false;
  for (const v of verdicts) {
    if (v === 'development') return 'development';
    if (v === 'strength') strength = true;
    if (v === 'not_applicable') notApplicable = true;
  }
  return strength ? 'strength' : notApplicable ? 'not_applicable' : null;
}

function counts(
  caseIds: readonly string[],
  verdicts: readonly CaseVerdict[],
  thresholds: PrevalenceThresholds,
): PrevalenceCounts & LeftOut {
  const strengthCases = caseIds.filter((_, i) => verdicts[i] === 'strength');
  const developmentCases = caseIds.filter((_, i) => verdicts[i] === 'development');
  const casesAssessed = strengthCases.length + developmentCases.length;
  return {
    casesAssessed,
    strengthCases,
    developmentCases,
    notApplicableCases: caseIds.filter((_, i) => verdicts[i] === 'not_applicable'),
    notAssessedCases: caseIds.filter((_, i) => (verdicts[i] ?? null) === null),
    strengthBucket: prevalenceBucket(strengthCases.length, casesAssessed, thresholds),
    developmentBucket: prevalenceBucket(developmentCases.length, casesAssessed, thresholds),
  };
}

/** Case-level verdict per question id, for one case. */
function caseVerdicts(template: Template, questions: readonly Question[], c: SampledCase): Map<string, CaseVerdict> {
  const meanings = new Map<string, ReturnType<typeof answerMeaning>[]>();
  for (const cl of c.checklists) {
    // Only what this agency was asked counts: not-applicable-to-agency and hidden questions drop out here.
    for (const q of visibleQuestions(template, cl.agencyKind, cl.answers)) {
      const list = meanings.get(q.id) ?? [];
      list.push(answerMeaning(q, cl.answers.get(q.id)));
      meanings.set(q.id, list);
    }
  }
  return new Map(questions.map((q) => [q.id, combine(meanings.get(q.id) ?? [])]));
}

/** A question with its finding wording: its own, or the built-in library's for a built-in template. */
const wordedQuestion = (template: Template, q: Question): Question =>
  q.finding ? q : { ...q, finding: builtinFindingWording(template.id, template.version, q.id) };
export function computePrevalence(
  template: Template,
  cases: readonly SampledCase[],
  thresholdsInput: PrevalenceThresholdsInput = {},
): PrevalenceResult {
  const thresholds = prevalenceThresholdsSchema.parse(thresholdsInput);
  const caseIds = cases.map((c) => c.caseId);
  if (new Set(caseIds).size !== caseIds.length) throw new Error('a case appears twice in the sample');

  const entries = template.sections.flatMap((s) => s.questions.map((q) => ({ q, sectionId: s.id })));
  const questions = entries.map((e) => e.q);
  const perCase = cases.map((c) => caseVerdicts(template, questions, c));
  const verdictsFor = (questionId: string) => perCase.map((m) => m.get(questionId) ?? null);

  const questionResults: QuestionPrevalence[] = entries.map(({ q, sectionId }) => ({
    questionId: q.id,
    sectionId,
    text: q.text,
    statements: {
      strength: findingStatement(wordedQuestion(template, q), 'strength'),
      development: findingStatement(wordedQuestion(template, q), 'development'),
    },
    themes: [...q.themes],
    assessable: isAssessable(q),
    ...counts(caseIds, verdictsFor(q.id), thresholds),
  }));

  const themeResults: ThemePrevalence[] = [];
  for (const theme of LEARNING_THEMES) {
    const questionIds = questions.filter((q) => q.themes.includes(theme) && isAssessable(q)).map((q) => q.id);
    if (questionIds.length === 0) continue;
    // Same rule one level up: any development across the theme's questions makes the case a development.
    const verdicts = perCase.map((m) => combine(questionIds.map((id) => m.get(id) ?? null)));
    themeResults.push({ theme, questionIds, ...counts(caseIds, verdicts, thresholds) });
  }

  return {
    templateId: template.id,
    templateVersion: template.version,
    casesSampled: cases.length,
    thresholds,
    questions: questionResults,
    themes: themeResults,
  };
}

export interface SuggestedFinding {
  kind: 'strength' | 'development';
  bucket: PrevalenceBucket;
  count: number;
  casesAssessed: number;
  notApplicable: number; // cases left out because an agency answered "not applicable"
  notAssessed: number; // cases left out because nothing judged them (unanswered, not asked)
  text: string;
  caseIds: string[];
  questionIds: string[];
  theme: LearningTheme | null; // set for a theme-level suggestion
}
export interface SuggestionOptions {
  includeThemes?: boolean; // add theme-level suggestions after the question-level ones (default false)
}

/** "In many or most cases (7 of 9)". */
export function prevalencePhrase(bucket: PrevalenceBucket, count: number, casesAssessed: number): string {
  return `${PREVALENCE_BUCKET_LABELS[bucket]} (${count} of ${casesAssessed})`;
}

/** The buckets suggestions are grouped in, most prevalent first ("none" has no evidence to suggest). */
export const SUGGESTION_BUCKETS = ['many_or_most', 'some', 'few'] as const satisfies readonly PrevalenceBucket[];

/** The heading over one kind and bucket of findings: "In some cases the following strengths were found". */
export function findingsHeading(kind: SuggestedFinding['kind'], bucket: PrevalenceBucket): string {
  return `${PREVALENCE_BUCKET_LABELS[bucket]} the following ${kind === 'strength' ? 'strengths' : 'development areas'} were found`;
}

/** "In many or most cases (5 of 8) the child was not seen alone." */
export function findingSentence(
  bucket: PrevalenceBucket,
  count: number,
  casesAssessed: number,
  clause: string,
): string {
  return `${prevalencePhrase(bucket, count, casesAssessed)} ${clause}.`;
}

/**
 * Suggested findings in the words reports use, in every bucket with evidence: strengths first, then
 * development areas; within each, many or most, then some, then a few; within a bucket, template order
 * (theme-level suggestions after the questions). A question can give both a strength and a development.
 */
export function suggestions(result: PrevalenceResult, options: SuggestionOptions = {}): SuggestedFinding[] {
  const sources = [
    ...result.questions
      .filter((q) => q.assessable)
      .map((q) => ({ p: q, words: q.statements, questionIds: [q.questionId], theme: null })),
    ...(options.includeThemes
      ? result.themes.map((t) => ({
          p: t,
          words: THEME_FINDING_WORDS[t.theme],
          questionIds: t.questionIds,
          theme: t.theme,
        }))
      : []),
  ];
  const make = (kind: SuggestedFinding['kind'], s: (typeof sources)[number]): SuggestedFinding => {
    const caseIds = kind === 'strength' ? s.p.strengthCases : s.p.developmentCases;
    const bucket = kind === 'strength' ? s.p.strengthBucket : s.p.developmentBucket;
    return {
      kind,
      bucket,
      count: caseIds.length,
      casesAssessed: s.p.casesAssessed,
      notApplicable: s.p.notApplicableCases.length,
      notAssessed: s.p.notAssessedCases.length,
      text: findingSentence(bucket, caseIds.length, s.p.casesAssessed, s.words[kind]),
      caseIds: [...caseIds],
      questionIds: [...s.questionIds],
      theme: s.theme,
    };
  };
  return (['strength', 'development'] as const).flatMap((kind) =>
    SUGGESTION_BUCKETS.flatMap((bucket) =>
      sources
        .filter((s) => (kind === 'strength' ? s.p.strengthBucket : s.p.developmentBucket) === bucket)
        .map((s) => make(kind, s)),
    ),
  );
}

export interface FindingGroup<T extends Pick<SuggestedFinding, 'kind' | 'bucket'>> {
  kind: SuggestedFinding['kind'];
  bucket: PrevalenceBucket;
  heading: string;
  items: T[];
}

/** Findings under the heading of their own kind and bucket, in suggestion order; empty groups left out. */
export function groupByHeading<T extends Pick<SuggestedFinding, 'kind' | 'bucket'>>(
  list: readonly T[],
): FindingGroup<T>[] {
  return (['strength', 'development'] as const).flatMap((kind) =>
    PREVALENCE_BUCKETS.toReversed().flatMap((bucket) => {
      const items = list.filter((s) => s.kind === kind && s.bucket === bucket);
      return items.length > 0 ? [{ kind, bucket, heading: findingsHeading(kind, bucket), items }] : [];
    }),
  );
}

/**
 * The bucket a written finding states for itself ("In some cases (2 of 8) …" is "some"), or null when
 * it names none (the auditor's own words). Reports head each finding with the bucket it states, so a
 * heading never disagrees with the findings under it.
 */
export function statedBucket(text: string): PrevalenceBucket | null {
  const t = text.trimStart();
  return PREVALENCE_BUCKETS.find((b) => new RegExp(`^${PREVALENCE_BUCKET_LABELS[b]}\\b`, 'i').test(t)) ?? null;
}

export interface WrittenGroup<T> {
  bucket: PrevalenceBucket | null;
  heading: string; // "In some cases the following strengths were found", or "…were also found"
  items: T[];
}

/** One kind of written findings under headings that agree with them: by stated bucket, then the rest. */
export function groupWritten<T extends { kind: SuggestedFinding['kind']; text: string }>(
  kind: SuggestedFinding['kind'],
  findings: readonly T[],
): WrittenGroup<T>[] {
  const mine = findings.filter((f) => f.kind === kind);
  const word = kind === 'strength' ? 'strengths' : 'development areas';
  const groups: WrittenGroup<T>[] = [...PREVALENCE_BUCKETS.toReversed(), null].map((bucket) => ({
    bucket,
    heading: bucket === null ? `The following ${word} were also found` : findingsHeading(kind, bucket),
    items: mine.filter((f) => statedBucket(f.text) === bucket),
  }));
  return groups.filter((g) => g.items.length > 0);
}

/**
 * The count a finding states for itself right after its bucket ("In some cases (2 of 8) …" is 2 of 8),
 * or null when it states none: how a written finding is marked as a small sample.
 */
export function statedCount(text: string): { count: number; of: number } | null {
  const bucket = statedBucket(text);
  if (bucket === null) return null;
  const m = new RegExp(`^${PREVALENCE_BUCKET_LABELS[bucket]}\\s*\\((\\d+) of (\\d+)\\)`, 'i').exec(text.trimStart());
  return m ? { count: Number(m[1]), of: Number(m[2]) } : null;
}

/** A written finding whose own count is from fewer cases than the threshold, with "(small sample)" after it. */
export function markedIfSmall(text: string, threshold: number): string {
  const stated = statedCount(text);
  return stated && isSmallSample(stated.of, threshold) ? `${text.trimEnd()} (small sample)` : text;
}
