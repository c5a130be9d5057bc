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

// Schema version 10: the kind is an indexed column, and a search limited to some kinds asks the index
// for them (db/repos/searchRepo.ts), ranked by bm25 over the body as an unlimited search ranks them.
describe('the kind in the search index', () => {
  type Kind = 'finding' | 'recommendation' | 'action' | 'evidence';
  const hits = async (q: string, kinds?: Kind[], limit = 50) =>
    (await qa.api['search.query']({ q, limit, ...(kinds ? { kinds } : {}) })).map(
      (h) => `${h.kind}:${h.findingId ?? h.recommendationId ?? h.actionId ?? `${h.checklistId}/${h.questionId}`}`,
    );
  /** Entries whose kind token is `kind` and whose body has `word`, straight from the index. */
  const indexed = (kind: Kind, word: string) =>
    count(`SELECT count(*) AS n FROM search_index WHERE search_index MATCH 'kind : "${kind}" AND body : "${word}"'`);
  const agency = async () => (await qa.api['board.get']({}))!.agencies[0]!.id;
  const finding = (text: string, id?: string) =>
    qa.api['findings.save']({
      ...(id ? { id } : {}),
      auditId,
      kind: 'development',
      text,
      origin: 'own',
      caseIds: [],
      questionIds: [],
      themes: [],
    });

  it('finds a rare kind’s hits for a word common in another kind, in the order of an unlimited search', async () => {
    // 60 short findings say "otter" (they rank first); one long action, one recommendation and two
    // evidence notes say it too, among many other words (they rank below every finding).
    for (let i = 0; i < 60; i++) await finding(`Otter practice ${i}`);
    const filler = 'the partnership agreed further work across agencies over the coming year with regular review';
    const action = await qa.api['actions.save']({
      auditId,
      text: `Otter training for ${filler}`,
      leadAgencyId: await agency(),
      ownerRole: 'Designated safeguarding lead',
      dueDate: '2031-01-31',
      successMeasure: 'Training records',
    });
    const rec = await qa.api['recommendations.save']({ auditId, text: `Otter guidance: ${filler}`, findingIds: [] });
    const { template } = await qa.api['checklists.get']({ checklistId });
    const [q1, q2] = template.sections
      .flatMap((s) => s.questions)
      .filter((q) => q.type === 'yes_partly_no' && q.id !== questionId);
    for (const q of [q1!, q2!])
      await qa.api['answers.save']({ checklistId, questionId: q.id, value: 'yes', evidence: `Otter seen: ${filler}` });

    const all = await hits('otter', undefined, 100);
    expect(all).toHaveLength(64);
    expect((await hits('otter')).filter((h) => !h.startsWith('finding:'))).toEqual([]); // crowded out of 50
    expect(await hits('otter', ['action'])).toEqual([`action:${action.id}`]);
    expect(await hits('otter', ['recommendation'])).toEqual([`recommendation:${rec.id}`]);
    expect((await hits('otter', ['evidence'])).sort()).toEqual(
      [`evidence:${checklistId}/${q1!.id}`, `evidence:${checklistId}/${q2!.id}`].sort(),
    );
    expect(await hits('otter', ['finding'])).toHaveLength(50);
    // Every set of kinds: exactly the unlimited search's hits of those kinds, in its order.
    const sets: Kind[][] = [
      ['action', 'recommendation'],
      ['evidence', 'action'],
      ['finding', 'evidence'],
      ['finding', 'recommendation', 'action'],
      ['recommendation', 'action', 'evidence'],
      ['finding', 'recommendation', 'action', 'evidence'],
    ];
    for (const kinds of sets)
      expect(await hits('otter', kinds, 100)).toEqual(all.filter((h) => kinds.some((k) => h.startsWith(`${k}:`))));
    expect(await hits('otter', [])).toEqual([]);
  });

  it('keeps each kind’s entries right through inserts, edits and removals (the triggers)', async () => {
    // Insert: each is found under its own kind only.
    const f = await finding('Narwhal finding');
    const rec = await qa.api['recommendations.save']({ auditId, text: 'Narwhal recommendation', findingIds: [] });
    const draft = {
      auditId,
      text: 'Narwhal action',
      leadAgencyId: await agency(),
      ownerRole: 'Team manager',
      dueDate: '2031-03-31',
      successMeasure: 'Audit of files',
    };
    const action = await qa.api['actions.save'](draft);
    await qa.api['answers.save']({ checklistId, questionId, value: 'yes', evidence: 'Narwhal evidence' });
    const note = `evidence:${checklistId}/${questionId}`;
    expect(await hits('narwhal', ['finding'])).toEqual([`finding:${f.id}`]);
    expect(await hits('narwhal', ['recommendation'])).toEqual([`recommendation:${rec.id}`]);
    expect(await hits('narwhal', ['action'])).toEqual([`action:${action.id}`]);
    expect(await hits('narwhal', ['evidence'])).toEqual([note]);
    for (const k of ['finding', 'recommendation', 'action', 'evidence'] as const) expect(indexed(k, 'narwhal')).toBe(1);

    // Edit: the new words under the same kind (and rowid), the old ones gone.
    await finding('Beluga finding', f.id);
    await qa.api['recommendations.save']({ id: rec.id, auditId, text: 'Beluga recommendation', findingIds: [] });
    await qa.api['actions.save']({ ...draft, id: action.id, successMeasure: 'Beluga audit of files' });
    await qa.api['answers.save']({ checklistId, questionId, value: 'yes', evidence: 'Beluga evidence' });
    expect(await hits('beluga', ['finding'])).toEqual([`finding:${f.id}`]);
    expect(await hits('beluga', ['recommendation'])).toEqual([`recommendation:${rec.id}`]);
    expect(await hits('beluga', ['action'])).toEqual([`action:${action.id}`]); // the success measure is indexed
    expect(await hits('beluga', ['evidence'])).toEqual([note]);
    expect(await hits('narwhal', ['finding', 'recommendation', 'evidence'])).toEqual([]);
    expect(await hits('narwhal', ['action'])).toEqual([`action:${action.id}`]); // its text still says so

    // Removal: gone from the index and from search_ref.
    await qa.api['findings.remove']({ findingId: f.id });
    await qa.api['recommendations.remove']({ recommendationId: rec.id });
    qa.app.db.prepare('DELETE FROM action WHERE id = ?').run(action.id); // no removal in the product yet
    await qa.api['answers.save']({ checklistId, questionId, value: 'yes', evidence: '' });
    expect(await hits('beluga')).toEqual([]);
    expect(await hits('narwhal')).toEqual([]);
    for (const k of ['finding', 'recommendation', 'action', 'evidence'] as const) expect(indexed(k, 'beluga')).toBe(0);

    // Whatever happened: one entry per thing, under its kind, with its reference.
    expect(count('SELECT count(*) AS n FROM search_index WHERE rowid NOT IN (SELECT id FROM search_ref)')).toBe(0);
    // (A cleared evidence note keeps its search_ref row, version 8, for when it is written again.)
    expect(
      count(
        "SELECT count(*) AS n FROM search_ref WHERE id NOT IN (SELECT rowid FROM search_index) AND kind <> 'evidence'",
      ),
    ).toBe(0);
    for (const [kind, sql] of [
      ['finding', 'SELECT count(*) AS n FROM finding'],
      ['recommendation', 'SELECT count(*) AS n FROM recommendation'],
      ['action', 'SELECT count(*) AS n FROM action'],
      ['evidence', "SELECT count(*) AS n FROM answer WHERE evidence <> ''"],
    ] as const) {
      expect(count(`SELECT count(*) AS n FROM search_index WHERE search_index MATCH 'kind : "${kind}"'`)).toBe(
        count(sql),
      );
    }
  });
});
