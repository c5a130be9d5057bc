import { z } from 'zod';

export { DEFAULT_SMALL_SAMPLE } from './proportions.js';

export const IDLE_LOCK_DEFAULT_MINUTES = 15;
export const idleLockMinutesSchema = z.number().int().min(1, 'at least 1 minute').max(240, 'at most 240 minutes');

/**
 * Shares from fewer cases than the board's threshold are marked as a small sample. Between 2 and 30:
 * below 2 nothing would ever be marked, and audits rarely sample more than 30 cases.
 */
export const smallSampleThresholdSchema = z
  .number({ error: 'enter the number of cases as a whole number, such as 5' })
  .int('enter the number of cases as a whole number, such as 5')
  .min(2, 'the small-sample threshold must be at least 2 cases')
  .max(30, 'the small-sample threshold must be at most 30 cases');
export const smallSampleSettingSchema = z.strictObject({ threshold: smallSampleThresholdSchema });
export type SmallSampleSetting = z.infer<typeof smallSampleSettingSchema>;

export const sessionStatusSchema = z.strictObject({
  locked: z.boolean(),
  // False only on first run of the desktop app: there is no database yet, so choose a passphrase.
  databaseExists: z.boolean(),
  idleLockMinutes: idleLockMinutesSchema,
});
export type SessionStatus = z.infer<typeof sessionStatusSchema>;

export const MIN_PASSPHRASE_LENGTH = 12;
export const newPassphraseSchema = z
  .strictObject({
    passphrase: z
      .string()
      .min(
        MIN_PASSPHRASE_LENGTH,
        `use at least ${MIN_PASSPHRASE_LENGTH} characters; three random words make a good passphrase`,
      )
      .max(1024),
    confirm: z.string().max(1024),
  })
  .refine((v) => v.passphrase === v.confirm, { path: ['confirm'], message: 'the two passphrases do not match' });

export const backupInfoSchema = z.strictObject({
  name: z.string(),
  kind: z.enum(['daily', 'pre-migration', 'manual', 'pre-restore']),
  createdAt: z.string(),
  bytes: z.number().int(),
});
