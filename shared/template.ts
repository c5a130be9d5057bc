// The audit template format: what an audit tool asks of each agency, as data validated by zod.
// Documented in docs/templates.md. Templates are portable between boards, so questions say which
// *kinds* of agency they apply to, not which board's agencies.
import { z } from 'zod';
import { AGENCY_KINDS, AUDIT_THEMES, LEARNING_THEMES } from './vocabulary.js';

export const TEMPLATE_FORMAT_VERSION = 1;
export const QUESTION_TYPES = [
  'grade',
  'rag',
  'yes_partly_no',
  'single_choice',
  'multiple_choice',
  'number',
  'date',
  'text',
] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

const slug = z
  .string()
  .min(1)
  .max(80)
  .regex(/^[a-z0-9][a-z0-9._-]*$/, 'use lower-case letters, digits, dots, dashes or underscores');

export const optionSchema = z.strictObject({
  value: slug,
  label: z.string().trim().min(1).max(200),
  // Whether choosing this option means the standard was met (a strength) or not (a development area).
  // Omitted: the option is neutral and does not count either way.
  meetsStandard: z.boolean().optional(),
});

export const conditionSchema = z.strictObject({
  // Show the question only when the earlier question `questionId` has one of these answers.
  questionId: slug,
  anyOf: z.array(z.string().min(1).max(80)).min(1).max(50),
});

// A finding's words: a clause that follows "In many or most cases (5 of 8) ", so it starts in lower case
// (unless it starts with a name such as MASH) and is a statement, not a question; the full stop is added.
const findingClause = (which: string) =>
  z
    .string()
    .trim()
    .min(1, `the ${which} finding is empty`)
    .max(500)
    .refine((s) => !s.endsWith('?'), `the ${which} finding is a statement of what was found, not a question`);

export const findingWordingSchema = z.strictObject({
  met: findingClause('"met"'), // when practice met the standard: "the child was seen alone"
  unmet: findingClause('"unmet"'), // when it fell short: "the child was not seen alone"
});
export type FindingWording = z.infer<typeof findingWordingSchema>;

export const questionSchema = z.strictObject({
  id: slug,
  text: z.string().trim().min(1).max(1000),
  type: z.enum(QUESTION_TYPES),
  guidance: z.string().max(4000).default(''),
  required: z.boolean().default(true),
  appliesTo: z.array(z.enum(AGENCY_KINDS)).max(AGENCY_KINDS.length).default([]),
  themes: z.array(z.enum(LEARNING_THEMES)).max(LEARNING_THEMES.length).default([]),
  options: z.array(optionSchema).max(50).optional(),
  showWhen: conditionSchema.optional(),
  min: z.number().finite().optional(),
  max: z.number().finite().optional(),
  // Last and optional, so a template without it parses, serialises and hashes exactly as before.
  finding: findingWordingSchema.optional(),
});

export const sectionSchema = z.strictObject({
  id: slug,
  title: z.string().trim().min(1).max(200),
  description: z.string().max(2000).default(''),
  questions: z.array(questionSchema).min(1).max(300),
});

const templateShape = z.strictObject({
  formatVersion: z.literal(TEMPLATE_FORMAT_VERSION),
  id: slug,
  version: z.number().int().min(1).max(100000),
  title: z.string().trim().min(1).max(200),
  theme: z.enum(AUDIT_THEMES),
  // 'case' audits answer the checklist per sampled case and agency; 'agency' ones (Section 11)
  // are a self-assessment by each agency.
  scope: z.enum(['case', 'agency']).default('case'),
  description: z.string().max(4000).default(''),
  sections: z.array(sectionSchema).min(1).max(50),
});

// isAssessable's rule (answerMeaning.ts), repeated here because that module depends on this one.
const canJudge = (q: z.infer<typeof questionSchema>) =>
  q.type === 'grade' ||
  q.type === 'rag' ||
  q.type === 'yes_partly_no' ||
  ((q.type === 'single_choice' || q.type === 'multiple_choice') &&
    (q.options ?? []).some((o) => o.meetsStandard !== undefined));

export const templateSchema = templateShape.superRefine((t, ctx) => {
  const sectionIds = new Set<string>();
  const seen = new Map<string, z.infer<typeof questionSchema>>();
  t.sections.forEach((section, si) => {
    if (sectionIds.has(section.id)) {
      ctx.addIssue({ code: 'custom', path: ['sections', si, 'id'], message: `duplicate section id "${section.id}"` });
    }
    sectionIds.add(section.id);
    section.questions.forEach((q, qi) => {
      const at = (...rest: (string | number)[]) => ['sections', si, 'questions', qi, ...rest];
      if (seen.has(q.id)) {
        ctx.addIssue({ code: 'custom', path: at('id'), message: `duplicate question id "${q.id}"` });
      }
      const choice = q.type === 'single_choice' || q.type === 'multiple_choice';
      if (choice) {
        if (!q.options || q.options.length < 2) {
          ctx.addIssue({
            code: 'custom',
            path: at('options'),
            message: 'a choice question needs at least two options',
          });
        } else {
          const values = new Set<string>();
          q.options.forEach((o, oi) => {
            if (values.has(o.value)) {
              ctx.addIssue({
                code: 'custom',
                path: at('options', oi, 'value'),
                message: `duplicate option "${o.value}"`,
              });
            }
            values.add(o.value);
          });
        }
      } else if (q.options !== undefined) {
        ctx.addIssue({ code: 'custom', path: at('options'), message: `a ${q.type} question has no options` });
      }
      if (q.finding && !canJudge(q)) {
        ctx.addIssue({
          code: 'custom',
          path: at('finding'),
          message: `a ${q.type} question ${choice ? 'whose options say nothing of the standard ' : ''}produces no finding, so it takes no finding wording`,
        });
      }
      if ((q.min !== undefined || q.max !== undefined) && q.type !== 'number') {
        ctx.addIssue({ code: 'custom', path: at('min'), message: 'min and max apply only to number questions' });
      }
      if (q.min !== undefined && q.max !== undefined && q.min > q.max) {
        ctx.addIssue({ code: 'custom', path: at('max'), message: 'max is less than min' });
      }
      if (q.showWhen) {
        const target = seen.get(q.showWhen.questionId);
        if (!target) {
          ctx.addIssue({
            code: 'custom',
            path: at('showWhen', 'questionId'),
            message: `condition points at "${q.showWhen.questionId}", which is not an earlier question`,
          });
        } else {
          const allowed = answerValuesFor(target);
          if (!allowed) {
            ctx.addIssue({
              code: 'custom',
              path: at('showWhen', 'questionId'),
              message: `a condition cannot depend on a ${target.type} question`,
            });
          } else {
            q.showWhen.anyOf.forEach((v, vi) => {
              if (!allowed.includes(v)) {
                ctx.addIssue({
                  code: 'custom',
                  path: at('showWhen', 'anyOf', vi),
                  message: `"${v}" is not an answer of "${target.id}" (one of: ${allowed.join(', ')})`,
                });
              }
            });
          }
        }
      }
      if (!seen.has(q.id)) seen.set(q.id, q);
    });
  });
});

export type Template = z.infer<typeof templateSchema>;
export type TemplateInput = z.input<typeof templateSchema>;
export type Section = z.infer<typeof sectionSchema>;
export type Question = z.infer<typeof questionSchema>;
export type QuestionOption = z.infer<typeof optionSchema>;

/** The answer values a question with a fixed set of answers can take (null for free-form types). */
export function answerValuesFor(q: Pick<Question, 'type' | 'options'>): string[] | null {
  switch (q.type) {
    case 'grade':
      return ['outstanding', 'good', 'requires_improvement', 'inadequate'];
    case 'rag':
      return ['green', 'amber', 'red'];
    case 'yes_partly_no':
      return ['yes', 'partly', 'no', 'na'];
    case 'single_choice':
    case 'multiple_choice':
      return (q.options ?? []).map((o) => o.value);
    default:
      return null;
  }
}

export function allQuestions(t: Pick<Template, 'sections'>): Question[] {
  return t.sections.flatMap((s) => s.questions);
}
