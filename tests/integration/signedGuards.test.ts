// Every change a signed audit (or signed panel record, or imported audit) refuses is refused by the
// service's own guard: code SIGNED, the service's sentence, nothing written and nothing logged. The
// database's triggers would refuse most of these too, but only as a last line: their refusal is
// logged as a fault and reads differently, so a guard that went missing fails here.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDispatch } from '../../electron/rpc/dispatch.js';
import { writeMark } from '../../db/writeMark.js';
import type { Handlers, Method } from '../../shared/contract.js';
import { completeAudit, installation, introduce, sign, type Installation } from '../helpers/installations.js';
import { tempDir } from '../helpers/tmp.js';

const ANSWERS = 'This audit is signed; its answers cannot change.';
const REVISION = 'This audit is signed; change it by starting a new revision.';
const CASES = 'This audit is signed; cases cannot be added.';
const PLAN = 'This audit is signed; its action plan changes in a new revision.';
const PANEL = 'This panel record is signed and cannot change.';
const IMPORTED = 'An imported audit changes only when its auditor sends a new revision.';
const CASE_CHANGE = 'This audit is signed; its cases change only in a new revision.';
const KEPT = 'This audit has been signed: a signed audit is kept. Archive it instead.';

const t = tempDir();
let auditor: Installation;
let qa: Installation;
let auditId: string;
let importedId: string;
let panelId: string;
let panelItemId: string;
let guarded: Array<{ method: Method; input: () => unknown; message: string; on?: () => Installation }>;

beforeAll(async () => {
  auditor = await installation(t.dir, 'auditor', { name: 'Sam Auditor', role: 'Independent auditor', agency: 'Ind' });
  qa = await installation(t.dir, 'qa', { name: 'QA Chair', role: 'Chair', agency: 'Northshire SCP' });
  await introduce(auditor, qa);
  const api = auditor.api;
  auditId = await completeAudit(api, 'Neglect audit 2018');
  await sign(api, auditId);

  // A panel on the signed audit, signed in its turn.
  const board = (await api['board.get']({}))!;
  const police = board.agencies.find((a) => a.name === 'Police')!;
  let panel = await api['panels.create']({
    auditId,
    agencyId: police.id,
    title: 'Neglect panel',
    heldOn: '2026-11-20',
  });
  panel = await api['panels.update']({
    panelId: panel.id,
    title: panel.title,
    heldOn: panel.heldOn,
    attendees: [{ role: 'Detective Inspector', agencyId: police.id }],
  });
  if (panel.items.length === 0) panel = await api['panels.addItem']({ panelId: panel.id, subject: 'Neglect tool' });
  for (const item of panel.items)
    await api['panels.saveItem']({ itemId: item.id, challenge: 'Evidence?', response: 'Given.', outcome: 'assured' });
  const preview = await api['panels.signingPreview']({ panelId: panel.id });
  expect(preview.blockers).toEqual([]);
  await api['panels.sign']({ panelId: panel.id, contentHash: preview.contentHash });
  panelId = panel.id;
  panelItemId = panel.items[0]!.id;

  // The same audit imported by the QA sub-committee.
  const exported = await api['bundles.export']({ auditId });
  const imported = await qa.api['bundles.import']({ fileName: exported.fileName, base64: exported.base64 });
  expect(imported.outcome).toBe('added');
  importedId = (await qa.api['audits.list']({})).find((a) => a.title === 'Neglect audit 2018')!.id;

  const detail = await api['audits.get']({ auditId });
  const checklist = detail.checklists[0]!;
  const { answers } = await api['checklists.get']({ checklistId: checklist.id });
  const answer = answers.find((a) => a.value !== null)!;
  const caseOne = detail.cases[0]!;
  const agencyId = police.id;
  const finding = (await api['findings.list']({ auditId }))[0]!;
  const recommendation = (await api['recommendations.list']({ auditId }))[0]!;
  const action = (await api['actions.list']({ auditId }))[0]!;
  const gradeInput = { caseId: caseOne.id, agencyId: null, grade: 'good', rationale: 'Changed after signing' };
  const newFinding = {
    kind: finding.kind,
    text: 'A new finding',
    origin: 'own' as const,
    caseIds: [],
    questionIds: [],
    themes: [],
  };
  const findingInput = { auditId, ...newFinding };

  guarded = [
    {
      method: 'answers.save',
      input: () => ({
        checklistId: checklist.id,
        questionId: answer.questionId,
        value: answer.value,
        notApplicableReason: answer.notApplicableReason,
        evidence: 'changed after signing',
      }),
      message: ANSWERS,
    },
    { method: 'checklists.complete', input: () => ({ checklistId: checklist.id }), message: ANSWERS },
    { method: 'checklists.reopen', input: () => ({ checklistId: checklist.id }), message: ANSWERS },
    {
      method: 'cases.add',
      input: () => ({
        auditId,
        reference: 'N-999',
        ageBand: '10-13',
        gender: 'female',
        ethnicity: 'white',
        disability: 'no',
        planType: 'child_protection',
        agencyIds: [agencyId],
        confirmReference: false,
      }),
      message: CASES,
    },
    {
      method: 'cases.update',
      input: () => ({
        caseId: caseOne.id,
        reference: caseOne.reference,
        ageBand: caseOne.ageBand,
        gender: caseOne.gender,
        ethnicity: caseOne.ethnicity,
        disability: caseOne.disability,
        planType: caseOne.planType,
        agencyIds: caseOne.agencyIds,
      }),
      message: CASE_CHANGE,
    },
    { method: 'cases.remove', input: () => ({ caseId: caseOne.id, confirm: true }), message: CASE_CHANGE },
    { method: 'audits.delete', input: () => ({ auditId, confirm: true }), message: KEPT },
    { method: 'audits.update', input: () => ({ auditId, purpose: 'Changed after signing' }), message: REVISION },
    { method: 'grades.set', input: () => gradeInput, message: REVISION },
    {
      method: 'discussions.save',
      input: () => ({
        caseId: caseOne.id,
        heldOn: '2026-11-21',
        attendees: [{ role: 'Social worker', agencyId }],
        agreed: 'Changed after signing',
        disagreements: '',
      }),
      message: REVISION,
    },
    { method: 'findings.save', input: () => findingInput, message: REVISION },
    { method: 'findings.save', input: () => ({ ...findingInput, id: finding.id, text: 'Edited' }), message: REVISION },
    { method: 'findings.addMany', input: () => ({ auditId, findings: [newFinding] }), message: REVISION },
    { method: 'findings.remove', input: () => ({ findingId: finding.id }), message: REVISION },
    {
      method: 'recommendations.save',
      input: () => ({ auditId, text: 'A new recommendation', findingIds: [] }),
      message: REVISION,
    },
    { method: 'recommendations.remove', input: () => ({ recommendationId: recommendation.id }), message: REVISION },
    {
      method: 'actions.save',
      input: () => ({
        id: action.id,
        auditId,
        recommendationId: action.recommendationId,
        text: 'Changed after signing',
        leadAgencyId: action.leadAgencyId,
        ownerRole: action.ownerRole,
        dueDate: action.dueDate,
        successMeasure: action.successMeasure,
      }),
      message: PLAN,
    },
    {
      method: 'panels.update',
      input: () => ({ panelId, title: 'Renamed', heldOn: '2026-11-20', attendees: [{ role: 'Chair', agencyId }] }),
      message: PANEL,
    },
    { method: 'panels.addItem', input: () => ({ panelId, subject: 'Another item' }), message: PANEL },
    {
      method: 'panels.saveItem',
      input: () => ({ itemId: panelItemId, challenge: 'Changed', response: 'Changed', outcome: 'not_assured' }),
      message: PANEL,
    },
    { method: 'panels.setOutcome', input: () => ({ itemId: panelItemId, outcome: 'not_assured' }), message: PANEL },
    {
      method: 'panels.addFollowUp',
      input: () => ({
        itemId: panelItemId,
        text: 'A follow-up after signing',
        leadAgencyId: agencyId,
        ownerRole: 'Detective Inspector',
        dueDate: '2027-02-28',
        successMeasure: 'Done',
      }),
      message: PANEL,
    },
    { method: 'audits.newRevision', input: () => ({ auditId: importedId }), message: IMPORTED, on: () => qa },
  ];
}, 120_000);
afterAll(() => {
  auditor.app.close();
  qa.app.close();
  t.cleanup();
});

/** A dispatch over the installation's handlers that keeps what it logs (a trigger's refusal is logged). */
function dispatchOf(inst: Installation) {
  const logged: unknown[] = [];
  const dispatch = createDispatch(inst.app.handlers as Partial<Handlers>, { logError: (_m, e) => logged.push(e) });
  return { dispatch, logged };
}

describe('the guards of signed audits and panel records', () => {
  it('cover every method that changes an audit, a case, its review, its plan or a panel', () => {
    // Listed here so a method added without a guard test is noticed: each one below is refused.
    expect([...new Set(guarded.map((g) => g.method))].sort()).toEqual(
      [
        'actions.save',
        'answers.save',
        'audits.delete',
        'audits.newRevision',
        'audits.update',
        'cases.add',
        'cases.remove',
        'cases.update',
        'checklists.complete',
        'checklists.reopen',
        'discussions.save',
        'findings.addMany',
        'findings.remove',
        'findings.save',
        'grades.set',
        'panels.addFollowUp',
        'panels.addItem',
        'panels.saveItem',
        'panels.setOutcome',
        'panels.update',
        'recommendations.remove',
        'recommendations.save',
      ].sort(),
    );
  });

  it('refuse each change with SIGNED and the service’s own sentence, writing and logging nothing', async () => {
    // Every method is tried before anything is compared, so one missing guard shows with all the others.
    const seen = [];
    for (const g of guarded) {
      const inst = g.on?.() ?? auditor;
      const { dispatch, logged } = dispatchOf(inst);
      const before = writeMark(inst.app.db);
      const r = await dispatch(g.method, g.input());
      seen.push({ method: g.method, r, logged: logged.length, wrote: writeMark(inst.app.db) !== before });
    }
    expect(seen).toEqual(
      guarded.map((g) => ({
        method: g.method,
        r: { ok: false, error: { code: 'SIGNED', message: g.message } },
        logged: 0,
        wrote: false,
      })),
    );
  });

  it('answers a refusal by the database itself with SIGNED in plain words, and logs it', async () => {
    // A handler without its guard: the trigger is what refuses, and the user is told why.
    const { checklistId, questionId } = await (async () => {
      const detail = await auditor.api['audits.get']({ auditId });
      const { answers } = await auditor.api['checklists.get']({ checklistId: detail.checklists[0]!.id });
      return answers.find((a) => a.value !== null)!;
    })();
    const logged: unknown[] = [];
    const unguarded: Partial<Handlers> = {
      ...(auditor.app.handlers as Partial<Handlers>),
      'answers.save': () => {
        auditor.app.db
          .prepare("UPDATE answer SET evidence = 'x' WHERE checklist_id = ? AND question_id = ?")
          .run(checklistId, questionId);
        throw new Error('not reached: the trigger refuses first');
      },
    };
    const dispatch = createDispatch(unguarded, { logError: (_m, e) => logged.push(e) });
    const r = await dispatch('answers.save', { checklistId, questionId, value: 'yes' });
    expect(r).toEqual({
      ok: false,
      error: { code: 'SIGNED', message: 'This audit is signed and cannot change. Start a new revision to change it.' },
    });
    expect(logged).toHaveLength(1);
  });

  it('still lets a new revision be started, after which the same change is accepted', async () => {
    await auditor.api['audits.newRevision']({ auditId });
    const saved = await auditor.api['audits.update']({ auditId, purpose: 'Revised purpose' });
    expect(saved.status).toBe('in_progress');
    await sign(auditor.api, auditId);
  });
});
