// The audit programme and reminders on a real encrypted database, through the dispatch loop: planned
// audits added, changed, started and removed (each in the change log), the plan of a signed audit
// kept as it was, re-audits falling due by the documented rule, and the reminders the home screen shows.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, type CaseAuditApp } from '../../electron/app.js';
import { buildDemoAudit } from '../../electron/demo/demoAudit.js';
import type { Api, Input } from '../../shared/contract.js';
import { addDays, addMonths } from '../../shared/programme.js';
import { londonDate } from '../../shared/today.js';
import { apiOver } from '../helpers/client.js';
import { agencyId, setUpBoard } from '../helpers/fixtures.js';
import { sign } from '../helpers/installations.js';
import { tempDir } from '../helpers/tmp.js';

const t = tempDir();
let app: CaseAuditApp;
let api: Api;
// The clock the services read: moved by the tests (1 June 2026, in the programme year 2026 to 2027).
let now = new Date('2026-06-01T09:00:00Z');
let agencies: { police: string; health: string; social: string };

const plan = (over: Partial<Input<'programme.save'>> = {}): Input<'programme.save'> => ({
  year: 2026,
  title: 'Neglect audit',
  templateId: 'mash-front-door',
  quarter: 2,
  startsOn: null,
  endsOn: null,
  sampleSize: 8,
  leadAuditor: 'Sam Auditor',
  agencyIds: [agencies.social, agencies.police],
  ...over,
});

const logOf = (id: string) => app.ctx.repos.changeLog.history('planned_audit', id);
const logCount = () => (app.db.prepare('SELECT count(*) AS n FROM change_log').get() as { n: number }).n;

async function refusal(p: Promise<unknown>) {
  try {
    await p;
  } catch (e) {
    return e as { code: string; message: string; issues?: { path: (string | number)[]; message: string }[] };
  }
  throw new Error('expected a refusal');
}

/** An audit built by the demo's code, but started from the planned audit (the API as the screen uses it). */
async function completeFromPlan(plannedId: string): Promise<string> {
  const viaPlan: Api = {
    ...api,
    'audits.create': async () => {
      const { auditId } = await api['programme.start']({ plannedId });
      return (await api['audits.get']({ auditId })).audit;
    },
  };
  return buildDemoAudit(viaPlan, {
    title: 'ignored: the plan gives the title',
    agencyIds: [agencies.social, agencies.police, agencies.health],
    cases: 2,
    seed: 7,
  });
}

beforeAll(async () => {
  app = openApp(join(t.dir, 'programme.db'), {
    key: Buffer.alloc(32, 7),
    actor: 'qa',
    dailyBackup: false,
    backgroundIndexing: false,
    clock: () => now,
  });
  api = apiOver(app.dispatch);
  const board = await setUpBoard(api);
  agencies = {
    police: agencyId(board, 'Police'),
    health: agencyId(board, 'Health'),
    social: agencyId(board, "Children's social care"),
  };
  await api['identity.create']({ name: 'QA Chair', role: 'Chair', agency: 'Northshire SCP' });
});
afterAll(() => {
  app.close();
  t.cleanup();
});

describe('planning the year', () => {
  it('adds planned audits by quarter or by dates, lists them by the year from 1 April, and logs each', async () => {
    const q2 = await api['programme.save'](plan());
    const dated = await api['programme.save'](
      plan({ title: 'Front door audit', quarter: null, startsOn: '2027-01-10', endsOn: '2027-02-20', sampleSize: 6 }),
    );
    expect(q2).toMatchObject({
      status: 'planned',
      late: false,
      listedQuarter: 2,
      window: { from: '2026-07-01', to: '2026-09-30' },
      theme: 'mash_front_door',
      templateVersion: 1,
      agencies: [
        { id: agencies.social, name: "Children's social care" },
        { id: agencies.police, name: 'Police' },
      ],
    });
    // January is in the fourth quarter of the year that began the April before.
    expect(dated).toMatchObject({ listedQuarter: 4, window: { from: '2027-01-10', to: '2027-02-20' } });

    const programme = await api['programme.list']({ year: 2026 });
    expect(programme).toMatchObject({
      year: 2026,
      window: { from: '2026-04-01', to: '2027-03-31' },
      today: '2026-06-01',
    });
    expect(programme.entries.map((e) => e.title)).toEqual(['Neglect audit', 'Front door audit']);
    expect((await api['programme.list']({})).year).toBe(2026);
    expect((await api['programme.list']({ year: 2025 })).entries).toEqual([]);

    const [created] = logOf(q2.id);
    expect(created).toMatchObject({ action: 'create', before: null, actor: 'qa' });
    expect(created!.after).toMatchObject({ title: 'Neglect audit', quarter: 2, sampleSize: 8, auditId: null });
  });

  it('refuses a plan outside its year, with neither quarter nor dates, or with an agency not of the partnership, writing nothing', async () => {
    const before = logCount();
    const outside = await refusal(
      api['programme.save'](plan({ quarter: null, startsOn: '2026-03-01', endsOn: '2026-04-30' })),
    );
    expect(outside.code).toBe('VALIDATION');
    expect(outside.issues).toEqual([
      { path: ['startsOn'], message: 'the start date must be in the programme year 2026 to 2027' },
    ]);
    const neither = await refusal(api['programme.save'](plan({ quarter: null })));
    expect(neither.issues).toEqual([{ path: ['quarter'], message: 'choose a quarter, or give a start and end date' }]);
    const stranger = await refusal(
      api['programme.save'](plan({ agencyIds: [agencies.police, '00000000-0000-4000-8000-000000000000'] })),
    );
    expect(stranger.issues).toEqual([{ path: ['agencyIds', 1], message: 'not an agency of this partnership' }]);
    expect(logCount()).toBe(before);
  });

  it('changes a planned audit (logged with before and after) and logs nothing when nothing changed', async () => {
    const entry = (await api['programme.list']({})).entries.find((e) => e.title === 'Neglect audit')!;
    const input = plan({ id: entry.id, sampleSize: 10, agencyIds: [agencies.health] });
    const changed = await api['programme.save'](input);
    expect(changed).toMatchObject({ sampleSize: 10, agencies: [{ id: agencies.health, name: 'Health' }] });
    const update = logOf(entry.id).at(-1)!;
    expect(update).toMatchObject({ action: 'update' });
    expect(update.before).toMatchObject({ sampleSize: 8, agencyIds: [agencies.social, agencies.police] });
    expect(update.after).toMatchObject({ sampleSize: 10, agencyIds: [agencies.health] });
    const count = logCount();
    await api['programme.save'](input);
    expect(logCount()).toBe(count);
  });

  it('is late once its window has ended unstarted, and not on its last day', async () => {
    const id = (await api['programme.list']({})).entries.find((e) => e.title === 'Neglect audit')!.id;
    const standing = async () => (await api['programme.list']({})).entries.find((e) => e.id === id)!;
    now = new Date('2026-09-30T22:30:00Z'); // 23:30 on 30 September in London: the last day
    expect(await standing()).toMatchObject({ status: 'planned', late: false });
    now = new Date('2026-09-30T23:30:00Z'); // 00:30 on 1 October in London
    expect(await standing()).toMatchObject({ status: 'planned', late: true });
    now = new Date('2026-06-01T09:00:00Z');
  });

  it('removes a planned audit not started, logging what it was', async () => {
    const extra = await api['programme.save'](plan({ title: 'Missing children audit', quarter: 3 }));
    expect(await api['programme.remove']({ plannedId: extra.id })).toEqual({
      removed: true,
      plannedId: extra.id,
      title: 'Missing children audit',
    });
    expect(logOf(extra.id).map((r) => r.action)).toEqual(['create', 'remove']);
    expect(logOf(extra.id).at(-1)!.before).toMatchObject({ title: 'Missing children audit', quarter: 3 });
    expect((await api['programme.list']({})).entries.some((e) => e.id === extra.id)).toBe(false);
  });
});

describe('starting, signing and re-auditing', () => {
  let plannedId: string;
  let auditId: string;

  it('starts the audit from the plan (its title and template), once', async () => {
    plannedId = (await api['programme.list']({})).entries.find((e) => e.title === 'Neglect audit')!.id;
    auditId = await completeFromPlan(plannedId);
    const audit = (await api['audits.get']({ auditId })).audit;
    expect(audit).toMatchObject({ title: 'Neglect audit', templateId: 'mash-front-door', templateVersion: 1 });
    const entry = (await api['programme.list']({})).entries.find((e) => e.id === plannedId)!;
    expect(entry).toMatchObject({ status: 'started', audit: { id: auditId, revision: 0, caseCount: 2 } });
    expect(logOf(plannedId).at(-1)).toMatchObject({ action: 'start', after: { auditId } });
    expect(app.ctx.repos.changeLog.history('audit', auditId)[0]).toMatchObject({ action: 'create' });
    const again = await refusal(api['programme.start']({ plannedId }));
    expect(again).toMatchObject({ code: 'CONFLICT', message: '"Neglect audit" has already been started.' });
    // A started audit keeps its template.
    const other = await refusal(
      api['programme.save'](plan({ id: plannedId, templateId: 'child-protection-enquiries' })),
    );
    expect(other.code).toBe('CONFLICT');
  });

  it('keeps the plan of a signed audit as it was: changing or removing it is refused, nothing logged', async () => {
    now = new Date('2026-07-15T10:00:00Z');
    await sign(api, auditId);
    const entry = (await api['programme.list']({})).entries.find((e) => e.id === plannedId)!;
    expect(entry).toMatchObject({ status: 'signed', late: false, audit: { revision: 1 } });
    const count = logCount();
    const change = await refusal(api['programme.save'](plan({ id: plannedId, sampleSize: 3 })));
    expect(change).toMatchObject({
      code: 'SIGNED',
      message: '"Neglect audit" has been signed: its planned audit cannot be changed.',
    });
    const remove = await refusal(api['programme.remove']({ plannedId }));
    expect(remove.code).toBe('SIGNED');
    expect(logCount()).toBe(count);
    // Signed is not late, even after the window.
    now = new Date('2026-12-01T10:00:00Z');
    expect((await api['programme.list']({})).entries.find((e) => e.id === plannedId)!.late).toBe(false);
  });

  it('sets the re-audit due by the rule: the board’s months after first signing, not before the last action is due', async () => {
    const actions = await api['actions.list']({ auditId });
    const lastAction = actions
      .map((a) => a.dueDate)
      .sort()
      .at(-1)!;
    const due = (months: number) => {
      const interval = addMonths('2026-07-15', months);
      return lastAction > interval ? lastAction : interval;
    };
    const row = async () => (await api['programme.list']({})).reauditsDue.find((r) => r.auditId === auditId)!;
    expect(await row()).toMatchObject({ firstSignedOn: '2026-07-15', dueOn: due(12), plannedId: null, round: 1 });

    await api['programme.setSettings']({ reauditMonths: 1 });
    expect((await row()).dueOn).toBe(due(1));
    expect(app.ctx.repos.changeLog.history('setting', 'reauditMonths')).toMatchObject([
      { action: 'update', before: 12, after: 1 },
    ]);
    // An action due later than the interval holds the re-audit back to its date.
    const action = actions[0]!;
    await api['audits.newRevision']({ auditId });
    await api['actions.save']({
      id: action.id,
      auditId,
      recommendationId: action.recommendationId,
      text: action.text,
      leadAgencyId: action.leadAgencyId,
      ownerRole: action.ownerRole,
      dueDate: '2028-05-31',
      successMeasure: action.successMeasure,
    });
    now = new Date('2027-01-05T10:00:00Z');
    await sign(api, auditId);
    // The second revision does not move the date signed from; the later action does.
    expect(await row()).toMatchObject({ firstSignedOn: '2026-07-15', dueOn: '2028-05-31' });
    await api['programme.setSettings']({ reauditMonths: 12 });
  });

  it('plans the re-audit (the same template), then starts it as the next round; it is no longer due', async () => {
    const wrong = await refusal(
      api['programme.save'](plan({ year: 2027, templateId: 'child-protection-enquiries', reauditOf: auditId })),
    );
    expect(wrong.issues).toEqual([
      {
        path: ['templateId'],
        message: 'a re-audit uses the template of "Neglect audit", so its rounds stay comparable',
      },
    ]);
    const reaudit = await api['programme.save'](plan({ year: 2027, title: 'Neglect re-audit', reauditOf: auditId }));
    expect(reaudit.reauditOf).toEqual({ auditId, title: 'Neglect audit' });
    expect((await api['programme.list']({})).reauditsDue.find((r) => r.auditId === auditId)!.plannedId).toBe(
      reaudit.id,
    );
    const started = await api['programme.start']({ plannedId: reaudit.id });
    const round2 = (await api['audits.get']({ auditId: started.auditId })).audit;
    expect(round2).toMatchObject({ title: 'Neglect re-audit', round: 2 });
    expect((await api['programme.list']({})).reauditsDue.some((r) => r.auditId === auditId)).toBe(false);
    expect((await api['programme.list']({ year: 2027 })).entries[0]).toMatchObject({ status: 'started' });
  });

  it('puts a plan back to planned when its unsigned audit is deleted, and lists audits started outside the plan', async () => {
    now = new Date('2026-06-01T09:00:00Z');
    const dated = (await api['programme.list']({ year: 2026 })).entries.find((e) => e.title === 'Front door audit')!;
    const { auditId: startedId } = await api['programme.start']({ plannedId: dated.id });
    const other = await api['audits.create']({ title: 'An audit nobody planned', templateId: 'mash-front-door' });
    let programme = await api['programme.list']({ year: 2026 });
    expect(programme.unplanned.map((u) => u.title)).toEqual(['An audit nobody planned']);
    await api['audits.delete']({ auditId: startedId, confirm: true });
    programme = await api['programme.list']({ year: 2026 });
    expect(programme.entries.find((e) => e.id === dated.id)).toMatchObject({ status: 'planned', audit: null });
    await api['audits.archive']({ auditId: other.id });
    expect((await api['programme.list']({ year: 2026 })).unplanned).toEqual([]);
  });
});

describe('reminders', () => {
  it('lists open actions and re-audits due within the setting’s days or overdue, in Europe/London dates', async () => {
    // A second signed audit, with its actions' due dates from the demo.
    now = new Date('2026-06-01T09:00:00Z');
    const id = await buildDemoAudit(api, {
      title: 'Disability audit',
      agencyIds: [agencies.social, agencies.police],
      cases: 2,
      seed: 3,
    });
    await sign(api, id);
    const actions = (await api['actions.list']({})).filter((a) => a.status !== 'complete' && a.status !== 'verified');
    const firstDue = actions.map((a) => a.dueDate).sort()[0]!;
    // The evening before the first action is due, in London (23:30 BST is 22:30 UTC).
    const eve = addDays(firstDue, -1);
    now = new Date(`${eve}T22:30:00Z`);
    expect(londonDate(now)).toBe(eve);

    await api['settings.setReminders']({ daysAhead: 1, notify: true });
    expect(app.ctx.repos.changeLog.history('setting', 'reminders')).toMatchObject([
      { action: 'update', before: { daysAhead: 14, notify: true }, after: { daysAhead: 1, notify: true } },
    ]);
    const soon = await api['reminders.list']({});
    const expected = actions.filter((a) => a.dueDate <= firstDue).map((a) => `action:${a.id}`);
    expect(soon).toMatchObject({ today: eve, daysAhead: 1, until: firstDue, notify: true });
    expect(
      soon.items
        .filter((i) => i.kind === 'action')
        .map((i) => i.key)
        .sort(),
    ).toEqual(expected.sort());
    expect(soon.items.every((i) => i.days === 1 && !i.overdue)).toBe(true);

    // An hour later it is the due day in London: due today, not yet overdue; a day after, overdue.
    now = new Date(`${eve}T23:30:00Z`);
    expect((await api['reminders.list']({})).items.find((i) => i.key === expected[0])).toMatchObject({
      days: 0,
      overdue: false,
    });
    now = new Date(`${addDays(firstDue, 1)}T12:00:00Z`);
    expect((await api['reminders.list']({})).items.find((i) => i.key === expected[0])).toMatchObject({
      days: -1,
      overdue: true,
    });

    // A re-audit due: the disability audit's, once the horizon reaches its date.
    const due = (await api['programme.list']({})).reauditsDue.find((r) => r.auditId === id)!;
    await api['settings.setReminders']({ daysAhead: 90, notify: false });
    now = new Date(`${addDays(due.dueOn, -90)}T12:00:00Z`);
    const later = await api['reminders.list']({});
    expect(later.notify).toBe(false);
    expect(later.items.find((i) => i.key === `reaudit:${id}`)).toMatchObject({
      kind: 'reaudit',
      title: 'Re-audit of Disability audit',
      dueOn: due.dueOn,
      days: 90,
    });
    // Soonest first.
    expect(later.items.map((i) => i.dueOn)).toEqual([...later.items.map((i) => i.dueOn)].sort());
  });

  it('refuses a horizon out of range, writing nothing', async () => {
    const before = logCount();
    const e = await refusal(api['settings.setReminders']({ daysAhead: 0, notify: true }));
    expect(e.code).toBe('VALIDATION');
    expect(e.issues).toEqual([{ path: ['daysAhead'], message: 'remind at least 1 day ahead' }]);
    expect(logCount()).toBe(before);
  });
});
