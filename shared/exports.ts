// Exports people open in their own tools: the action tracker, an audit's answers and the audit
// programme as CSV or Excel (.xlsx), and a blank audit tool to print (PDF or Word). Each is made in
// one call that only reads, and handed back as a file.
import { z } from 'zod';
import { actionFilterSchema } from './actionPlan.js';
import { idSchema } from './ids.js';
import { programmeYearSchema } from './programme.js';

export const TABLE_FORMATS = ['csv', 'xlsx'] as const;
export const tableFormatSchema = z.enum(TABLE_FORMATS, { message: 'choose CSV or Excel' });
export const DOCUMENT_FORMATS = ['pdf', 'docx'] as const;

/** The tracker's own filters (the same actions, in the same order, as the tracker shows). */
export const actionsExportSchema = actionFilterSchema.extend({ format: tableFormatSchema });
export const answersExportSchema = z.strictObject({ auditId: idSchema, format: tableFormatSchema });
export const programmeExportSchema = z.strictObject({
  year: programmeYearSchema.optional(),
  format: tableFormatSchema,
});
export const blankToolExportSchema = z.strictObject({
  templateId: z.string().min(1).max(80),
  version: z.number().int().min(1),
  format: z.enum(DOCUMENT_FORMATS, { message: 'choose PDF or Word' }),
});

export const exportFileSchema = z.strictObject({ fileName: z.string(), base64: z.string() });
