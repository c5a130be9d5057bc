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
import { MAX_TEMPLATE_FILE_BYTES } from './templateFile.js';
import { personalDataSummarySchema } from './personalData/passages.js';
import { smallSampleThresholdSchema } from './settings.js';
import { AUDIT_THEMES } from './vocabulary.js';

export const BUNDLE_FORMAT = 'case-audit-bundle';
export const BUNDLE_FORMAT_VERSION = 1;
export const BUNDLE_EXTENSION = '.caseaudit';

// Limits on what a bundle may hold, each checked before the bytes it guards are allocated
// (docs/bundle-format.md, "Limits"). They leave genuine audits well inside: the largest audit of the
// scale model (about 8,000 answers) has a content.json of 3.0 MiB with 124,686 JSON values, a report
// of 77 KiB and a template of 38 KiB. The reader's worker heap is sized for the worst text within them
// (electron/bundle/bundleReader.ts).
const MiB = 1024 * 1024;
/** content.json, inflated: 2.7 times the largest genuine one. */
export const MAX_CONTENT_BYTES = 8 * MiB;
/** report.pdf, inflated: it is hashed and stored, never parsed. */
export const MAX_REPORT_BYTES = 8 * MiB;
/** Each templates/… entry: the limit of a template file imported on its own. */
export const MAX_TEMPLATE_ENTRY_BYTES = MAX_TEMPLATE_FILE_BYTES;
/** All templates/… entries together. */
export const MAX_TEMPLATES_BYTES = 2 * MiB;
export const MAX_MANIFEST_BYTES = 64 * 1024;
/** manifest.sig (64 bytes) and signer.pem (113). */
export const MAX_SMALL_ENTRY_BYTES = 1024;
/** JSON values (objects, arrays, strings and keys, numbers, literals) in the JSON entries together. */
export const MAX_JSON_VALUES = 400_000;
/** Nesting of the JSON entries (5 in genuine content). */
export const MAX_JSON_DEPTH = 32;
export const MAX_ENTRIES = 64;
/** Everything inflated: what the per-entry limits allow together. */
export const MAX_INFLATED_BYTES =
  MAX_CONTENT_BYTES + MAX_REPORT_BYTES + MAX_TEMPLATES_BYTES + MAX_MANIFEST_BYTES + 2 * MAX_SMALL_ENTRY_BYTES;
/** The file: any bundle within the entry limits, deflated or stored, then encrypted (base64, 4/3). */
export const MAX_BUNDLE_BYTES = 32 * MiB;

/** The most an entry of this name may hold, inflated. */
export function entryByteLimit(name: string): number {
  if (name === 'content.json') return MAX_CONTENT_BYTES;
  if (name === 'report.pdf') return MAX_REPORT_BYTES;
  if (name === 'manifest.json') return MAX_MANIFEST_BYTES;
  if (name.startsWith('templates/')) return MAX_TEMPLATE_ENTRY_BYTES;
  return MAX_SMALL_ENTRY_BYTES;
}

/** A size for people: 8 MiB, 64 KiB, 113 bytes. */
export function byteSize(n: number): string {
  if (n >= MiB && n % MiB === 0) return `${n / MiB} MiB`;
  if (n >= 1024 && n % 1024 === 0) return `${n / 1024} KiB`;
  return `${n} bytes`;
}

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
      z.strictObject({
        path: entryPathSchema,
        sha256: sha256Hex,
        bytes: z.number().int().min(0).max(MAX_CONTENT_BYTES),
      }),
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
    thresholds: z.strictObject({
      someThreshold: z.number(),
      manyThreshold: z.number(),
      // The board's small-sample threshold when it was signed; revisions signed before it was recorded lack it (5 applies).
      smallSample: smallSampleThresholdSchema.optional(),
    }),
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
    // What looks like personal data in the revision's free text, listed for the QA sub-committee.
    personalData: personalDataSummarySchema.optional(),
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
