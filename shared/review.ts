// The auditor's judgement on the sample: grades with rationale, the multi-agency discussion, findings
// and recommendations. Schemas for what is sent and what comes back.
import { z } from 'zod';
import { idSchema, isoDate, isoDateTime } from './ids.js';
import { GRADES, LEARNING_THEMES } from './vocabulary.js';

const gradeRationale = z.string().trim().min(1, 'give the rationale for the grade').max(5000);

/**
 * A grade as stored. An agency's grade is one value with its checklist's grade question (when the
 * template has one): answered in the checklist, its rationale is the answer's evidence note, which
 * may be empty; given on the grades page, a rationale is required.
 */
export const caseGradeSchema = z.strictObject({
  caseId: idSchema,
  agencyId: idSchema.nullable(), // null: the overall grade for the case
  grade: z.enum(GRADES, { message: 'choose a grade' }),
  rationale: z.string().max(5000),
  updatedAt: isoDateTime,
});
export type CaseGrade = z.infer<typeof caseGradeSchema>;
export const caseGradeInputSchema = caseGradeSchema.omit({ updatedAt: true }).extend({ rationale: gradeRationale });

export const attendeeSchema = z.strictObject({
  role: z.string().trim().min(1, 'enter the role (not the person’s name)').max(200),
  agencyId: idSchema,
});
export const discussionSchema = z.strictObject({
  caseId: idSchema,
  heldOn: isoDate,
  attendees: z.array(attendeeSchema).min(1, 'record who attended').max(50),
  agreed: z.string().max(10000),
  disagreements: z.string().max(10000),
  updatedAt: isoDateTime,
});
export type Discussion = z.infer<typeof discussionSchema>;
export const discussionInputSchema = discussionSchema.omit({ updatedAt: true });

export const FINDING_KINDS = ['strength', 'development'] as const;
export const findingSchema = z.strictObject({
  id: idSchema,
  auditId: idSchema,
  kind: z.enum(FINDING_KINDS),
  text: z.string().trim().min(1, 'write the finding').max(5000),
  origin: z.enum(['suggested', 'own']),
  caseIds: z.array(idSchema).max(500),
  questionIds: z.array(z.string().max(80)).max(500),
  themes: z.array(z.enum(LEARNING_THEMES)).max(LEARNING_THEMES.length),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
});
export type Finding = z.infer<typeof findingSchema>;
export const findingInputSchema = findingSchema
  .omit({ id: true, createdAt: true, updatedAt: true })
  .extend({ id: idSchema.optional() });

export const recommendationSchema = z.strictObject({
  id: idSchema,
  auditId: idSchema,
  text: z.string().trim().min(1, 'write the recommendation').max(5000),
  findingIds: z.array(idSchema).max(200),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
});
export type Recommendation = z.infer<typeof recommendationSchema>;
export const recommendationInputSchema = recommendationSchema
  .omit({ id: true, createdAt: true, updatedAt: true })
  .extend({ id: idSchema.optional() });
