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

/** The action tracker's page sizes: 50 actions a page unless asked otherwise (10 to 100). */
export const ACTION_PAGE_SIZE = { min: 10, max: 100, default: 50 } as const;

/**
 * One page of the actions a filter selects, in the order of `actions.list` (overdue first, then by
 * due date, created and id). `page` is 1-based; a page past the end answers the last page.
 */
export const actionPageInputSchema = actionFilterSchema.extend({
  page: z
    .number({ error: 'enter the page as a whole number' })
    .int('enter the page as a whole number')
    .min(1, 'pages are numbered from 1')
    .default(1),
  pageSize: z
    .number({ error: 'enter the page size as a whole number' })
    .int('enter the page size as a whole number')
    .min(ACTION_PAGE_SIZE.min, `show at least ${ACTION_PAGE_SIZE.min} actions a page`)
    .max(ACTION_PAGE_SIZE.max, `show at most ${ACTION_PAGE_SIZE.max} actions a page`)
    .default(ACTION_PAGE_SIZE.default),
});
export type ActionPageInput = z.input<typeof actionPageInputSchema>;

const count = z.number().int().nonnegative();

export const actionPageSchema = z.strictObject({
  items: z.array(actionListItemSchema),
  /** Every action the filter selects, on all pages. */
  total: count,
  /** The page answered: the one asked for, or the last page when that is past the end. */
  page: z.number().int().min(1),
  pageSize: z.number().int().min(ACTION_PAGE_SIZE.min).max(ACTION_PAGE_SIZE.max),
  /** At least 1: no actions is one empty page. */
  pageCount: z.number().int().min(1),
  /** The actions the filter selects by effective status (overdue is derived), on all pages. */
  byStatus: z.strictObject({
    not_started: count,
    on_track: count,
    at_risk: count,
    overdue: count,
    complete: count,
    verified: count,
  }),
});
export type ActionPage = z.infer<typeof actionPageSchema>;
