// The error summary of a checklist section after "Mark as complete" failed: worked out afresh from
// the answers on every render, so a question answered leaves it at once, and about the section it was
// raised in only (other sections are named by how many questions they still need, not listed).
import type { Question } from '../../shared/template.js';
import type { AnswerDraft } from './answerDraft.js';
import { notApplicableReasonId, questionControlId } from './questionOptions.js';

/** How many unanswered questions of the section the summary lists before "and N more". */
export const MISSING_LISTED = 20;

/** The target of a line about another section: following it opens that section. */
export const SECTION_TARGET_PREFIX = 'section-';

export interface SectionErrorItem {
  targetId: string;
  text: string;
}

export interface SectionErrors {
  items: SectionErrorItem[];
  more: string | undefined;
}

interface SectionRef {
  id: string;
  title: string;
  /** "Section 3 of 6" */
  caption: string;
}

/**
 * What the summary of `sectionId` says now: its own unanswered required questions (the reason for
 * "Not applicable" where that is what is missing), then one line for each other section that still
 * has some. Null when nothing is missing any more, so the summary goes.
 */
export function sectionErrors(input: {
  sectionId: string;
  /** Every required question still unanswered in the checklist, in template order. */
  missing: readonly Question[];
  sectionOf: ReadonlyMap<string, string>;
  sections: readonly SectionRef[];
  numbers: ReadonlyMap<string, string>;
  answers: ReadonlyMap<string, AnswerDraft>;
}): SectionErrors | null {
  const { sectionId, missing, sectionOf, sections, numbers, answers } = input;
  const here = missing.filter((q) => sectionOf.get(q.id) === sectionId);
  const items: SectionErrorItem[] = here.slice(0, MISSING_LISTED).map((q) => {
    const n = numbers.get(q.id) ?? '';
    return answers.get(q.id)?.value === 'na'
      ? { targetId: notApplicableReasonId(q.id), text: `Give the reason question ${n} is not applicable: ${q.text}` }
      : { targetId: questionControlId(q.id), text: `Answer question ${n}: ${q.text}` };
  });
  const rest = here.length - items.length;
  const elsewhere = new Map<string, number>();
  for (const q of missing) {
    const s = sectionOf.get(q.id);
    if (s !== undefined && s !== sectionId) elsewhere.set(s, (elsewhere.get(s) ?? 0) + 1);
  }
  for (const s of sections) {
    const count = elsewhere.get(s.id);
    if (!count) continue;
    items.push({
      targetId: `${SECTION_TARGET_PREFIX}${s.id}`,
      text: `${s.caption}, ${s.title}: ${count} required ${count === 1 ? 'question' : 'questions'} to answer`,
    });
  }
  if (items.length === 0) return null;
  return {
    items,
    more: rest > 0 ? `And ${rest} more required ${rest === 1 ? 'question' : 'questions'} in this section.` : undefined,
  };
}
