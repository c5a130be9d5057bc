// The About screen's facts and the diagnostics file a person sends to their IT desk: versions,
// paths, the policy in force and the recent log, never the partnership's data.
import { z } from 'zod';

export const aboutSchema = z.strictObject({
  version: z.string(),
  schemaVersion: z.number().int(),
  node: z.string(),
  electron: z.string().nullable(),
  platform: z.string(),
  arch: z.string(),
  databasePath: z.string(),
  logFolder: z.string(),
  backupFolder: z.string(),
  policySource: z.string().nullable(),
  policyProblem: z.string().nullable(),
  managed: z.array(z.string()),
});
export type About = z.infer<typeof aboutSchema>;

export const DIAGNOSTICS_FORMAT = 'case-audit-diagnostics';

export const diagnosticsFileSchema = z.strictObject({
  fileName: z.string().regex(/^case-audit-diagnostics-[0-9T-]+\.json$/),
  json: z.string(),
});
