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

/** A case corrected before signing: the same fields, checked as when it was added. */
export const caseUpdateInputSchema = caseDescriptorSchema.extend({
  caseId: idSchema,
  // A reference that looks like a name or identifier is refused unless the auditor confirms it is not one.
  confirmReference: z.boolean().default(false),
  // An agency taken off the case takes its checklist's answers with it: refused unless confirmed.
  confirm: z.boolean().default(false),
});
export type CaseUpdateInput = z.input<typeof caseUpdateInputSchema>;

/** What removing a case takes with it (what is asked to be confirmed, and what was removed). */
export const caseContentsSchema = z.strictObject({
  checklists: z.number().int(),
  answers: z.number().int(),
  grades: z.number().int(),
  discussions: z.number().int(),
});
export type CaseContentsCount = z.infer<typeof caseContentsSchema>;

export const caseRemoveInputSchema = z.strictObject({
  caseId: idSchema,
  // A case with answers is removed only when confirmed.
  confirm: z.boolean().default(false),
});

export const caseRemovedSchema = z.strictObject({
  removed: z.literal(true),
  caseId: idSchema,
  auditId: idSchema,
  reference: z.string(),
  contents: caseContentsSchema,
  // Findings that cited the case as evidence and now cite the rest.
  findingsUpdated: z.number().int(),
});
