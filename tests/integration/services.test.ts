import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openApp } from '../../electron/app.js';
import { AppError } from '../../shared/errors.js';
import type { AnswerValue } from '../../shared/answer.js';
import { checklistProgress } from '../../shared/checklistRules.js';
import { allQuestions, type Question } from '../../shared/template.js';
import { apiOver } from '../helpers/client.js';
import { agencyId, freshApp, setUpBoard, type Fixture } from '../helpers/fixtures.js';

let f: Fixture;
beforeEach(() => {
  f = freshApp();
});
afterEach(() => f.cleanup());

const sampleCase = (auditId: string, agencyIds: string[], reference = 'C-001') => ({
  auditId,
  reference,
  ageBand: '10-13' as const,
  gender: 'female' as const,
  ethnicity: 'white' as const,
  disability: 'no' as const,
  planType: 'child_protection' as const,
  agencyIds,
  confirmReference: false,
});

async function auditWithCases(): Promise<{ auditId: string; police: string; csc: string }> {
  const board = await setUpBoard(f.h);
  const police = agencyId(board, 'Police');
  const csc = agencyId(board, "Children's social care");
  const [template] = await f.h['templates.list']({});
  const audit = await f.h['audits.create']({ title: 'Front door audit 2026', templateId: template!.id });
  await f.h['cases.add'](sampleCase(audit.id, [police, csc]));
  await f.h['cases.add'](sampleCase(audit.id, [police], 'C-002'));
  return { auditId: audit.id, police, csc };
}

function firstChoiceValue(q: Question): string | number | string[] {
  switch (q.type) {
    case 'grade':
      return 'good';
    case 'rag':
      return 'green';
    case 'yes_partly_no':
      return 'yes';
    case 'single_choice':
      return q.options![0]!.value;
    case 'multiple_choice':
      return [q.options![0]!.value];
    case 'number':
      return q.min ?? 1;
    case 'date':
      return '2017-03-01';
    default:
      return 'Seen in the record.';
  }
}

describe('board set-up', () => {
  it('creates the board once with its agencies in order', async () => {
    const board = await setUpBoard(f.h);
    expect(board.agencies.map((a) => a.name)).toContain('Police');
    expect(await f.h['board.get']({})).toEqual(board);
    await expect(async () => setUpBoard(f.h)).rejects.toThrow(/already has a board/);
  });

  it('renames, reorders and retires agencies without deleting them', async () => {
    const board = await setUpBoard(f.h);
    const [first, second, ...rest] = board.agencies;
    const saved = await f.h['agencies.save']({
      agencies: [
        { id: second!.id, name: second!.name, kind: second!.kind, active: true },
        { id: first!.id, name: 'Childrens Services', kind: first!.kind, active: true },
        ...rest.slice(1).map((a) => ({ id: a.id, name: a.name, kind: a.kind, active: a.active })),
      ],
    });
    expect(saved.agencies[0]!.id).toBe(second!.id);
    expect(saved.agencies[1]!.name).toBe('Childrens Services');
    const dropped = saved.agencies.find((a) => a.id === rest[0]!.id)!;
    expect(dropped.active).toBe(false);
  });
});

describe('audits, cases and checklists', () => {
  it('creates one checklist per case and agency involved', async () => {
    const { auditId } = await auditWithCases();
    const detail = await f.h['audits.get']({ auditId });
    expect(detail.cases.map((c) => c.reference)).toEqual(['C-001', 'C-002']);
    expect(detail.checklists).toHaveLength(3);
    expect(detail.checklists.every((k) => k.status === 'not_started' && k.answered === 0 && k.required > 0)).toBe(true);
  });

  it('pins the latest template version when none is given', async () => {
    const [template] = await f.h['templates.list']({});
    await setUpBoard(f.h);
    const audit = await f.h['audits.create']({ title: 'Pinned', templateId: template!.id });
    expect(audit.templateVersion).toBe(template!.version);
  });

  it('refuses a case reference that looks like a name unless confirmed, and duplicates always', async () => {
    const { auditId, police } = await auditWithCases();
    await expect(async () => f.h['cases.add'](sampleCase(auditId, [police], 'Jane Smith'))).rejects.toThrow(
      /looks like a personal name/,
    );
    const confirmed = await f.h['cases.add']({
      ...sampleCase(auditId, [police], 'Amber Rose'),
      confirmReference: true,
    });
    expect(confirmed.referenceFlags).toEqual(['looks_like_name']);
    await expect(async () => f.h['cases.add'](sampleCase(auditId, [police], 'c-001'))).rejects.toThrow(
      /already has a case/,
    );
  });

  it('saves answers, refuses ones that do not fit, and completes only when every required answer is given', async () => {
    const { auditId } = await auditWithCases();
    const detail = await f.h['audits.get']({ auditId });
    const checklistId = detail.checklists[0]!.id;
    const { template, checklist } = await f.h['checklists.get']({ checklistId });
    const questions = allQuestions(template).filter(
      (q) => !q.showWhen && (q.appliesTo.length === 0 || q.appliesTo.includes(checklist.agencyKind)),
    );
    const first = questions[0]!;
    await expect(async () =>
      f.h['answers.save']({ checklistId, questionId: first.id, value: ['nonsense-value-x'] }),
    ).rejects.toThrow(AppError);
    await expect(async () =>
      f.h['answers.save']({ checklistId, questionId: 'no-such-question', value: 'yes' }),
    ).rejects.toThrow(/not a question/);

    await expect(async () => f.h['checklists.complete']({ checklistId })).rejects.toThrow(
      /required questions? (is|are) not answered/,
    );
    // Answer what is shown until nothing required is missing: answers can reveal follow-up questions.
    const given = new Map<string, { value: AnswerValue; notApplicableReason: string }>();
    for (let round = 0; round < 10; round++) {
      const { missing } = checklistProgress(template, checklist.agencyKind, given);
      if (missing.length === 0) break;
      for (const q of missing) {
        const value = firstChoiceValue(q);
        const saved = await f.h['answers.save']({
          checklistId,
          questionId: q.id,
          value,
          evidence: `Evidence for ${q.id}`,
        });
        expect(saved.answer.evidence).toBe(`Evidence for ${q.id}`);
        given.set(q.id, { value, notApplicableReason: '' });
      }
    }
    const done = await f.h['checklists.complete']({ checklistId });
    expect(done.status).toBe('complete');
    expect(done.answered).toBe(done.required);
  });

  it('finds every answer again after the database is closed and reopened', async () => {
    const { auditId } = await auditWithCases();
    const checklistId = (await f.h['audits.get']({ auditId })).checklists[0]!.id;
    const { template } = await f.h['checklists.get']({ checklistId });
    const ynp = allQuestions(template).find((q) => q.type === 'yes_partly_no' && !q.showWhen)!;
    await f.h['answers.save']({
      checklistId,
      questionId: ynp.id,
      value: 'na',
      notApplicableReason: 'No school involved',
      evidence: 'Checked the file.',
    });
    const before = await f.h['checklists.get']({ checklistId });
    f.app.close();
    const reopened = openApp(f.dbPath);
    const after = await apiOver(reopened.dispatch)['checklists.get']({ checklistId });
    expect(after.answers).toEqual(before.answers);
    expect(after.answers[0]).toMatchObject({
      value: 'na',
      notApplicableReason: 'No school involved',
      evidence: 'Checked the file.',
    });
    reopened.close();
  });
});

describe('errors with the fields they are about', () => {
  it('gives every issue of an invalid input with its path, in process as over the host', async () => {
    const agencies = Array.from({ length: 6 }, (_, i) => ({ name: `Agency ${i}`, kind: 'martians' }));
    const r = await f.app.dispatch('board.setup', { name: '', agencies });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('VALIDATION');
    expect(r.error.issues?.map((i) => i.path)).toEqual([['name'], ...agencies.map((_, i) => ['agencies', i, 'kind'])]);
    // The sentence stays readable: the first five, and how many more.
    expect(r.error.message).toMatch(/^name: .*; agencies\[0\]\.kind: .*; …and 2 more$/);
  });

  it('gives a service’s refusal of one field as an issue, its message unchanged', async () => {
    const { auditId, police } = await auditWithCases();
    const r = await f.app.dispatch('cases.add', sampleCase(auditId, [police], 'c-001'));
    expect(r).toEqual({
      ok: false,
      error: {
        code: 'CONFLICT',
        message: 'reference: this audit already has a case "c-001".',
        issues: [{ path: ['reference'], message: 'this audit already has a case "c-001".' }],
      },
    });
    // Typed clients get the issues on the error too.
    await expect(f.h['cases.add'](sampleCase(auditId, [police], 'c-001'))).rejects.toMatchObject({
      code: 'CONFLICT',
      issues: [{ path: ['reference'] }],
    });
  });

  it('names which of several findings is wrong, by its index in the list', async () => {
    const { auditId } = await auditWithCases();
    const finding = { kind: 'strength' as const, text: 'Seen alone', origin: 'own' as const, themes: [] };
    const r = await f.app.dispatch('findings.addMany', {
      auditId,
      findings: [
        { ...finding, caseIds: [], questionIds: [] },
        { ...finding, caseIds: [], questionIds: ['no-such-question'] },
      ],
    });
    expect(r).toMatchObject({
      ok: false,
      error: {
        code: 'VALIDATION',
        message: expect.stringMatching(/^findings\[1\]: questionIds\[0\]: "no-such-question" is not a question/),
        issues: [{ path: ['findings', 1, 'questionIds', 0], message: expect.stringMatching(/is not a question/) }],
      },
    });
    expect(await f.h['findings.list']({ auditId })).toEqual([]);
  });

  it('a service error without a field has no issues, and AppError keeps its older form', () => {
    expect(new AppError('LOCKED', 'Wait.', 3)).toMatchObject({ code: 'LOCKED', retryAfterSeconds: 3, issues: [] });
    expect(new AppError('NOT_FOUND', 'No such audit.').retryAfterSeconds).toBeUndefined();
  });
});
