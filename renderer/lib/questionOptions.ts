import type { Question } from '../../shared/template.js';
import {
  GRADES,
  GRADE_LABELS,
  RAG_LABELS,
  RAG_RATINGS,
  YES_PARTLY_NO,
  YES_PARTLY_NO_LABELS,
} from '../../shared/vocabulary.js';

export interface ChoiceOption {
  value: string;
  label: string;
}

/** The choices a question offers, with their labels, in the order they are shown. */
export function questionOptions(q: Pick<Question, 'type' | 'options'>): ChoiceOption[] {
  switch (q.type) {
    case 'grade':
      return GRADES.map((value) => ({ value, label: GRADE_LABELS[value] }));
    case 'rag':
      return RAG_RATINGS.map((value) => ({ value, label: RAG_LABELS[value] }));
    case 'yes_partly_no':
      return YES_PARTLY_NO.map((value) => ({ value, label: YES_PARTLY_NO_LABELS[value] }));
    case 'single_choice':
    case 'multiple_choice':
      return (q.options ?? []).map((o) => ({ value: o.value, label: o.label }));
    default:
      return [];
  }
}

/** The id of a question's first control: what error summary links and "jump to" focus. */
export function questionControlId(questionId: string): string {
  return `q-${questionId}`;
}

export function notApplicableReasonId(questionId: string): string {
  return `q-${questionId}-na`;
}
