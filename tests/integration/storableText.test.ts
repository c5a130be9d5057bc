// Acknowledged means stored: text the database cannot hold exactly (an unpaired UTF-16 surrogate, which
// UTF-8 cannot encode) is refused with the field named, over the API and the browser host, and a
// reply is what was committed, read back, not the input echoed.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startHost, type RunningHost } from '../../electron/host/server.js';
import { answerSchema } from '../../shared/answer.js';
import { contract } from '../../shared/contract.js';
import { isStorableText, NOT_STORABLE_MESSAGE, unstorableTextProblem } from '../../shared/text.js';
import { allQuestions } from '../../shared/template.js';
import { agencyId, freshApp, setUpBoard, type Fixture } from '../helpers/fixtures.js';
import { rawRequest } from '../helpers/http.js';

const LONE_HIGH = '\uD83D'; // the first half of 😀 (U+1F600) alone
const LONE_LOW = '\uDE00';

let f: Fixture;
beforeEach(() => {
  f = freshApp();
});
afterEach(() => f.cleanup());

async function checklistAndQuestion(): Promise<{ checklistId: string; questionId: string }> {
  const board = await setUpBoard(f.h);
  const [template] = await f.h['templates.list']({});
  const audit = await f.h['audits.create']({ title: 'Surrogates', templateId: template!.id });
  await f.h['cases.add']({
    auditId: audit.id,
    reference: 'C-001',
    ageBand: '10-13',
    gender: 'female',
    ethnicity: 'white',
    disability: 'no',
    planType: 'child_protection',
    agencyIds: [agencyId(board, 'Police')],
    confirmReference: false,
  });
  const checklistId = (await f.h['audits.get']({ auditId: audit.id })).checklists[0]!.id;
  const detail = await f.h['checklists.get']({ checklistId });
  const question = allQuestions(detail.template).find(
    (q) =>
      q.type === 'yes_partly_no' &&
      !q.showWhen &&
      (q.appliesTo.length === 0 || q.appliesTo.includes(detail.checklist.agencyKind)),
  )!;
  return { checklistId, questionId: question.id };
}

const storedEvidence = (checklistId: string, questionId: string) =>
  (
    f.app.db
      .prepare('SELECT evidence FROM answer WHERE checklist_id = ? AND question_id = ?')
      .get(checklistId, questionId) as { evidence: string } | undefined
  )?.evidence;

describe('text that cannot be stored exactly', () => {
  it('is told apart exactly as String.prototype.isWellFormed does', () => {
    const isWellFormed = (s: string) => (s as unknown as { isWellFormed(): boolean }).isWellFormed();
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 12 }), (units) => {
        const s = String.fromCharCode(...units);
        expect(isStorableText(s)).toBe(isWellFormed(s));
      }),
      { numRuns: 2000 },
    );
    expect(isStorableText('😀 fine')).toBe(true);
    expect(isStorableText(`a${LONE_HIGH}b`)).toBe(false);
    expect(isStorableText(`${LONE_LOW}${LONE_HIGH}`)).toBe(false); // reversed halves are no pair
  });

  it('is refused by the answer schema itself, naming the field', () => {
    const r = contract['answers.save'].input.safeParse({
      checklistId: '00000000-0000-4000-8000-000000000000',
      questionId: 'q',
      value: 'yes',
      evidence: `seen alone ${LONE_HIGH}`,
    });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]).toMatchObject({ path: ['evidence'], message: NOT_STORABLE_MESSAGE });
    // The stored form too, which a bundle's answers are checked with.
    const stored = answerSchema.safeParse({
      checklistId: '00000000-0000-4000-8000-000000000000',
      questionId: 'q',
      value: `free text ${LONE_LOW}`,
      notApplicableReason: '',
      evidence: '',
      updatedAt: '2026-05-01T10:00:00.000Z',
    });
    expect(stored.error?.issues.map((i) => i.message)).toContain(NOT_STORABLE_MESSAGE);
  });

  it('is refused by every method, with the path of the string, before anything is written', async () => {
    const r = await f.app.dispatch('board.setup', {
      name: 'Board',
      agencies: [{ name: `Police ${LONE_LOW}`, kind: 'police' }],
    });
    expect(r).toEqual({
      ok: false,
      error: {
        code: 'VALIDATION',
        message: `agencies[0].name: ${NOT_STORABLE_MESSAGE}`,
        issues: [{ path: ['agencies', 0, 'name'], message: NOT_STORABLE_MESSAGE }],
      },
    });
    expect(f.app.db.prepare('SELECT count(*) AS n FROM board').get()).toEqual({ n: 0 });
    expect(unstorableTextProblem({ [`k${LONE_HIGH}`]: 'v' })).toBe(`(a key): ${NOT_STORABLE_MESSAGE}`);
  });

  it('in an evidence note: refused through the service with the field named, and the stored note unchanged', async () => {
    const { checklistId, questionId } = await checklistAndQuestion();
    await f.h['answers.save']({ checklistId, questionId, value: 'yes', evidence: 'Seen alone 😀' });
    const r = await f.app.dispatch('answers.save', {
      checklistId,
      questionId,
      value: 'yes',
      evidence: `Seen alone ${LONE_HIGH}`,
    });
    expect(r).toEqual({
      ok: false,
      error: {
        code: 'VALIDATION',
        message: `evidence: ${NOT_STORABLE_MESSAGE}`,
        issues: [{ path: ['evidence'], message: NOT_STORABLE_MESSAGE }],
      },
    });
    expect(storedEvidence(checklistId, questionId)).toBe('Seen alone 😀');
  });

  it('in an evidence note over the browser host: 400 naming the field, nothing stored', async () => {
    const { checklistId, questionId } = await checklistAndQuestion();
    const staticDir = join(f.dir, 'renderer');
    mkdirSync(staticDir);
    writeFileSync(join(staticDir, 'index.html'), '<!doctype html>');
    const host: RunningHost = await startHost({ dispatch: f.app.dispatch, staticDir });
    try {
      const post = (body: string) =>
        rawRequest(host.port, {
          method: 'POST',
          path: '/rpc/answers.save',
          body,
          headers: { authorization: `Bearer ${host.token}`, 'content-type': 'application/json' },
        });
      // JSON carries the lone half as an escape, exactly as a browser's JSON.stringify sends it.
      const body = JSON.stringify({ checklistId, questionId, value: 'yes', evidence: `Note ${LONE_HIGH}` });
      expect(body).toContain('\\ud83d');
      const refused = await post(body);
      expect(refused.status).toBe(400);
      expect(JSON.parse(refused.body)).toEqual({
        ok: false,
        error: {
          code: 'VALIDATION',
          message: `evidence: ${NOT_STORABLE_MESSAGE}`,
          issues: [{ path: ['evidence'], message: NOT_STORABLE_MESSAGE }],
        },
      });
      expect(storedEvidence(checklistId, questionId)).toBeUndefined();

      // A whole emoji (a proper pair) is stored and acknowledged exactly.
      const ok = await post(JSON.stringify({ checklistId, questionId, value: 'yes', evidence: 'Note 😀' }));
      expect(ok.status).toBe(200);
      expect(JSON.parse(ok.body).value.answer.evidence).toBe('Note 😀');
      expect(storedEvidence(checklistId, questionId)).toBe('Note 😀');
    } finally {
      await host.close();
    }
  });

  it('the service replies with what it committed, read back, not with its input', async () => {
    const { checklistId, questionId } = await checklistAndQuestion();
    // Past every guard (straight to the handler), the database changes the text: the reply must say so.
    const reply = await f.app.handlers['answers.save']({
      checklistId,
      questionId,
      value: 'yes',
      notApplicableReason: '',
      evidence: `Note ${LONE_HIGH}`,
    });
    const stored = storedEvidence(checklistId, questionId)!;
    expect(stored).not.toBe(`Note ${LONE_HIGH}`);
    expect(reply.answer.evidence).toBe(stored);
    expect((await f.h['checklists.get']({ checklistId })).answers).toEqual([reply.answer]);
  });

  it('grades and discussions reply with what was committed too', async () => {
    await checklistAndQuestion();
    const [auditSummary] = await f.h['audits.list']({});
    const detail = await f.h['audits.get']({ auditId: auditSummary!.id });
    const c = detail.cases[0]!;
    const grade = await f.app.handlers['grades.set']({
      caseId: c.id,
      agencyId: null,
      grade: 'good',
      rationale: `Clear plan ${LONE_LOW}`,
    });
    expect(grade.rationale).not.toContain(LONE_LOW);
    expect((await f.h['audits.get']({ auditId: auditSummary!.id })).grades).toEqual([grade]);
    const discussion = await f.app.handlers['discussions.save']({
      caseId: c.id,
      heldOn: '2026-05-01',
      attendees: [{ role: 'Lead auditor', agencyId: c.agencyIds[0]! }],
      agreed: `Agreed ${LONE_HIGH}`,
      disagreements: '',
    });
    expect(discussion.agreed).not.toContain(LONE_HIGH);
    expect((await f.h['audits.get']({ auditId: auditSummary!.id })).discussions).toEqual([discussion]);
  });
});
