import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { completeAudit, installation, sign, type Installation } from '../helpers/installations.js';
import { tempDir } from '../helpers/tmp.js';

const t = tempDir();
let qa: Installation;
const ids: string[] = [];
beforeAll(async () => {
  qa = await installation(t.dir, 'dash', { name: 'QA', role: 'Chair', agency: 'Board' });
  ids.push(await completeAudit(qa.api, 'MASH 2026', { cases: 3, seed: 1 }));
  ids.push(await completeAudit(qa.api, 'Missing children 2026', { cases: 2, seed: 2, templateId: 'missing-children' }));
  await sign(qa.api, ids[0]!);
  const re = await qa.api['audits.startReaudit']({ auditId: ids[0]!, title: 'MASH 2027' });
  ids.push(re.id);
  await qa.api['audits.create']({ title: 'Planned neglect audit', templateId: 'mash-front-door' });
  // An overdue action: due in the past.
  const board = (await qa.api['board.get']({}))!;
  await qa.api['actions.save']({
    auditId: ids[1]!,
    text: 'Overdue thing to do',
    leadAgencyId: board.agencies[1]!.id,
    ownerRole: 'Lead',
    dueDate: '2020-01-01',
    successMeasure: 'Done',
  });
}, 120_000);
afterAll(() => {
  qa.app.close();
  t.cleanup();
});

const sql = <T>(q: string) => qa.app.db.prepare(q).get() as T;

describe('the QA dashboard', () => {
  it('counts match direct SQL counts', async () => {
    const d = await qa.api['dashboard.get']({});
    const today = new Date().toISOString().slice(0, 10);
    expect(d.actions.open).toBe(
      sql<{ n: number }>("SELECT count(*) AS n FROM action WHERE status NOT IN ('complete','verified')").n,
    );
    expect(d.actions.overdue).toBe(
      sql<{ n: number }>(
        `SELECT count(*) AS n FROM action WHERE status NOT IN ('complete','verified') AND due_date < '${today}'`,
      ).n,
    );
    expect(d.actions.overdue).toBeGreaterThanOrEqual(1);
    expect(d.programme).toHaveLength(sql<{ n: number }>('SELECT count(*) AS n FROM audit').n);
    expect(d.programme.map((p) => p.stage).sort()).toEqual(['in_progress', 'planned', 'planned', 'signed']); // the re-audit has no cases yet;
    const gradeTotal = d.grades.reduce((n, g) => n + Object.values(g.counts).reduce((a, b) => a + b, 0), 0);
    expect(gradeTotal).toBe(sql<{ n: number }>('SELECT count(*) AS n FROM case_grade WHERE agency_id IS NOT NULL').n);
    const assessed = d.heatmap.cells.reduce((n, c) => n + c.assessed, 0);
    expect(assessed).toBeGreaterThan(0);
    expect(d.heatmap.cells.every((c) => c.development <= c.assessed)).toBe(true);
    expect(d.trends).toHaveLength(1);
    expect(d.trends[0]!.rounds.map((r) => r.round)).toEqual([1, 2]);
  });

  it('finds findings, actions and evidence notes, and says where each opens', async () => {
    const hits = await qa.api['search.query']({ q: 'overdue thing' });
    expect(hits).toHaveLength(1);
    expect(hits[0]).toMatchObject({ kind: 'action', auditId: ids[1] });
    expect(hits[0]!.snippet).toContain('⟦Overdue⟧');
    const evidence = await qa.api['search.query']({ q: 'chronology', kinds: ['evidence'], limit: 5 });
    expect(evidence.length).toBeGreaterThan(0);
    expect(evidence[0]!.checklistId).toMatch(/-/);
    expect(evidence[0]!.questionId).toBeTruthy();
    expect(await qa.api['search.query']({ q: '"); DROP TABLE audit; --' })).toEqual([]);
    await expect(qa.api['search.query']({ q: '   ' })).rejects.toThrow(/q: enter what to search for/);
  });

  it('keeps the index in step with changes', async () => {
    const board = (await qa.api['board.get']({}))!;
    const a = await qa.api['actions.save']({
      auditId: ids[1]!,
      text: 'Commission xylophone training',
      leadAgencyId: board.agencies[0]!.id,
      ownerRole: 'Lead',
      dueDate: '2027-01-01',
      successMeasure: 'Done',
    });
    expect((await qa.api['search.query']({ q: 'xylophone' })).map((h) => h.actionId)).toEqual([a.id]);
    await qa.api['actions.save']({
      id: a.id,
      auditId: ids[1]!,
      text: 'Commission marimba training',
      leadAgencyId: board.agencies[0]!.id,
      ownerRole: 'Lead',
      dueDate: '2027-01-01',
      successMeasure: 'Done',
    });
    expect(await qa.api['search.query']({ q: 'xylophone' })).toEqual([]);
    expect(await qa.api['search.query']({ q: 'marimba' })).toHaveLength(1);
  });
});
