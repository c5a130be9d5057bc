// Imported evidence notes are indexed for search after the import (migration 9): the import queues
// the audit in its own transaction, the indexer adds one audit per transaction and can stop between.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp } from '../../electron/app.js';
import { completeAudit, installation, introduce, sign, type Installation } from '../helpers/installations.js';
import { tempDir } from '../helpers/tmp.js';
import { apiOver } from '../helpers/client.js';

const t = tempDir();
let auditor: Installation;
const bundles: { fileName: string; base64: string; auditId: string }[] = [];
beforeAll(async () => {
  auditor = await installation(t.dir, 'auditor', { name: 'Sam Auditor', role: 'Auditor', agency: 'Independent' });
  for (const [i, title] of ['Neglect audit 2024', 'MASH audit 2025', 'Missing children audit 2026'].entries()) {
    const auditId = await completeAudit(auditor.api, title, { cases: 2, seed: 11 + i });
    await sign(auditor.api, auditId);
    const b = await auditor.api['bundles.export']({ auditId, encrypt: false });
    bundles.push({ fileName: b.fileName, base64: b.base64, auditId });
  }
}, 120_000);
afterAll(() => {
  auditor.app.close();
  t.cleanup();
});

async function qaInstallation(name: string): Promise<Installation> {
  const qa = await installation(t.dir, name, { name: 'QA Chair', role: 'Chair', agency: 'Partnership' });
  await introduce(auditor, qa);
  return qa;
}

const sql = <T>(qa: Installation, q: string, ...params: unknown[]) => qa.app.db.prepare(q).all(...params) as T[];

/** For each audit: its evidence notes, and how many of them the search index holds. */
function indexedPerAudit(qa: Installation): Map<string, { notes: number; indexed: number }> {
  const rows = sql<{ auditId: string; notes: number; indexed: number }>(
    qa,
    `SELECT c.audit_id AS auditId, count(*) AS notes,
            sum(EXISTS (SELECT 1 FROM search_ref r JOIN search_index s ON s.rowid = r.id
                        WHERE r.kind = 'evidence' AND r.ref_id = a.checklist_id || '/' || a.question_id)) AS indexed
     FROM answer a JOIN checklist k ON k.id = a.checklist_id JOIN audit_case c ON c.id = k.case_id
     WHERE a.evidence <> '' GROUP BY c.audit_id`,
  );
  return new Map(rows.map((r) => [r.auditId, { notes: r.notes, indexed: r.indexed }]));
}

/** The audit's entries of each kind in the search index, found by their indexed kind (schema version 10). */
function entriesByKind(qa: Installation, auditId: string): Record<string, number> {
  const [row] = sql<Record<string, number>>(
    qa,
    `SELECT ${['finding', 'recommendation', 'action', 'evidence']
      .map(
        (k) => `(SELECT count(*) FROM search_index WHERE search_index MATCH 'kind : "${k}"' AND audit_id = @a) AS ${k}`,
      )
      .join(', ')}`,
    { a: auditId },
  );
  return row!;
}

/** A word of one of the audit's evidence notes, to search for. */
function evidenceWord(qa: Installation, auditId: string): string {
  const [row] = sql<{ evidence: string }>(
    qa,
    `SELECT a.evidence FROM answer a JOIN checklist k ON k.id = a.checklist_id JOIN audit_case c ON c.id = k.case_id
     WHERE c.audit_id = ? AND a.evidence <> '' LIMIT 1`,
    auditId,
  );
  return row!.evidence.match(/[A-Za-z]{6,}/)![0];
}

describe('search indexing of imported evidence notes', () => {
  it('queues an imported audit in the same transaction, then indexes it whole', async () => {
    const qa = await qaInstallation('qa-one');
    try {
      const b = bundles[0]!;
      const outcome = await qa.api['bundles.import']({ fileName: b.fileName, base64: b.base64 });
      expect(outcome.outcome).toBe('added');
      qa.app.searchIndexer.stop(); // the background run it scheduled: this test starts indexing itself
      expect(await qa.api['search.indexStatus']({})).toMatchObject({ pendingAudits: 1, running: false });
      expect(sql(qa, 'SELECT defer_import FROM search_control')).toEqual([{ defer_import: 0 }]);
      // The audit, its findings and actions are there at once; they are not in the search index yet.
      const before = indexedPerAudit(qa).get(b.auditId)!;
      expect(before.notes).toBeGreaterThan(0);
      expect(before.indexed).toBe(0);
      const word = evidenceWord(qa, b.auditId);
      const hitsBefore = await qa.api['search.query']({ q: word, kinds: ['evidence'] });
      expect(hitsBefore.filter((h) => h.auditId === b.auditId)).toEqual([]);
      const findings = await qa.api['findings.list']({ auditId: b.auditId });
      expect(findings.length).toBeGreaterThan(0);
      const findingQuery = findings[0]!.text.split(' ').slice(0, 3).join(' ');
      const isTheFinding = (h: { kind: string; auditId: string }) => h.kind === 'finding' && h.auditId === b.auditId;
      expect((await qa.api['search.query']({ q: findingQuery })).some(isTheFinding)).toBe(false);
      expect((await qa.api['search.query']({ q: findingQuery, kinds: ['finding'] })).some(isTheFinding)).toBe(false);
      expect(entriesByKind(qa, b.auditId)).toEqual({ finding: 0, recommendation: 0, action: 0, evidence: 0 });

      await qa.api['search.indexStart']({});
      await expect.poll(async () => (await qa.api['search.indexStatus']({})).running, { timeout: 10_000 }).toBe(false);
      expect(await qa.api['search.indexStatus']({})).toMatchObject({
        pendingAudits: 0,
        done: 1,
        total: 1,
        error: null,
      });
      expect(indexedPerAudit(qa).get(b.auditId)).toEqual({ notes: before.notes, indexed: before.notes });
      const hitsAfter = await qa.api['search.query']({ q: word, kinds: ['evidence'] });
      expect(hitsAfter.some((h) => h.auditId === b.auditId)).toBe(true);
      expect((await qa.api['search.query']({ q: findingQuery })).some(isTheFinding)).toBe(true);
      expect((await qa.api['search.query']({ q: findingQuery, kinds: ['finding'] })).some(isTheFinding)).toBe(true);
      expect(
        (await qa.api['search.query']({ q: findingQuery, kinds: ['recommendation', 'action', 'evidence'] })).some(
          (h) => h.kind === 'finding',
        ),
      ).toBe(false);
      // The indexer wrote each entry with its kind (indexed, for searches limited to some kinds).
      const [tables] = sql<Record<string, number>>(
        qa,
        `SELECT (SELECT count(*) FROM finding WHERE audit_id = @a) AS finding,
                (SELECT count(*) FROM recommendation WHERE audit_id = @a) AS recommendation,
                (SELECT count(*) FROM action WHERE audit_id = @a) AS action`,
        { a: b.auditId },
      );
      expect(entriesByKind(qa, b.auditId)).toEqual({ ...tables, evidence: before.notes });
      // Findings, recommendations and actions of the audit each have their one entry.
      const [kinds] = sql<{ expected: number; entries: number }>(
        qa,
        `SELECT (SELECT count(*) FROM finding WHERE audit_id = @a) + (SELECT count(*) FROM recommendation WHERE audit_id = @a)
                + (SELECT count(*) FROM action WHERE audit_id = @a) AS expected,
                (SELECT count(*) FROM search_index WHERE audit_id = @a AND kind IN ('finding', 'recommendation', 'action')) AS entries`,
        { a: b.auditId },
      );
      expect(kinds!.expected).toBeGreaterThan(0);
      expect(kinds!.entries).toBe(kinds!.expected);
      // Every entry has its reference and every reference its entry.
      const [refs] = sql<{ n: number }>(qa, 'SELECT count(*) AS n FROM search_ref');
      const [entries] = sql<{ n: number }>(qa, 'SELECT count(*) AS n FROM search_index');
      expect(refs!.n).toBe(entries!.n);
    } finally {
      qa.app.close();
    }
  });

  it('indexes in the background a moment after an import, on its own', async () => {
    const qa = await qaInstallation('qa-background');
    try {
      const b = bundles[1]!;
      await qa.api['bundles.import']({ fileName: b.fileName, base64: b.base64 });
      await expect
        .poll(async () => (await qa.api['search.indexStatus']({})).pendingAudits, { timeout: 15_000, interval: 200 })
        .toBe(0);
      const counts = indexedPerAudit(qa).get(b.auditId)!;
      expect(counts.indexed).toBe(counts.notes);
    } finally {
      qa.app.close();
    }
  });

  it('stops between audits: each audit is wholly indexed or still queued, and the rest resumes on opening', async () => {
    const qa = await qaInstallation('qa-stop');
    for (const b of bundles) await qa.api['bundles.import']({ fileName: b.fileName, base64: b.base64 });
    qa.app.searchIndexer.stop(); // the scheduled background run
    expect((await qa.api['search.indexStatus']({})).pendingAudits).toBe(3);
    const seen: number[] = [];
    const status = await qa.app.searchIndexer.run((done) => {
      seen.push(done);
      if (done === 1) qa.app.searchIndexer.stop();
    });
    expect(seen).toEqual([1]);
    expect(status).toMatchObject({ pendingAudits: 2, running: false, done: 1, total: 3 });
    const per = [...indexedPerAudit(qa).values()];
    expect(per.filter((c) => c.indexed === c.notes)).toHaveLength(1);
    expect(per.filter((c) => c.indexed === 0)).toHaveLength(2);
    qa.app.close();

    // Opening again picks up what is left (in the background, soon after opening).
    const again = openApp(qa.path, { key: Buffer.alloc(32, 'qa-stop'.length), actor: 'qa', dailyBackup: false });
    try {
      const api = apiOver(again.dispatch);
      await expect
        .poll(async () => (await api['search.indexStatus']({})).pendingAudits, { timeout: 15_000, interval: 200 })
        .toBe(0);
      const reopened = { app: again, api, path: qa.path };
      for (const c of indexedPerAudit(reopened).values()) expect(c.indexed).toBe(c.notes);
    } finally {
      again.close();
    }
  });
});
