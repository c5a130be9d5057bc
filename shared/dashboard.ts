import { z } from 'zod';
import { idSchema } from './ids.js';
import { AGENCY_KINDS, AUDIT_THEMES, GRADES, LEARNING_THEMES, WORK_STATUS_LABELS } from './vocabulary.js';

export const SEARCH_KINDS = ['finding', 'recommendation', 'action', 'evidence'] as const;
export const searchInputSchema = z.strictObject({
  q: z.string().trim().min(1, 'enter what to search for').max(200),
  kinds: z.array(z.enum(SEARCH_KINDS)).max(4).optional(),
  limit: z.number().int().min(1).max(100).default(50),
});
export const searchHitSchema = z.strictObject({
  kind: z.enum(SEARCH_KINDS),
  auditId: idSchema,
  auditTitle: z.string(),
  snippet: z.string(), // plain text; matched words between ⟦ and ⟧
  // Where the result opens: the finding's audit, the action, or the checklist question.
  findingId: idSchema.nullable(),
  recommendationId: idSchema.nullable(),
  actionId: idSchema.nullable(),
  checklistId: idSchema.nullable(),
  questionId: z.string().nullable(),
  // Context, looked up for the returned hits only. An evidence note: the case reference as stored, the
  // agency whose checklist it is, the question's text in the audit's pinned template version and the
  // section holding it. An action: its lead agency. Null where it does not apply.
  caseReference: z.string().nullable(),
  agencyName: z.string().nullable(),
  questionText: z.string().nullable(),
  sectionId: z.string().nullable(),
});
export type SearchHit = z.infer<typeof searchHitSchema>;

export const PROGRAMME_STAGES = ['planned', 'in_progress', 'signed', 'imported', 'reaudit_due'] as const;
export const PROGRAMME_STAGE_LABELS: Record<(typeof PROGRAMME_STAGES)[number], string> = {
  planned: 'Planned',
  in_progress: WORK_STATUS_LABELS.in_progress,
  signed: 'Signed',
  imported: 'Imported',
  reaudit_due: 'Re-audit due',
};

const count = z.number().int();
export const dashboardSchema = z.strictObject({
  programme: z.array(
    z.strictObject({
      auditId: idSchema,
      title: z.string(),
      theme: z.enum(AUDIT_THEMES),
      round: count,
      stage: z.enum(PROGRAMME_STAGES),
      cases: count,
      openActions: count,
      overdueActions: count,
      updatedAt: z.string(),
    }),
  ),
  actions: z.strictObject({ open: count, overdue: count, complete: count, verified: count }),
  // Open and overdue actions by lead agency: every agency of the board, in the board's order.
  actionsByAgency: z.array(z.strictObject({ agencyId: idSchema, agencyName: z.string(), open: count, overdue: count })),
  // Agency grades (per case) by audit theme: how each agency's practice was judged.
  grades: z.array(
    z.strictObject({ theme: z.enum(AUDIT_THEMES), agencyName: z.string(), counts: z.record(z.enum(GRADES), count) }),
  ),
  // Learning themes × agencies: the share of assessed answers that were development areas.
  heatmap: z.strictObject({
    agencies: z.array(z.strictObject({ id: idSchema, name: z.string(), kind: z.enum(AGENCY_KINDS) })),
    cells: z.array(
      z.strictObject({ theme: z.enum(LEARNING_THEMES), agencyId: idSchema, assessed: count, development: count }),
    ),
  }),
  trends: z.array(
    z.strictObject({
      seriesId: idSchema,
      title: z.string(),
      rounds: z.array(
        z.strictObject({
          auditId: idSchema,
          round: count,
          share: z.number().nullable(),
          // The count behind the share ("met of assessed"), and whether it is a small sample.
          assessed: count,
          met: count,
          smallSample: z.boolean(),
        }),
      ),
    }),
  ),
  /**
   * The board's small-sample threshold as it is now: a trend round or heatmap cell from fewer
   * assessed answers than this is marked as a small sample and not coloured as if it were solid.
   */
  smallSampleThreshold: count,
});
export type Dashboard = z.infer<typeof dashboardSchema>;
