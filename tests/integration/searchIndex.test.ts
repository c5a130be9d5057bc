// Schema version 8: search entries are replaced by rowid (search_ref), never by scanning the index,
// and stay exactly one per indexed thing through inserts, edits, unchanged saves and removals.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installation, type Installation } from '../helpers/installations.js';
import { tempDir } from '../helpers/tmp.js';

const t = tempDir();
let qa: Installation;
let checklistId = '';
let questionId = '';
let auditId = '';
beforeAll(async () => {
  qa = await installation(t.dir, 'search', { name: 'QA', role: 'Chair', agency: 'Board' });
  const board = (await qa.api['board.get']({}))!;
  const audit = await qa.api['audits.create']({ title: 'Index audit', templateId: 'mash-front-door' });
  auditId = audit.id;
  await qa.api['cases.add']({
    auditId,
    reference: 'IX-1',
    ageBand: '5-9',
    gender: 'female',
    ethnicity: 'white',
    disability: 'no',
    planType: 'child_in_need',
    agencyIds: [board.agencies[0]!.id],
  });
  const k = (await qa.api['audits.get']({ auditId })).checklists[0]!;
  checklistId = k.id;
  const { template } = await qa.api['checklists.get']({ checklistId });
  questionId = template.sections[0]!.questions.find((q) => q.type === 'yes_partly_no')!.id;
}, 60_000);
afterAll(() => {
  qa.app.close();
  t.cleanup();
});

const count = (sql: string) => (qa.app.db.prepare(sql).get() as { n: number }).n;
const entries = () => count("SELECT count(*) AS n FROM search_index WHERE kind = 'evidence'");
const words = async (q: string) => (await qa.api['search.query']({ q, kinds: ['evidence'] })).length;

describe('the search index by rowid', () => {
  it('adds, replaces, keeps and removes an evidence note’s one entry', async () => {
    const before = entries();
    await qa.api['answers.save']({ checklistId, questionId, value: 'yes', evidence: 'Seen with the marmalade cat' });
    expect(entries()).toBe(before + 1);
    expect(await words('marmalade')).toBe(1);
    const ref = count(
      `SELECT id AS n FROM search_ref WHERE kind = 'evidence' AND ref_id = '${checklistId}/${questionId}'`,
    );

    // A new note replaces the entry in place (same rowid); the old words are gone.
    await qa.api['answers.save']({ checklistId, questionId, value: 'yes', evidence: 'Seen with the tabby dog' });
    expect(entries()).toBe(before + 1);
    expect(await words('marmalade')).toBe(0);
    expect(await words('tabby')).toBe(1);
    expect(count(`SELECT rowid AS n FROM search_index WHERE search_index MATCH 'tabby'`)).toBe(ref);

    // Changing only the answer leaves the entry alone; clearing the note removes it.
    await qa.api['answers.save']({ checklistId, questionId, value: 'no', evidence: 'Seen with the tabby dog' });
    expect(await words('tabby')).toBe(1);
    await qa.api['answers.save']({ checklistId, questionId, value: 'no', evidence: '' });
    expect(entries()).toBe(before);
    expect(await words('tabby')).toBe(0);
  });

  it('keeps one entry per finding through edits and removal, and every entry has its ref', async () => {
    const f = await qa.api['findings.save']({
      auditId,
      kind: 'strength',
      text: 'Quokka practice found',
      origin: 'own',
      caseIds: [],
      questionIds: [],
      themes: [],
    });
    await qa.api['findings.save']({
      id: f.id,
      auditId,
      kind: 'strength',
      text: 'Wombat practice found',
      origin: 'own',
      caseIds: [],
      questionIds: [],
      themes: [],
    });
    expect((await qa.api['search.query']({ q: 'quokka' })).length).toBe(0);
    expect((await qa.api['search.query']({ q: 'wombat' })).map((h) => h.findingId)).toEqual([f.id]);
    await qa.api['findings.remove']({ findingId: f.id });
    expect((await qa.api['search.query']({ q: 'wombat' })).length).toBe(0);
    expect(count('SELECT count(*) AS n FROM search_index WHERE rowid NOT IN (SELECT id FROM search_ref)')).toBe(0);
  });
});
