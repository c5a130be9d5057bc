import { z } from 'zod';
import { AUDIT_THEMES } from './vocabulary.js';

export const templateSummarySchema = z.strictObject({
  id: z.string(),
  version: z.number().int(),
  title: z.string(),
  theme: z.enum(AUDIT_THEMES),
  scope: z.enum(['case', 'agency']),
  description: z.string(),
  questionCount: z.number().int(),
  builtin: z.boolean(),
  latest: z.boolean(),
});
export type TemplateSummary = z.infer<typeof templateSummarySchema>;
