// One run of the import benchmark, in a process of its own so that its memory high-water mark is the
// import's: a fresh QA installation imports every signed bundle of the board (read, verify, validate,
// write), then, as the reference measured in the same run, the same rows are inserted with plain
// prepared statements in one transaction into a scratch set of tables of the same column shapes.
// Prints one line of JSON.
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openApp } from '../electron/app.js';
import { importFiles } from '../electron/bundle/importFiles.js';
import { readBundle } from '../electron/bundle/verify.js';
import { apiOver } from '../electron/rpc/apiClient.js';
import { openDatabase, type Db } from '../db/open.js';
import type { AgencyKind } from '../shared/vocabulary.js';
import { BOARD_NAME } from './generate.js';

export interface ImportChildInput {
  bundlesDir: string;
  workDir: string;
  auditorCard: string;
  agencies: Array<{ name: string; kind: AgencyKind }>;
  /** Also measure the verify step alone (a second pass over the bundles). */
  verifyPass: boolean;
}

export interface ImportChildResult {
  bundles: number;
  bundleBytes: number;
  rows: number;
  rowsByTable: Record<string, number>;
  importMs: number;
  /** The search indexing of the imported evidence notes that follows the import (in the background in the app). */
  indexMs: number;
  indexedAudits: number;
  verifyMs: number | null;
  /** Whether bundles were read on the reader's worker thread, overlapping the writes. */
  readerThreaded: boolean;
  maxRssBeforeMb: number;
  maxRssAfterMb: number;
  maxRssAfterIndexMb: number;
  raw: { ms: number; rows: number };
  rawPlain: { ms: number; rows: number };
}

/** The tables an import writes, the rows the benchmark counts. */
export const IMPORTED_TABLES = [
  'audit',
  'audit_case',
  'checklist',
  'answer',
  'case_grade',
  'case_discussion',
  'finding',
  'recommendation',
  'action',
  'audit_revision',
  'imported_bundle',
] as const;

const mb = () => process.resourceUsage().maxRSS / 1024;

async function main(): Promise<void> {
  const input = JSON.parse(process.argv[2]!) as ImportChildInput;
  const files = readdirSync(input.bundlesDir)
    .filter((f) => f.endsWith('.caseaudit'))
    .sort();

  // A fresh QA installation that trusts the auditor (setting it up is not timed).
  const key = randomBytes(32);
  const qaPath = join(input.workDir, `qa-${process.pid}.db`);
  const app = openApp(qaPath, { key, dailyBackup: false, actor: 'fictional-qa', backgroundIndexing: false });
  const api = apiOver(app.dispatch);
  // The generated board's own name: a bundle from another board is held until someone agrees to it.
  await api['board.setup']({ name: BOARD_NAME, agencies: input.agencies });
  await api['identity.create']({
    name: 'Fictional QA officer',
    role: 'QA sub-committee',
    agency: 'Fictional partnership business unit',
  });
  await api['trust.enrol']({ card: input.auditorCard, safetyNumberCompared: true });

  const before = mb();
  let bundleBytes = 0;
  const t0 = performance.now();
  // As the app and the CLI import several files: each verified on the reader's worker thread while
  // the one before it is written (electron/bundle/importFiles.ts).
  await importFiles(
    app.ctx,
    files.map((f) => ({
      name: f,
      load: () => {
        const bytes = readFileSync(join(input.bundlesDir, f));
        bundleBytes += bytes.length;
        return bytes;
      },
    })),
    app.bundleReader,
    (i, outcome) => {
      if (outcome.outcome !== 'added')
        throw new Error(`${files[i]}: ${outcome.outcome}: ${'message' in outcome ? outcome.message : ''}`);
    },
  );
  const importMs = performance.now() - t0;
  const readerThreaded = app.bundleReader.threaded;
  const after = mb();

  // What the app does in the background after an import: index the evidence notes for search.
  const tIndex = performance.now();
  const indexed = await app.searchIndexer.run();
  const indexMs = performance.now() - tIndex;
  if (indexed.error || indexed.pendingAudits > 0)
    throw new Error(`search indexing failed: ${indexed.error ?? 'audits left'}`);
  const afterIndex = mb();

  let verifyMs: number | null = null;
  if (input.verifyPass) {
    const own = app.ctx.repos.identity.own()!;
    const t1 = performance.now();
    for (const f of files) {
      const reading = await readBundle(readFileSync(join(input.bundlesDir, f)), {
        decryptionKeys: [own.encryptionPrivate],
        trust: (fp) => app.ctx.repos.identity.trustedByFingerprint(fp),
      });
      if (!reading.ok) throw new Error(`${f}: ${reading.message}`);
    }
    verifyMs = performance.now() - t1;
  }

  const rowsByTable = Object.fromEntries(
    IMPORTED_TABLES.map((t) => [t, (app.db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n]),
  );
  const rows = Object.values(rowsByTable).reduce((a, b) => a + b, 0);

  // The reference: the same rows, the same column shapes, plain prepared inserts in one transaction.
  const data = IMPORTED_TABLES.map((t) => ({
    table: t,
    rows: app.db.prepare(`SELECT * FROM ${t}`).raw().all() as unknown[][],
  }));
  const shapes = IMPORTED_TABLES.map((t) => scratchTable(app.db, t));
  app.close();
  const raw = rawInserts(
    openDatabase(join(input.workDir, `raw-${process.pid}.db`), { key: randomBytes(32), migrate: false }),
    shapes,
    data,
  );
  const rawPlain = rawInserts(
    openDatabase(join(input.workDir, `raw-plain-${process.pid}.db`), { migrate: false }),
    shapes,
    data,
  );

  const result: ImportChildResult = {
    bundles: files.length,
    bundleBytes,
    rows,
    rowsByTable,
    importMs,
    indexMs,
    indexedAudits: indexed.done,
    verifyMs,
    readerThreaded,
    maxRssBeforeMb: before,
    maxRssAfterMb: after,
    maxRssAfterIndexMb: afterIndex,
    raw,
    rawPlain,
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

/** CREATE TABLE for a scratch copy: same columns, types and primary key; no indexes, triggers or foreign keys. */
function scratchTable(db: Db, table: string): { create: string; insert: string } {
  const cols = db.prepare(`PRAGMA table_info(${table})`).all() as Array<{
    name: string;
    type: string;
    notnull: number;
    pk: number;
  }>;
  const strict = /\)\s*STRICT/i.test(
    (db.prepare('SELECT sql FROM sqlite_master WHERE name = ?').get(table) as { sql: string }).sql,
  );
  const withoutRowid = /WITHOUT ROWID/i.test(
    (db.prepare('SELECT sql FROM sqlite_master WHERE name = ?').get(table) as { sql: string }).sql,
  );
  const pk = cols
    .filter((c) => c.pk > 0)
    .sort((a, b) => a.pk - b.pk)
    .map((c) => c.name);
  const defs = cols.map((c) => `"${c.name}" ${c.type}${c.notnull ? ' NOT NULL' : ''}`);
  if (pk.length) defs.push(`PRIMARY KEY (${pk.map((c) => `"${c}"`).join(', ')})`);
  const options = [strict ? 'STRICT' : '', withoutRowid ? 'WITHOUT ROWID' : ''].filter(Boolean).join(', ');
  return {
    create: `CREATE TABLE raw_${table} (${defs.join(', ')}) ${options}`,
    insert: `INSERT INTO raw_${table} VALUES (${cols.map(() => '?').join(', ')})`,
  };
}

function rawInserts(
  db: Db,
  shapes: Array<{ create: string; insert: string }>,
  data: Array<{ rows: unknown[][] }>,
): { ms: number; rows: number } {
  try {
    for (const s of shapes) db.exec(s.create);
    const statements = shapes.map((s) => db.prepare(s.insert));
    let rows = 0;
    const t = performance.now();
    db.transaction(() => {
      data.forEach((d, i) => {
        const stmt = statements[i]!;
        for (const row of d.rows) stmt.run(row);
        rows += d.rows.length;
      });
    }).immediate();
    return { ms: performance.now() - t, rows };
  } finally {
    db.close();
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
