import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Api } from '../../shared/contract.js';
import { formatShare } from '../../shared/reauditComparison.js';
import { agencyId, freshApp, setUpBoard, type Fixture } from '../helpers/fixtures.js';

let f: Fixture;
let now: Date;
beforeEach(() => {
  now = new Date('2026-11-28T12:00:00Z');
  f = freshApp(() => now);
});
afterEach(() => f.cleanup());

const seenAlone = (version: number, text: string) =>
  JSON.stringify({
    formatVersion: 1,
    id: 'seen-alone-audit',
    version,
    title: 'Child seen alone',
    theme: 'child_protection_enquiries',
    sections: [
      {
        id: 'practice',
        title: 'Practice',
        questions: [
          { id: 'seen-alone', text, type: 'yes_partly_no', themes: ['child_seen_alone', 'voice_of_child'] },
          {
            id: 'police-check',
            text: 'Were police checks completed?',
            type: 'yes_partly_no',
            appliesTo: ['police'],
            themes: ['information_sharing_consent'],
          },
        ],
      },
    ],
  });

async function round(h: Api, auditId: string, csc: string, strengths: number, total: number) {
  for (let i = 0; i < total; i++) {
    const c = await h['cases.add']({
      auditId,
      reference: `R-${i}`,
      ageBand: '5-9',
      gender: 'female',
      ethnicity: 'white',
      disability: 'no',
      planType: 'child_protection',
      agencyIds: [csc],
    });
    const checklistId = (await h['audits.get']({ auditId })).checklists.find((k) => k.caseId === c.id)!.id;
    await h['answers.save']({ checklistId, questionId: 'seen-alone', value: i < strengths ? 'yes' : 'no' });
  }
}

describe('findings, actions and re-audits through the services', () => {
  it('compares three rounds: 30% → 35% → 80%, flagging the reworded question', async () => {
    const board = await setUpBoard(f.h);
    const csc = agencyId(board, "Children's social care");
    await f.h['templates.import']({ json: seenAlone(1, 'Was the child seen alone?') });
    const first = await f.h['audits.create']({ title: 'CP enquiries 2016', templateId: 'seen-alone-audit' });
    await round(f.h, first.id, csc, 3, 10);
    const second = await f.h['audits.startReaudit']({ auditId: first.id, title: 'CP enquiries 2017' });
    expect(second).toMatchObject({ round: 2, seriesId: first.id, templateVersion: 1 });
    await round(f.h, second.id, csc, 7, 20);
    await f.h['templates.import']({ json: seenAlone(2, 'Was the child seen alone, and were their views recorded?') });
    const third = await f.h['audits.startReaudit']({ auditId: second.id, title: 'CP enquiries 2018' });
    expect(third).toMatchObject({ round: 3, templateVersion: 2 });
    await round(f.h, third.id, csc, 8, 10);

    const { comparison } = await f.h['audits.analysis']({ auditId: third.id });
    const q = comparison.questions.find((x) => x.questionId === 'seen-alone')!;
    expect(q.rounds.map((r) => r.share)).toEqual([0.3, 0.35, 0.8]);
    expect(q.rounds.map((r) => formatShare(r.share))).toEqual(['30%', '35%', '80%']);
    expect(q.wordingChanged).toBe(true);
    const theme = comparison.themes.find((t) => t.theme === 'child_seen_alone')!;
    expect(theme.rounds.map((r) => r.share)).toEqual([0.3, 0.35, 0.8]);
    // A police-only question asked of no police checklist is assessed in no case.
    expect(
      comparison.questions.find((x) => x.questionId === 'police-check')!.rounds.every((r) => r.share === null),
    ).toBe(true);
    await expect(f.h['audits.startReaudit']({ auditId: third.id, title: 'Older', templateVersion: 1 })).rejects.toThrow(
      /version 2 or newer/,
    );
  });

  it('accepts related suggestions together in one transaction: all of them or none', async () => {
    const board = await setUpBoard(f.h);
    const csc = agencyId(board, "Children's social care");
    await f.h['templates.import']({ json: seenAlone(1, 'Was the child seen alone?') });
    const audit = await f.h['audits.create']({ title: 'Seen alone 2026', templateId: 'seen-alone-audit' });
    await round(f.h, audit.id, csc, 1, 4);
    const { suggestions } = await f.h['audits.analysis']({ auditId: audit.id });
    // The question and the two themes it is tagged with: one question, so related.
    const related = suggestions.filter((s) => s.kind === 'development');
    expect(related.map((s) => [s.text, s.theme])).toEqual([
      ['In many or most cases (3 of 4) practice fell short of the standard for: was the child seen alone.', null],
      [
        'In many or most cases (3 of 4) the child’s voice was not heard, recorded or used well enough.',
        'voice_of_child',
      ],
      ['In many or most cases (3 of 4) the child was not seen alone when they should have been.', 'child_seen_alone'],
    ]);
    const input = related.map((s) => ({
      kind: s.kind,
      text: s.text,
      origin: 'suggested' as const,
      caseIds: s.caseIds,
      questionIds: s.questionIds,
      themes: s.theme ? [s.theme] : [],
    }));
    // One bad finding refuses the lot, naming which, and adds nothing.
    const broken = [...input, { ...input[0]!, questionIds: ['no-such-question'] }];
    await expect(f.h['findings.addMany']({ auditId: audit.id, findings: broken })).rejects.toThrow(
      /findings\[3\]: questionIds\[0\]: "no-such-question" is not a question/,
    );
    expect(await f.h['findings.list']({ auditId: audit.id })).toEqual([]);
    const added = await f.h['findings.addMany']({ auditId: audit.id, findings: input });
    expect(added.map((x) => x.text)).toEqual(related.map((s) => s.text));
    expect((await f.h['findings.list']({ auditId: audit.id })).map((x) => x.id).sort()).toEqual(
      added.map((x) => x.id).sort(),
    );
  });

  it('turns suggestions into findings, recommendations and tracked actions', async () => {
    const board = await setUpBoard(f.h);
    const csc = agencyId(board, "Children's social care");
    const police = agencyId(board, 'Police');
    await f.h['templates.import']({ json: seenAlone(1, 'Was the child seen alone?') });
    const audit = await f.h['audits.create']({ title: 'Seen alone 2026', templateId: 'seen-alone-audit' });
    await round(f.h, audit.id, csc, 1, 4); // 1 of 4 seen alone: a development area in many or most cases
    const analysis = await f.h['audits.analysis']({ auditId: audit.id });
    expect(analysis.sample).toMatchObject({ cases: 4, ageBands: [{ value: '5-9', label: '5-9 years', count: 4 }] });
    const dev = analysis.suggestions.find((s) => s.kind === 'development' && s.questionIds[0] === 'seen-alone')!;
    expect(dev).toMatchObject({ bucket: 'many_or_most', count: 3, casesAssessed: 4 });

    const finding = await f.h['findings.save']({
      auditId: audit.id,
      kind: 'development',
      text: dev.text,
      origin: 'suggested',
      caseIds: dev.caseIds,
      questionIds: dev.questionIds,
      themes: ['child_seen_alone'],
    });
    const { createdAt: _c, updatedAt: _u, ...editable } = finding;
    const edited = await f.h['findings.save']({ ...editable, text: 'In most cases the child was not seen alone.' });
    expect(edited).toMatchObject({
      id: finding.id,
      origin: 'suggested',
      text: 'In most cases the child was not seen alone.',
    });
    await expect(
      f.h['findings.save']({
        auditId: audit.id,
        kind: 'strength',
        text: 'x',
        origin: 'own',
        caseIds: ['00000000-0000-4000-8000-000000000000'],
        questionIds: [],
        themes: [],
      }),
    ).rejects.toThrow(/caseIds\[0\]: not a case of this audit/);
    const rec = await f.h['recommendations.save']({
      auditId: audit.id,
      text: 'Children are seen alone at every visit.',
      findingIds: [finding.id],
    });
    await expect(f.h['findings.remove']({ findingId: finding.id })).rejects.toThrow(
      /recommendation rests on this finding/,
    );

    const action = await f.h['actions.save']({
      auditId: audit.id,
      recommendationId: rec.id,
      text: 'Brief all social workers on seeing children alone by March.',
      leadAgencyId: police,
      ownerRole: 'Head of service',
      dueDate: '2026-11-27',
      successMeasure: 'Re-audit shows 80% seen alone',
    });
    expect(action.effectiveStatus).toBe('overdue'); // due yesterday, not complete
    const dueToday = await f.h['actions.save']({
      id: action.id,
      auditId: audit.id,
      recommendationId: rec.id,
      text: action.text,
      leadAgencyId: police,
      ownerRole: action.ownerRole,
      dueDate: '2026-11-28',
      successMeasure: action.successMeasure,
    });
    expect(dueToday.effectiveStatus).toBe('not_started');
    await expect(
      f.h['actions.save']({
        auditId: audit.id,
        text: '',
        leadAgencyId: police,
        ownerRole: '',
        dueDate: 'soon',
        successMeasure: '',
      }),
    ).rejects.toThrow(/text: describe the action/);

    await f.h['actions.addUpdate']({ actionId: action.id, note: 'Briefings booked', status: 'on_track' });
    await expect(f.h['actions.verify']({ actionId: action.id, impactEvidence: 'Looks better' })).rejects.toThrow(
      /mark the action complete/,
    );
    await f.h['actions.addUpdate']({
      actionId: action.id,
      note: 'All teams briefed',
      status: 'complete',
      evidence: 'Attendance lists',
    });
    await expect(f.h['actions.verify']({ actionId: action.id, impactEvidence: '' })).rejects.toThrow(
      /evidence of impact/,
    );
    const verified = await f.h['actions.verify']({
      actionId: action.id,
      impactEvidence: 'Dip sample of 20 cases: 17 seen alone.',
    });
    expect(verified.status).toBe('verified');
    expect(verified.updates.map((u) => [u.note, u.status])).toEqual([
      ['Briefings booked', 'on_track'],
      ['All teams briefed', 'complete'],
      ['Verified with evidence of impact', 'verified'],
    ]);
    await expect(f.h['actions.addUpdate']({ actionId: action.id, note: 'More', status: 'on_track' })).rejects.toThrow(
      /verified and closed/,
    );
    // A list carries each action's latest update and how many there are, not the whole history.
    const listed = (await f.h['actions.list']({ auditId: action.auditId })).find((a) => a.id === action.id)!;
    expect(listed).not.toHaveProperty('updates');
    expect(listed.updateCount).toBe(3);
    expect(listed.latestUpdate).toEqual(verified.updates[2]);

    // The tracker: overdue first, filtered by agency.
    const late = await f.h['actions.save']({
      auditId: audit.id,
      text: 'Audit supervision records quarterly.',
      leadAgencyId: csc,
      ownerRole: 'Principal social worker',
      dueDate: '2026-10-01',
      successMeasure: 'Four audits a year',
    });
    const all = await f.h['actions.list']({});
    expect(all[0]!.id).toBe(late.id);
    expect((await f.h['actions.list']({ agencyId: csc, status: 'overdue' })).map((a) => a.id)).toEqual([late.id]);
    now = new Date('2026-11-28T23:30:00Z'); // still 28 November in London in winter
    expect((await f.h['actions.get']({ actionId: late.id })).effectiveStatus).toBe('overdue');
  });

  it('keeps progress history append-only in the database and verification needs evidence there too', async () => {
    const board = await setUpBoard(f.h);
    await f.h['templates.import']({ json: seenAlone(1, 'Was the child seen alone?') });
    const audit = await f.h['audits.create']({ title: 'A', templateId: 'seen-alone-audit' });
    const action = await f.h['actions.save']({
      auditId: audit.id,
      text: 'Do the thing well.',
      leadAgencyId: agencyId(board, 'Police'),
      ownerRole: 'Inspector',
      dueDate: '2027-01-01',
      successMeasure: 'Measured',
    });
    await f.h['actions.addUpdate']({ actionId: action.id, note: 'Started', status: 'on_track' });
    expect(() => f.app.db.prepare("UPDATE action_update SET note = 'rewritten'").run()).toThrow(
      /history and cannot be changed/,
    );
    expect(() => f.app.db.prepare('DELETE FROM action_update').run()).toThrow(/cannot be removed/);
    expect(() => f.app.db.prepare("UPDATE action SET status = 'verified' WHERE id = ?").run(action.id)).toThrow(
      /CHECK constraint/,
    );
  });

  it('records grades with rationale and the multi-agency discussion', async () => {
    const board = await setUpBoard(f.h);
    const csc = agencyId(board, "Children's social care");
    await f.h['templates.import']({ json: seenAlone(1, 'Was the child seen alone?') });
    const audit = await f.h['audits.create']({ title: 'Graded', templateId: 'seen-alone-audit' });
    const c = await f.h['cases.add']({
      auditId: audit.id,
      reference: 'G-1',
      ageBand: '14-15',
      gender: 'male',
      ethnicity: 'black',
      disability: 'yes',
      planType: 'child_in_need',
      agencyIds: [csc],
    });
    await f.h['grades.set']({
      caseId: c.id,
      agencyId: null,
      grade: 'requires_improvement',
      rationale: 'Drift after transfer.',
    });
    await f.h['grades.set']({ caseId: c.id, agencyId: null, grade: 'good', rationale: 'Revised after discussion.' });
    await f.h['grades.set']({ caseId: c.id, agencyId: csc, grade: 'good', rationale: 'Timely visits.' });
    await expect(
      f.h['grades.set']({ caseId: c.id, agencyId: agencyId(board, 'Police'), grade: 'good', rationale: 'x' }),
    ).rejects.toThrow(/not involved/);
    await f.h['discussions.save']({
      caseId: c.id,
      heldOn: '2026-11-20',
      attendees: [{ role: 'Social worker', agencyId: csc }],
      agreed: 'Plan was right.',
      disagreements: '',
    });
    const detail = await f.h['audits.get']({ auditId: audit.id });
    expect(detail.grades.map((g) => [g.agencyId, g.grade])).toEqual([
      [null, 'good'],
      [csc, 'good'],
    ]);
    expect(detail.discussions[0]).toMatchObject({ heldOn: '2026-11-20', agreed: 'Plan was right.' });
  });
});
