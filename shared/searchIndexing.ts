// Where the search index stands: imported audits whose evidence notes wait to be indexed.
import { z } from 'zod';

export const indexingStatusSchema = z.strictObject({
  /** Imported audits whose evidence notes are not searchable yet. */
  pendingAudits: z.number().int().nonnegative(),
  running: z.boolean(),
  /** Audits indexed, and to index, in the current or last run. */
  done: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
  /** Why the last run stopped early, if it failed. */
  error: z.string().nullable(),
});
export type IndexingStatus = z.infer<typeof indexingStatusSchema>;
