import { describe, expect, it } from 'vitest';
import type { AnswerValue } from '../../shared/answer.js';
import { answerMeaning, isAssessable } from '../../shared/answerMeaning.js';
import {
  computePrevalence,
  groupByHeading,
  groupWritten,
  statedBucket,
  statedCount,
  markedIfSmall,
  PREVALENCE_BUCKET_LABELS,
  prevalenceBucket,
  prevalenceThresholdsSchema,
  suggestions,
  type CaseChecklist,
  type QuestionPrevalence,
  type SampledCase,
  type ThemePrevalence,
} from '../../shared/prevalence.js';
import { templateSchema, type Question, type TemplateInput } from '../../shared/template.js';
import type { AgencyKind } from '../../shared/vocabulary.js';

const make = (questions: TemplateInput['sections'][number]['questions']) =>
  templateSchema.parse({
    formatVersion: 1,
    id: 'prev',
    version: 1,
    title: 'Prevalence',
    theme: 'other',
    sections: [{ id: 's1', title: 'One', questions }],
  });

// An agency's checklist; a value written "na:<reason>" is N/A with that reason.
const cl = (agencyKind: AgencyKind, values: Record<string, AnswerValue>): CaseChecklist => ({
  agencyKind,
  answers: new Map(
    Object.entries(values).map(([k, v]) =>
      typeof v === 'string' && v.startsWith('na:')
        ? [k, { value: 'na', notApplicableReason: v.slice(3) }]
        : [k, { value: v, notApplicableReason: '' }],
    ),
  ),
});
const kase = (caseId: string, ...checklists: CaseChecklist[]): SampledCase => ({ caseId, checklists });
const pick = (rows: QuestionPrevalence[], id: string) => rows.find((r) => r.questionId === id);
const themeOf = (rows: ThemePrevalence[], theme: string) => rows.find((r) => r.theme === theme);
const summary = (p: QuestionPrevalence | ThemePrevalence | undefined) =>
  p && {
    assessed: p.casesAssessed,
    s: p.strengthCases,
    d: p.developmentCases,
    sb: p.strengthBucket,
    db: p.developmentBucket,
  };

describe('answerMeaning', () => {
  const t = make([
    { id: 'g', text: 'Grade', type: 'grade' },
    { id: 'r', text: 'RAG', type: 'rag' },
    { id: 'y', text: 'Yes?', type: 'yes_partly_no' },
    {
      id: 'sc',
      text: 'Screening',
      type: 'single_choice',
      options: [
        { value: 'red', label: 'Red' },
        { value: 'in-time', label: 'In time', meetsStandard: true },
        { value: 'late', label: 'Late', meetsStandard: false },
      ],
    },
    {
      id: 'mc',
      text: 'Checks',
      type: 'multiple_choice',
      options: [
        { value: 'gp', label: 'GP', meetsStandard: true },
        { value: 'school', label: 'School', meetsStandard: true },
        { value: 'none', label: 'No checks', meetsStandard: false },
        { value: 'other', label: 'Other' },
      ],
    },
    {
      id: 'mc-plain',
      text: 'Who',
      type: 'multiple_choice',
      options: [
        { value: 'a', label: 'A' },
        { value: 'b', label: 'B' },
      ],
    },
    { id: 'n', text: 'Count', type: 'number' },
    { id: 'd', text: 'Date', type: 'date' },
    { id: 'x', text: 'Notes', type: 'text' },
  ]);
  const q = (id: string) => t.sections[0]!.questions.find((x) => x.id === id) as Question;
  const m = (id: string, value: AnswerValue, notApplicableReason = '') =>
    answerMeaning(q(id), { value, notApplicableReason });

  it('reads each scale', () => {
    expect([m('g', 'outstanding'), m('g', 'good'), m('g', 'requires_improvement'), m('g', 'inadequate')]).toEqual([
      'strength',
      'strength',
      'development',
      'development',
    ]);
    expect([m('r', 'green'), m('r', 'amber'), m('r', 'red')]).toEqual(['strength', 'development', 'development']);
    expect([m('y', 'yes'), m('y', 'partly'), m('y', 'no'), m('y', 'na', 'baby')]).toEqual([
      'strength',
      'development',
      'development',
      'not_applicable',
    ]);
    expect([m('sc', 'in-time'), m('sc', 'late'), m('sc', 'red')]).toEqual(['strength', 'development', 'neutral']);
    expect([m('mc', ['gp', 'school']), m('mc', ['gp', 'none']), m('mc', ['other']), m('mc-plain', ['a'])]).toEqual([
      'strength',
      'development',
      'neutral',
      'neutral',
    ]);
    expect([m('n', 3), m('d', '2024-01-02'), m('x', 'seen at school')]).toEqual(['neutral', 'neutral', 'neutral']);
  });

  it('never makes a strength of an unanswered question', () => {
    expect(answerMeaning(q('y'), undefined)).toBe('unanswered');
    expect(m('y', null)).toBe('unanswered');
    expect(m('y', 'na')).toBe('unanswered'); // N/A without its reason
    expect(m('g', 'excellent')).toBe('unanswered'); // not a value of the scale
    expect(m('mc', [])).toBe('unanswered');
    expect(m('x', '   ')).toBe('unanswered');
  });

  it('knows which questions can be assessed', () => {
    expect(['g', 'r', 'y', 'sc', 'mc', 'mc-plain', 'n', 'd', 'x'].map((id) => isAssessable(q(id)))).toEqual([
      true,
      true,
      true,
      true,
      true,
      false,
      false,
      false,
      false,
    ]);
  });
});

describe('computePrevalence: the multi-agency case rule', () => {
  const template = make([
    {
      id: 'seen-alone',
      text: 'Was the child seen alone?',
      type: 'yes_partly_no',
      themes: ['child_seen_alone', 'voice_of_child'],
    },
    {
      id: 'views-recorded',
      text: "Were the child's views recorded?",
      type: 'yes_partly_no',
      appliesTo: ['childrens_social_care', 'health'],
      themes: ['voice_of_child'],
    },
    {
      id: 'police-checks',
      text: 'Police checks',
      type: 'rag',
      appliesTo: ['police'],
      themes: ['information_sharing_consent'],
    },
    { id: 'consent', text: 'Was consent sought?', type: 'yes_partly_no', themes: ['information_sharing_consent'] },
    {
      id: 'override-reason',
      text: 'Was the reason for not seeking consent recorded?',
      type: 'yes_partly_no',
      showWhen: { questionId: 'consent', anyOf: ['no'] },
      themes: ['information_sharing_consent'],
    },
    { id: 'notes', text: 'Notes', type: 'text', required: false, themes: ['voice_of_child'] },
  ]);
  const cases = [
    kase(
      'C1',
      cl('childrens_social_care', { 'seen-alone': 'yes', 'views-recorded': 'yes', consent: 'yes' }),
      cl('police', { 'seen-alone': 'yes', 'police-checks': 'green', consent: 'yes' }),
    ),
    kase(
      'C2',
      cl('childrens_social_care', {
        'seen-alone': 'yes',
        'views-recorded': 'partly',
        consent: 'no',
        'override-reason': 'yes',
      }),
      cl('police', { 'seen-alone': 'no', 'police-checks': 'amber', consent: 'yes' }),
    ),
    // Health only; its override-reason answer is hidden because consent was sought.
    kase(
      'C3',
      cl('health', { 'seen-alone': 'na:newborn', 'views-recorded': 'yes', consent: 'yes', 'override-reason': 'no' }),
    ),
    // Police only; N/A without a reason is unanswered.
    kase('C4', cl('police', { 'police-checks': 'green', consent: 'na', notes: 'anything' })),
    kase('C5', cl('childrens_social_care', { 'seen-alone': 'na:baby', consent: 'no', 'override-reason': 'no' })),
  ];
  const result = computePrevalence(template, cases);

  it('excludes N/A and unanswered from the denominator; one development anywhere makes the case one', () => {
    // C1 yes+yes strength; C2 yes+no development; C3 and C5 N/A; C4 not answered.
    expect(summary(pick(result.questions, 'seen-alone'))).toEqual({
      assessed: 2,
      s: ['C1'],
      d: ['C2'],
      sb: 'many_or_most',
      db: 'many_or_most',
    });
  });

  it('leaves out cases where no involved agency is asked the question', () => {
    // C4 has only police (not asked); C5 children's social care did not answer.
    expect(summary(pick(result.questions, 'views-recorded'))).toEqual({
      assessed: 3,
      s: ['C1', 'C3'],
      d: ['C2'],
      sb: 'many_or_most',
      db: 'some',
    });
    // Only police are asked: C3 and C5 have no police checklist.
    expect(summary(pick(result.questions, 'police-checks'))).toEqual({
      assessed: 3,
      s: ['C1', 'C4'],
      d: ['C2'],
      sb: 'many_or_most',
      db: 'some',
    });
  });

  it('counts cases with one agency only', () => {
    // C2: children's social care said no, police yes: a development. C3 (health only) a strength.
    expect(summary(pick(result.questions, 'consent'))).toEqual({
      assessed: 4,
      s: ['C1', 'C3'],
      d: ['C2', 'C5'],
      sb: 'many_or_most',
      db: 'many_or_most',
    });
  });

  it('ignores answers to questions hidden by their condition', () => {
    // Shown only where consent was "no": C2 (children's social care) and C5. C3's "no" is hidden.
    expect(summary(pick(result.questions, 'override-reason'))).toEqual({
      assessed: 2,
      s: ['C2'],
      d: ['C5'],
      sb: 'many_or_most',
      db: 'many_or_most',
    });
  });

  it('reports free-form questions as not assessable, with nothing assessed', () => {
    expect(pick(result.questions, 'notes')).toMatchObject({
      assessable: false,
      casesAssessed: 0,
      strengthBucket: 'none',
    });
  });

  it('rolls questions up into learning themes', () => {
    expect(result.themes.map((t) => t.theme)).toEqual([
      'voice_of_child',
      'child_seen_alone',
      'information_sharing_consent',
    ]);
    expect(themeOf(result.themes, 'voice_of_child')?.questionIds).toEqual(['seen-alone', 'views-recorded']);
    // C1 S,S; C2 D,D; C3 -,S; C4 -,-; C5 -,-.
    expect(summary(themeOf(result.themes, 'voice_of_child'))).toEqual({
      assessed: 3,
      s: ['C1', 'C3'],
      d: ['C2'],
      sb: 'many_or_most',
      db: 'some',
    });
    expect(summary(themeOf(result.themes, 'child_seen_alone'))).toEqual(summary(pick(result.questions, 'seen-alone')));
    // C1 S,S,-; C2 D,D,S (development despite a strength); C3 -,S,-; C4 S,-,-; C5 -,D,D.
    expect(summary(themeOf(result.themes, 'information_sharing_consent'))).toEqual({
      assessed: 5,
      s: ['C1', 'C3', 'C4'],
      d: ['C2', 'C5'],
      sb: 'many_or_most',
      db: 'some',
    });
  });

  it('describes the sample and refuses a case listed twice', () => {
    expect(result).toMatchObject({ templateId: 'prev', templateVersion: 1, casesSampled: 5 });
    expect(() => computePrevalence(template, [cases[0]!, cases[0]!])).toThrow(/twice/);
  });
});

describe('prevalence buckets and suggested findings', () => {
  const template = make([
    {
      id: 'seen',
      text: 'Was the child seen alone? ',
      type: 'yes_partly_no',
      finding: { met: 'the child was seen alone', unmet: 'the child was not seen alone.' },
    },
    { id: 'chronology', text: 'Chronology up to date', type: 'rag' },
    { id: 'overall', text: 'Overall quality of practice', type: 'grade' },
    { id: 'oversight', text: 'Management oversight', type: 'grade' },
  ]);
  const ids = Array.from({ length: 10 }, (_, i) => `K${i + 1}`);
  // seen: 5 yes, 5 no. chronology: 8 green, 2 red. overall: 9 good, 1 inadequate. oversight: 4 good, 6 RI.
  const cases = ids.map((id, i) =>
    kase(
      id,
      cl('childrens_social_care', {
        seen: i < 5 ? 'yes' : 'no',
        chronology: i < 8 ? 'green' : 'red',
        overall: i < 9 ? 'good' : 'inadequate',
        oversight: i < 4 ? 'good' : 'requires_improvement',
      }),
    ),
  );
  const result = computePrevalence(template, cases);
  const buckets = (id: string) => [
    pick(result.questions, id)?.strengthBucket,
    pick(result.questions, id)?.developmentBucket,
  ];

  it('puts a share exactly at a threshold in the higher bucket', () => {
    expect(buckets('seen')).toEqual(['many_or_most', 'many_or_most']); // 5/10 at 0.5
    expect(buckets('chronology')).toEqual(['many_or_most', 'some']); // 2/10 at 0.2
    expect(buckets('overall')).toEqual(['many_or_most', 'few']); // 1/10
    expect(buckets('oversight')).toEqual(['some', 'many_or_most']); // 4/10, 6/10
  });

  it('buckets shares against the thresholds', () => {
    expect(prevalenceBucket(0, 10)).toBe('none');
    expect(prevalenceBucket(0, 0)).toBe('none');
    expect(prevalenceBucket(1, 6)).toBe('few'); // 0.167
    expect(prevalenceBucket(1, 5)).toBe('some'); // 0.2
    expect(prevalenceBucket(7, 20)).toBe('some'); // 0.35
    expect(prevalenceBucket(1, 2)).toBe('many_or_most');
    expect(prevalenceBucket(9, 9)).toBe('many_or_most');
  });

  it('uses an audit’s own thresholds', () => {
    const custom = computePrevalence(template, cases, { someThreshold: 0.3, manyThreshold: 0.9 });
    expect(custom.thresholds).toEqual({ someThreshold: 0.3, manyThreshold: 0.9 });
    const b = (id: string) => [
      pick(custom.questions, id)?.strengthBucket,
      pick(custom.questions, id)?.developmentBucket,
    ];
    expect(b('seen')).toEqual(['some', 'some']);
    expect(b('chronology')).toEqual(['some', 'few']);
    expect(b('overall')).toEqual(['many_or_most', 'few']); // 9/10 at 0.9
  });

  it('validates thresholds and fills in defaults', () => {
    expect(prevalenceThresholdsSchema.parse({})).toEqual({ someThreshold: 0.2, manyThreshold: 0.5 });
    expect(prevalenceThresholdsSchema.parse({ manyThreshold: 1 })).toEqual({ someThreshold: 0.2, manyThreshold: 1 });
    const fail = (v: unknown) => prevalenceThresholdsSchema.safeParse(v).error?.issues[0]?.message;
    expect(fail({ someThreshold: 0.5, manyThreshold: 0.5 })).toBe(
      'the "some" threshold must be below the "many or most" threshold',
    );
    expect(fail({ someThreshold: 0 })).toBe('the "some" threshold must be more than 0');
    expect(fail({ manyThreshold: 1.5 })).toBe('the "many or most" threshold must be at most 1 (100%)');
    expect(fail({ someThreshold: 0.1, extra: 1 })).toBeDefined();
    expect(() => computePrevalence(template, cases, { someThreshold: 0.6 })).toThrow();
  });

  it('suggests strengths and development areas in every bucket with evidence, as statements', () => {
    const s = suggestions(result);
    expect(s.map((f) => [f.kind, f.bucket, f.text])).toEqual([
      ['strength', 'many_or_most', 'In many or most cases (5 of 10) the child was seen alone.'],
      [
        'strength',
        'many_or_most',
        'In many or most cases (8 of 10) practice met the standard for: chronology up to date.',
      ],
      [
        'strength',
        'many_or_most',
        'In many or most cases (9 of 10) practice met the standard for: overall quality of practice.',
      ],
      ['strength', 'some', 'In some cases (4 of 10) practice met the standard for: management oversight.'],
      // The template's own words, its full stop not doubled.
      ['development', 'many_or_most', 'In many or most cases (5 of 10) the child was not seen alone.'],
      [
        'development',
        'many_or_most',
        'In many or most cases (6 of 10) practice fell short of the standard for: management oversight.',
      ],
      [
        'development',
        'some',
        'In some cases (2 of 10) practice fell short of the standard for: chronology up to date.',
      ],
      [
        'development',
        'few',
        'In a few cases (1 of 10) practice fell short of the standard for: overall quality of practice.',
      ],
    ]);
    // No suggestion repeats a question as asked.
    expect(s.filter((f) => /\?|: Was/.test(f.text))).toEqual([]);
    expect(s[6]).toEqual({
      kind: 'development',
      bucket: 'some',
      count: 2,
      casesAssessed: 10,
      notApplicable: 0,
      notAssessed: 0,
      text: 'In some cases (2 of 10) practice fell short of the standard for: chronology up to date.',
      caseIds: ['K9', 'K10'],
      questionIds: ['chronology'],
      theme: null,
    });
  });

  it('puts every suggestion under the heading of its own kind and bucket', () => {
    const groups = groupByHeading(suggestions(result));
    expect(groups.map((g) => [g.heading, g.items.length])).toEqual([
      ['In many or most cases the following strengths were found', 3],
      ['In some cases the following strengths were found', 1],
      ['In many or most cases the following development areas were found', 2],
      ['In some cases the following development areas were found', 1],
      ['In a few cases the following development areas were found', 1],
    ]);
    for (const g of groups) {
      const label = PREVALENCE_BUCKET_LABELS[g.bucket];
      expect(g.heading.startsWith(label)).toBe(true);
      for (const item of g.items) {
        expect([item.kind, item.bucket]).toEqual([g.kind, g.bucket]);
        expect(item.text.startsWith(`${label} (`)).toBe(true);
      }
    }
  });

  it('heads written findings with the bucket each states, and the auditor’s own words apart', () => {
    expect(statedBucket('In a few cases (1 of 8) the chronology was out of date.')).toBe('few');
    expect(statedBucket('in many or most cases the child was seen alone')).toBe('many_or_most');
    expect(statedBucket('Fathers were rarely asked for their views')).toBeNull();
    const written = [
      { kind: 'strength' as const, text: 'In some cases (3 of 8) the child was seen alone.' },
      { kind: 'development' as const, text: 'In some cases (2 of 8) the chronology was out of date.' },
      { kind: 'strength' as const, text: 'Schools shared information quickly' },
      { kind: 'strength' as const, text: 'In many or most cases (6 of 8) the GP was asked.' },
    ];
    expect(groupWritten('strength', written).map((g) => [g.heading, g.items.map((f) => f.text)])).toEqual([
      [
        'In many or most cases the following strengths were found',
        ['In many or most cases (6 of 8) the GP was asked.'],
      ],
      ['In some cases the following strengths were found', ['In some cases (3 of 8) the child was seen alone.']],
      ['The following strengths were also found', ['Schools shared information quickly']],
    ]);
    expect(groupWritten('development', written).map((g) => g.heading)).toEqual([
      'In some cases the following development areas were found',
    ]);
  });

  it('counts the cases left out as not applicable or not assessed', () => {
    const t = make([{ id: 'q', text: 'Was the chronology up to date?', type: 'yes_partly_no' }]);
    const r = computePrevalence(t, [
      kase('A', cl('health', { q: 'yes' })),
      kase('B', cl('health', { q: 'no' })),
      kase('C', cl('health', { q: 'na:no chronology needed' }), cl('police', {})),
      kase('D', cl('health', {})),
      kase('E', cl('health', { q: 'na:' })), // N/A without its reason is unanswered
    ]);
    expect(pick(r.questions, 'q')).toMatchObject({
      casesAssessed: 2,
      notApplicableCases: ['C'],
      notAssessedCases: ['D', 'E'],
    });
    expect(suggestions(r).map((f) => [f.kind, f.notApplicable, f.notAssessed])).toEqual([
      ['strength', 1, 2],
      ['development', 1, 2],
    ]);
  });

  it('adds theme-level suggestions on request', () => {
    const themed = make([
      { id: 'a', text: 'Was the child seen alone?', type: 'yes_partly_no', themes: ['child_seen_alone'] },
      { id: 'b', text: 'Were the wishes recorded?', type: 'yes_partly_no', themes: ['voice_of_child'] },
    ]);
    const r = computePrevalence(themed, [
      kase('A', cl('health', { a: 'yes', b: 'yes' })),
      kase('B', cl('health', { a: 'yes', b: 'no' })),
      kase('C', cl('health', { a: 'yes', b: 'yes' })),
    ]);
    expect(suggestions(r).every((f) => f.theme === null)).toBe(true);
    const themeFindings = suggestions(r, { includeThemes: true }).filter((f) => f.theme !== null);
    expect(themeFindings.map((f) => [f.kind, f.text, f.caseIds, f.questionIds])).toEqual([
      // Themes in vocabulary order: voice of the child comes first.
      [
        'strength',
        'In many or most cases (2 of 3) the child’s voice was heard, recorded and shaped what was done.',
        ['A', 'C'],
        ['b'],
      ],
      [
        'strength',
        'In many or most cases (3 of 3) the child was seen alone where that was right for them.',
        ['A', 'B', 'C'],
        ['a'],
      ],
      [
        'development',
        'In some cases (1 of 3) the child’s voice was not heard, recorded or used well enough.',
        ['B'],
        ['b'],
      ],
    ]);
  });
});

describe('the count a written finding states', () => {
  it('is read right after its bucket, and is null without one', () => {
    expect(statedCount('In a few cases (1 of 8) the chronology was out of date.')).toEqual({ count: 1, of: 8 });
    expect(statedCount('  in many or most cases (12 of 12) the child was seen alone')).toEqual({ count: 12, of: 12 });
    expect(statedCount('In some cases the chronology was out of date.')).toBeNull();
    expect(statedCount('Fathers were rarely asked (2 of 3) for their views')).toBeNull();
  });

  it('marks a finding from fewer cases than the threshold, and not one at it', () => {
    expect(markedIfSmall('In some cases (2 of 4) the chronology was out of date.', 5)).toBe(
      'In some cases (2 of 4) the chronology was out of date. (small sample)',
    );
    expect(markedIfSmall('In some cases (2 of 5) the chronology was out of date.', 5)).toBe(
      'In some cases (2 of 5) the chronology was out of date.',
    );
    expect(markedIfSmall('Fathers were rarely asked for their views', 30)).toBe(
      'Fathers were rarely asked for their views',
    );
  });
});
