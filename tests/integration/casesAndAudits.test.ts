// Correcting cases and putting audits away, on real databases: a case's details edited (checked as
// when added) or removed with everything of it, an audit archived out of the working lists, an audit
// never signed deleted to the last row. A signed audit refuses each change with SIGNED, writing and
// logging nothing; every change is in the change log, whose chain still verifies.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkDatabase } from '../../electron/maintenance.js';
import { writeMark } from '../../db/writeMark.js';
import type { Input } from '../../shared/contract.js';
import { completeAudit, installation, sign, type Installation } from '../helpers/installations.js';
import { tempDir } from '../helpers/tmp.js';

let t: ReturnType<typeof tempDir>;
let inst: Installation;
beforeEach(async () => {
  t = tempDir();
  inst = await installation(t.dir, 'auditor', { name: 'Sam Auditor', role: 'Independent auditor', agency: 'Ind' });
});
afterEach(() => {
  inst.app.close();
  t.cleanup();
});

const refusal = (p: Promise<unknown>) =>
  p.then(
    () => {
      throw new Error('expected a refusal');
    },
    (e: unknown) => {
      const { code, message, issues } = e as { code: string; message: string; issues: unknown[] };
      return { code, message, issues };
    },
  );
const changeLogOk = () => expect(checkDatabase(inst.app.db)).toMatchObject({ changeLog: { ok: true } });
const history = (entity: string, id: string) => inst.app.ctx.repos.changeLog.history(entity, id);
const count = (sql: string, ...args: unknown[]) => (inst.app.db.prepare(sql).get(...args) as { n: number }).n;

/** Every table's rows, but the change log (it only grows), FTS5's own shadow tables (a deletion is
 * written as a new segment) and the figures counted in the background from signed revisions alone. */
function allTableCounts(): Record<string, number> {
  const tables = inst.app.db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
    .all() as Array<{ name: string }>;
  return Object.fromEntries(
    tables
      .map((r) => r.name)
      .filter((n) => !/^search_index_/.test(n) && !['change_log', 'signed_figures', 'signed_totals'].includes(n))
      .sort()
      .map((n) => [n, count(`SELECT count(*) AS n FROM "${n}"`)]),
  );
}

/** The rows any table holds for the audit, found by every column named audit_id (tables added later too). */
function rowsNamingAudit(auditId: string): Record<string, number> {
  const tables = inst.app.db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
    .all() as Array<{ name: string }>;
  const out: Record<string, number> = {};
  for (const { name } of tables) {
    const cols = inst.app.db.prepare(`SELECT name FROM pragma_table_info(?)`).all(name) as Array<{ name: string }>;
    for (const col of cols.filter((c) => c.name === 'audit_id' || c.name === 'verified_by_audit_id'))
      out[`${name}.${col.name}`] = count(`SELECT count(*) AS n FROM "${name}" WHERE "${col.name}" = ?`, auditId);
  }
  return out;
}

async function caseInput(auditId: string): Promise<Input<'cases.update'>> {
  const detail = await inst.api['audits.get']({ auditId });
  const c = detail.cases[0]!;
  return {
    caseId: c.id,
    reference: c.reference,
    ageBand: c.ageBand,
    gender: c.gender,
    ethnicity: c.ethnicity,
    disability: c.disability,
    planType: c.planType,
    agencyIds: c.agencyIds,
  };
}

describe('editing a case before signing', () => {
  it('corrects the reference, logged with before and after', async () => {
    const auditId = await completeAudit(inst.api, 'Neglect audit');
    const input = await caseInput(auditId);
    const updated = await inst.api['cases.update']({ ...input, reference: '  NEG-0042 ', planType: 'child_in_need' });
    expect(updated).toMatchObject({ id: input.caseId, reference: 'NEG-0042', planType: 'child_in_need' });
    expect((await inst.api['audits.get']({ auditId })).cases.find((c) => c.id === input.caseId)!.reference).toBe(
      'NEG-0042',
    );
    const [record] = history('case', input.caseId).filter((r) => r.action === 'update');
    expect(record!.before).toMatchObject({ reference: input.reference });
    expect(record!.after).toMatchObject({ reference: 'NEG-0042', planType: 'child_in_need' });
    changeLogOk();
  });

  it('refuses a reference that looks like a personal identifier, at its path, unless confirmed', async () => {
    const auditId = await completeAudit(inst.api, 'Neglect audit');
    const input = await caseInput(auditId);
    const mark = writeMark(inst.app.db);
    const r = await refusal(inst.api['cases.update']({ ...input, reference: 'Jane Smith' }));
    expect(r).toMatchObject({ code: 'VALIDATION', issues: [{ path: ['reference'] }] });
    expect(r.message).toMatch(/looks like a personal name/);
    expect(writeMark(inst.app.db)).toBe(mark);
    // The same refusal as when adding, and the same confirmation lets it through.
    const confirmed = await inst.api['cases.update']({ ...input, reference: 'Jane Smith', confirmReference: true });
    expect(confirmed.referenceFlags).toEqual(['looks_like_name']);
  });

  it('refuses the reference of another case of the audit, but keeps its own', async () => {
    const auditId = await completeAudit(inst.api, 'Neglect audit');
    const [first, second] = (await inst.api['audits.get']({ auditId })).cases;
    const input = await caseInput(auditId);
    expect(
      await refusal(inst.api['cases.update']({ ...input, reference: second!.reference.toLowerCase() })),
    ).toMatchObject({ code: 'CONFLICT', issues: [{ path: ['reference'] }] });
    // Unchanged (or in another case of letters) is its own reference, not a clash.
    await inst.api['cases.update']({ ...input, reference: first!.reference.toLowerCase() });
  });

  it('adds and takes off agencies; taking off one with answers asks for confirmation', async () => {
    const auditId = await completeAudit(inst.api, 'Neglect audit');
    const board = (await inst.api['board.get']({}))!;
    const schools = board.agencies.find((a) => a.kind === 'schools')!.id;
    const input = await caseInput(auditId);
    const [kept, ...dropped] = input.agencyIds;
    const withSchools = await inst.api['cases.update']({ ...input, agencyIds: [...input.agencyIds, schools] });
    expect(withSchools.agencyIds.sort()).toEqual([...input.agencyIds, schools].sort());
    if (dropped.length > 0) {
      const r = await refusal(inst.api['cases.update']({ ...input, agencyIds: [kept!] }));
      expect(r).toMatchObject({ code: 'CONFLICT', issues: [{ path: ['confirm'] }] });
      expect(r.message).toMatch(/answers?: confirm/);
    }
    const after = await inst.api['cases.update']({ ...input, agencyIds: [kept!], confirm: true });
    expect(after.agencyIds).toEqual([kept]);
    expect(count('SELECT count(*) AS n FROM checklist WHERE case_id = ?', input.caseId)).toBe(1);
    changeLogOk();
  });
});

describe('removing a case before signing', () => {
  it('asks for confirmation when it has answers, then removes it and everything of it, logged', async () => {
    const auditId = await completeAudit(inst.api, 'Neglect audit');
    const { caseId, reference } = await caseInput(auditId);
    const board = (await inst.api['board.get']({}))!;
    const agencyId = board.agencies[0]!.id;
    await inst.api['grades.set']({ caseId, agencyId: null, grade: 'good', rationale: 'Timely and child-centred' });
    await inst.api['discussions.save']({
      caseId,
      heldOn: '2026-11-21',
      attendees: [{ role: 'Social worker', agencyId }],
      agreed: 'Agreed',
      disagreements: '',
    });
    const answers = count(
      'SELECT count(*) AS n FROM answer a JOIN checklist k ON k.id = a.checklist_id WHERE k.case_id = ?',
      caseId,
    );
    expect(answers).toBeGreaterThan(0);

    const mark = writeMark(inst.app.db);
    const r = await refusal(inst.api['cases.remove']({ caseId }));
    expect(r).toMatchObject({ code: 'CONFLICT', issues: [{ path: ['confirm'] }] });
    expect(r.message).toContain(`${answers} answers`);
    expect(writeMark(inst.app.db)).toBe(mark);

    // The grade set above and those its checklists' grade questions gave (one value each).
    const grades = count('SELECT count(*) AS n FROM case_grade WHERE case_id = ?', caseId);
    expect(grades).toBeGreaterThanOrEqual(1);
    const citing = (await inst.api['findings.list']({ auditId })).filter((f) => f.caseIds.includes(caseId));
    const removed = await inst.api['cases.remove']({ caseId, confirm: true });
    expect(removed).toEqual({
      removed: true,
      caseId,
      auditId,
      reference,
      contents: { checklists: expect.any(Number), answers, grades, discussions: 1 },
      findingsUpdated: citing.length,
    });
    const byCase = (table: string) => count(`SELECT count(*) AS n FROM ${table} WHERE case_id = ?`, caseId);
    expect({
      cases: count('SELECT count(*) AS n FROM audit_case WHERE id = ?', caseId),
      checklists: byCase('checklist'),
      grades: byCase('case_grade'),
      discussions: byCase('case_discussion'),
      answers: count('SELECT count(*) AS n FROM answer WHERE checklist_id NOT IN (SELECT id FROM checklist)'),
      evidenceIndexed: count(
        "SELECT count(*) AS n FROM search_index WHERE kind = 'evidence' AND ref_id NOT IN (SELECT checklist_id || '/' || question_id FROM answer)",
      ),
      findingsCiting: (await inst.api['findings.list']({ auditId })).filter((f) => f.caseIds.includes(caseId)).length,
    }).toEqual({
      cases: 0,
      checklists: 0,
      grades: 0,
      discussions: 0,
      answers: 0,
      evidenceIndexed: 0,
      findingsCiting: 0,
    });
    const [record] = history('case', caseId).filter((x) => x.action === 'remove');
    expect(record).toMatchObject({ before: { reference, contents: { answers } }, after: null });
    changeLogOk();
    // The audit can still be signed without it.
    await sign(inst.api, auditId);
  });

  it('removes a case without answers without asking', async () => {
    const [template] = await inst.api['templates.list']({});
    const audit = await inst.api['audits.create']({ title: 'Planned', templateId: template!.id });
    const board = (await inst.api['board.get']({}))!;
    const c = await inst.api['cases.add']({
      auditId: audit.id,
      reference: 'P-1',
      ageBand: '5-9',
      gender: 'male',
      ethnicity: 'mixed',
      disability: 'no',
      planType: 'child_in_need',
      agencyIds: [board.agencies[1]!.id],
    });
    expect(await inst.api['cases.remove']({ caseId: c.id })).toMatchObject({ removed: true, contents: { answers: 0 } });
    expect((await inst.api['audits.get']({ auditId: audit.id })).cases).toEqual([]);
  });
});

describe('a signed audit', () => {
  it('refuses editing and removing its cases and deleting it, with SIGNED, writing and logging nothing', async () => {
    const auditId = await completeAudit(inst.api, 'Neglect audit');
    await sign(inst.api, auditId);
    const input = await caseInput(auditId);
    const mark = writeMark(inst.app.db);
    const seen = [
      await refusal(inst.api['cases.update']({ ...input, reference: 'NEG-1' })),
      await refusal(inst.api['cases.remove']({ caseId: input.caseId, confirm: true })),
      await refusal(inst.api['audits.delete']({ auditId, confirm: true })),
    ];
    expect(seen.map((r) => r.code)).toEqual(['SIGNED', 'SIGNED', 'SIGNED']);
    expect(writeMark(inst.app.db)).toBe(mark);
  });

  it('once it has a new revision, is still not deleted (a signed revision exists), but its cases can be corrected', async () => {
    const auditId = await completeAudit(inst.api, 'Neglect audit');
    await sign(inst.api, auditId);
    await inst.api['audits.newRevision']({ auditId });
    expect(await refusal(inst.api['audits.delete']({ auditId, confirm: true }))).toMatchObject({ code: 'SIGNED' });
    const input = await caseInput(auditId);
    expect(await inst.api['cases.update']({ ...input, reference: 'NEG-REV2' })).toMatchObject({
      reference: 'NEG-REV2',
    });
  });
});

describe('archiving audits', () => {
  it('takes an audit (signed or not) out of the working list, keeps it in the others, and logs each change', async () => {
    const signedId = await completeAudit(inst.api, 'Signed audit');
    await sign(inst.api, signedId);
    const workingId = await completeAudit(inst.api, 'Working audit', { seed: 3 });
    const titles = async (archived?: 'exclude' | 'only' | 'include') =>
      (await inst.api['audits.list'](archived ? { archived } : {})).map((a) => a.title).sort();

    const archived = await inst.api['audits.archive']({ auditId: signedId });
    expect(archived.archivedAt).not.toBeNull();
    expect(await titles()).toEqual(['Working audit']);
    expect(await titles('only')).toEqual(['Signed audit']);
    expect(await titles('include')).toEqual(['Signed audit', 'Working audit']);
    // Still there to open and report on.
    expect((await inst.api['audits.get']({ auditId: signedId })).audit.archivedAt).toBe(archived.archivedAt);
    expect((await inst.api['reports.audit']({ auditId: signedId, format: 'pdf' })).base64.length).toBeGreaterThan(0);

    // Archiving again changes nothing.
    const mark = writeMark(inst.app.db);
    await inst.api['audits.archive']({ auditId: signedId });
    expect(writeMark(inst.app.db)).toBe(mark);

    expect((await inst.api['audits.unarchive']({ auditId: signedId })).archivedAt).toBeNull();
    expect(await titles()).toEqual(['Signed audit', 'Working audit']);
    expect(history('audit', signedId).map((r) => r.action)).toEqual(expect.arrayContaining(['archive', 'unarchive']));
    await inst.api['audits.archive']({ auditId: workingId });
    expect(await titles()).toEqual(['Signed audit']);
    changeLogOk();
  });
});

describe('deleting an audit never signed', () => {
  it('asks for confirmation, then removes every row of it and nothing else, logged', async () => {
    // Another audit, signed, whose rows must all stay.
    const keptId = await completeAudit(inst.api, 'Kept audit');
    await sign(inst.api, keptId);
    const before = allTableCounts();
    const searchBefore = count('SELECT count(*) AS n FROM search_index');

    const auditId = await completeAudit(inst.api, 'Entered by mistake', { seed: 5 });
    const board = (await inst.api['board.get']({}))!;
    const agencyId = board.agencies[0]!.id;
    const action = (await inst.api['actions.list']({ auditId }))[0]!;
    await inst.api['actions.addUpdate']({ actionId: action.id, note: 'Template drafted', status: 'on_track' });
    const { caseId } = await caseInput(auditId);
    await inst.api['grades.set']({ caseId, agencyId: null, grade: 'good', rationale: 'Good' });
    await inst.api['discussions.save']({
      caseId,
      heldOn: '2026-11-21',
      attendees: [{ role: 'Social worker', agencyId }],
      agreed: 'Agreed',
      disagreements: '',
    });
    const panel = await inst.api['panels.create']({ auditId, title: 'Partners’ panel', heldOn: '2026-12-01' });
    await inst.api['panels.addItem']({ panelId: panel.id, subject: 'The front door' });
    const during = allTableCounts();
    expect(during.action_update).toBeGreaterThan(before.action_update!);
    expect(during.panel_item).toBeGreaterThan(before.panel_item!);
    expect(count('SELECT count(*) AS n FROM search_index WHERE audit_id = ?', auditId)).toBeGreaterThan(0);

    const mark = writeMark(inst.app.db);
    const r = await refusal(inst.api['audits.delete']({ auditId }));
    expect(r).toMatchObject({ code: 'CONFLICT', issues: [{ path: ['confirm'] }] });
    expect(writeMark(inst.app.db)).toBe(mark);

    const deleted = await inst.api['audits.delete']({ auditId, confirm: true });
    expect(deleted).toMatchObject({ deleted: true, auditId, title: 'Entered by mistake', cases: 2 });
    expect(deleted.answers).toBeGreaterThan(0);

    expect(allTableCounts()).toEqual(before);
    expect(count('SELECT count(*) AS n FROM search_index')).toBe(searchBefore);
    expect(Object.values(rowsNamingAudit(auditId)).every((n) => n === 0)).toBe(true);
    expect(count('SELECT count(*) AS n FROM search_index WHERE audit_id = ?', auditId)).toBe(0);
    expect(count('SELECT count(*) AS n FROM audit_deletion WHERE audit_id IS NOT NULL')).toBe(0);
    expect(await refusal(inst.api['audits.get']({ auditId }))).toMatchObject({ code: 'NOT_FOUND' });
    const deletion = history('audit', auditId).at(-1)!;
    expect(deletion).toMatchObject({
      action: 'delete',
      before: { title: 'Entered by mistake', templateId: expect.any(String), answers: deleted.answers },
      after: null,
    });
    expect((deletion.before as { cases: Array<{ reference: string }> }).cases).toHaveLength(2);
    changeLogOk();
    // The kept audit is as it was.
    expect((await inst.api['audits.get']({ auditId: keptId })).audit.status).toBe('signed');
  });

  it('still keeps progress updates as history outside a deletion', async () => {
    const auditId = await completeAudit(inst.api, 'Plan');
    const action = (await inst.api['actions.list']({ auditId }))[0]!;
    await inst.api['actions.addUpdate']({ actionId: action.id, note: 'Started', status: 'on_track' });
    expect(() => inst.app.db.prepare('DELETE FROM action_update').run()).toThrow(/history/);
    // Naming an audit that has been signed does not open the door either.
    await sign(inst.api, auditId);
    inst.app.db.prepare('UPDATE audit_deletion SET audit_id = ? WHERE id = 1').run(auditId);
    expect(() => inst.app.db.prepare('DELETE FROM action_update').run()).toThrow(/history/);
  });

  it('refuses while a later round of it has been started', async () => {
    const firstId = await completeAudit(inst.api, 'Round one');
    await inst.api['audits.startReaudit']({ auditId: firstId, title: 'Round two' });
    expect(await refusal(inst.api['audits.delete']({ auditId: firstId, confirm: true }))).toMatchObject({
      code: 'CONFLICT',
    });
  });
});
