// case-audit verify / import / export
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { z } from 'zod';
import type { ImportOutcome } from '../../../shared/bundle.js';
import { BUNDLE_EXTENSION } from '../../../shared/bundle.js';
import { idSchema } from '../../../shared/ids.js';
import { parseIdentityCard } from '../../services/identityService.js';
import { verifyBundleFile, type VerifyLine } from '../../serviceProcess/bundleFiles.js';
import { DB_FLAGS, openForCli } from '../openForCli.js';
import { parseCommand } from '../usage.js';

export const verifyHelp = `case-audit verify FILE... [--trust DIR] [--db PATH] [--json]
  Checks each bundle without importing it: container, signature, every SHA-256, content, templates.
  --trust DIR: a folder of identity cards (.json); the signer must be one of them.
  --db PATH: use that installation's trusted keys and its key to open encrypted bundles.
  Exit 0 when every file verifies, 1 when any does not; one line per file says which check failed.`;

export async function verify(argv: string[]): Promise<number> {
  const args = parseCommand(
    argv,
    { ...DB_FLAGS, trust: { type: 'string' }, json: { type: 'boolean' } },
    z.object({
      db: z.string().optional(),
      'passphrase-file': z.string().optional(),
      trust: z.string().optional(),
      json: z.boolean().optional(),
      positionals: z.array(z.string()).min(1, 'name at least one bundle file'),
    }),
    true,
  );
  const cards = new Map<string, { revokedAt: string | null }>();
  if (args.trust) {
    for (const name of readdirSync(args.trust).filter((n) => n.endsWith('.json'))) {
      try {
        cards.set(parseIdentityCard(readFileSync(join(args.trust, name), 'utf8')).fingerprint, { revokedAt: null });
      } catch (e) {
        throw new Error(`${join(args.trust, name)}: ${(e as Error).message}`);
      }
    }
  }
  let results: VerifyLine[];
  if (args.db) {
    // With an installation, its keys and trusted signers are read in the service process.
    const app = await openForCli(args);
    try {
      results = (await app.task('bundles.verifyFiles', {
        paths: args.positionals,
        trusted: [...cards.keys()],
      })) as VerifyLine[];
    } finally {
      await app.close();
    }
  } else {
    // Without one, verifying reads only the files named and the trust folder: no database, no
    // services, so it runs here.
    results = [];
    for (const file of args.positionals)
      results.push(await verifyBundleFile(file, { decryptionKeys: [], trust: (fp) => cards.get(fp) }, !!args.trust));
  }
  const failed = results.filter((line) => !line.ok).length;
  if (!args.json)
    for (const line of results)
      console.log(`${line.ok ? 'VERIFIED' : `REFUSED (${line.check})`}: ${basename(line.file)}: ${line.message}`);
  if (args.json) console.log(JSON.stringify(results));
  return failed > 0 ? 1 : 0;
}

export const importHelp = `case-audit import FILE|DIR... [--db PATH] [--accept-board NAME] [--json]
  Imports each bundle on its own (one bad file does not stop the others; a folder means every
  ${BUNDLE_EXTENSION} file in it, by name) and prints what was added, superseded, skipped,
  quarantined or refused, then a summary with the peak memory. Exit 1 if any was refused.
  A bundle from another board is refused (check "board") unless --accept-board names that board,
  as a region's hub holding several partnerships' audits does.
  --json: {"files": [one outcome per file], "summary": {...}}.`;

/** The files named, a folder standing for its bundles in the order of their names. */
function bundleFiles(paths: readonly string[]): string[] {
  const isDirectory = (p: string) => statSync(p, { throwIfNoEntry: false })?.isDirectory() === true;
  return paths.flatMap((p) =>
    isDirectory(p)
      ? readdirSync(p)
          .filter((n) => n.endsWith(BUNDLE_EXTENSION))
          .sort()
          .map((n) => join(p, n))
      : [p],
  );
}

export interface ImportSummary {
  files: number;
  added: number;
  superseded: number;
  skipped: number;
  keptOlder: number;
  quarantined: number;
  refused: number;
  /** Files not reached (the run stopped on an error that was not a file's own). */
  notImported: number;
  /** The peak resident memory (getrusage) of the service process or this one, whichever is higher, in MB. */
  peakMemoryMb: number;
}

/** `servicePeakMb`: the service process's peak, which did the reading and writing. */
function summarise(outcomes: readonly ImportOutcome[], total: number, servicePeakMb: number): ImportSummary {
  const n = (f: (o: ImportOutcome) => boolean) => outcomes.filter(f).length;
  return {
    files: total,
    added: n((o) => o.outcome === 'added' && o.superseded === null),
    superseded: n((o) => o.outcome === 'added' && o.superseded !== null),
    skipped: n((o) => o.outcome === 'skipped'),
    keptOlder: n((o) => o.outcome === 'recorded_older'),
    quarantined: n((o) => o.outcome === 'quarantined'),
    refused: n((o) => o.outcome === 'refused'),
    notImported: total - outcomes.length,
    peakMemoryMb: Math.max(servicePeakMb, Math.round(process.resourceUsage().maxRSS / 1024)),
  };
}

const summaryLine = (s: ImportSummary) =>
  `Summary: ${s.files} file${s.files === 1 ? '' : 's'}: ${s.added} added, ${s.superseded} superseded, ${s.skipped} skipped, ${s.keptOlder} kept older, ${s.quarantined} quarantined, ${s.refused} refused${s.notImported ? `, ${s.notImported} not imported` : ''}; peak memory ${s.peakMemoryMb} MB`;

const WORD: Record<ImportOutcome['outcome'], string> = {
  added: 'ADDED',
  skipped: 'SKIPPED',
  recorded_older: 'KEPT OLDER',
  quarantined: 'QUARANTINED',
  refused: 'REFUSED',
};

export async function importCommand(argv: string[]): Promise<number> {
  const args = parseCommand(
    argv,
    { ...DB_FLAGS, json: { type: 'boolean' }, 'accept-board': { type: 'string' } },
    z.object({
      db: z.string().optional(),
      'passphrase-file': z.string().optional(),
      json: z.boolean().optional(),
      'accept-board': z.string().trim().min(1, 'name the board whose bundles to accept').max(200).optional(),
      positionals: z.array(z.string()).min(1, 'name at least one bundle file'),
    }),
    true,
  );
  const paths = bundleFiles(args.positionals);
  const app = await openForCli(args);
  let refused = 0;
  let workerPeakMb = 0;
  const results: ({ file: string } & ImportOutcome)[] = [];
  try {
    // In the service process, each bundle is verified on a worker thread while the one before it is
    // written (importFiles.ts); each outcome comes back as it is known.
    const done = (await app.task(
      'bundles.importFiles',
      { paths, ...(args['accept-board'] ? { acceptBoard: args['accept-board'] } : {}) },
      (payload) => {
        const { index, outcome } = payload as { index: number; outcome: ImportOutcome };
        const file = paths[index]!;
        if (outcome.outcome === 'refused') refused++;
        results.push({ file, ...outcome });
        if (!args.json) {
          const label =
            outcome.outcome === 'added' && outcome.superseded !== null ? 'SUPERSEDED' : WORD[outcome.outcome];
          const check = outcome.outcome === 'refused' ? ` (${outcome.check})` : '';
          console.log(`${label}${check}: ${basename(file)}: ${outcome.message}`);
        }
      },
    )) as { peakMemoryMb: number };
    workerPeakMb = done.peakMemoryMb;
    // The imported evidence notes are indexed for search before the command ends (after the imports,
    // each audit in its own transaction: an interrupted run leaves the rest queued for next time).
    const indexed = (await app.task('search.indexPending', {}, (payload) => {
      const { done: n, total } = payload as { done: number; total: number };
      if (!args.json) process.stderr.write(`\rindexing evidence notes for search: ${n} of ${total} audits`);
    })) as { indexed: boolean; error: string | null };
    if (indexed.indexed && !args.json) process.stderr.write('\n');
    if (indexed.error) console.error(`Search indexing stopped: ${indexed.error} (it resumes when the app next opens)`);
  } finally {
    await app.close();
    // Printed however the run ended: what was done is known even if something stopped it.
    const summary = summarise(results, paths.length, workerPeakMb);
    if (args.json) console.log(JSON.stringify({ files: results, summary }));
    else console.log(summaryLine(summary));
  }
  return refused > 0 ? 1 : 0;
}

export const exportHelp = `case-audit export --audit ID --out FILE [--db PATH] [--no-encrypt] [--json]
  Writes the signed bundle of the audit's latest signed revision. It is encrypted to the QA
  sub-committee's key when one is enrolled, unless --no-encrypt.`;

export async function exportCommand(argv: string[]): Promise<number> {
  const args = parseCommand(
    argv,
    {
      ...DB_FLAGS,
      audit: { type: 'string' },
      out: { type: 'string' },
      'no-encrypt': { type: 'boolean' },
      json: { type: 'boolean' },
    },
    z.object({
      db: z.string().optional(),
      'passphrase-file': z.string().optional(),
      audit: idSchema,
      out: z.string().min(1, 'name the file to write with --out'),
      'no-encrypt': z.boolean().optional(),
      json: z.boolean().optional(),
      positionals: z.array(z.string()).max(0),
    }),
  );
  const app = await openForCli(args);
  try {
    const r = await app.dispatch('bundles.export', {
      auditId: args.audit,
      ...(args['no-encrypt'] ? { encrypt: false } : {}),
    });
    if (!r.ok) throw new Error(r.error.message);
    const value = r.value as { fileName: string; base64: string; encrypted: boolean; bundleId: string };
    writeFileSync(args.out, Buffer.from(value.base64, 'base64'), { flag: 'wx', mode: 0o600 });
    if (args.json) console.log(JSON.stringify({ out: args.out, encrypted: value.encrypted, bundleId: value.bundleId }));
    else
      console.log(
        `Wrote ${args.out} (${value.encrypted ? 'encrypted to the QA sub-committee' : 'signed, not encrypted'}).`,
      );
    return 0;
  } finally {
    await app.close();
  }
}
