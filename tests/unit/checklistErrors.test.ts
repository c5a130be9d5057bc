import { describe, expect, it } from 'vitest';
import { checklistProgress } from '../../shared/checklistRules.js';
import { templateSchema } from '../../shared/template.js';
import type { AnswerDraft } from '../../renderer/lib/answerDraft.js';
import { sectionErrors } from '../../renderer/lib/checklistErrors.js';

const template = templateSchema.parse({
  formatVersion: 1,
  id: 'errors',
  version: 1,
  title: 'Errors',
  theme: 'other',
  sections: [
    {
      id: 'first',
      title: 'First',
      questions: [
        { id: 'seen', text: 'Was the child seen?', type: 'yes_partly_no' },
        { id: 'alone', text: 'Was the child seen alone?', type: 'yes_partly_no' },
      ],
    },
    {
      id: 'second',
      title: 'Second',
      questions: [
        { id: 'plan', text: 'Was there a plan?', type: 'yes_partly_no' },
        { id: 'review', text: 'Was it reviewed?', type: 'yes_partly_no' },
      ],
    },
  ],
});
const sectionOf = new Map(template.sections.flatMap((s) => s.questions.map((q) => [q.id, s.id] as const)));
const numbers = new Map([
  ['seen', '1.1'],
  ['alone', '1.2'],
  ['plan', '2.1'],
  ['review', '2.2'],
]);
const sections = [
  { id: 'first', title: 'First', caption: 'Section 1 of 2' },
  { id: 'second', title: 'Second', caption: 'Section 2 of 2' },
];
const draft = (value: AnswerDraft['value'], notApplicableReason = ''): AnswerDraft => ({
  value,
  notApplicableReason,
  evidence: '',
});

function errorsIn(sectionId: string, answers: Map<string, AnswerDraft>) {
  const { missing } = checklistProgress(template, 'police', answers);
  return sectionErrors({ sectionId, missing, sectionOf, sections, numbers, answers });
}

describe('the error summary of a checklist section', () => {
  it("lists only its own section's questions, and names other sections by how many they need", () => {
    const errors = errorsIn('first', new Map([['plan', draft('yes')]]));
    expect(errors!.items).toEqual([
      { targetId: 'q-seen', text: 'Answer question 1.1: Was the child seen?' },
      { targetId: 'q-alone', text: 'Answer question 1.2: Was the child seen alone?' },
      { targetId: 'section-second', text: 'Section 2 of 2, Second: 1 required question to answer' },
    ]);
  });

  it('drops a question as soon as it is answered, and goes when nothing is missing', () => {
    const answers = new Map([['seen', draft('yes')]]);
    expect(errorsIn('first', answers)!.items.map((i) => i.targetId)).toEqual(['q-alone', 'section-second']);
    for (const id of ['alone', 'plan', 'review']) answers.set(id, draft('no'));
    expect(errorsIn('first', answers)).toBeNull();
  });

  it('asks for the reason of a "Not applicable" answer given without one', () => {
    const answers = new Map([
      ['seen', draft('na')],
      ['alone', draft('yes')],
      ['plan', draft('yes')],
      ['review', draft('yes')],
    ]);
    expect(errorsIn('first', answers)!.items).toEqual([
      { targetId: 'q-seen-na', text: 'Give the reason question 1.1 is not applicable: Was the child seen?' },
    ]);
  });
});
