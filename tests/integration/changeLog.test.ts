import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkDatabase } from '../../electron/maintenance.js';
import { agencyId, freshApp, setUpBoard, type Fixture } from '../helpers/fixtures.js';

let f: Fixture;
beforeEach(() => {
  f = freshApp();
});
afterEach(() => f.cleanup());

async function someChanges() {
  const board = await setUpBoard(f.h);
  const [t] = await f.h['templates.list']({});
  const audit = await f.h['audits.create']({ title: 'Log test', templateId: t!.id });
  await f.h['cases.add']({
    auditId: audit.id,
    reference: 'C-1',
    ageBand: '5-9',
    gender: 'male',
    ethnicity: 'mixed',
    disability: 'no',
    planType: 'child_in_need',
    agencyIds: [agencyId(board, 'Police')],
  });
  const checklistId = (await f.h['audits.get']({ auditId: audit.id })).checklists[0]!.id;
  const { template } = await f.h['checklists.get']({ checklistId });
  const q = template.sections[0]!.questions.find(
    (x) => x.type === 'yes_partly_no' && !x.showWhen && x.appliesTo.length === 0,
  )!;
  await f.h['answers.save']({ checklistId, questionId: q.id, value: 'no', evidence: 'first' });
  await f.h['answers.save']({ checklistId, questionId: q.id, value: 'yes', evidence: 'second' });
  return { checklistId, questionId: q.id };
}

describe('the change log', () => {
  it('records who changed what, with before and after, for every change', async () => {
    const { checklistId, questionId } = await someChanges();
    const history = f.app.ctx.repos.changeLog.history('answer', `${checklistId}/${questionId}`);
    expect(history.map((r) => r.action)).toEqual(['create', 'update']);
    expect(history[1]!.before).toMatchObject({ value: 'no', evidence: 'first' });
    expect(history[1]!.after).toMatchObject({ value: 'yes', evidence: 'second' });
    expect(history[1]!.actor).toBe(f.app.ctx.actor);
    expect(checkDatabase(f.app.db)).toMatchObject({ ok: true, changeLog: { ok: true } });
  });

  it('is append-only in the database', async () => {
    await someChanges();
    expect(() => f.app.db.prepare("UPDATE change_log SET actor = 'someone else'").run()).toThrow(/append-only/);
    expect(() => f.app.db.prepare('DELETE FROM change_log').run()).toThrow(/append-only/);
  });

  it('reports the first altered record when someone edits around the triggers', async () => {
    await someChanges();
    const db = f.app.db;
    db.exec('DROP TRIGGER change_log_is_append_only_update');
    db.prepare(
      "UPDATE change_log SET after = replace(after, 'second', 'forged') WHERE seq = (SELECT max(seq) FROM change_log)",
    ).run();
    const last = (db.prepare('SELECT max(seq) AS n FROM change_log').get() as { n: number }).n;
    expect(checkDatabase(db).changeLog).toEqual({
      ok: false,
      records: last,
      seq: last,
      reason: 'its content does not match its hash: it was altered',
    });
  });

  it('reports a removed record', async () => {
    await someChanges();
    const db = f.app.db;
    db.exec('DROP TRIGGER change_log_is_append_only_delete');
    db.prepare('DELETE FROM change_log WHERE seq = 3').run();
    expect(checkDatabase(db).changeLog).toMatchObject({
      ok: false,
      seq: 4,
      reason: expect.stringContaining('missing'),
    });
  });
});
