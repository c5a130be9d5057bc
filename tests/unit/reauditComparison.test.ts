import { describe, expect, it } from 'vitest';
import type { AnswerValue } from '../../shared/answer.js';
import { computePrevalence, type SampledCase } from '../../shared/prevalence.js';
import { compareRounds, formatShare, type ReauditRound } from '../../shared/reauditComparison.js';
import { templateSchema, type TemplateInput } from '../../shared/template.js';

type Questions = TemplateInput['sections'][number]['questions'];
type QuestionInput = Questions[number];
const seenAlone = { id: 'seen-alone', type: 'yes_partly_no', themes: ['child_seen_alone'] } satisfies Omit<
  QuestionInput,
  'text'
>;
const chronology = {
  id: 'chronology',
  text: 'Is the chronology up to date?',
  type: 'rag',
  themes: ['chronology'],
} satisfies QuestionInput;
const outcome = { id: 'outcome', text: 'Outcome for the child', type: 'text', required: false } satisfies QuestionInput;

const template = (version: number, questions: Questions) =>
  templateSchema.parse({
    formatVersion: 1,
    id: 'cp-checks',
    version,
    title: 'Child protection agency checks',
    theme: 'child_protection_enquiries',
    sections: [{ id: 's1', title: 'Checks', questions }],
  });
const v1 = template(1, [{ ...seenAlone, text: 'Was the child seen alone?' }, chronology, outcome]);
const v2 = template(2, [{ ...seenAlone, text: 'Was the child seen alone? ' }, chronology, outcome]);
// Round 3: seen-alone reworded, chronology dropped, fathers added.
const v3 = template(3, [
  { ...seenAlone, text: 'Was the child seen alone and their views recorded?' },
  outcome,
  { id: 'fathers', text: 'Were fathers engaged?', type: 'yes_partly_no', themes: ['fathers_engaged'] },
]);

// `n` cases, one children's social care checklist each, answers chosen by case index.
const sample = (prefix: string, n: number, answers: (i: number) => Record<string, AnswerValue>): SampledCase[] =>
  Array.from({ length: n }, (_, i) => ({
    caseId: `${prefix}-${i + 1}`,
    checklists: [
      {
        agencyKind: 'childrens_social_care',
        answers: new Map(
          Object.entries(answers(i)).map(([k, v]) => [
            k,
            { value: v, notApplicableReason: v === 'na' ? 'pre-birth' : '' },
          ]),
        ),
      },
    ],
  }));

// Round 1: 12 cases, 2 N/A for seen-alone, so 10 assessed with 3 strengths; chronology 6 of 12 green.
const r1 = sample('R1', 12, (i) => ({
  'seen-alone': i >= 10 ? 'na' : i < 3 ? 'yes' : 'no',
  chronology: i < 6 ? 'green' : 'amber',
}));
// Round 2: 20 cases, 7 strengths; chronology 15 of 20 green.
const r2 = sample('R2', 20, (i) => ({ 'seen-alone': i < 7 ? 'yes' : 'partly', chronology: i < 15 ? 'green' : 'red' }));
// Round 3: 10 cases, 8 strengths; fathers answered in 4 cases, 1 yes.
const r3 = sample('R3', 10, (i) => ({
  'seen-alone': i < 8 ? 'yes' : 'no',
  ...(i < 4 ? { fathers: i === 0 ? 'yes' : 'no' } : {}),
}));

const round = (auditId: string, label: string, t: typeof v1, cases: SampledCase[]): ReauditRound => ({
  auditId,
  label,
  template: t,
  prevalence: computePrevalence(t, cases),
});
const rounds = [
  round('audit-1', 'Baseline 2016', v1, r1),
  round('audit-2', 'Re-audit 2017', v2, r2),
  round('audit-3', 'Re-audit 2018', v3, r3),
];
const comparison = compareRounds(rounds);
const question = (id: string) => comparison.questions.find((q) => q.questionId === id);
const theme = (t: string) => comparison.themes.find((x) => x.theme === t);

describe('compareRounds', () => {
  it('reports the share meeting the standard in each of three rounds: 30%, 35%, 80%', () => {
    const q = question('seen-alone');
    expect(q?.rounds.map((r) => r.share)).toEqual([0.3, 0.35, 0.8]);
    expect(q?.rounds.map((r) => formatShare(r.share))).toEqual(['30%', '35%', '80%']);
    expect(q?.rounds.map((r) => [r.strengthCount, r.casesAssessed])).toEqual([
      [3, 10],
      [7, 20],
      [8, 10],
    ]);
    expect(q?.rounds.map((r) => r.label)).toEqual(['Baseline 2016', 'Re-audit 2017', 'Re-audit 2018']);
  });

  it('flags a question reworded in round 3 and keeps each round’s wording', () => {
    const q = question('seen-alone');
    expect(q?.wordingChanged).toBe(true);
    expect(q?.typeChanged).toBe(false);
    expect(q?.text).toBe('Was the child seen alone and their views recorded?');
    // Round 2's trailing space is not a change of wording.
    expect(q?.rounds.map((r) => r.text?.trim())).toEqual([
      'Was the child seen alone?',
      'Was the child seen alone?',
      'Was the child seen alone and their views recorded?',
    ]);
    expect(question('chronology')?.wordingChanged).toBe(false);
  });

  it('gives null where a question was not asked or no case was assessed', () => {
    const chron = question('chronology');
    expect(chron?.rounds.map((r) => [r.asked, r.share])).toEqual([
      [true, 0.5],
      [true, 0.75],
      [false, null],
    ]);
    expect(question('fathers')?.rounds.map((r) => [r.asked, r.share])).toEqual([
      [false, null],
      [false, null],
      [true, 0.25],
    ]);
    // A free-text question is asked but never assessed.
    expect(question('outcome')?.rounds.map((r) => [r.asked, r.share])).toEqual([
      [true, null],
      [true, null],
      [true, null],
    ]);
  });

  it('orders questions as the latest template, then those dropped', () => {
    expect(comparison.questions.map((q) => q.questionId)).toEqual(['seen-alone', 'outcome', 'fathers', 'chronology']);
    expect(comparison.rounds.map((r) => r.templateVersion)).toEqual([1, 2, 3]);
  });

  it('compares learning themes the same way', () => {
    expect(comparison.themes.map((t) => t.theme)).toEqual(['child_seen_alone', 'fathers_engaged', 'chronology']);
    expect(theme('child_seen_alone')).toMatchObject({ wordingChanged: true, questionsChanged: false });
    expect(theme('child_seen_alone')?.rounds.map((r) => formatShare(r.share))).toEqual(['30%', '35%', '80%']);
    expect(theme('chronology')?.rounds.map((r) => r.share)).toEqual([0.5, 0.75, null]);
    expect(theme('chronology')).toMatchObject({ wordingChanged: false, questionsChanged: false });
    expect(theme('fathers_engaged')?.rounds.map((r) => r.share)).toEqual([null, null, 0.25]);
  });

  it('notices when a theme’s questions change between rounds', () => {
    const a = template(1, [{ id: 'q1', text: 'Voice heard?', type: 'yes_partly_no', themes: ['voice_of_child'] }]);
    const b = template(2, [
      { id: 'q1', text: 'Voice heard?', type: 'yes_partly_no', themes: ['voice_of_child'] },
      { id: 'q2', text: 'Wishes recorded?', type: 'grade', themes: ['voice_of_child'] },
    ]);
    const c = compareRounds([round('a', 'A', a, []), round('b', 'B', b, [])]);
    expect(c.themes[0]).toMatchObject({ theme: 'voice_of_child', questionsChanged: true, wordingChanged: false });
    expect(c.questions.find((q) => q.questionId === 'q2')?.rounds.map((r) => r.asked)).toEqual([false, true]);
  });

  it('refuses findings computed with another template version', () => {
    expect(() =>
      compareRounds([{ auditId: 'x', label: 'X', template: v2, prevalence: computePrevalence(v1, r1) }]),
    ).toThrow(/this round's template/);
  });
});

describe('formatShare', () => {
  it('gives whole percentages, rounding halves up', () => {
    expect([0, 0.3, 0.35, 0.8, 1].map(formatShare)).toEqual(['0%', '30%', '35%', '80%', '100%']);
    expect([1 / 3, 2 / 3, 57 / 200, 0.005].map(formatShare)).toEqual(['33%', '67%', '29%', '1%']);
    expect(formatShare(null)).toBe('—');
  });
});
