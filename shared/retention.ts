// Retention: how long each kind of record is kept (months, set by the partnership), what is past its
// period, legal holds that stop a deletion, and the deletion a person confirms.
import { z } from 'zod';
import { idSchema, isoDateTime } from './ids.js';

export const RETENTION_KINDS = ['working', 'signed', 'received', 'changeLog', 'backups'] as const;
export type RetentionKind = (typeof RETENTION_KINDS)[number];
export const AUDIT_RETENTION_KINDS = ['working', 'signed', 'received'] as const;

const months = z.number().int().min(1, 'at least 1 month').max(1200, 'at most 1200 months');
export const retentionSettingsSchema = z.strictObject({
  working: months,
  signed: months,
  received: months,
  changeLog: months,
  backups: months,
});
export type RetentionSettings = z.infer<typeof retentionSettingsSchema>;

export const legalHoldSchema = z.strictObject({
  auditId: idSchema,
  reason: z.string(),
  heldBy: z.string(),
  heldAt: isoDateTime,
});

const dueAudit = z.strictObject({
  auditId: idSchema,
  title: z.string(),
  kind: z.enum(AUDIT_RETENTION_KINDS),
  lastActivityAt: isoDateTime,
  dueSince: isoDateTime,
  why: z.string(),
});

export const retentionReviewSchema = z.strictObject({
  asOf: isoDateTime,
  audits: z.array(dueAudit),
  held: z.array(dueAudit.extend({ hold: legalHoldSchema })),
  changeLog: z.strictObject({ records: z.number().int(), olderThan: isoDateTime }),
  backups: z.array(z.strictObject({ name: z.string(), createdAt: isoDateTime })),
});

export const legalHoldSetSchema = z.strictObject({
  auditId: idSchema,
  reason: z.string().trim().min(1, 'say why the audit is held').max(2000),
});
export const legalHoldReleaseSchema = legalHoldSetSchema;

export const retentionDeleteSchema = z.strictObject({
  auditIds: z.array(idSchema).max(1000).default([]),
  changeLog: z.boolean().default(false),
  backups: z.boolean().default(false),
  // Deleting cannot be undone: refused unless confirmed.
  confirm: z.boolean().default(false),
});

export const retentionDeletedSchema = z.strictObject({
  audits: z.array(
    z.strictObject({
      auditId: idSchema,
      kind: z.enum(AUDIT_RETENTION_KINDS),
      revisions: z.number().int(),
      rows: z.number().int(),
    }),
  ),
  changeLogRecords: z.number().int(),
  backups: z.array(z.string()),
});

/** The moment `months` after `iso`, in UTC (the end of a month clamps to the shorter month's last day). */
export function addMonths(iso: string, months: number): string {
  const d = new Date(iso);
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + months);
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, last));
  return d.toISOString();
}

/** The moment `months` before `iso`. */
export const subtractMonths = (iso: string, months: number) => addMonths(iso, -months);
