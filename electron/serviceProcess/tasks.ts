// The command line's work that is not one contract method, run in the service process on the open
// session's app: a bulk import streaming each file's outcome, indexing what was imported, a backup
// naming its file, verifying bundles with the installation's keys. Each task's input is checked
// here (the parent is trusted no more than a window is); its progress goes back as `progress`
// messages and its answer as the same `{ok, value} | {ok: false, error}` envelope as a call.
import { basename } from 'node:path';
import { z } from 'zod';
import { backupDatabase } from '../../db/backup.js';
import { AppError, type RpcResult } from '../../shared/errors.js';
import type { CaseAuditApp } from '../app.js';
import { importFiles } from '../bundle/importFiles.js';
import { decryptionKeys } from '../services/identityService.js';
import { readBundleFile, verifyBundleFile } from './bundleFiles.js';

type Progress = (payload: unknown) => void;
interface Task<S extends z.ZodType> {
  input: S;
  run: (app: CaseAuditApp, input: z.infer<S>, progress: Progress) => Promise<unknown>;
}
const task = <S extends z.ZodType>(t: Task<S>) => t;

/** The peak resident memory of this process (the one doing the work), in MB. */
const peakMemoryMb = () => Math.round(process.resourceUsage().maxRSS / 1024);

export const TASKS = {
  /** Imports the files in their order (importFiles.ts: one read ahead on the worker); one `progress` per file. */
  'bundles.importFiles': task({
    input: z.strictObject({
      paths: z.array(z.string().min(1)).min(1),
      acceptBoard: z.string().trim().min(1).max(200).optional(),
    }),
    run: async (app, { paths, acceptBoard }, progress) => {
      const files = paths.map((path) => ({ name: basename(path), load: () => readBundleFile(path) }));
      await importFiles(
        app.ctx,
        files,
        app.bundleReader,
        (index, outcome) => progress({ index, outcome }),
        acceptBoard ? { acceptBoard } : {},
      );
      return { peakMemoryMb: peakMemoryMb() };
    },
  }),
  /** Indexes the imported audits still queued for search, each in its own transaction. */
  'search.indexPending': task({
    input: z.strictObject({}),
    run: async (app, _input, progress) => {
      if (app.searchIndexer.status().pendingAudits === 0) return { indexed: false, error: null };
      const status = await app.searchIndexer.run((done, total) => progress({ done, total }));
      return { indexed: true, error: status.error };
    },
  }),
  /** A manual backup, answered with where it went (the contract's backups.create keeps the path to itself). */
  'backups.now': task({
    input: z.strictObject({}),
    run: async (app) => backupDatabase(app.db, app.ctx.databasePath, 'manual'),
  }),
  /** Verifies bundle files with this installation's keys and trusted signers (and cards given besides). */
  'bundles.verifyFiles': task({
    input: z.strictObject({ paths: z.array(z.string().min(1)).min(1), trusted: z.array(z.string()) }),
    run: async (app, { paths, trusted }) => {
      const extra = new Set(trusted);
      const options = {
        decryptionKeys: decryptionKeys(app.ctx),
        trust: (fp: string) => (extra.has(fp) ? { revokedAt: null } : app.ctx.repos.identity.trustedByFingerprint(fp)),
      };
      const lines = [];
      for (const path of paths) lines.push(await verifyBundleFile(path, options, true));
      return lines;
    },
  }),
} satisfies Record<string, Task<z.ZodType>>;

export type TaskName = keyof typeof TASKS;

/** Runs one task on the open app; every failure is an answer, never a throw. */
export async function runTask(
  app: CaseAuditApp | null,
  name: string,
  input: unknown,
  progress: Progress,
): Promise<RpcResult<unknown>> {
  const t = Object.hasOwn(TASKS, name) ? (TASKS as Record<string, Task<z.ZodType>>)[name] : undefined;
  if (!t) return { ok: false, error: { code: 'NOT_FOUND', message: `unknown task "${name}"` } };
  if (!app) return { ok: false, error: { code: 'LOCKED', message: 'Case Audit is locked.' } };
  const parsed = t.input.safeParse(input);
  if (!parsed.success)
    return { ok: false, error: { code: 'VALIDATION', message: `task ${name}: ${z.prettifyError(parsed.error)}` } };
  try {
    return { ok: true, value: await t.run(app, parsed.data, progress) };
  } catch (e) {
    // The command line's own process prints the message, as it did when it ran the work itself.
    return {
      ok: false,
      error: { code: e instanceof AppError ? e.code : 'INTERNAL', message: (e as Error).message ?? String(e) },
    };
  }
}
