// Templates for the synthetic boards: the board's own editions of the built-in templates (the built-in
// sections with a local section added, as boards adapt the tools, in several published versions), and
// a 200-question template for the checklist screen's benchmark.
import { templateSchema, type Question, type Template, type TemplateInput } from '../shared/template.js';
import { LEARNING_THEMES, type LearningTheme } from '../shared/vocabulary.js';
import { between, type Rand } from './fiction.js';

const LOCAL_STEMS: ReadonlyArray<{ text: string; themes: LearningTheme[] }> = [
  { text: 'Was the child seen and spoken to alone', themes: ['child_seen_alone', 'voice_of_child'] },
  { text: 'Were the child’s wishes and feelings recorded in their own words', themes: ['voice_of_child'] },
  { text: 'Was the father or male carer identified and engaged', themes: ['fathers_engaged'] },
  { text: 'Was the chronology up to date at the point of audit', themes: ['chronology'] },
  {
    text: 'Was historical information from other agencies and areas sought and used',
    themes: ['historical_information'],
  },
  {
    text: 'Was information shared with consent, or the reason for sharing without it recorded',
    themes: ['information_sharing_consent'],
  },
  { text: 'Was the response timely at each stage', themes: ['timeliness'] },
  { text: 'Where agencies disagreed, was the disagreement escalated and resolved', themes: ['challenge_escalation'] },
  { text: 'Was the case transferred between areas without loss of information', themes: ['case_transfer'] },
  {
    text: 'Were the family’s cultural and religious practices understood and considered',
    themes: ['cultural_practices'],
  },
  { text: 'Was management oversight recorded at each key decision', themes: ['management_oversight'] },
  { text: 'Was supervision used to reflect on the case', themes: ['management_oversight'] },
  { text: 'Did the plan have specific, measurable outcomes', themes: [] },
  { text: 'Were siblings and other children in the household considered', themes: ['voice_of_child'] },
  { text: 'Was the risk from adults in the household assessed', themes: ['historical_information'] },
  {
    text: 'Did the agency contribute to the multi-agency chronology',
    themes: ['chronology', 'information_sharing_consent'],
  },
];

function localQuestion(r: Rand, n: number): TemplateInput['sections'][number]['questions'][number] {
  const stem = LOCAL_STEMS[n % LOCAL_STEMS.length]!;
  const text = `${stem.text} (local question ${n + 1})?`;
  const kind = r();
  const base = {
    id: `local-${n + 1}`,
    text,
    guidance: 'Board’s local question (fictional).',
    themes: stem.themes,
    required: r() > 0.1,
  };
  if (kind < 0.72) return { ...base, type: 'yes_partly_no' };
  if (kind < 0.82) return { ...base, type: 'grade' };
  if (kind < 0.9)
    return {
      ...base,
      type: 'single_choice',
      options: [
        { value: 'fully', label: 'Fully', meetsStandard: true },
        { value: 'partly', label: 'Partly', meetsStandard: false },
        { value: 'not-at-all', label: 'Not at all', meetsStandard: false },
      ],
    };
  if (kind < 0.95) return { ...base, type: 'number', min: 0, max: 50, themes: [] };
  return { ...base, type: 'text', themes: [], required: false };
}

/** The board's edition `edition` of a built-in template at `version`, with `localCount` local questions. */
export function deriveTemplate(
  base: Template,
  edition: number,
  version: number,
  localCount: number,
  seed: Rand,
): Template {
  const r = seed;
  const sections = base.sections.map((s) => ({
    ...s,
    questions: s.questions.map((q, i) =>
      i === 0 && version > 1
        ? { ...q, guidance: `${q.guidance} Revised in version ${version} (fictional).`.trim() }
        : q,
    ),
  }));
  const local = Array.from({ length: localCount + (version - 1) }, (_, n) => localQuestion(r, n));
  return templateSchema.parse({
    ...base,
    id: `syn-${base.id}-${edition}`.slice(0, 80),
    version,
    title: `${base.title} – Fictional local edition ${edition}`,
    description: `A fictional board’s edition of “${base.title}”, with its own local questions. Synthetic benchmark data.`,
    sections: [
      ...sections,
      { id: 'local-questions', title: 'Local questions (fictional)', description: '', questions: local },
    ],
  });
}

/** Questions that apply to an agency kind before any condition: a rough size of a checklist. */
export const applyingQuestions = (t: Template, kind: string) =>
  t.sections
    .flatMap((s) => s.questions)
    .filter((q: Question) => q.appliesTo.length === 0 || (q.appliesTo as string[]).includes(kind)).length;

export const BENCH_200_ID = 'syn-bench-200-questions';

/** One section of 200 questions of every type, all shown at once: the checklist screen's worst case. */
export function bench200Template(r: Rand): Template {
  const questions = Array.from({ length: 200 }, (_, i) => {
    const theme = LEARNING_THEMES[i % LEARNING_THEMES.length]!;
    const base = {
      id: `q-${String(i + 1).padStart(3, '0')}`,
      text: `${LOCAL_STEMS[i % LOCAL_STEMS.length]!.text} (benchmark question ${i + 1})?`,
      themes: [theme],
      guidance: i % 5 === 0 ? 'Look for the record made at the time, not a later summary.' : '',
    };
    if (i === 0 || i % 4 !== 0) return { ...base, type: 'yes_partly_no' as const };
    switch (between(r, 0, 5)) {
      case 0:
        return { ...base, type: 'grade' as const };
      case 1:
        return { ...base, type: 'rag' as const };
      case 2:
        return {
          ...base,
          type: 'single_choice' as const,
          options: [
            { value: 'fully', label: 'Fully', meetsStandard: true },
            { value: 'partly', label: 'Partly', meetsStandard: false },
            { value: 'not-at-all', label: 'Not at all', meetsStandard: false },
          ],
        };
      case 3:
        return {
          ...base,
          type: 'multiple_choice' as const,
          options: ['police', 'health', 'school', 'social-care'].map((value) => ({
            value,
            label: value.replace('-', ' '),
          })),
        };
      case 4:
        return { ...base, type: 'number' as const, min: 0, max: 100, themes: [] };
      default:
        return { ...base, type: 'text' as const, themes: [], required: false };
    }
  });
  return templateSchema.parse({
    formatVersion: 1,
    id: BENCH_200_ID,
    version: 1,
    title: 'Fictional 200-question benchmark checklist',
    theme: 'other',
    description: 'Synthetic: 200 questions in one section, to measure the checklist screen.',
    sections: [{ id: 'all-questions', title: 'All 200 questions', questions }],
  });
}
