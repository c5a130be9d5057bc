import { z } from 'zod';
import { idSchema, isoDateTime } from './ids.js';
import { AGE_BANDS, DISABILITY, ETHNICITIES, GENDERS, PLAN_TYPES } from './vocabulary.js';

export const caseDescriptorSchema = z.strictObject({
  reference: z.string().trim().min(1, 'enter a case reference').max(40, 'a case reference has at most 40 characters'),
  ageBand: z.enum(AGE_BANDS, { message: 'choose an age band' }),
  gender: z.enum(GENDERS, { message: 'choose a gender' }),
  ethnicity: z.enum(ETHNICITIES, { message: 'choose an ethnic group' }),
  disability: z.enum(DISABILITY, { message: 'choose whether the child has a disability' }),
  planType: z.enum(PLAN_TYPES, { message: 'choose a plan type' }),
  agencyIds: z.array(idSchema).min(1, 'choose at least one agency involved').max(50),
});
export type CaseDescriptor = z.infer<typeof caseDescriptorSchema>;

export const auditCaseSchema = caseDescriptorSchema.extend({
  id: idSchema,
  auditId: idSchema,
  referenceFlags: z.array(z.string()),
  createdAt: isoDateTime,
});
export type AuditCase = z.infer<typeof auditCaseSchema>;
