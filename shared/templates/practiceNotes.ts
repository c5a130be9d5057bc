import type { TemplateInput } from '../template.js';

type QuestionInput = TemplateInput['sections'][number]['questions'][number];

/** The free-text close of every case template: what went well and what should change. */
export const practiceNotes: QuestionInput[] = [
  {
    id: 'strengths',
    text: 'Strengths in this agency’s practice on this case',
    type: 'text',
    guidance: 'What went well, and what difference it made for the child. These feed the report’s strengths.',
    required: false,
    appliesTo: [],
    themes: [],
  },
  {
    id: 'development',
    text: 'Areas for development in this agency’s practice on this case',
    type: 'text',
    guidance: 'What should have happened differently; focus on systems and practice, not individuals.',
    required: false,
    appliesTo: [],
    themes: [],
  },
];
