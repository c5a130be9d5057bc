import { z } from 'zod';

export const IDLE_LOCK_DEFAULT_MINUTES = 15;
export const idleLockMinutesSchema = z.number().int().min(1, 'at least 1 minute').max(240, 'at most 240 minutes');

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
