import { z } from 'zod';
import { ACTION_STATUSES, actionDraftSchema, actionStatusSchema } from './actionStatus.js';
import { idSchema, isoDate, isoDateTime } from './ids.js';

export const actionUpdateSchema = z.strictObject({
  id: idSchema,
  at: isoDateTime,
  author: z.string(),
  note: z.string(),
  status: z.enum(ACTION_STATUSES),
  evidence: z.string(),
});
export type ActionUpdate = z.infer<typeof actionUpdateSchema>;

export const actionSchema = z.strictObject({
  id: idSchema,
  auditId: idSchema,
  auditTitle: z.string(),
  recommendationId: idSchema.nullable(),
  text: z.string(),
  leadAgencyId: idSchema,
  leadAgencyName: z.string(),
  ownerRole: z.string(),
  dueDate: isoDate,
  successMeasure: z.string(),
  status: z.enum(ACTION_STATUSES),
  effectiveStatus: z.enum([...ACTION_STATUSES, 'overdue']),
  impactEvidence: z.string(),
  verifiedByAuditId: idSchema.nullable(),
  verifiedAt: isoDateTime.nullable(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
  updates: z.array(actionUpdateSchema),
});
export type Action = z.infer<typeof actionSchema>;

/** An action in a list: its latest progress update only (the whole history comes with actions.get). */
export const actionListItemSchema = actionSchema.omit({ updates: true }).extend({
  latestUpdate: actionUpdateSchema.nullable(),
  updateCount: z.number().int().nonnegative(),
});
export type ActionListItem = z.infer<typeof actionListItemSchema>;

export const actionSaveSchema = actionDraftSchema.extend({
  auditId: idSchema,
  id: idSchema.optional(),
  recommendationId: idSchema.nullable().default(null),
});

export const actionUpdateInputSchema = z.strictObject({
  actionId: idSchema,
  note: z.string().trim().min(1, 'describe the progress').max(5000),
  // Progress updates move an action along; verifying it has its own step, which needs evidence.
  status: actionStatusSchema.exclude(['verified']),
  evidence: z.string().max(5000).default(''),
});

export const actionVerifySchema = z.strictObject({
  actionId: idSchema,
  impactEvidence: z.string().max(5000).default(''),
  reauditId: idSchema.nullable().default(null),
});

export const actionFilterSchema = z.strictObject({
  auditId: idSchema.optional(),
  agencyId: idSchema.optional(),
  status: z.enum([...ACTION_STATUSES, 'overdue', 'open']).optional(),
  dueBefore: isoDate.optional(),
});
