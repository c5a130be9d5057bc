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
    // An action hit names its audit and its lead agency, and nothing of a checklist.
    const board = (await qa.api['board.get']({}))!;
    expect(hits[0]).toMatchObject({
      auditTitle: 'Missing children 2026',
      agencyName: board.agencies[1]!.name,
      caseReference: null,
      questionText: null,
      checklistId: null,
    });
    const evidence = await qa.api['search.query']({ q: 'chronology', kinds: ['evidence'], limit: 5 });
    expect(evidence).toHaveLength(5);
    for (const hit of evidence) {
      expect(hit.checklistId).toMatch(/-/);
      expect(hit.questionId).toBeTruthy();
      // The context, worked out here from the tables and the audit's pinned template (not the repository).
      const row = qa.app.db
        .prepare(
          `SELECT c.reference, g.name AS agency, a.title, t.body
           FROM checklist k JOIN audit_case c ON c.id = k.case_id JOIN agency g ON g.id = k.agency_id
           JOIN audit a ON a.id = c.audit_id JOIN template t ON t.id = a.template_id AND t.version = a.template_version
           WHERE k.id = ?`,
        )
        .get(hit.checklistId) as { reference: string; agency: string; title: string; body: string };
      const template = JSON.parse(row.body) as {
        sections: Array<{ id: string; questions: Array<{ id: string; text: string }> }>;
      };
      const section = template.sections.find((s) => s.questions.some((q) => q.id === hit.questionId))!;
      expect(hit).toMatchObject({
        kind: 'evidence',
        auditTitle: row.title,
        caseReference: row.reference,
        agencyName: row.agency,
        questionText: section.questions.find((q) => q.id === hit.questionId)!.text,
        sectionId: section.id,
        findingId: null,
        actionId: null,
      });
      expect(hit.snippet.toLowerCase()).toContain('⟦chronology⟧');
    }
    // A finding names its audit and opens at the finding.
    const finding = qa.app.db
      .prepare('SELECT f.id, f.text, a.title FROM finding f JOIN audit a ON a.id = f.audit_id LIMIT 1')
      .get() as {
      id: string;
      text: string;
      title: string;
    };
    const word = finding.text.match(/[a-z]{6,}/i)![0];
    const findingHits = await qa.api['search.query']({ q: word, kinds: ['finding'], limit: 50 });
    expect(findingHits.find((h) => h.findingId === finding.id)).toMatchObject({
      kind: 'finding',
      auditTitle: finding.title,
      caseReference: null,
      agencyName: null,
    });
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
