// The figures of signed revisions stored in the database (db/migrations/0011_dashboard_figures.ts,
// electron/services/signedFigures.ts): counted once, read back after the app opens again without
// reading any signed audit's answers, equal to a fresh computation, and never used once they are stale
// (a new revision, changed thresholds or agency kinds, another version of the counting). Written by the
// dashboard, by the search indexer after an import and in the background after opening; never by an
// import's own transaction, an analysis or a report.
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, type CaseAuditApp } from '../../electron/app.js';
import { apiOver } from '../../electron/rpc/apiClient.js';
import { createContext } from '../../electron/services/context.js';
import { createFiguresWorker, FIGURES_METHOD } from '../../electron/services/signedFigures.js';
import type { Api } from '../../shared/contract.js';
import { completeAudit, installation, introduce, sign, type Installation } from '../helpers/installations.js';
import { tempDir } from '../helpers/tmp.js';

const t = tempDir('case-audit-figures-');
const NAME = 'figures';
const KEY = Buffer.alloc(32, NAME.length);
let inst: Installation;
let app: CaseAuditApp;
let api: Api;
let signedMash: string; // round 1, signed
let signedMissing: string; // signed
let inProgress: string; // complete, not signed
let reaudit: string; // round 2 of signedMash, no cases yet

const rows = <T>(sql: string, ...params: unknown[]) => app.db.prepare(sql).all(...params) as T[];
const stored = () =>
  rows<{ audit_id: string; revision: number; method: number; thresholds: string; agency_kinds: string }>(
    'SELECT audit_id, revision, method, thresholds, agency_kinds FROM signed_figures ORDER BY audit_id, revision',
  );
const totalsRow = () =>
  rows<{ inputs_digest: string; method: number }>('SELECT inputs_digest, method FROM signed_totals');
const once = (ids: string[]) => [...new Set(ids)].sort();
/** The dashboard with its heatmap's cells in one order (they come in the order they were summed). */
const inOrder = (d: Awaited<ReturnType<Api['dashboard.get']>>) => ({
  ...d,
  heatmap: {
    ...d.heatmap,
    cells: [...d.heatmap.cells].sort((a, b) => (`${a.theme}|${a.agencyId}` < `${b.theme}|${b.agencyId}` ? -1 : 1)),
  },
});
const written = () => (app.db.prepare('SELECT total_changes() AS n').get() as { n: number }).n;

function open(options: { backgroundIndexing?: boolean } = { backgroundIndexing: false }): void {
  app = openApp(inst.path, { key: KEY, actor: NAME, dailyBackup: false, ...options });
  api = apiOver(app.dispatch);
}
function reopen(options?: { backgroundIndexing?: boolean }): void {
  app.close();
  open(options);
}

/** The audits whose answers are read from now on (a count reads them; an audit in progress is read
 * for the heatmap and again for a trend's round). */
function answerReads(): string[] {
  const reads: string[] = [];
  const repo = app.ctx.repos.checklists;
  const read = repo.answerValuesForAudit;
  repo.answerValuesForAudit = (auditId) => {
    reads.push(auditId);
    return read(auditId);
  };
  return reads;
}

let copies = 0;
/** `call` on a copy of the database whose stored figures are removed: everything counted afresh. */
async function fresh<T>(call: (api: Api) => Promise<T>): Promise<T> {
  app.db.pragma('wal_checkpoint(TRUNCATE)');
  const path = join(t.dir, `fresh-${++copies}.db`);
  copyFileSync(inst.path, path);
  const other = openApp(path, { key: KEY, actor: NAME, dailyBackup: false, backgroundIndexing: false });
  try {
    other.db.exec('DELETE FROM signed_figures; DELETE FROM signed_totals');
    return await call(apiOver(other.dispatch));
  } finally {
    other.close();
  }
}

beforeAll(async () => {
  inst = await installation(t.dir, NAME, { name: 'QA Chair', role: 'Chair', agency: 'Partnership' });
  app = inst.app;
  api = inst.api;
  signedMash = await completeAudit(api, 'MASH 2025', { cases: 3, seed: 1 });
  signedMissing = await completeAudit(api, 'Missing children 2025', {
    cases: 2,
    seed: 2,
    templateId: 'missing-children',
  });
  inProgress = await completeAudit(api, 'MASH 2026', { cases: 2, seed: 3 });
  // Agency grades of two cases, and an overall grade (left out of the dashboard's agency grades).
  const detail = await api['audits.get']({ auditId: signedMash });
  for (const k of detail.checklists.slice(0, 2))
    await api['grades.set']({ caseId: k.caseId, agencyId: k.agencyId, grade: 'good', rationale: 'Seen alone.' });
  await api['grades.set']({
    caseId: detail.checklists[0]!.caseId,
    agencyId: null,
    grade: 'inadequate',
    rationale: 'No plan.',
  });
  await sign(api, signedMash);
  await sign(api, signedMissing);
  reaudit = (await api['audits.startReaudit']({ auditId: signedMash, title: 'MASH 2025, round 2' })).id;
}, 180_000);
afterAll(() => {
  app?.close();
  t.cleanup();
});

describe('stored figures of signed revisions', () => {
  let first: Awaited<ReturnType<Api['dashboard.get']>>;

  it('are stored by the first dashboard: one row per signed revision, and their totals', async () => {
    expect(stored()).toEqual([]);
    first = await api['dashboard.get']({});
    expect(stored().map((r) => [r.audit_id, r.revision])).toEqual(
      [
        [signedMash, 1],
        [signedMissing, 1],
      ].sort(),
    );
    expect(totalsRow()).toHaveLength(1);
    expect(first.trends).toHaveLength(1);
    expect(first.heatmap.cells.length).toBeGreaterThan(5);
    // Every agency grade the dashboard shows: the two set above and those the checklists' grade
    // questions gave (an agency's grade and its checklist's grade question are one value).
    const agencyGrades = app.db.prepare('SELECT count(*) AS n FROM case_grade WHERE agency_id IS NOT NULL').get() as {
      n: number;
    };
    expect(agencyGrades.n).toBeGreaterThanOrEqual(2);
    expect(first.grades.flatMap((g) => Object.values(g.counts)).reduce((a, b) => a + b, 0)).toBe(agencyGrades.n);
    // The next call reads nothing but what it has kept, and writes nothing.
    const before = written();
    const reads = answerReads();
    expect(await api['dashboard.get']({})).toEqual(first);
    expect(once(reads)).toEqual([inProgress, reaudit].sort());
    expect(written()).toBe(before);
  });

  it('are read back after reopening: no signed audit is counted, and everything equals a fresh computation', async () => {
    reopen();
    const reads = answerReads();
    const before = written();
    const d = await api['dashboard.get']({});
    // Only the audits in progress are counted; the signed ones come from the stored totals.
    expect(once(reads)).toEqual([inProgress, reaudit].sort());
    expect(written()).toBe(before);
    expect(d).toEqual(first);
    expect(d).toEqual(await fresh((a) => a['dashboard.get']({})));

    // Analyses use the stored prevalence: round 1 for itself and for round 2's comparison.
    reads.length = 0;
    const analysis = await api['audits.analysis']({ auditId: signedMash });
    const comparison = await api['audits.analysis']({ auditId: reaudit });
    expect(reads).toEqual([reaudit]);
    expect(analysis).toEqual(await fresh((a) => a['audits.analysis']({ auditId: signedMash })));
    expect(comparison).toEqual(await fresh((a) => a['audits.analysis']({ auditId: reaudit })));
    // Neither an analysis nor a report writes anything.
    await api['reports.audit']({ auditId: signedMissing, format: 'pdf' });
    expect(written()).toBe(before);
  });

  it('gives a new revision its own row, and never uses the old revision’s figures', async () => {
    const checklists = (await api['audits.get']({ auditId: signedMash })).checklists;
    await api['audits.newRevision']({ auditId: signedMash });
    // A strength of a question with learning themes becomes a development area in the new revision.
    let changed = false;
    for (const k of checklists) {
      const { template, answers } = await api['checklists.get']({ checklistId: k.id });
      const q = template.sections
        .flatMap((s) => s.questions)
        .find(
          (x) =>
            x.type === 'yes_partly_no' &&
            x.themes.length > 0 &&
            answers.some((a) => a.questionId === x.id && a.value === 'yes'),
        );
      if (!q) continue;
      await api['answers.save']({ checklistId: k.id, questionId: q.id, value: 'no', evidence: 'Not seen alone.' });
      changed = true;
      break;
    }
    expect(changed).toBe(true);
    const reads = answerReads();
    const inRevision = await api['dashboard.get']({});
    expect(reads).toContain(signedMash); // in progress again: counted from its rows
    expect(inRevision.heatmap).not.toEqual(first.heatmap);
    expect(inRevision).toEqual(await fresh((a) => a['dashboard.get']({})));

    await sign(api, signedMash);
    reads.length = 0;
    const d = await api['dashboard.get']({});
    expect(reads).toContain(signedMash);
    expect(inOrder(d).heatmap).toEqual(inOrder(inRevision).heatmap);
    expect(d).toEqual(await fresh((a) => a['dashboard.get']({})));
    // Revision 2 has its row; revision 1's is gone.
    expect(
      stored()
        .filter((r) => r.audit_id === signedMash)
        .map((r) => r.revision),
    ).toEqual([2]);
    reopen();
    expect(await api['dashboard.get']({})).toEqual(d);
  });

  it('are stored for imported audits by the search indexer, with their totals, not by the import', async () => {
    const qa = await installation(t.dir, 'qa-figures', { name: 'QA Member', role: 'Member', agency: 'Partnership' });
    try {
      await introduce({ app, api, path: inst.path }, qa);
      const b = await api['bundles.export']({ auditId: signedMash, encrypt: false });
      const outcome = await qa.api['bundles.import']({ fileName: b.fileName, base64: b.base64 });
      expect(outcome.outcome).toBe('added');
      qa.app.searchIndexer.stop(); // the background run it scheduled: this test runs the indexer itself
      const count = () => (qa.app.db.prepare('SELECT count(*) AS n FROM signed_figures').get() as { n: number }).n;
      expect(count()).toBe(0);
      await qa.app.searchIndexer.run();
      expect(qa.app.db.prepare('SELECT audit_id, revision FROM signed_figures').all()).toEqual([
        { audit_id: signedMash, revision: 2 },
      ]);
      // And the totals, once the indexer is done.
      expect(qa.app.db.prepare('SELECT count(*) AS n FROM signed_totals').get()).toEqual({ n: 1 });
      const reads: string[] = [];
      const repo = qa.app.ctx.repos.checklists;
      const read = repo.answerValuesForAudit;
      repo.answerValuesForAudit = (id) => (reads.push(id), read(id));
      const d = await qa.api['dashboard.get']({});
      expect(reads).toEqual([]);
      expect(d.heatmap.cells.length).toBeGreaterThan(0);
    } finally {
      qa.app.close();
    }
  });

  it('counts again when the thresholds change, and uses no figures counted with the old ones', async () => {
    // Signed audits refuse new settings through the services; a change made in the database itself
    // (another version of the app, a repair) must still never be answered with the old figures.
    await expect(
      api['audits.update']({ auditId: signedMissing, thresholds: { someThreshold: 0.1, manyThreshold: 0.3 } }),
    ).rejects.toMatchObject({ code: 'SIGNED' });
    const before = await api['audits.analysis']({ auditId: signedMissing });
    const digest = totalsRow()[0]!.inputs_digest;
    app.db
      .prepare('UPDATE audit SET thresholds = ? WHERE id = ?')
      .run(JSON.stringify({ someThreshold: 0.1, manyThreshold: 0.3 }), signedMissing);
    const reads = answerReads();
    const after = await api['audits.analysis']({ auditId: signedMissing });
    expect(reads).toEqual([signedMissing]); // counted again, not read from the stored row
    expect(after.prevalence.thresholds).toEqual({ someThreshold: 0.1, manyThreshold: 0.3 });
    expect(after.prevalence).not.toEqual(before.prevalence);
    expect(after).toEqual(await fresh((a) => a['audits.analysis']({ auditId: signedMissing })));
    const d = await api['dashboard.get']({});
    expect(d).toEqual(await fresh((a) => a['dashboard.get']({})));
    // Its row now records the new thresholds, and the totals were summed again.
    expect(JSON.parse(stored().find((r) => r.audit_id === signedMissing)!.thresholds)).toEqual({
      someThreshold: 0.1,
      manyThreshold: 0.3,
    });
    expect(totalsRow()[0]!.inputs_digest).not.toBe(digest);
    reopen();
    const readsAfterReopen = answerReads();
    expect(await api['audits.analysis']({ auditId: signedMissing })).toEqual(after);
    expect(readsAfterReopen).toEqual([]);
  });

  it('counts again when an agency’s kind changes (it decides which questions the agency was asked)', async () => {
    const board = (await api['board.get']({}))!;
    const before = await api['audits.analysis']({ auditId: signedMash });
    await api['agencies.save']({
      agencies: board.agencies.map((a) => ({
        id: a.id,
        name: a.name,
        kind: a.name === "Children's social care" ? 'other' : a.kind,
        active: a.active,
      })),
    });
    const reads = answerReads();
    const after = await api['audits.analysis']({ auditId: signedMash });
    expect(reads).toEqual([signedMash]);
    expect(after.prevalence).not.toEqual(before.prevalence);
    expect(after).toEqual(await fresh((a) => a['audits.analysis']({ auditId: signedMash })));
    reads.length = 0;
    const d = await api['dashboard.get']({});
    expect(once(reads)).toEqual([signedMash, signedMissing, inProgress, reaudit].sort());
    expect(d).toEqual(await fresh((a) => a['dashboard.get']({})));
    const csc = board.agencies.find((a) => a.name === "Children's social care")!.id;
    for (const r of stored()) expect(JSON.parse(r.agency_kinds)[csc]).toBe('other');
  });

  it('counts again what an earlier version of the counting stored', async () => {
    app.db.exec(
      `UPDATE signed_figures SET method = ${FIGURES_METHOD - 1}; UPDATE signed_totals SET method = ${FIGURES_METHOD - 1}`,
    );
    reopen();
    const reads = answerReads();
    const d = await api['dashboard.get']({});
    expect(once(reads)).toEqual([signedMash, signedMissing, inProgress, reaudit].sort());
    expect(d).toEqual(await fresh((a) => a['dashboard.get']({})));
    expect(stored().map((r) => r.method)).toEqual([FIGURES_METHOD, FIGURES_METHOD]);
    expect(totalsRow()[0]!.method).toBe(FIGURES_METHOD);
  });

  it('are counted in the background soon after opening a database that has none', async () => {
    app.db.exec('DELETE FROM signed_figures; DELETE FROM signed_totals');
    reopen({ backgroundIndexing: true });
    await app.figuresWorker.idle();
    expect(stored().map((r) => r.audit_id)).toEqual([signedMash, signedMissing].sort());
    expect(totalsRow()).toHaveLength(1);
    const reads = answerReads();
    const d = await api['dashboard.get']({});
    expect(once(reads)).toEqual([inProgress, reaudit].sort());
    // Totals that are not those of the signed audits now are summed again in the background too.
    app.db.exec('DELETE FROM signed_totals');
    reopen({ backgroundIndexing: true });
    await app.figuresWorker.idle();
    expect(totalsRow()).toHaveLength(1);
    expect(await api['dashboard.get']({})).toEqual(d);
    // Nothing missing: nothing scheduled, nothing written.
    reopen({ backgroundIndexing: true });
    await app.figuresWorker.idle();
    expect(written()).toBe(0);
    reopen();
  });

  it('in the background, an audit that cannot be counted is logged and the others are stored', async () => {
    app.db.exec('DELETE FROM signed_figures; DELETE FROM signed_totals');
    const logged: string[] = [];
    const ctx = createContext(app.db, inst.path, undefined, NAME, (what) => logged.push(what));
    const read = ctx.repos.checklists.answerValuesForAudit;
    ctx.repos.checklists.answerValuesForAudit = (auditId) => {
      if (auditId === signedMash) throw new Error('unreadable');
      return read(auditId);
    };
    try {
      const worker = createFiguresWorker(ctx);
      worker.scheduleMissing(0);
      await worker.idle();
      expect(stored().map((r) => r.audit_id)).toEqual([signedMissing]);
      // The totals need every signed audit, so they fail too, and are summed on first use.
      expect(logged).toEqual([
        `background signed figures: figures of audit ${signedMash}`,
        'background signed figures',
      ]);
      expect(totalsRow()).toEqual([]);
    } finally {
      ctx.background.dispose();
    }
    const d = await api['dashboard.get']({});
    expect(d).toEqual(await fresh((a) => a['dashboard.get']({})));
  });
});
