import type { AnswerValue } from '../../shared/answer.js';

/** What the checklist holds for one question: the answer as last given (saved or being saved). */
export interface AnswerDraft {
  value: AnswerValue;
  notApplicableReason: string;
  evidence: string;
}

export function sameDraft(a: AnswerDraft | undefined, b: AnswerDraft): boolean {
  if (!a) return false;
  return (
    a.notApplicableReason === b.notApplicableReason &&
    a.evidence === b.evidence &&
    JSON.stringify(a.value) === JSON.stringify(b.value)
  );
}
