// An answer in the words the checklist showed it: the option's label, the number, the date, the text.
import type { AnswerValue } from '../../shared/answer.js';
import type { AnswerMeaning } from '../../shared/answerMeaning.js';
import type { Question } from '../../shared/template.js';
import {
  GRADE_LABELS,
  RAG_LABELS,
  YES_PARTLY_NO_LABELS,
  type Grade,
  type RagRating,
  type YesPartlyNo,
} from '../../shared/vocabulary.js';

function optionLabel(q: Pick<Question, 'type' | 'options'>, code: string): string {
  switch (q.type) {
    case 'grade':
      return GRADE_LABELS[code as Grade] ?? code;
    case 'rag':
      return RAG_LABELS[code as RagRating] ?? code;
    case 'yes_partly_no':
      return YES_PARTLY_NO_LABELS[code as YesPartlyNo] ?? code;
    default:
      return q.options?.find((o) => o.value === code)?.label ?? code;
  }
}

/** The answer as words; '' when there is none. Several choices are joined with "; ". */
export function answerText(q: Pick<Question, 'type' | 'options'>, value: AnswerValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map((c) => optionLabel(q, c)).join('; ');
  if (typeof value === 'number') return String(value);
  if (q.type === 'text' || q.type === 'date' || q.type === 'number') return value;
  return optionLabel(q, value);
}

export const MEANING_LABELS: Record<AnswerMeaning, string> = {
  strength: 'Strength',
  development: 'Area for development',
  neutral: 'Neither',
  not_applicable: 'Not applicable',
  unanswered: 'Not answered',
};
