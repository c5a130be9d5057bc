// Challenge panels: for each finding or rating in question, the challenge put, the agency's response,
// the panel's outcome (not assured → escalation under the board's policy) and the agreed follow-up.
import { z } from 'zod';
import { actionDraftSchema } from './actionStatus.js';
import { idSchema, isoDate, isoDateTime } from './ids.js';
import { fingerprintSchema, personSchema } from './identity.js';
import { attendeeSchema } from './review.js';
import { AGENCY_KINDS } from './vocabulary.js';

export const PANEL_OUTCOMES = ['assured', 'partly_assured', 'not_assured'] as const;
export const PANEL_OUTCOME_LABELS: Record<(typeof PANEL_OUTCOMES)[number], string> = {
  assured: 'Assured',
  partly_assured: 'Partly assured',
  not_assured: 'Not assured: escalate',
};

/** One agency's response to an item that concerns several. */
export const panelItemResponseSchema = z.strictObject({
  agencyId: idSchema,
  response: z.string().max(5000),
});
export type PanelItemResponse = z.infer<typeof panelItemResponseSchema>;

export const panelItemSchema = z.strictObject({
  id: idSchema,
  subject: z.string(),
  findingId: idSchema.nullable(),
  challenge: z.string(),
  /** A single-agency panel's response; on a multi-agency panel, one not attributed to an agency. */
  response: z.string(),
  /**
   * Each agency's own response, in the order recorded. Absent from panel records signed before
   * responses were kept per agency: those read as none.
   */
  responses: z.array(panelItemResponseSchema).max(50).default([]),
  outcome: z.enum(PANEL_OUTCOMES).nullable(),
  escalation: z.string(),
  followUp: z.string(),
  actionId: idSchema.nullable(),
});
export type PanelItem = z.infer<typeof panelItemSchema>;

export const panelSchema = z.strictObject({
  id: idSchema,
  auditId: idSchema,
  auditTitle: z.string(),
  agencyId: idSchema.nullable(),
  agencyName: z.string().nullable(),
  title: z.string(),
  heldOn: isoDate,
  attendees: z.array(attendeeSchema),
  status: z.enum(['open', 'signed']),
  signedAt: isoDateTime.nullable(),
  signerFingerprint: z.string().nullable(),
  items: z.array(panelItemSchema),
});
export type Panel = z.infer<typeof panelSchema>;

export const panelCreateSchema = z.strictObject({
  auditId: idSchema,
  agencyId: idSchema.nullable().default(null),
  title: z.string().trim().min(1, 'enter a title for the panel').max(200),
  heldOn: isoDate,
});

export const panelItemSaveSchema = z.strictObject({
  itemId: idSchema,
  challenge: z.string().max(5000),
  response: z.string().max(5000),
  outcome: z.enum(PANEL_OUTCOMES).nullable(),
  escalation: z.string().max(5000).default(''),
  followUp: z.string().max(5000).default(''),
  /** Each agency's response; left as it is when omitted. An empty response removes the agency's. */
  responses: z
    .array(panelItemResponseSchema)
    .max(50)
    .superRefine((list, ctx) => {
      const seen = new Set<string>();
      list.forEach((r, i) => {
        if (seen.has(r.agencyId))
          ctx.addIssue({ code: 'custom', path: [i, 'agencyId'], message: 'this agency already has a response' });
        seen.add(r.agencyId);
      });
    })
    .optional(),
});

/**
 * The outcome alone, as presentation mode records it: chosen, then confirmed. `undo` marks the
 * change that puts back the outcome an earlier one replaced, so the change log tells them apart.
 */
export const panelOutcomeSetSchema = z.strictObject({
  itemId: idSchema,
  outcome: z.enum(PANEL_OUTCOMES).nullable(),
  undo: z.boolean().default(false),
});

export const panelFollowUpSchema = actionDraftSchema.extend({ itemId: idSchema });

/** What the chair signs: the record of the panel. */
export const panelContentSchema = z.strictObject({
  panel: panelSchema.omit({ status: true, signedAt: true, signerFingerprint: true }),
  agencies: z.array(z.strictObject({ id: idSchema, name: z.string(), kind: z.enum(AGENCY_KINDS) })),
  signedAt: isoDateTime,
  signer: z.strictObject({ fingerprint: fingerprintSchema, ...personSchema.shape }),
});
export type PanelContent = z.infer<typeof panelContentSchema>;
