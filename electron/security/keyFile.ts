// The key file beside the database (`<db>.keys`): the database key, wrapped one or more ways.
// It holds nothing usable without the passphrase (or the OS keychain), and is written atomically.
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { z } from 'zod';
import { describeIssues } from '../../shared/validationPath.js';

const b64 = z
  .string()
  .regex(/^[A-Za-z0-9+/]*={0,2}$/)
  .max(4096);

export const passphraseWrapSchema = z.strictObject({
  kind: z.literal('passphrase'),
  kdf: z.literal('scrypt'),
  N: z
    .number()
    .int()
    .min(2 ** 14)
    .max(2 ** 22),
  r: z.number().int().min(1).max(32),
  p: z.number().int().min(1).max(16),
  salt: b64,
  iv: b64,
  ciphertext: b64,
  tag: b64,
});

export const osWrapSchema = z.strictObject({ kind: z.literal('os'), blob: b64 });

export const recoveryWrapSchema = z.strictObject({
  kind: z.literal('recovery'),
  kdf: z.literal('hkdf-sha256'),
  salt: b64,
  iv: b64,
  ciphertext: b64,
  tag: b64,
});

/** Format 2 added the recovery wrap; a format 1 file (passphrase and OS wraps only) is read as it is. */
export const KEY_FILE_FORMAT = 2;

export const keyFileSchema = z
  .strictObject({
    format: z.union([z.literal(1), z.literal(2)]),
    cipher: z.literal('sqlcipher-4'),
    createdAt: z.string(),
    wraps: z
      .array(z.discriminatedUnion('kind', [passphraseWrapSchema, osWrapSchema, recoveryWrapSchema]))
      .min(1)
      .max(8),
  })
  .refine((f) => f.format === 2 || f.wraps.every((w) => w.kind !== 'recovery'), {
    path: ['wraps'],
    message: 'a recovery wrap needs key file format 2',
  })
  .refine((f) => new Set(f.wraps.map((w) => w.kind)).size === f.wraps.length, {
    path: ['wraps'],
    message: 'at most one wrap of each kind',
  });
export type KeyFile = z.infer<typeof keyFileSchema>;
type Wrap = KeyFile['wraps'][number];

export const keyFilePath = (dbPath: string) => `${dbPath}.keys`;

export function readKeyFile(dbPath: string): KeyFile | null {
  const path = keyFilePath(dbPath);
  if (!existsSync(path)) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    throw new Error(`The key file ${path} is damaged (not JSON). Restore it from a backup.`);
  }
  const parsed = keyFileSchema.safeParse(raw);
  if (!parsed.success) throw new Error(`The key file ${path} is damaged: ${describeIssues(parsed.error.issues)}`);
  return parsed.data;
}

export function writeKeyFile(dbPath: string, file: KeyFile): void {
  const path = keyFilePath(dbPath);
  const tmp = `${path}.tmp`;
  const fd = openSync(tmp, 'w', 0o600);
  try {
    writeSync(fd, JSON.stringify(file, null, 2) + '\n');
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, path);
}

/** Adds or replaces wraps of the key, keeping the others; the file becomes format 2. */
export function putWraps(dbPath: string, wraps: Wrap[]): void {
  const file = readKeyFile(dbPath);
  if (!file) throw new Error(`There is no key file (${keyFilePath(dbPath)}) to change.`);
  const kinds = new Set(wraps.map((w) => w.kind));
  writeKeyFile(dbPath, {
    ...file,
    format: KEY_FILE_FORMAT,
    wraps: [...file.wraps.filter((w) => !kinds.has(w.kind)), ...wraps],
  });
}

/** Adds (or replaces) the operating-system wrap of the key, keeping the passphrase wrap. */
export function putOsWrap(dbPath: string, blob: string): void {
  const file = readKeyFile(dbPath);
  if (!file) throw new Error('There is no key file to add the keychain copy to.');
  writeKeyFile(dbPath, { ...file, wraps: [...file.wraps.filter((w) => w.kind !== 'os'), { kind: 'os', blob }] });
}

export function osWrapBlob(dbPath: string): string | null {
  const wrap = readKeyFile(dbPath)?.wraps.find((w) => w.kind === 'os');
  return wrap?.kind === 'os' ? wrap.blob : null;
}
