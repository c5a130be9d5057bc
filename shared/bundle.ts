// The bundle: what leaves an auditor's laptop. The manifest (signed) lists every entry's SHA-256;
// content.json holds the signed audit revision. Specified in docs/bundle-format.md.
import { z } from 'zod';
import { ACTION_STATUSES } from './actionStatus.js';
import { answerSchema } from './answer.js';
import { auditCaseSchema } from './auditCase.js';
import { agencySchema } from './board.js';
import { idSchema, isoDate, isoDateTime } from './ids.js';
import { ed25519JwkSchema, fingerprintSchema, personSchema } from './identity.js';
import { caseGradeSchema, discussionSchema, findingSchema, recommendationSchema } from './review.js';
import { AUDIT_THEMES } from './vocabulary.js';

export const BUNDLE_FORMAT = 'case-audit-bundle';
export const BUNDLE_FORMAT_VERSION = 1;
export const BUNDLE_EXTENSION = '.caseaudit';
export const MAX_BUNDLE_BYTES = 50 * 1024 * 1024;
export const MAX_ENTRY_BYTES = 40 * 1024 * 1024;
export const MAX_ENTRIES = 64;

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, 'must be a SHA-256 hex digest');
export const entryPathSchema = z
  .string()
  .min(1)
  .max(200)
  .regex(
    /^(content\.json|report\.pdf|templates\/[a-z0-9][a-z0-9._-]*-v\d+\.json)$/,
    'is not an entry a bundle may hold',
  );

export const manifestSchema = z.strictObject({
  format: z.literal(BUNDLE_FORMAT),
  formatVersion: z.literal(BUNDLE_FORMAT_VERSION),
  bundleId: idSchema,
  kind: z.enum(['audit', 'panel']),
  auditId: idSchema,
  auditTitle: z.string().max(200),
  revision: z.number().int().min(1),
  signer: z.strictObject({ fingerprint: fingerprintSchema, ...personSchema.shape, signingKey: ed25519JwkSchema }),
  createdAt: isoDateTime,
  templates: z
    .array(z.strictObject({ id: z.string().max(80), version: z.number().int().min(1) }))
    .min(1)
    .max(20),
  entries: z
    .array(
      z.strictObject({ path: entryPathSchema, sha256: sha256Hex, bytes: z.number().int().min(0).max(MAX_ENTRY_BYTES) }),
    )
    .min(1)
    .max(MAX_ENTRIES),
  contentHash: sha256Hex,
  previousRevisionHash: sha256Hex.nullable(),
});
export type Manifest = z.infer<typeof manifestSchema>;

export const bundleActionSchema = z.strictObject({
  id: idSchema,
  recommendationId: idSchema.nullable(),
  text: z.string().max(2000),
  leadAgencyId: idSchema,
  ownerRole: z.string().max(200),
  dueDate: isoDate,
  successMeasure: z.string().max(2000),
  status: z.enum(ACTION_STATUSES),
});

/** The signed content of one audit revision. */
export const revisionContentSchema = z.strictObject({
  audit: z.strictObject({
    id: idSchema,
    title: z.string().max(200),
    theme: z.enum(AUDIT_THEMES),
    templateId: z.string().max(80),
    templateVersion: z.number().int().min(1),
    seriesId: idSchema,
    round: z.number().int().min(1),
    purpose: z.string().max(10000),
    thresholds: z.strictObject({ someThreshold: z.number(), manyThreshold: z.number() }),
    createdAt: isoDateTime,
  }),
  revision: z.number().int().min(1),
  board: z.strictObject({ name: z.string().max(200) }),
  agencies: z.array(agencySchema).max(100),
  cases: z.array(auditCaseSchema).max(1000),
  checklists: z
    .array(z.strictObject({ id: idSchema, caseId: idSchema, agencyId: idSchema, completedAt: isoDateTime.nullable() }))
    .max(20000),
  answers: z.array(answerSchema).max(500000),
  grades: z.array(caseGradeSchema).max(20000),
  discussions: z.array(discussionSchema).max(1000),
  findings: z.array(findingSchema).max(5000),
  recommendations: z.array(recommendationSchema).max(2000),
  actions: z.array(bundleActionSchema).max(5000),
  signedAt: isoDateTime,
  signer: z.strictObject({ fingerprint: fingerprintSchema, ...personSchema.shape }),
});
export type RevisionContent = z.infer<typeof revisionContentSchema>;

/** Which check refused a bundle: named so the person importing knows what went wrong. */
export const BUNDLE_CHECKS = [
  'size',
  'decryption',
  'container',
  'entries',
  'manifest',
  'signature',
  'signer',
  'revoked',
  'hashes',
  'content',
  'templates',
  'conflict',
  'board',
  'ownership',
  'chain',
] as const;
export type BundleCheck = (typeof BUNDLE_CHECKS)[number];

export const importOutcomeSchema = z.discriminatedUnion('outcome', [
  z.strictObject({
    outcome: z.literal('added'),
    auditId: idSchema,
    auditTitle: z.string(),
    revision: z.number().int(),
    superseded: z.number().int().nullable(),
    message: z.string(),
  }),
  z.strictObject({
    outcome: z.literal('skipped'),
    auditId: idSchema,
    auditTitle: z.string(),
    revision: z.number().int(),
    message: z.string(),
  }),
  z.strictObject({
    outcome: z.literal('recorded_older'),
    auditId: idSchema,
    auditTitle: z.string(),
    revision: z.number().int(),
    message: z.string(),
  }),
  z.strictObject({
    outcome: z.literal('quarantined'),
    quarantineId: idSchema,
    fingerprint: fingerprintSchema,
    signerName: z.string(),
    message: z.string(),
  }),
  z.strictObject({
    outcome: z.literal('refused'),
    check: z.enum(BUNDLE_CHECKS),
    message: z.string(),
    // With check 'board': the bundle's board and this installation's, so the person can agree to import it.
    otherBoard: z.strictObject({ bundle: z.string(), here: z.string() }).optional(),
  }),
]);
export type ImportOutcome = z.infer<typeof importOutcomeSchema>;
