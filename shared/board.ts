import { z } from 'zod';
import { idSchema, isoDateTime } from './ids.js';
import { AGENCY_KINDS } from './vocabulary.js';

export const agencySchema = z.strictObject({
  id: idSchema,
  name: z.string().trim().min(1, 'enter the agency name').max(120),
  kind: z.enum(AGENCY_KINDS),
  active: z.boolean(),
});
export type Agency = z.infer<typeof agencySchema>;

export const boardSchema = z.strictObject({
  id: idSchema,
  name: z.string().trim().min(1).max(200),
  createdAt: isoDateTime,
  agencies: z.array(agencySchema),
});
export type Board = z.infer<typeof boardSchema>;

export const agencyDraftSchema = z.strictObject({
  // Present when editing an existing agency; absent for a new one.
  id: idSchema.optional(),
  name: z.string().trim().min(1, 'enter the agency name').max(120),
  kind: z.enum(AGENCY_KINDS),
  active: z.boolean().default(true),
});
export type AgencyDraft = z.input<typeof agencyDraftSchema>;

export const boardSetupSchema = z.strictObject({
  name: z.string().trim().min(1, 'enter the name of the board or partnership').max(200),
  agencies: z
    .array(agencyDraftSchema)
    .min(1, 'add at least one partner agency')
    .max(100)
    .refine((list) => new Set(list.map((a) => a.name.trim().toLowerCase())).size === list.length, {
      message: 'each agency needs a different name',
    }),
});
export type BoardSetup = z.input<typeof boardSetupSchema>;

/**
 * The partner agencies a new partnership starts with (editable on the first-run screen): first the
 * statutory partners of Working Together to Safeguard Children 2023 (the local authority, the
 * integrated care board and the police as the lead safeguarding partners, and education, made a
 * statutory partner by the Children's Wellbeing and Schools Bill), then the relevant agencies.
 * Plain name and kind only: the list is sent as it is to `board.setup`.
 */
export const DEFAULT_AGENCIES: ReadonlyArray<{ name: string; kind: (typeof AGENCY_KINDS)[number] }> = [
  { name: "Children's social care", kind: 'childrens_social_care' },
  { name: 'Police', kind: 'police' },
  { name: 'Health', kind: 'health' },
  { name: 'Education', kind: 'schools' },
  { name: 'Probation', kind: 'probation' },
  { name: 'Adult social care', kind: 'adult_social_care' },
  { name: 'Housing', kind: 'housing' },
  { name: 'Voluntary sector', kind: 'voluntary_sector' },
];

/** The kinds of agency among the statutory partners, in the order the set-up lists them. */
export const STATUTORY_PARTNER_KINDS: ReadonlyArray<(typeof AGENCY_KINDS)[number]> = [
  'childrens_social_care',
  'health',
  'police',
  'schools',
];
