// Long work done in steps, with progress and cancelling (reports now; search indexing can follow):
// what may be started, what a job reports while it runs, and what it hands back once done.
// How to add a kind: "Long work: jobs" in docs/architecture.md.
import { z } from 'zod';
import { idSchema } from './ids.js';

/** Every kind of job, told apart by `kind`; each carries its own input. */
export const jobStartSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('report.audit'),
    auditId: idSchema,
    format: z.enum(['pdf', 'docx']),
    // false leaves case-level detail out of the report (see reports.audit).
    caseDetail: z.boolean().optional(),
  }),
  z.strictObject({
    kind: z.literal('report.evidence'),
    from: z.iso.date(),
    to: z.iso.date(),
    format: z.enum(['pdf', 'docx', 'csv']).default('pdf'),
  }),
  z.strictObject({
    kind: z.literal('report.consolidated'),
    from: z.iso.date(),
    to: z.iso.date(),
    format: z.enum(['pdf', 'docx']).default('pdf'),
  }),
]);
export type JobStart = z.infer<typeof jobStartSchema>;
export type JobKind = JobStart['kind'];

export const JOB_STATUSES = ['running', 'done', 'cancelled', 'failed'] as const;
export type JobStatusName = (typeof JOB_STATUSES)[number];

/** A job as it stands: `done` of `total` steps, and what it is doing now (`stage`). */
export const jobStatusSchema = z.strictObject({
  kind: z.string(),
  status: z.enum(JOB_STATUSES),
  done: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
  stage: z.string(),
  /** Why it failed, when it did. */
  message: z.string().optional(),
});
export type JobStatus = z.infer<typeof jobStatusSchema>;

/** What a finished job hands back: today every kind makes a file. A kind that makes something else
 * widens this to a discriminated union. */
export const jobResultSchema = z.strictObject({ fileName: z.string(), base64: z.string() });
export type JobResult = z.infer<typeof jobResultSchema>;

export const jobIdInputSchema = z.strictObject({ jobId: idSchema });
