import { describe, expect, it } from 'vitest';
import type { AnswerValue } from '../../shared/answer.js';
import { answerProblem, checklistProgress, deriveStatus, visibleQuestions } from '../../shared/checklistRules.js';
import { templateSchema, type Question } from '../../shared/template.js';

const template = templateSchema.parse({
  formatVersion: 1,
  id: 'rules',
  version: 1,
  title: 'Rules',
  theme: 'other',
  sections: [
    {
      id: 's1',
      title: 'One',
      questions: [
        { id: 'consent', text: 'Was consent sought?', type: 'yes_partly_no' },
        {
          id: 'why',
          text: 'Was the reason recorded?',
          type: 'yes_partly_no',
          required: false,
          showWhen: { questionId: 'consent', anyOf: ['no'] },
        },
        {
          id: 'why-agreed',
          text: 'Did a manager agree?',
          type: 'yes_partly_no',
          required: false,
          showWhen: { questionId: 'why', anyOf: ['yes'] },
        },
        { id: 'police-only', text: 'Police checks?', type: 'rag', appliesTo: ['police'] },
        { id: 'optional', text: 'Notes', type: 'text', required: false },
        { id: 'count', text: 'Contacts', type: 'number', min: 0, max: 50 },
        { id: 'when', text: 'Date', type: 'date' },
        {
          id: 'multi',
          text: 'Which?',
          type: 'multiple_choice',
          options: [
            { value: 'a', label: 'A' },
            { value: 'b', label: 'B' },
          ],
        },
      ],
    },
  ],
});
const q = (id: string) => template.sections[0]!.questions.find((x) => x.id === id) as Question;
const answers = (values: Record<string, AnswerValue>, reasons: Record<string, string> = {}) =>
  new Map(Object.entries(values).map(([k, value]) => [k, { value, notApplicableReason: reasons[k] ?? '' }]));

describe('visibleQuestions', () => {
  it('asks an agency only the questions that apply to it', () => {
    const ids = (kind: 'police' | 'health') => visibleQuestions(template, kind, new Map()).map((x) => x.id);
    expect(ids('police')).toContain('police-only');
    expect(ids('health')).not.toContain('police-only');
  });
  it('shows a conditional question only when its condition is met', () => {
    expect(visibleQuestions(template, 'health', answers({ consent: 'yes' })).map((x) => x.id)).not.toContain('why');
    expect(visibleQuestions(template, 'health', answers({ consent: 'no' })).map((x) => x.id)).toContain('why');
  });
  it('hides the rest of a chain when an earlier link is hidden, whatever was answered before', () => {
    const ids = visibleQuestions(template, 'health', answers({ consent: 'yes', why: 'yes' })).map((x) => x.id);
    expect(ids).not.toContain('why');
    expect(ids).not.toContain('why-agreed');
    expect(visibleQuestions(template, 'health', answers({ consent: 'no', why: 'yes' })).map((x) => x.id)).toContain(
      'why-agreed',
    );
  });
});

describe('answerProblem', () => {
  it('accepts values of the right type and refuses others', () => {
    expect(answerProblem(q('consent'), 'partly')).toBeNull();
    expect(answerProblem(q('consent'), 'maybe')).toMatch(/choose one of/);
    expect(answerProblem(q('count'), 3)).toBeNull();
    expect(answerProblem(q('count'), 51)).toMatch(/at most 50/);
    expect(answerProblem(q('count'), '3')).toMatch(/number/);
    expect(answerProblem(q('when'), '2017-02-30')).toBeNull(); // Date.parse rolls over; shape is what matters
    expect(answerProblem(q('when'), '30/02/2017')).toMatch(/YYYY-MM-DD/);
    expect(answerProblem(q('multi'), ['a', 'b'])).toBeNull();
    expect(answerProblem(q('multi'), ['a', 'a'])).toMatch(/twice/);
    expect(answerProblem(q('multi'), ['c'])).toMatch(/not one of/);
    expect(answerProblem(q('consent'), null)).toBeNull();
  });
});

describe('checklistProgress', () => {
  it('counts visible required questions and treats N/A without a reason as unanswered', () => {
    const p = checklistProgress(template, 'health', answers({ consent: 'na', count: 2 }));
    // consent, count, when, multi are required and visible for health; optional is not required.
    expect(p.required).toBe(4);
    expect(p.answered).toBe(1);
    expect(p.missing.map((x) => x.id)).toEqual(['consent', 'when', 'multi']);
    const withReason = checklistProgress(
      template,
      'health',
      answers({ consent: 'na', count: 2 }, { consent: 'No parents involved' }),
    );
    expect(withReason.answered).toBe(2);
  });
  it('derives the status', () => {
    const none = checklistProgress(template, 'health', new Map());
    expect(deriveStatus(none, false)).toBe('not_started');
    const all = checklistProgress(
      template,
      'health',
      answers({ consent: 'yes', count: 1, when: '2017-01-01', multi: ['a'] }),
    );
    expect(all.missing).toEqual([]);
    expect(deriveStatus(all, false)).toBe('in_progress');
    expect(deriveStatus(all, true)).toBe('complete');
  });
});
