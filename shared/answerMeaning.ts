// What one agency's answer to one question says about practice: a strength, a development area, or
// nothing either way. Findings by prevalence (prevalence.ts) are built from these meanings.
import type { Answer } from './answer.js';
import { answerProblem, isAnswered } from './checklistRules.js';
import type { Question } from './template.js';

export const ANSWER_MEANINGS = ['strength', 'development', 'neutral', 'not_applicable', 'unanswered'] as const;
export type AnswerMeaning = (typeof ANSWER_MEANINGS)[number];

export type AnswerLike = Pick<Answer, 'value' | 'notApplicableReason'>;

function fromStandard(meetsStandard: boolean | undefined): AnswerMeaning {
  if (meetsStandard === undefined) return 'neutral';
  return meetsStandard ? 'strength' : 'development';
}

/**
 * Whether a question can yield a strength or a development area at all. Free-form questions and
 * choice questions whose options carry no `meetsStandard` only describe the case.
 */
export function isAssessable(q: Pick<Question, 'type' | 'options'>): boolean {
  switch (q.type) {
    case 'grade':
    case 'rag':
    case 'yes_partly_no':
      return true;
    case 'single_choice':
    case 'multiple_choice':
      return (q.options ?? []).some((o) => o.meetsStandard !== undefined);
    default:
      return false;
  }
}

export function answerMeaning(q: Question, a: AnswerLike | undefined): AnswerMeaning {
  // Unanswered includes "N/A" without its reason (isAnswered's rule): it must never count as a strength.
  if (!a || !isAnswered(q, a)) return 'unanswered';
  // A stored value that does not fit the question (e.g. an option since removed) cannot be judged.
  if (answerProblem(q, a.value) !== null) return 'unanswered';
  const v = a.value;
  switch (q.type) {
    case 'grade':
      return v === 'outstanding' || v === 'good' ? 'strength' : 'development';
    case 'rag':
      return v === 'green' ? 'strength' : 'development';
    case 'yes_partly_no':
      if (v === 'na') return 'not_applicable';
      // "Partly" is a development area: the standard was not fully met.
      return v === 'yes' ? 'strength' : 'development';
    case 'single_choice':
      return fromStandard(q.options?.find((o) => o.value === v)?.meetsStandard);
    case 'multiple_choice': {
      const chosen = Array.isArray(v) ? v : [];
      const flags = (q.options ?? []).filter((o) => chosen.includes(o.value)).map((o) => o.meetsStandard);
      // One chosen option that falls short outweighs any that meet the standard.
      if (flags.includes(false)) return 'development';
      return flags.includes(true) ? 'strength' : 'neutral';
    }
    default:
      return 'neutral';
  }
}
