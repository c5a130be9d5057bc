// Pure rules of a checklist (one case × one agency): which questions it asks, which are shown given
// the answers so far, whether an answer fits its question, and how far the checklist has got.
import type { Answer, AnswerValue } from './answer.js';
import { allQuestions, answerValuesFor, type Question, type Template } from './template.js';
import type { AgencyKind } from './vocabulary.js';

export type AnswerMap = ReadonlyMap<string, Pick<Answer, 'value' | 'notApplicableReason'>>;

export function appliesToAgency(q: Question, kind: AgencyKind): boolean {
  return q.appliesTo.length === 0 || q.appliesTo.includes(kind);
}

function valueCodes(v: AnswerValue | undefined): string[] {
  if (v === null || v === undefined) return [];
  if (Array.isArray(v)) return v;
  return [String(v)];
}

/** Questions shown to this agency, in template order, given the answers so far. */
export function visibleQuestions(t: Pick<Template, 'sections'>, kind: AgencyKind, answers: AnswerMap): Question[] {
  const shown = new Set<string>();
  const out: Question[] = [];
  for (const q of allQuestions(t)) {
    if (!appliesToAgency(q, kind)) continue;
    if (q.showWhen) {
      // A condition on a hidden question is false: hiding cascades down the chain.
      if (!shown.has(q.showWhen.questionId)) continue;
      const given = valueCodes(answers.get(q.showWhen.questionId)?.value);
      if (!q.showWhen.anyOf.some((v) => given.includes(v))) continue;
    }
    shown.add(q.id);
    out.push(q);
  }
  return out;
}

/** Why a value cannot be an answer to this question, or null when it can. */
export function answerProblem(q: Question, value: AnswerValue): string | null {
  if (value === null) return null;
  const fixed = answerValuesFor(q);
  switch (q.type) {
    case 'multiple_choice':
      if (!Array.isArray(value)) return 'choose one or more options';
      if (new Set(value).size !== value.length) return 'an option is chosen twice';
      for (const v of value) if (!fixed?.includes(v)) return `"${v}" is not one of the options`;
      return null;
    case 'number':
      if (typeof value !== 'number') return 'enter a number';
      if (q.min !== undefined && value < q.min) return `enter a number of at least ${q.min}`;
      if (q.max !== undefined && value > q.max) return `enter a number of at most ${q.max}`;
      return null;
    case 'date':
      if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(value)))
        return 'enter a real date as YYYY-MM-DD';
      return null;
    case 'text':
      return typeof value === 'string' ? null : 'enter text';
    default:
      if (typeof value !== 'string' || !fixed?.includes(value)) return `choose one of: ${fixed?.join(', ')}`;
      return null;
  }
}

export function isAnswered(q: Question, a: Pick<Answer, 'value' | 'notApplicableReason'> | undefined): boolean {
  if (!a) return false;
  const v = a.value;
  if (v === null) return false;
  if (typeof v === 'string' && v.trim() === '') return false;
  if (Array.isArray(v) && v.length === 0) return false;
  // "Not applicable" counts only with its reason.
  if (q.type === 'yes_partly_no' && v === 'na') return a.notApplicableReason.trim() !== '';
  return true;
}

export type ChecklistStatus = 'not_started' | 'in_progress' | 'complete';

export interface ChecklistProgress {
  answered: number; // answered questions among the visible required ones
  required: number;
  answeredAny: number; // every visible answered question, required or not
  missing: Question[]; // visible required questions without an answer
}

export function checklistProgress(
  t: Pick<Template, 'sections'>,
  kind: AgencyKind,
  answers: AnswerMap,
): ChecklistProgress {
  const visible = visibleQuestions(t, kind, answers);
  const required = visible.filter((q) => q.required);
  const missing = required.filter((q) => !isAnswered(q, answers.get(q.id)));
  return {
    answered: required.length - missing.length,
    required: required.length,
    answeredAny: visible.filter((q) => isAnswered(q, answers.get(q.id))).length,
    missing,
  };
}

export function deriveStatus(p: ChecklistProgress, markedComplete: boolean): ChecklistStatus {
  if (markedComplete && p.missing.length === 0) return 'complete';
  return p.answeredAny === 0 ? 'not_started' : 'in_progress';
}
