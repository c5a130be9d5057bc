import { z } from 'zod';
import { idSchema, isoDateTime } from './ids.js';
import { templateSchema } from './template.js';

export const templateDraftSchema = z.strictObject({
  id: idSchema,
  templateId: z.string(),
  basedOnVersion: z.number().int().nullable(),
  template: templateSchema,
  updatedAt: isoDateTime,
});
export type TemplateDraft = z.infer<typeof templateDraftSchema>;

export const templateDraftSummarySchema = templateDraftSchema.omit({ template: true }).extend({ title: z.string() });
export type TemplateDraftSummary = z.infer<typeof templateDraftSummarySchema>;

export const draftCreateSchema = z.strictObject({
  fromId: z.string().min(1).max(80),
  fromVersion: z.number().int().min(1),
  // 'new_version': edit and publish the next version of the same template;
  // 'copy': start a separate template of the board's own from this one.
  as: z.enum(['new_version', 'copy']),
});
