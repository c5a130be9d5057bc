// Settings an IT department enforces for every user of a machine (docs/deployment.md): read from a
// JSON file in the platform's machine-wide configuration folder. Every key is optional; an unknown
// key is an error, so a misspelt setting is reported rather than silently not enforced.
import { z } from 'zod';
import { agencyDraftSchema } from './board.js';
import { identityCardSchema } from './identity.js';
import { idleLockMinutesSchema } from './settings.js';

export const POLICY_FORMAT = 'case-audit-policy';

export const policyFileSchema = z.strictObject({
  format: z.literal(POLICY_FORMAT, { error: `"format" must be "${POLICY_FORMAT}"` }),
  formatVersion: z.literal(1, { error: '"formatVersion" must be 1' }),
  /** The longest idle lock a person may choose, in minutes. */
  maxIdleLockMinutes: idleLockMinutesSchema.optional(),
  /** False: bundles are always encrypted to the QA sub-committee. */
  allowUnencryptedExport: z.boolean().optional(),
  /** The QA sub-committee's identity card, offered at set-up as the bundles' recipient. */
  qaRecipientCard: identityCardSchema.optional(),
  /** The partner agencies a new partnership starts with, instead of the built-in list. */
  defaultAgencies: z
    .array(agencyDraftSchema.omit({ id: true }))
    .min(1)
    .max(100)
    .optional(),
  /** Where the database is kept, instead of the user's application-data folder: an absolute path. */
  dataFolder: z
    .string()
    .min(1)
    .max(1000)
    .refine((p) => p.startsWith('/') || /^[A-Za-z]:[\\/]/.test(p) || p.startsWith('\\\\'), 'must be an absolute path')
    .optional(),
});
export type PolicyFile = z.infer<typeof policyFileSchema>;

/** What the installation runs under: the policy in force, where it came from, and any problem with it. */
export const managedPolicySchema = z.strictObject({
  /** The file read, or null when there is none. */
  source: z.string().nullable(),
  /** Why the file could not be used; the strictest safe settings apply instead. */
  problem: z.string().nullable(),
  maxIdleLockMinutes: idleLockMinutesSchema.nullable(),
  allowUnencryptedExport: z.boolean(),
  qaRecipientCard: identityCardSchema.nullable(),
  defaultAgencies: z.array(agencyDraftSchema.omit({ id: true })).nullable(),
  dataFolder: z.string().nullable(),
  /** The names of the settings the organisation manages, for the screens to mark. */
  managed: z.array(z.string()),
});
export type ManagedPolicy = z.infer<typeof managedPolicySchema>;

/** No policy file: nothing is managed. */
export const UNMANAGED: ManagedPolicy = {
  source: null,
  problem: null,
  maxIdleLockMinutes: null,
  allowUnencryptedExport: true,
  qaRecipientCard: null,
  defaultAgencies: null,
  dataFolder: null,
  managed: [],
};

/**
 * A policy file that exists but cannot be read or is malformed: the organisation meant to manage
 * this machine, so the strictest safe settings apply (a short idle lock, no unencrypted export)
 * rather than none.
 */
export const STRICTEST_IDLE_LOCK_MINUTES = 5;
export function strictestPolicy(source: string, problem: string): ManagedPolicy {
  return {
    source,
    problem,
    maxIdleLockMinutes: STRICTEST_IDLE_LOCK_MINUTES,
    allowUnencryptedExport: false,
    qaRecipientCard: null,
    defaultAgencies: null,
    dataFolder: null,
    managed: ['maxIdleLockMinutes', 'allowUnencryptedExport'],
  };
}

export function policyFromFile(source: string, file: PolicyFile): ManagedPolicy {
  const managed = (
    ['maxIdleLockMinutes', 'allowUnencryptedExport', 'qaRecipientCard', 'defaultAgencies', 'dataFolder'] as const
  ).filter((k) => file[k] !== undefined);
  return {
    source,
    problem: null,
    maxIdleLockMinutes: file.maxIdleLockMinutes ?? null,
    allowUnencryptedExport: file.allowUnencryptedExport ?? true,
    qaRecipientCard: file.qaRecipientCard ?? null,
    defaultAgencies: file.defaultAgencies ?? null,
    dataFolder: file.dataFolder ?? null,
    managed: [...managed],
  };
}
