// Retention on a real encrypted database: what is past its period is listed, a legal hold keeps an
// audit, and deleting one removes its text from every table, the search index, the file's free pages
// and old backups, while the change log still verifies and holds only ids and counts of the deletion.
import { copyFileSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp } from '../../electron/app.js';
import { backupDatabase, listBackups } from '../../db/backup.js';
import { openDatabase } from '../../db/open.js';
import type { Api } from '../../shared/contract.js';
import { apiOver } from '../helpers/client.js';
import { setUpBoard } from '../helpers/fixtures.js';
import { completeAudit, exportedBytes, introduce, sign, type Installation } from '../helpers/installations.js';
import { tempDir } from '../helpers/tmp.js';

const KEY = Buffer.alloc(32, 7);
const TEXT = 'Zanzibarquokka seen alone by the health visitor';
const WORD = 'zanzibarquokka';
const t = tempDir();
const path = join(t.dir, 'retention.db');
let clock = new Date('2018-03-01T10:00:00.000Z');
let app = openApp(path, { key: KEY, clock: () => clock, actor: 'records.officer@test', dailyBackup: false });
let api: Api = apiOver(app.dispatch);
let signedId: string;
let heldId: string;
let recentId: string;

async function setEvidence(auditId: string, text: string) {
  const detail = await api['audits.get']({ auditId });
  const checklistId = detail.checklists[0]!.id;
  const answered = (await api['checklists.get']({ checklistId })).answers.find((a) => a.value !== null)!;
  await api['answers.save']({
    checklistId,
    questionId: answered.questionId,
    value: answered.value,
    notApplicableReason: answered.notApplicableReason,
    evidence: text,
  });
}

/** The database decrypted into a copy, every page of it (free pages too), as bytes. */
function decryptedBytes(file: string): Buffer {
  const copy = `${file}.plain-${Date.now()}`;
  copyFileSync(file, copy);
  const db = openDatabase(copy, { key: KEY, migrate: false });
  db.pragma('journal_mode = DELETE'); // SQLite3MultipleCiphers rekeys only outside WAL
  db.pragma("rekey = ''");
  db.close();
  return readFileSync(copy);
}

/** Every table's rows (but the change log's) with the text in any column. */
function rowsHolding(word: string): string[] {
  const db = openDatabase(path, { key: KEY });
  try {
    const tables = db
      .prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
      .all()
      .map((r) => r.name);
    const found: string[] = [];
    for (const table of tables) {
      const cols = db.prepare<[], { name: string }>(`SELECT name FROM pragma_table_info('${table}')`).all();
      if (cols.length === 0) continue;
      const where = cols.map((c) => `lower(CAST("${c.name}" AS TEXT)) LIKE '%' || ? || '%'`).join(' OR ');
      const n = db
        .prepare<string[], { n: number }>(`SELECT count(*) AS n FROM "${table}" WHERE ${where}`)
        .get(...cols.map(() => word))!.n;
      if (n > 0) found.push(table);
    }
    return found;
  } finally {
    db.close();
  }
}

beforeAll(async () => {
  await setUpBoard(api);
  await api['identity.create']({ name: 'Sam Auditor', role: 'Independent auditor', agency: 'Ind' });
  signedId = await completeAudit(api, 'Neglect audit 2018');
  await setEvidence(signedId, TEXT);
  await sign(api, signedId);
  heldId = await completeAudit(api, 'CSE audit 2018', { seed: 3 });
  // A backup made then, holding the text, and dated then.
  backupDatabase(app.db, path, 'manual', clock);
  clock = new Date('2026-06-01T10:00:00.000Z');
  recentId = await completeAudit(api, 'MASH audit 2026', { seed: 5 });
}, 60_000);
afterAll(() => {
  app.close();
  t.cleanup();
});

describe('retention', () => {
  it('has documented defaults the partnership can change, in the change log', async () => {
    expect(await api['retention.settings']({})).toEqual({
      working: 24,
      signed: 84,
      received: 84,
      changeLog: 84,
      backups: 3,
    });
    const changed = await api['retention.setSettings']({
      working: 24,
      signed: 84,
      received: 84,
      changeLog: 84,
      backups: 6,
    });
    expect(changed.backups).toBe(6);
    await api['retention.setSettings']({ working: 24, signed: 84, received: 84, changeLog: 84, backups: 3 });
    expect(app.ctx.repos.changeLog.history('setting', 'retention')).toHaveLength(2);
  });

  it('lists what is past its period with why, and held audits apart', async () => {
    const hold = await api['legalHold.set']({ auditId: heldId, reason: 'Inquiry into the 2018 CSE cases' });
    expect(hold).toMatchObject({
      auditId: heldId,
      heldBy: 'records.officer@test',
      reason: 'Inquiry into the 2018 CSE cases',
    });
    const review = await api['retention.review']({});
    expect(review.audits.map((a) => a.auditId)).toEqual([signedId]);
    expect(review.audits[0]).toMatchObject({ kind: 'signed' });
    expect(review.audits[0]!.why).toMatch(
      /^a signed audit, last changed 2018-03-01: kept for 84 months, until 2025-03-01$/,
    );
    expect(review.held.map((a) => [a.auditId, a.kind, a.hold.reason])).toEqual([
      [heldId, 'working', 'Inquiry into the 2018 CSE cases'],
    ]);
    expect(review.audits.concat(review.held).some((a) => a.auditId === recentId)).toBe(false);
    expect(review.backups).toHaveLength(1);
    expect(review.changeLog.records).toBeGreaterThan(0);
    expect(app.ctx.repos.changeLog.history('legal_hold', heldId)).toMatchObject([{ action: 'set' }]);
  });

  it('refuses held and not-yet-due audits, naming them, and anything unconfirmed', async () => {
    await expect(api['retention.delete']({ auditIds: [signedId, heldId], confirm: true })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('under a legal hold, so not deleted: "CSE audit 2018"'),
    });
    await expect(api['retention.delete']({ auditIds: [recentId], confirm: true })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('not yet past the retention period: "MASH audit 2026" (kept until 2028-06-01)'),
    });
    await expect(api['retention.delete']({ auditIds: [signedId] })).rejects.toMatchObject({
      code: 'CONFLICT',
      issues: [{ path: ['confirm'] }],
    });
    expect(app.ctx.repos.audits.get(heldId)?.title).toBe('CSE audit 2018');
    expect(app.ctx.repos.audits.get(signedId)?.title).toBe('Neglect audit 2018');
    // The signed rows stay protected by the database itself outside the deletion.
    expect(() => app.db.prepare('DELETE FROM audit_revision WHERE audit_id = ?').run(signedId)).toThrow(/immutable/);
    expect(() => app.db.prepare('DELETE FROM audit WHERE id = ?').run(heldId)).toThrow(/legal hold/);
  });

  it('deletes a signed audit past its period: no table, index, free page or old backup keeps its text', async () => {
    app.close();
    expect(decryptedBytes(path).includes(WORD.slice(0, 8))).toBe(true); // the control: the text is there
    app = openApp(path, { key: KEY, clock: () => clock, actor: 'records.officer@test', dailyBackup: false });
    api = apiOver(app.dispatch);
    expect(await api['search.query']({ q: WORD })).not.toHaveLength(0);
    const seqBefore = app.ctx.repos.changeLog.verify().records;

    const deleted = await api['retention.delete']({ auditIds: [signedId], backups: true, confirm: true });
    expect(deleted.audits).toMatchObject([{ auditId: signedId, kind: 'signed', revisions: 1 }]);
    expect(deleted.backups).toHaveLength(1);
    expect(listBackups(path)).toHaveLength(0);
    expect(app.ctx.repos.changeLog.history('backup', deleted.backups[0]!)).toMatchObject([
      { action: 'retention.delete' },
    ]);
    await expect(api['audits.get']({ auditId: signedId })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await api['search.query']({ q: WORD })).toEqual([]);

    // The change log verifies; the deletion's record holds ids and counts only.
    expect(app.ctx.repos.changeLog.verify()).toMatchObject({ ok: true });
    const record = app.ctx.repos.changeLog.history('audit', signedId).at(-1)!;
    expect(record).toMatchObject({ action: 'retention.delete', before: null });
    expect(Object.keys(record.after as object).sort()).toEqual(['dueSince', 'kind', 'revisions', 'rows']);
    expect(JSON.stringify(record)).not.toContain('Neglect');

    // Earlier change-log records keep their hashes and so their content: the answers as they were saved.
    const db = app.db;
    const holding = db
      .prepare<[string], { seq: number; entity: string }>(
        "SELECT seq, entity FROM change_log WHERE lower(coalesce(before, '') || coalesce(after, '')) LIKE '%' || ? || '%'",
      )
      .all(WORD);
    expect(holding.length).toBeGreaterThan(0);
    expect(new Set(holding.map((r) => r.entity))).toEqual(new Set(['answer']));
    expect(holding.every((r) => r.seq <= seqBefore)).toBe(true);

    app.close();
    // No other table holds it (the FTS tables included), nor any page of the file once decrypted but the change log's.
    expect(rowsHolding(WORD)).toEqual(['change_log']);
    app = openApp(path, { key: KEY, clock: () => clock, actor: 'records.officer@test', dailyBackup: false });
    api = apiOver(app.dispatch);
    const fts = app.db.prepare<[], { n: number }>(
      `SELECT count(*) AS n FROM search_index_data WHERE instr(block, CAST('${WORD}' AS BLOB)) > 0`,
    );
    expect(fts.get()!.n).toBe(0);
    expect(existsSync(`${path}-wal`) ? readFileSync(`${path}-wal`).length : 0).toBe(0);
    // A backup made after the deletion does not hold it either.
    const after = await api['backups.create']({});
    expect(decryptedBytes(join(t.dir, 'backups', after.name)).includes(WORD)).toBe(false);
  });

  it('removes change-log records past their period as a prefix, and the chain still verifies from its anchor', async () => {
    const before = app.ctx.repos.changeLog.verify();
    const out = await api['retention.delete']({ changeLog: true, confirm: true });
    expect(out.changeLogRecords).toBeGreaterThan(0);
    expect(app.ctx.repos.changeLog.verify()).toEqual({ ok: true, records: before.records - out.changeLogRecords + 1 });
    app.close();
    expect(rowsHolding(WORD)).toEqual([]);
    expect(decryptedBytes(path).includes(WORD)).toBe(false);
    app = openApp(path, { key: KEY, clock: () => clock, actor: 'records.officer@test', dailyBackup: false });
    api = apiOver(app.dispatch);
    // Released, the held audit can go.
    await api['legalHold.release']({ auditId: heldId, reason: 'Inquiry closed' });
    const gone = await api['retention.delete']({ auditIds: [heldId], confirm: true });
    expect(gone.audits).toMatchObject([{ auditId: heldId, kind: 'working', revisions: 0 }]);
    expect(app.db.prepare('SELECT count(*) AS n FROM legal_hold').get()).toEqual({ n: 0 });
    expect(app.ctx.repos.changeLog.history('legal_hold', heldId).map((r) => r.action)).toEqual(['set', 'release']);
    expect(app.ctx.repos.changeLog.verify()).toMatchObject({ ok: true });
  });
});

describe('an audit received in a bundle', () => {
  it('is kept for the received period from its import, then deleted with its revision, pin and bundle record', async () => {
    let at = new Date('2018-05-01T09:00:00.000Z');
    const open = async (name: string): Promise<Installation> => {
      const p = join(t.dir, `${name}.db`);
      const a = openApp(p, { key: KEY, clock: () => at, actor: name, dailyBackup: false, backgroundIndexing: false });
      const i = { app: a, api: apiOver(a.dispatch), path: p };
      await setUpBoard(i.api);
      await i.api['identity.create']({ name: `${name} person`, role: 'Role', agency: 'Agency' });
      return i;
    };
    const auditor = await open('auditor');
    const qa = await open('qa');
    try {
      await introduce(auditor, qa);
      const auditId = await completeAudit(auditor.api, 'Disability audit 2018');
      await sign(auditor.api, auditId);
      const bytes = await exportedBytes(auditor, auditId);
      await qa.api['bundles.import']({ fileName: 'a.caseaudit', base64: bytes.toString('base64') });
      at = new Date('2024-05-01T09:00:00.000Z');
      expect((await qa.api['retention.review']({})).audits).toEqual([]);
      at = new Date('2025-05-02T09:00:00.000Z');
      const review = await qa.api['retention.review']({});
      expect(review.audits.map((a) => [a.auditId, a.kind])).toEqual([[auditId, 'received']]);
      const out = await qa.api['retention.delete']({ auditIds: [auditId], confirm: true });
      expect(out.audits).toMatchObject([{ auditId, kind: 'received', revisions: 1 }]);
      for (const table of ['audit', 'audit_revision', 'audit_pin', 'imported_bundle'])
        expect(
          qa.app.db
            .prepare(`SELECT count(*) AS n FROM ${table} WHERE ${table === 'audit' ? 'id' : 'audit_id'} = ?`)
            .get(auditId),
          table,
        ).toEqual({ n: 0 });
      expect(qa.app.ctx.repos.changeLog.verify()).toMatchObject({ ok: true });
    } finally {
      auditor.app.close();
      qa.app.close();
    }
  }, 60_000);
});
