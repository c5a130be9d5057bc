import { z } from 'zod';
import { answerSchema } from './answer.js';
import { caseGradeSchema, discussionSchema } from './review.js';
import { auditCaseSchema } from './auditCase.js';
import { agencySchema } from './board.js';
import { idSchema, isoDateTime } from './ids.js';
import { templateSchema } from './template.js';
import { AGENCY_KINDS, AUDIT_THEMES } from './vocabulary.js';

export const AUDIT_STATUSES = ['in_progress', 'signed'] as const;

export const auditSummarySchema = z.strictObject({
  id: idSchema,
  title: z.string(),
  theme: z.enum(AUDIT_THEMES),
  templateId: z.string(),
  templateVersion: z.number().int(),
  templateTitle: z.string(),
  status: z.enum(AUDIT_STATUSES),
  seriesId: idSchema,
  round: z.number().int().min(1),
  revision: z.number().int().min(0), // the latest signed revision; 0 before the first signature
  origin: z.enum(['local', 'imported']),
  purpose: z.string(),
  thresholds: z.strictObject({ someThreshold: z.number(), manyThreshold: z.number() }),
  caseCount: z.number().int(),
  checklistCount: z.number().int(),
  completeCount: z.number().int(),
  // Archived audits leave the working lists (the audits list, the programme) but stay in history and reports.
  archivedAt: isoDateTime.nullable(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
});
export type AuditSummary = z.infer<typeof auditSummarySchema>;

export const auditCreateSchema = z.strictObject({
  title: z.string().trim().min(1, 'enter a title for the audit').max(200),
  templateId: z.string().min(1, 'choose a template').max(80),
  templateVersion: z.number().int().min(1).optional(),
});
export type AuditCreate = z.input<typeof auditCreateSchema>;

/** Which audits a list holds: the working ones (the default), the archived ones, or all. */
export const auditListInputSchema = z.strictObject({
  archived: z.enum(['exclude', 'only', 'include']).default('exclude'),
});

export const auditDeleteInputSchema = z.strictObject({
  auditId: idSchema,
  // Deleting cannot be undone: refused unless confirmed.
  confirm: z.boolean().default(false),
});

export const auditDeletedSchema = z.strictObject({
  deleted: z.literal(true),
  auditId: idSchema,
  title: z.string(),
  cases: z.number().int(),
  answers: z.number().int(),
});

export const checklistSummarySchema = z.strictObject({
  id: idSchema,
  caseId: idSchema,
  caseReference: z.string(),
  agencyId: idSchema,
  agencyName: z.string(),
  agencyKind: z.enum(AGENCY_KINDS),
  status: z.enum(['not_started', 'in_progress', 'complete']),
  answered: z.number().int(),
  required: z.number().int(),
  updatedAt: isoDateTime,
  completedAt: isoDateTime.nullable(),
});
export type ChecklistSummary = z.infer<typeof checklistSummarySchema>;

export const auditDetailSchema = z.strictObject({
  audit: auditSummarySchema,
  cases: z.array(auditCaseSchema),
  agencies: z.array(agencySchema),
  checklists: z.array(checklistSummarySchema),
  grades: z.array(caseGradeSchema),
  discussions: z.array(discussionSchema),
});
export type AuditDetail = z.infer<typeof auditDetailSchema>;

export const checklistDetailSchema = z.strictObject({
  checklist: checklistSummarySchema,
  audit: auditSummarySchema,
  auditCase: auditCaseSchema,
  template: templateSchema,
  answers: z.array(answerSchema),
});
export type ChecklistDetail = z.infer<typeof checklistDetailSchema>;
