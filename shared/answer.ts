import { z } from 'zod';
import { idSchema, isoDateTime } from './ids.js';
import { storableText } from './text.js';

// One value for every question type: a code for grade/RAG/yes-partly-no/single choice, a list of codes
// for multiple choice, a number, an ISO date, free text; null when cleared.
export const answerValueSchema = z.union([
  z.string().max(20000).check(storableText),
  z.number().finite(),
  z.array(z.string().max(80)).max(50),
  z.null(),
]);
export type AnswerValue = z.infer<typeof answerValueSchema>;

export const answerSchema = z.strictObject({
  checklistId: idSchema,
  questionId: z.string().min(1).max(80),
  value: answerValueSchema,
  notApplicableReason: z.string().max(2000).check(storableText),
  evidence: z.string().max(20000).check(storableText),
  updatedAt: isoDateTime,
});
export type Answer = z.infer<typeof answerSchema>;

export const answerSaveSchema = z.strictObject({
  checklistId: idSchema,
  questionId: z.string().min(1).max(80),
  value: answerValueSchema,
  notApplicableReason: z.string().max(2000).check(storableText).default(''),
  evidence: z.string().max(20000, 'an evidence note has at most 20,000 characters').check(storableText).default(''),
});
export type AnswerSave = z.input<typeof answerSaveSchema>;
