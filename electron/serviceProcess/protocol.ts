// The messages between the app's process (Electron's main process, or the browser host) and the
// service process. Plain data, structured-cloned both ways: Electron's utilityProcess postMessage and
// Node's fork with `serialization: 'advanced'` carry the same objects. Each side checks what it is
// sent with these schemas, so a malformed message is refused, never half-read.
import { z } from 'zod';
import { APP_EVENTS } from '../../shared/bridge.js';
import { ERROR_CODES, type RpcResult } from '../../shared/errors.js';

const hexKey = z.string().regex(/^(?:[0-9a-f]{2}){16,64}$/, 'a key in hex');

/** What the service process is started with; the key only when it is already known (first start). */
export const initSchema = z.strictObject({
  type: z.literal('init'),
  dbPath: z.string().min(1),
  keyHex: hexKey.optional(),
  /** The Electron-ABI build of the SQLite module (db/open.ts). */
  nativeBinding: z.string().min(1).optional(),
  dailyBackup: z.boolean().optional(),
  backgroundIndexing: z.boolean().optional(),
  /** scrypt parameters for new passphrase wraps (tests use smaller ones). */
  scrypt: z
    .strictObject({ N: z.number().int().positive(), r: z.number().int().positive(), p: z.number().int().positive() })
    .optional(),
  /** Send the key back after each unlock (the desktop app keeps a copy in the OS keychain). */
  reportKey: z.boolean().optional(),
  /** Lock after the idle time (on by default; off for a one-shot CLI command, which ends when done). */
  idleLock: z.boolean().optional(),
});
export type InitMessage = z.infer<typeof initSchema>;
export type ServiceSettings = Omit<InitMessage, 'type' | 'keyHex'>;

export const callSchema = z.strictObject({
  type: z.literal('call'),
  id: z.number().int().nonnegative(),
  method: z.string().min(1).max(64),
  input: z.unknown(),
});

/**
 * The command line's work that is not one contract method (a bulk import streaming its outcomes,
 * indexing what it imported, a backup naming its file): run in the service process on its open
 * session, answered by `result` after any number of `progress` messages (electron/serviceProcess/tasks.ts).
 */
export const taskSchema = z.strictObject({
  type: z.literal('task'),
  id: z.number().int().nonnegative(),
  task: z.string().min(1).max(64),
  input: z.unknown(),
});

export const parentMessageSchema = z.discriminatedUnion('type', [
  initSchema,
  callSchema,
  taskSchema,
  /** Lock now (the system sleeps, or its screen locks). */
  z.strictObject({ type: z.literal('lock') }),
  /** Close the database and end. */
  z.strictObject({ type: z.literal('close') }),
]);
export type ParentMessage = z.infer<typeof parentMessageSchema>;

const rpcResultSchema = z.union([
  z.strictObject({ ok: z.literal(true), value: z.unknown() }),
  z.strictObject({
    ok: z.literal(false),
    error: z.looseObject({ code: z.enum(ERROR_CODES), message: z.string() }),
  }),
]);

export const childMessageSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('ready') }),
  /** The service process could not start (e.g. the database could not be opened); it ends after this. */
  z.strictObject({ type: z.literal('failed'), message: z.string() }),
  z.strictObject({ type: z.literal('result'), id: z.number().int().nonnegative(), result: rpcResultSchema }),
  z.strictObject({ type: z.literal('progress'), id: z.number().int().nonnegative(), payload: z.unknown() }),
  z.strictObject({ type: z.literal('event'), event: z.enum(APP_EVENTS), payload: z.unknown() }),
  z.strictObject({ type: z.literal('unlocked'), keyHex: hexKey }),
]);
export type ChildMessage =
  | { type: 'ready' }
  | { type: 'failed'; message: string }
  | { type: 'result'; id: number; result: RpcResult<unknown> }
  | { type: 'progress'; id: number; payload: unknown }
  | { type: 'event'; event: (typeof APP_EVENTS)[number]; payload: unknown }
  | { type: 'unlocked'; keyHex: string };
