// `npm run bench`: generates a synthetic board at the chosen scale (or copies one made earlier with
// --generate), runs every benchmark on it and prints the medians over repeated runs beside the
// reference measured in the same run and the target, met or missed. See docs/performance.md.
//
//   node dist/bench/run.js [--scale N] [--seed N] [--reps N] [--quick] [--json] [--no-browser]
//                          [--db PATH] [--keep] [--workdir DIR]
//   node dist/bench/run.js --generate [--scale N] [--seed N] --out PATH
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { openApp, type CaseAuditApp } from '../electron/app.js';
import { demoValue, seededRandom } from '../electron/demo/demoAudit.js';
import { buildReportModel } from '../electron/report/reportModel.js';
import { renderReportPdf } from '../electron/report/reportPdf.js';
import { apiOver } from '../electron/rpc/apiClient.js';
import { obtainDatabaseKey } from '../electron/security/databaseKey.js';
import { keyFilePath } from '../electron/security/keyFile.js';
import { visibleQuestions } from '../shared/checklistRules.js';
import type { Api } from '../shared/contract.js';
import type { Template } from '../shared/template.js';
import { browserUnavailable, runBrowserBench, type BrowserResult } from './browser.js';
import { evidenceNote } from './fiction.js';
import { personalDataRows } from './personalDataScore.js';
import { BENCH_PASSPHRASE, BOARD_AGENCIES, generateBoard, SCALE_MODEL } from './generate.js';
import type { ImportChildInput, ImportChildResult } from './importChild.js';
import { check, fmt, median, percentile, table, timeRuns, type Row } from './stats.js';
import { bench200Template, BENCH_200_ID } from './templates.js';

const HERE = dirname(fileURLToPath(import.meta.url));
export const DEFAULT_SCALE = 1.0;
export const QUICK_SCALE = 0.02;

export interface BenchOptions {
  scale: number;
  seed: number;
  reps: number;
  quick: boolean;
  json: boolean;
  browser: boolean;
  db: string | undefined;
  keep: boolean;
  workdir: string | undefined;
  /** Run only these groups of benchmarks (null: all). */
  only?: Group[] | null;
}

/** Groups of benchmarks, for --only. */
export const GROUPS = ['personalData', 'queries', 'autosave', 'signing', 'import', 'browser'] as const;
export type Group = (typeof GROUPS)[number];

export interface BenchReport {
  /** loadAverage: the 1-minute load average when the run started and when it ended (other work on the machine shows here). */
  machine: {
    cpus: number;
    cpuModel: string;
    memoryGb: number;
    node: string;
    platform: string;
    loadAverage: { start: number; end: number };
  };
  scale: number;
  seed: number;
  reps: number;
  counts: Record<string, number>;
  generationSeconds: Record<string, number> | null;
  rows: Row[];
}

const log = (quiet: boolean) => (line: string) => {
  if (!quiet) process.stderr.write(`${line}\n`);
};

function parse(argv: string[]) {
  const { values } = parseArgs({
    args: argv,
    options: {
      scale: { type: 'string' },
      seed: { type: 'string' },
      reps: { type: 'string' },
      quick: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      'no-browser': { type: 'boolean', default: false },
      generate: { type: 'boolean', default: false },
      out: { type: 'string' },
      db: { type: 'string' },
      keep: { type: 'boolean', default: false },
      workdir: { type: 'string' },
      only: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  });
  const num = (name: string, v: string | undefined, fallback: number) => {
    if (v === undefined) return fallback;
    const n = Number(v);
    if (!Number.isFinite(n) || n <= 0) throw new Error(`--${name} must be a positive number`);
    return n;
  };
  const quick = values.quick ?? false;
  const only = values.only === undefined ? null : values.only.split(',').map((g) => g.trim());
  for (const g of only ?? [])
    if (!(GROUPS as readonly string[]).includes(g))
      throw new Error(`--only: "${g}" is not one of ${GROUPS.join(', ')}`);
  return {
    help: values.help ?? false,
    generate: values.generate ?? false,
    out: values.out,
    options: {
      scale: num('scale', values.scale, quick ? QUICK_SCALE : DEFAULT_SCALE),
      seed: Math.floor(num('seed', values.seed, 2017)),
      reps: Math.floor(num('reps', values.reps, quick ? 1 : 0)),
      quick,
      json: values.json ?? false,
      browser: !(values['no-browser'] ?? false),
      db: values.db,
      keep: values.keep ?? false,
      workdir: values.workdir,
      only: only as Group[] | null,
    } satisfies BenchOptions,
  };
}

const USAGE = `node dist/bench/run.js [--scale N] [--seed N] [--reps N] [--quick] [--json] [--no-browser] [--db PATH] [--keep] [--workdir DIR]
node dist/bench/run.js --generate [--scale N] [--seed N] --out PATH
  --scale N     size of the synthetic board; 1.0 is the scale model (150 audits, ~400,000 answers). Default ${DEFAULT_SCALE}
  --seed N      the generator's seed (default 2017): the same seed and scale give the same board
  --reps N      repetitions of each benchmark (default: 20 for queries, 5 for signing and reports, 3 imports, 500 saves)
  --quick       a tiny board (scale ${QUICK_SCALE}) and one repetition: checks that everything runs
  --json        print the results as JSON on stdout (progress goes to stderr)
  --no-browser  skip the Chromium benchmarks
  --db PATH     benchmark a copy of a board made with --generate instead of generating one
  --only LIST   run only these groups (comma-separated): ${GROUPS.join(', ')}
  --generate    only generate a board into --out PATH (with PATH.keys and PATH.passphrase)`;

async function main(argv: string[]): Promise<number> {
  const parsed = parse(argv);
  if (parsed.help) {
    console.log(USAGE);
    return 0;
  }
  const o = parsed.options;
  const say = log(o.json && o.quick);
  if (parsed.generate) {
    if (!parsed.out) throw new Error('--generate needs --out PATH');
    const out = resolve(parsed.out);
    if (existsSync(out)) throw new Error(`${out} already exists`);
    mkdirSync(dirname(out), { recursive: true });
    const board = await generateBoard({ dbPath: out, scale: o.scale, seed: o.seed, log: say });
    console.log(
      JSON.stringify(
        {
          db: board.dbPath,
          keyFile: keyFilePath(board.dbPath),
          passphraseFile: board.passphraseFile,
          counts: board.counts,
          seconds: board.seconds,
        },
        null,
        2,
      ),
    );
    return 0;
  }
  const report = await runAll(o, say);
  if (o.json) console.log(JSON.stringify(report, null, 2));
  else {
    console.log(
      `\nCase Audit benchmarks: scale ${report.scale} (seed ${report.seed}), ${report.machine.cpus} cores (${report.machine.cpuModel}), Node ${report.machine.node}, load average ${fmt(report.machine.loadAverage.start)} → ${fmt(report.machine.loadAverage.end)}`,
    );
    console.log(
      `Board: ${Object.entries(report.counts)
        .map(([t, n]) => `${t} ${n.toLocaleString('en-GB')}`)
        .join(', ')}\n`,
    );
    console.log(table(report.rows));
  }
  return 0;
}

export async function runAll(o: BenchOptions, say: (line: string) => void): Promise<BenchReport> {
  const work = o.workdir ? resolve(o.workdir) : mkdtempSync(join(tmpdir(), 'case-audit-bench-'));
  mkdirSync(work, { recursive: true });
  const rows: Row[] = [];
  const loadAtStart = loadavg()[0]!;
  const reps = (normal: number) => (o.reps > 0 ? o.reps : normal);
  const runs = (g: Group) => !o.only || o.only.includes(g);
  try {
    if (runs('personalData')) {
      say('personal-data detector on the fixture notes and the generated fiction');
      rows.push(...personalDataRows(reps(200), o.seed));
    }

    // --- The board ------------------------------------------------------------------------------
    const dbPath = join(work, 'board.db');
    let generationSeconds: Record<string, number> | null = null;
    let key: Buffer;
    let largestAuditId: string | null = null;
    if (o.db) {
      const src = resolve(o.db);
      copyFileSync(src, dbPath);
      copyFileSync(keyFilePath(src), keyFilePath(dbPath));
      writeFileSync(`${dbPath}.passphrase`, `${BENCH_PASSPHRASE}\n`, { mode: 0o600 });
      key = await obtainDatabaseKey(dbPath, () => Promise.resolve(BENCH_PASSPHRASE));
      say(`benchmarking a copy of ${src}`);
    } else {
      say(`generating a board at scale ${o.scale} (seed ${o.seed}) in ${work}`);
      const board = await generateBoard({ dbPath, scale: o.scale, seed: o.seed, log: say });
      key = board.key;
      generationSeconds = board.seconds;
      largestAuditId = board.largestAuditId;
      rows.push({
        id: 'generate',
        name: 'generate the board (info)',
        value: board.seconds.total,
        unit: 's',
        detail: `rows ${fmt(board.seconds.rows, 1)} s, signing ${fmt(board.seconds.signing, 1)} s, progress ${fmt(board.seconds.progress, 1)} s`,
        status: 'info',
      });
    }

    // The board as the app leaves it after a session: what it does in the background after opening
    // (storing the dashboard figures of signed audits that have none, docs/architecture.md) finished
    // once, so "first call" below is the first call after opening the app again, as a QA officer does.
    {
      const earlier = openApp(dbPath, { key, dailyBackup: false, actor: 'fictional-bench' });
      try {
        earlier.figuresWorker.scheduleMissing(0);
        await earlier.figuresWorker.idle(); // keeps the process alive until the work is done
      } finally {
        earlier.close();
      }
    }
    const app = openApp(dbPath, { key, dailyBackup: false, actor: 'fictional-bench' });
    const api = apiOver(app.dispatch);
    let counts: Record<string, number>;
    let prepared: Prepared;
    const bundlesDir = join(work, 'bundles');
    let card: string;
    try {
      counts = Object.fromEntries(
        [
          'audit',
          'audit_case',
          'checklist',
          'answer',
          'finding',
          'recommendation',
          'action',
          'action_update',
          'template',
        ].map((t) => [t, (app.db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n]),
      );
      largestAuditId ??= (
        app.db
          .prepare(`SELECT c.audit_id AS id FROM audit_case c GROUP BY c.audit_id ORDER BY count(*) DESC LIMIT 1`)
          .get() as { id: string }
      ).id;
      say('exporting every signed audit as a bundle');
      mkdirSync(bundlesDir, { recursive: true });
      const audits = await api['audits.list']({});
      for (const [i, a] of audits.filter((x) => x.revision > 0).entries()) {
        const b = await api['bundles.export']({ auditId: a.id, encrypt: false });
        writeFileSync(join(bundlesDir, `${String(i + 1).padStart(4, '0')}.caseaudit`), Buffer.from(b.base64, 'base64'));
      }
      card = (await api['identity.card']({})).json;
      prepared = await prepare(app, api, largestAuditId, o.seed);

      if (runs('queries')) {
        say('dashboard and prevalence queries');
        rows.push(...(await queryBenchmarks(app, api, largestAuditId, reps(20))));
      }
      if (runs('autosave')) {
        say('autosave');
        rows.push(...(await autosaveBenchmarks(api, prepared, reps(500), o.seed)));
      }
      if (runs('signing')) {
        say('signing, export and the report');
        rows.push(...(await signingBenchmarks(app, api, largestAuditId, reps(5))));
      }
    } finally {
      app.close();
    }

    if (runs('import')) {
      say('import of every bundle into a fresh QA installation (child processes)');
      rows.push(
        ...(await importBenchmarks(
          {
            bundlesDir,
            workDir: work,
            auditorCard: card,
            agencies: BOARD_AGENCIES.map(({ name, kind }) => ({ name, kind })),
            verifyPass: true,
          },
          reps(3),
        )),
      );
    }

    if (!runs('browser')) {
      // Left out with --only.
    } else if (!o.browser) {
      rows.push(...browserRows(null, 'skipped (--no-browser)'));
    } else {
      const why = browserUnavailable();
      if (why) rows.push(...browserRows(null, `skipped: ${why}`));
      else {
        say('Chromium: the 200-question checklist');
        const result = await runBrowserBench({
          dbPath,
          passphraseFile: `${dbPath}.passphrase`,
          checklistId: prepared.bench200ChecklistId,
          firstQuestionId: 'q-001',
          evidenceQuestionId: 'q-002',
          reps: reps(5),
          burst: o.quick ? 20 : 60,
          bursts: o.quick ? 1 : 3,
          draftId: prepared.bench200DraftId,
          editorQuestionId: 'q-200',
        });
        rows.push(...browserRows(result, null, counts.answer ?? 0));
      }
    }

    return {
      machine: {
        cpus: cpus().length,
        cpuModel: cpus()[0]?.model ?? 'unknown',
        memoryGb: Math.round(totalmem() / 2 ** 30),
        node: process.version,
        platform: process.platform,
        loadAverage: { start: loadAtStart, end: loadavg()[0]! },
      },
      scale: o.scale,
      seed: o.seed,
      reps: o.reps,
      counts,
      generationSeconds,
      rows,
    };
  } finally {
    if (!o.keep && !o.workdir) rmSync(work, { recursive: true, force: true });
    else say(`kept ${work}`);
  }
}

interface Prepared {
  /** A checklist of a generated template (about 45 questions for its agency), in an audit in progress. */
  typicalChecklistId: string;
  typicalQuestions: Template['sections'][number]['questions'];
  bench200ChecklistId: string;
  bench200Questions: Template['sections'][number]['questions'];
  /** A draft of the next version of the 200-question template (the template editor's worst case). */
  bench200DraftId: string;
}

/** What the interactive benchmarks need: audits in progress, one on the 200-question template. */
async function prepare(app: CaseAuditApp, api: Api, largestAuditId: string, seed: number): Promise<Prepared> {
  const r = seededRandom(seed + 99);
  const board = (await api['board.get']({}))!;
  const largest = (await api['audits.get']({ auditId: largestAuditId })).audit;
  const typical = await api['audits.create']({
    title: 'Fictional audit in progress (autosave benchmark)',
    templateId: largest.templateId,
    templateVersion: largest.templateVersion,
  });
  const agencies = board.agencies.slice(0, 6).map((a) => a.id);
  await api['cases.add']({
    auditId: typical.id,
    reference: 'SYN-BENCH-1',
    ageBand: '5-9',
    gender: 'female',
    ethnicity: 'white',
    disability: 'no',
    planType: 'child_protection',
    agencyIds: agencies,
  });
  const typicalDetail = await api['audits.get']({ auditId: typical.id });
  const typicalChecklist = typicalDetail.checklists[0]!;
  const typicalTemplate = await api['templates.get']({ id: largest.templateId, version: largest.templateVersion });

  const t200 = bench200Template(r);
  const existing = (await api['templates.list']({})).some((t) => t.id === BENCH_200_ID);
  if (!existing) await api['templates.import']({ json: JSON.stringify(t200) });
  const a200 = await api['audits.create']({
    title: 'Fictional 200-question checklist (browser benchmark)',
    templateId: BENCH_200_ID,
  });
  await api['cases.add']({
    auditId: a200.id,
    reference: 'SYN-BENCH-200',
    ageBand: '10-13',
    gender: 'male',
    ethnicity: 'white',
    disability: 'no',
    planType: 'child_in_need',
    agencyIds: [agencies[0]!],
  });
  const c200 = (await api['audits.get']({ auditId: a200.id })).checklists[0]!;
  // Half the questions already answered, with evidence notes, as when an auditor comes back to it.
  const questions200 = t200.sections.flatMap((s) => s.questions);
  for (const q of questions200.filter((_, i) => i % 2 === 1)) {
    await api['answers.save']({
      checklistId: c200.id,
      questionId: q.id,
      value: demoValue(q, r),
      evidence: evidenceNote(r),
    });
  }
  const draft = await api['templateDrafts.create']({ fromId: BENCH_200_ID, fromVersion: 1, as: 'new_version' });
  return {
    bench200DraftId: draft.id,
    typicalChecklistId: typicalChecklist.id,
    typicalQuestions: visibleQuestions(typicalTemplate, typicalChecklist.agencyKind, new Map()),
    bench200ChecklistId: c200.id,
    bench200Questions: questions200,
  };
}

async function queryBenchmarks(app: CaseAuditApp, api: Api, largestAuditId: string, n: number): Promise<Row[]> {
  const rows: Row[] = [];
  // The first call is timed on its own (“first call”); a failing method is reported as an error row.
  // `info`: a figure for information only (no screen asks for it), shown without a target.
  const query = async (
    id: string,
    name: string,
    fn: () => Promise<unknown>,
    size: (v: unknown) => string,
    { info = false }: { info?: boolean } = {},
  ) => {
    let last: unknown;
    const first = performance.now();
    try {
      last = await fn();
    } catch (e) {
      rows.push({
        id,
        name,
        value: null,
        unit: 'ms',
        target: info ? undefined : '< 100 ms',
        status: 'error',
        detail: `fails: ${e instanceof Error ? e.message : String(e)}`,
      });
      return;
    }
    const firstMs = performance.now() - first;
    const times = await timeRuns(n, async () => (last = await fn()), 0);
    const m = median(times);
    rows.push({
      id,
      name,
      value: m,
      unit: 'ms',
      detail: `first call ${fmt(firstMs)} ms; ${size(last)}`,
      target: info ? undefined : '< 100 ms',
      status: info ? 'info' : check(m, '<', 100),
      samples: n,
      extra: { firstCallMs: firstMs },
    });
  };
  const topAgency = app.db
    .prepare<[], { id: string; name: string; n: number }>(
      `SELECT g.id, g.name, count(*) AS n FROM action x JOIN agency g ON g.id = x.lead_agency_id GROUP BY g.id ORDER BY n DESC LIMIT 1`,
    )
    .get()!;
  const len = (v: unknown) => `${(v as unknown[]).length.toLocaleString('en-GB')} rows`;
  await query('audits.list', 'audits.list', () => api['audits.list']({}), len);
  await query(
    'actions.list.agency',
    `actions.list, one agency (overdue first)`,
    () => api['actions.list']({ agencyId: topAgency.id }),
    len,
  );
  // The action tracker asks for one page of all actions (overdue first), 50 a page.
  const paged = (v: unknown) => {
    const p = v as { items: unknown[]; total: number; page: number; pageCount: number };
    return `${p.items.length} of ${p.total.toLocaleString('en-GB')} rows, page ${p.page} of ${p.pageCount}`;
  };
  await query(
    'actions.page.all',
    'actions.page, all actions, page 1 (the tracker)',
    () => api['actions.page']({}),
    paged,
  );
  const middle = Math.ceil((await api['actions.page']({})).pageCount / 2);
  await query(
    'actions.page.middle',
    `actions.page, all actions, page ${middle} (the middle)`,
    () => api['actions.page']({ page: middle }),
    paged,
  );
  await query(
    'actions.list.all',
    'actions.list, all actions unpaged (info: no screen asks for it)',
    () => api['actions.list']({}),
    len,
    { info: true },
  );
  await query(
    'audits.analysis',
    'audits.analysis, largest audit',
    () => api['audits.analysis']({ auditId: largestAuditId }),
    (v) => `${(v as { prevalence: { questions: unknown[] } }).prevalence.questions.length} questions`,
  );

  const words = ['chronology', 'father review', 'escalation manager', 'consent', 'seen alone'];
  let k = 0;
  await query(
    'search.query',
    'search.query, full text (5 queries)',
    () => api['search.query']({ q: words[k++ % words.length]! }),
    len,
  );
  // The Search screen's checkboxes: kinds rare among a word's matches (migration 10 indexes the kind).
  const limited: Parameters<Api['search.query']>[0][] = [
    { q: 'chronology', kinds: ['finding'] },
    { q: 'seen alone', kinds: ['finding', 'action'] },
    { q: 'Makaton', kinds: ['action', 'recommendation'] },
    { q: 'consent', kinds: ['recommendation'] },
    { q: 'chronology', kinds: ['evidence', 'finding'] },
  ];
  await query(
    'search.query.kinds',
    'search.query, limited to some kinds (5 queries)',
    () => api['search.query'](limited[k++ % limited.length]!),
    len,
  );
  await query(
    'dashboard.get',
    'dashboard.get (programme, heatmap, trends)',
    () => api['dashboard.get']({}),
    (v) => `${(v as { programme: unknown[] }).programme.length} audits`,
  );
  return rows;
}

async function autosaveBenchmarks(api: Api, p: Prepared, n: number, seed: number): Promise<Row[]> {
  const r = seededRandom(seed + 7);
  const save = async (checklistId: string, questions: Prepared['typicalQuestions']) => {
    let i = 0;
    const one = async () => {
      const q = questions[i++ % questions.length]!;
      await api['answers.save']({
        checklistId,
        questionId: q.id,
        value: demoValue(q, r),
        evidence: `${evidenceNote(r)} (${i})`,
      });
    };
    return timeRuns(n, one, Math.min(20, n));
  };
  const rows: Row[] = [];
  for (const [id, name, checklistId, questions] of [
    ['autosave', 'autosave one answer (typical checklist)', p.typicalChecklistId, p.typicalQuestions],
    ['autosave.200', 'autosave one answer (200-question checklist)', p.bench200ChecklistId, p.bench200Questions],
  ] as const) {
    const times = await save(checklistId, questions);
    const m = median(times);
    const p99 = percentile(times, 99);
    const met = m < 2 && p99 < 10;
    rows.push({
      id,
      name,
      value: m,
      unit: 'ms',
      detail: `p99 ${fmt(p99)} ms over ${n} saves`,
      target: 'median < 2 ms, p99 < 10 ms',
      status: met ? 'met' : 'missed',
      samples: n,
      extra: { p99 },
    });
  }
  return rows;
}

async function signingBenchmarks(app: CaseAuditApp, api: Api, auditId: string, n: number): Promise<Row[]> {
  const signMs: number[] = [];
  const exportMs: number[] = [];
  let bytes = 0;
  const total = await timeRuns(
    n,
    async () => {
      await api['audits.newRevision']({ auditId });
      const preview = await api['audits.signingPreview']({ auditId });
      const t = performance.now();
      await api['audits.sign']({ auditId, contentHash: preview.contentHash });
      const t1 = performance.now();
      const b = await api['bundles.export']({ auditId, encrypt: false });
      exportMs.push(performance.now() - t1);
      signMs.push(t1 - t);
      bytes = b.base64.length * 0.75;
    },
    0,
  );
  void total;
  const both = signMs.map((s, i) => s + exportMs[i]!);
  const m = median(both);
  const audit = (await api['audits.get']({ auditId })).audit;
  const pdfTimes = await timeRuns(
    n,
    () =>
      renderReportPdf(
        buildReportModel(app.ctx, audit, {
          signer: 'Fictional Auditor',
          date: new Date().toISOString(),
          fingerprint: '0000',
          safetyNumber: '00000',
          revision: audit.revision,
        }),
        new Date(),
      ),
    1,
  );
  const pm = median(pdfTimes);
  const answers = (await api['audits.signingPreview']({ auditId })).counts.answers;
  return [
    {
      id: 'sign+export',
      name: `sign and export the largest audit (${answers.toLocaleString('en-GB')} answers)`,
      value: m,
      unit: 'ms',
      detail: `sign ${fmt(median(signMs))} ms + export ${fmt(median(exportMs))} ms; bundle ${fmt(bytes / 1024, 0)} KiB`,
      target: '< 300 ms',
      status: check(m, '<', 300),
      samples: n,
    },
    {
      id: 'report',
      name: 'report PDF of the largest audit',
      value: pm,
      unit: 'ms',
      target: '< 2,000 ms',
      status: check(pm, '<', 2000),
      samples: n,
    },
  ];
}

function runChild(input: ImportChildInput): Promise<ImportChildResult> {
  return new Promise((resolveResult, reject) => {
    // BENCH_IMPORT_NODE_FLAGS (e.g. "--cpu-prof --cpu-prof-dir=prof") profiles the import children.
    const flags = (process.env.BENCH_IMPORT_NODE_FLAGS ?? '').split(' ').filter(Boolean);
    const child = spawn(process.execPath, [...flags, join(HERE, 'importChild.js'), JSON.stringify(input)], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => (out += c));
    child.stderr.setEncoding('utf8').on('data', (c: string) => (err += c));
    child.on('exit', (code) => {
      if (code !== 0) reject(new Error(`the import run failed (${code}): ${err}`));
      else resolveResult(JSON.parse(out.trim().split('\n').pop()!) as ImportChildResult);
    });
  });
}

async function importBenchmarks(input: ImportChildInput, n: number): Promise<Row[]> {
  const runs: ImportChildResult[] = [];
  for (let i = 0; i < n; i++) runs.push(await runChild({ ...input, verifyPass: i === 0 }));
  const first = runs[0]!;
  const rate = (rows: number, ms: number) => (rows / ms) * 1000;
  const importRate = median(runs.map((x) => rate(x.rows, x.importMs)));
  const rawRate = median(runs.map((x) => rate(x.raw.rows, x.raw.ms)));
  const plainRate = median(runs.map((x) => rate(x.rawPlain.rows, x.rawPlain.ms)));
  const ratio = median(runs.map((x) => rate(x.rows, x.importMs) / rate(x.raw.rows, x.raw.ms)));
  const peak = Math.max(...runs.map((x) => x.maxRssAfterMb));
  const peakWithIndex = Math.max(...runs.map((x) => x.maxRssAfterIndexMb));
  const importMs = median(runs.map((x) => x.importMs));
  const indexMs = median(runs.map((x) => x.indexMs));
  return [
    {
      id: 'import',
      name: `import every bundle (${first.bundles} bundles, ${fmt(first.bundleBytes / 2 ** 20, 1)} MiB)`,
      value: importMs / 1000,
      unit: 's',
      detail: `${fmt(importRate / 1000, 1)}k rows/s (${first.rows.toLocaleString('en-GB')} rows); verify alone ${fmt((first.verifyMs ?? Number.NaN) / 1000, 2)} s, ${first.readerThreaded ? 'overlapped on a worker thread' : 'on the main thread (no worker)'}`,
      reference: `raw inserts ${fmt(rawRate / 1000, 0)}k rows/s encrypted, ${fmt(plainRate / 1000, 0)}k plain`,
      target: '>= 40% of raw',
      status: 'info',
      samples: n,
      extra: {
        rowsPerSecond: importRate,
        rawRowsPerSecond: rawRate,
        rawPlainRowsPerSecond: plainRate,
        ratio,
        verifyMs: first.verifyMs,
      },
    },
    {
      id: 'import.ratio',
      name: 'import rate / raw insert rate',
      value: ratio * 100,
      unit: '%',
      reference: `raw ${fmt(rawRate / 1000, 0)}k rows/s (same file format)`,
      target: '>= 40%',
      status: check(ratio, '>=', 0.4),
      samples: n,
    },
    {
      id: 'import.index',
      name: 'then search indexing of the imported evidence notes (background)',
      value: indexMs / 1000,
      unit: 's',
      detail: `${first.indexedAudits} audits, one transaction each; import and indexing together ${fmt((importMs + indexMs) / 1000, 1)} s`,
      status: 'info',
      samples: n,
    },
    {
      id: 'import.memory',
      name: 'peak memory (RSS) of the import process',
      value: peakWithIndex,
      unit: 'MB',
      detail: `${fmt(first.maxRssBeforeMb, 0)} MB before the first bundle, ${fmt(peak, 0)} MB after the last, ${fmt(peakWithIndex, 0)} MB after indexing`,
      target: '< 300 MB',
      status: check(peakWithIndex, '<', 300),
      samples: n,
    },
  ];
}

function browserRows(r: BrowserResult | null, skipped: string | null, answers = 0): Row[] {
  if (!r) {
    return [
      {
        id: 'checklist.load',
        name: 'Chromium: 200-question checklist usable',
        value: null,
        unit: 'ms',
        target: '< 500 ms',
        status: 'skipped',
        detail: skipped ?? '',
      },
      {
        id: 'typing',
        name: 'Chromium: typing latency in an evidence note',
        value: null,
        unit: 'ms',
        target: 'p95 < 16 ms',
        status: 'skipped',
        detail: skipped ?? '',
      },
      {
        id: 'typing.templateEditor',
        name: 'Chromium: typing latency in a 200-question template editor',
        value: null,
        unit: 'ms',
        target: 'p95 < 16 ms',
        status: 'skipped',
        detail: skipped ?? '',
      },
    ];
  }
  const load = median(r.loadMs);
  const nav = median(r.navigateMs);
  const key = median(r.keyLatencyMs);
  const p95 = percentile(r.keyLatencyMs, 95);
  return [
    {
      id: 'checklist.load',
      name: 'Chromium: 200-question checklist usable (page load)',
      value: load,
      unit: 'ms',
      detail: 'from navigation to the first radio enabled and painted',
      target: '< 500 ms',
      status: check(load, '<', 500),
      samples: r.loadMs.length,
    },
    {
      id: 'checklist.navigate',
      name: 'Chromium: 200-question checklist usable (from the audits list)',
      value: nav,
      unit: 'ms',
      target: '< 500 ms',
      status: check(nav, '<', 500),
      samples: r.navigateMs.length,
    },
    {
      id: 'typing',
      name: `Chromium: typing latency in an evidence note (${answers.toLocaleString('en-GB')} answers in the database)`,
      value: key,
      unit: 'ms',
      detail: `p95 ${fmt(p95)} ms, max ${fmt(Math.max(...r.keyLatencyMs))} ms over ${r.keyLatencyMs.length} keystrokes`,
      target: 'p95 < 16 ms',
      status: check(p95, '<', 16),
      samples: r.keyLatencyMs.length,
      extra: { p95 },
    },
    ...editorRow(r.editorKeyLatencyMs),
  ];
}

function editorRow(latencies: number[]): Row[] {
  if (latencies.length === 0) return [];
  const p95 = percentile(latencies, 95);
  return [
    {
      id: 'typing.templateEditor',
      name: "Chromium: typing latency in a 200-question template editor (a question's wording)",
      value: median(latencies),
      unit: 'ms',
      detail: `p95 ${fmt(p95)} ms, max ${fmt(Math.max(...latencies))} ms over ${latencies.length} keystrokes`,
      target: 'p95 < 16 ms',
      status: check(p95, '<', 16),
      samples: latencies.length,
      extra: { p95 },
    },
  ];
}

// Run only as the entry point (the smoke test imports nothing from here).
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (e: unknown) => {
      console.error(e instanceof Error ? (e.stack ?? e.message) : String(e));
      process.exitCode = 1;
    },
  );
}

export { SCALE_MODEL };
