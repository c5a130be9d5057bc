// The QA dashboard, the action tracker's filters and search, checked on a generated board of the
// scale model (bench/generate.ts, docs/performance.md) against SQL written here, independently of the
// repositories and services: the programme's stages, action counts overall and by agency, grades, every
// heatmap cell, the re-audit series, actions.list with each filter, and search hit counts and context.
// The dashboard is checked twice: on its first call, which counts the signed audits and stores their
// figures, and after the database is opened again, when those come from the stored rows
// (electron/services/signedFigures.ts). The generator is deterministic (same seed and scale, same
// board), so a failure here reproduces.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, type CaseAuditApp } from '../../electron/app.js';
import { apiOver } from '../../electron/rpc/apiClient.js';
import type { Api } from '../../shared/contract.js';
import type { Dashboard } from '../../shared/dashboard.js';
import { obtainDatabaseKey } from '../../electron/security/databaseKey.js';
import { copyBoard } from '../helpers/generatedBoards.js';
import { tempDir } from '../helpers/tmp.js';

const SCALE = 0.1;
const SEED = 2017;
/** Months after signing when a re-audit falls due, as docs/findings.md and the dashboard define it. */
const REAUDIT_MONTHS = 6;

const t = tempDir('case-audit-dash-scale-');
let app: CaseAuditApp;
let api: Api;
let dashboard: Dashboard;
/** The dashboard after opening the database again, and the audits whose answers it read. */
let reopened: Dashboard;
let readAfterReopening: string[];
let today: string;
let reauditDueBefore: string;

const all = <T>(sql: string, ...params: unknown[]): T[] => app.db.prepare(sql).all(...params) as T[];
const one = <T>(sql: string, ...params: unknown[]): T => app.db.prepare(sql).get(...params) as T;

/** Today in England, for "overdue" (due before today, Europe/London). */
function londonToday(): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/London',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date());
}

beforeAll(async () => {
  const dbPath = `${t.dir}/board.db`;
  // The scale model's board, made once per test run and copied (tests/helpers/generatedBoards.ts).
  const { passphrase } = copyBoard({ scale: SCALE, seed: SEED }, dbPath);
  const key = await obtainDatabaseKey(dbPath, () => Promise.resolve(passphrase));
  app = openApp(dbPath, { key, dailyBackup: false, backgroundIndexing: false, actor: 'test' });
  api = apiOver(app.dispatch);
  // Every generated audit is signed; a re-audit started and a new audit give the programme the other stages.
  const signed = all<{ id: string }>(
    `SELECT id FROM audit a WHERE round = (SELECT max(round) FROM audit b WHERE b.series_id = a.series_id)
     ORDER BY updated_at LIMIT 1`,
  );
  await api['audits.startReaudit']({ auditId: signed[0]!.id, title: 'Fictional re-audit started in the test' });
  const templateId = one<{ id: string }>('SELECT template_id AS id FROM audit LIMIT 1').id;
  await api['audits.create']({ title: 'Fictional planned audit', templateId });

  today = londonToday();
  const cutoff = new Date();
  cutoff.setMonth(cutoff.getMonth() - REAUDIT_MONTHS);
  reauditDueBefore = cutoff.toISOString();
  dashboard = await api['dashboard.get']({});

  app.close();
  app = openApp(dbPath, { key, dailyBackup: false, backgroundIndexing: false, actor: 'test' });
  api = apiOver(app.dispatch);
  readAfterReopening = [];
  const checklists = app.ctx.repos.checklists;
  const read = checklists.answerValuesForAudit;
  checklists.answerValuesForAudit = (auditId) => {
    readAfterReopening.push(auditId);
    return read(auditId);
  };
  reopened = await api['dashboard.get']({});
}, 600_000); // The first suite of a run to ask for the board makes it (minutes on a loaded machine).

afterAll(() => {
  app?.close();
  t.cleanup();
});

describe(`the dashboard's stored figures on a generated board (scale ${SCALE})`, () => {
  it('are stored for every signed audit by the first call, and read back after reopening', () => {
    const signed = all<{ id: string; revision: number }>(
      "SELECT id, revision FROM audit WHERE status = 'signed' ORDER BY id",
    );
    expect(signed.length).toBeGreaterThanOrEqual(8);
    expect(all('SELECT audit_id AS id, revision FROM signed_figures ORDER BY audit_id')).toEqual(signed);
    // After reopening, only the audits not signed were counted from their answers.
    const notSigned = all<{ id: string }>("SELECT id FROM audit WHERE status <> 'signed' ORDER BY id").map((r) => r.id);
    expect(notSigned.length).toBeGreaterThanOrEqual(2);
    expect([...new Set(readAfterReopening)].sort()).toEqual(notSigned);
    expect(reopened).toEqual(dashboard);
  });
});

describe.each([
  ['on its first call', () => dashboard],
  ['after reopening the database (stored figures)', () => reopened],
])(`the dashboard on a generated board (scale ${SCALE}), %s`, (_when, current) => {
  let dashboard: Dashboard;
  beforeAll(() => {
    dashboard = current();
  });

  it('has the data the checks need', () => {
    const n = (table: string) => one<{ n: number }>(`SELECT count(*) AS n FROM ${table}`).n;
    expect(n('audit')).toBeGreaterThanOrEqual(8);
    expect(n('answer')).toBeGreaterThan(10_000);
    expect(n('action')).toBeGreaterThan(100);
    expect(n('case_grade')).toBeGreaterThan(100);
  });

  it('gives every audit its stage, cases and open and overdue actions', () => {
    const rows = all<{ id: string; stage: string; cases: number; open: number; overdue: number }>(
      `SELECT a.id,
         CASE
           WHEN a.status = 'signed' AND a.updated_at < @cutoff
                AND NOT EXISTS (SELECT 1 FROM audit later WHERE later.series_id = a.series_id AND later.round > a.round)
             THEN 'reaudit_due'
           WHEN a.origin = 'imported' THEN 'imported'
           WHEN a.status = 'signed' THEN 'signed'
           WHEN NOT EXISTS (SELECT 1 FROM audit_case c WHERE c.audit_id = a.id) THEN 'planned'
           ELSE 'in_progress'
         END AS stage,
         (SELECT count(*) FROM audit_case c WHERE c.audit_id = a.id) AS cases,
         (SELECT count(*) FROM action x WHERE x.audit_id = a.id AND x.status NOT IN ('complete', 'verified')) AS open,
         (SELECT count(*) FROM action x WHERE x.audit_id = a.id AND x.status NOT IN ('complete', 'verified')
            AND x.due_date < @today) AS overdue
       FROM audit a`,
      { cutoff: reauditDueBefore, today },
    );
    const got = new Map(dashboard.programme.map((p) => [p.auditId, p]));
    expect(got.size).toBe(rows.length);
    for (const r of rows) {
      const p = got.get(r.id);
      expect(p, r.id).toBeDefined();
      expect({ id: r.id, stage: p!.stage, cases: p!.cases, open: p!.openActions, overdue: p!.overdueActions }).toEqual(
        r,
      );
    }
    // Not one stage for all: the check would pass trivially.
    const stages = new Set(rows.map((r) => r.stage));
    expect(stages).toContain('planned');
    expect(stages.size).toBeGreaterThanOrEqual(3);
  });

  it('counts open, overdue, complete and verified actions, overall and by lead agency', () => {
    const byStatus = all<{ status: string; due_date: string }>('SELECT status, due_date FROM action');
    const isOpen = (a: { status: string }) => a.status !== 'complete' && a.status !== 'verified';
    expect(dashboard.actions).toEqual({
      open: byStatus.filter(isOpen).length,
      overdue: byStatus.filter((a) => isOpen(a) && a.due_date < today).length,
      complete: byStatus.filter((a) => a.status === 'complete').length,
      verified: byStatus.filter((a) => a.status === 'verified').length,
    });
    expect(dashboard.actions.overdue).toBeGreaterThan(0);
    expect(dashboard.actions.complete + dashboard.actions.verified).toBeGreaterThan(0);

    const agencies = all<{ id: string; name: string }>('SELECT id, name FROM agency');
    expect(dashboard.actionsByAgency).toHaveLength(agencies.length);
    for (const g of agencies) {
      const open = one<{ n: number }>(
        `SELECT count(*) AS n FROM action WHERE lead_agency_id = ? AND status NOT IN ('complete', 'verified')`,
        g.id,
      ).n;
      const overdue = one<{ n: number }>(
        `SELECT count(*) AS n FROM action WHERE lead_agency_id = ? AND status NOT IN ('complete', 'verified') AND due_date < ?`,
        g.id,
        today,
      ).n;
      expect(dashboard.actionsByAgency.find((r) => r.agencyId === g.id)).toEqual({
        agencyId: g.id,
        agencyName: g.name,
        open,
        overdue,
      });
    }
    expect(dashboard.actionsByAgency.filter((r) => r.overdue > 0).length).toBeGreaterThan(1);
  });

  it('counts agency grades by audit theme', () => {
    const rows = all<{ theme: string; agency: string; grade: string; n: number }>(
      `SELECT a.theme, g.name AS agency, cg.grade, count(*) AS n
       FROM case_grade cg JOIN agency g ON g.id = cg.agency_id
       JOIN audit_case c ON c.id = cg.case_id JOIN audit a ON a.id = c.audit_id
       GROUP BY a.theme, g.name, cg.grade`,
    );
    expect(rows.length).toBeGreaterThan(10);
    for (const r of rows) {
      const entry = dashboard.grades.find((g) => g.theme === r.theme && g.agencyName === r.agency);
      expect(entry?.counts[r.grade as keyof (typeof dashboard.grades)[number]['counts']], JSON.stringify(r)).toBe(r.n);
    }
    const total = dashboard.grades.reduce((n, g) => n + Object.values(g.counts).reduce((x, y) => x + y, 0), 0);
    expect(total).toBe(one<{ n: number }>('SELECT count(*) AS n FROM case_grade WHERE agency_id IS NOT NULL').n);
  });

  it('counts every heatmap cell from the answers and the pinned templates', () => {
    // What an answer means (docs/findings.md), in SQL: a strength ('s'), a development area ('d'), or
    // neither (NULL: not applicable, free text, an option without meetsStandard, no answer).
    const cells = all<{ theme: string; agencyId: string; assessed: number; development: number }>(
      `WITH q AS MATERIALIZED (
         SELECT t.id AS template_id, t.version, json_extract(qq.value, '$.id') AS question_id,
                json_extract(qq.value, '$.type') AS type, coalesce(json_extract(qq.value, '$.themes'), '[]') AS themes,
                coalesce(json_extract(qq.value, '$.options'), '[]') AS options
         FROM template t, json_each(t.body, '$.sections') s, json_each(s.value, '$.questions') qq
       ),
       m AS (
         SELECT k.agency_id, q.themes,
           CASE q.type
             WHEN 'grade' THEN CASE json_extract(an.value, '$')
               WHEN 'outstanding' THEN 's' WHEN 'good' THEN 's' WHEN 'requires_improvement' THEN 'd' WHEN 'inadequate' THEN 'd' END
             WHEN 'rag' THEN CASE json_extract(an.value, '$') WHEN 'green' THEN 's' WHEN 'amber' THEN 'd' WHEN 'red' THEN 'd' END
             WHEN 'yes_partly_no' THEN CASE json_extract(an.value, '$') WHEN 'yes' THEN 's' WHEN 'partly' THEN 'd' WHEN 'no' THEN 'd' END
             WHEN 'single_choice' THEN (
               SELECT CASE json_extract(o.value, '$.meetsStandard') WHEN 1 THEN 's' WHEN 0 THEN 'd' END
               FROM json_each(q.options) o WHERE json_extract(o.value, '$.value') = json_extract(an.value, '$'))
             WHEN 'multiple_choice' THEN (
               SELECT CASE WHEN sum(json_extract(o.value, '$.meetsStandard') = 0) > 0 THEN 'd'
                           WHEN sum(json_extract(o.value, '$.meetsStandard') = 1) > 0 THEN 's' END
               FROM json_each(q.options) o JOIN json_each(CASE WHEN json_type(an.value) = 'array' THEN an.value ELSE '[]' END) c
                 ON c.value = json_extract(o.value, '$.value'))
           END AS meaning
         FROM answer an JOIN checklist k ON k.id = an.checklist_id JOIN audit_case c ON c.id = k.case_id
         JOIN audit a ON a.id = c.audit_id
         JOIN q ON q.template_id = a.template_id AND q.version = a.template_version AND q.question_id = an.question_id
       )
       SELECT th.value AS theme, m.agency_id AS agencyId, count(*) AS assessed, sum(m.meaning = 'd') AS development
       FROM m, json_each(m.themes) th WHERE m.meaning IS NOT NULL
       GROUP BY th.value, m.agency_id`,
    );
    expect(cells.length).toBeGreaterThan(20);
    expect(cells.some((c) => c.development > 0 && c.development < c.assessed)).toBe(true);
    const key = (c: { theme: string; agencyId: string }) => `${c.theme}|${c.agencyId}`;
    const got = new Map(dashboard.heatmap.cells.map((c) => [key(c), c]));
    expect(got.size).toBe(cells.length);
    for (const c of cells) expect(got.get(key(c)), key(c)).toEqual(c);
  });

  it('lists the rounds of every re-audit series', () => {
    const rows = all<{ seriesId: string; rounds: string }>(
      `SELECT series_id AS seriesId,
              (SELECT json_group_array(json_array(b.id, b.round))
               FROM (SELECT id, round FROM audit b WHERE b.series_id = a.series_id ORDER BY round) b) AS rounds
       FROM audit a GROUP BY series_id HAVING count(*) > 1`,
    );
    expect(rows.length).toBeGreaterThan(1);
    expect(dashboard.trends).toHaveLength(rows.length);
    for (const r of rows) {
      const trend = dashboard.trends.find((x) => x.seriesId === r.seriesId);
      expect(trend?.rounds.map((x) => [x.auditId, x.round])).toEqual(JSON.parse(r.rounds));
      for (const x of trend!.rounds) if (x.share !== null) expect(x.share).toBeGreaterThanOrEqual(0);
    }
  });
});

describe(`actions.list filters on a generated board (scale ${SCALE})`, () => {
  const effective = `CASE WHEN status NOT IN ('complete', 'verified') AND due_date < @today THEN 'overdue' ELSE status END`;
  const ids = (sql: string, params: Record<string, string> = {}) =>
    all<{ id: string }>(`SELECT id FROM action WHERE ${sql}`, { today, ...params })
      .map((r) => r.id)
      .sort();
  const listed = async (filter: Parameters<Api['actions.list']>[0]) =>
    (await api['actions.list'](filter)).map((a) => a.id).sort();

  it('by lead agency', async () => {
    for (const { id } of all<{ id: string }>('SELECT id FROM agency')) {
      expect(await listed({ agencyId: id })).toEqual(ids('lead_agency_id = @id', { id }));
    }
  });

  it('by status, open and overdue (overdue is never stored: due before today and not done)', async () => {
    expect(await listed({ status: 'open' })).toEqual(ids("status NOT IN ('complete', 'verified')"));
    const overdue = await listed({ status: 'overdue' });
    expect(overdue).toEqual(ids(`${effective} = 'overdue'`));
    expect(overdue.length).toBeGreaterThan(0);
    for (const status of ['not_started', 'on_track', 'at_risk', 'complete', 'verified'] as const)
      expect(await listed({ status }), status).toEqual(ids(`${effective} = @status`, { status }));
  });

  it('by due date, and with the filters together', async () => {
    const due = one<{ d: string }>('SELECT due_date AS d FROM action ORDER BY due_date LIMIT 1 OFFSET 100').d;
    expect(await listed({ dueBefore: due })).toEqual(ids('due_date < @due', { due }));
    const agency = one<{ id: string }>(
      `SELECT lead_agency_id AS id FROM action WHERE status NOT IN ('complete', 'verified') AND due_date < ?
       GROUP BY lead_agency_id ORDER BY count(*) DESC LIMIT 1`,
      today,
    ).id;
    const both = await listed({ agencyId: agency, status: 'overdue' });
    expect(both).toEqual(ids(`lead_agency_id = @agency AND ${effective} = 'overdue'`, { agency }));
    expect(both.length).toBeGreaterThan(0);
  });
});

describe(`search on a generated board (scale ${SCALE})`, () => {
  const likeCount = (table: string, column: string, ...patterns: string[]) =>
    one<{ n: number }>(
      `SELECT count(*) AS n FROM ${table} WHERE ${patterns.map(() => `${column} LIKE ?`).join(' AND ')}`,
      ...patterns,
    ).n;

  it('finds every finding with a word, counted with LIKE on the findings themselves', async () => {
    const n = likeCount('finding', 'text', '%Makaton%');
    expect(n).toBeGreaterThan(0);
    expect(n).toBeLessThanOrEqual(100);
    const hits = await api['search.query']({ q: 'Makaton', kinds: ['finding'], limit: 100 });
    expect(hits).toHaveLength(n);
    const audits = new Map(
      all<{ id: string; title: string }>('SELECT id, title FROM audit').map((a) => [a.id, a.title]),
    );
    for (const h of hits) {
      const f = one<{ audit_id: string; text: string }>('SELECT audit_id, text FROM finding WHERE id = ?', h.findingId);
      expect(f.text).toContain('Makaton');
      expect(h.auditId).toBe(f.audit_id);
      expect(h.auditTitle).toBe(audits.get(f.audit_id));
    }
  });

  it('finds one action by its words', async () => {
    const a = one<{ id: string; text: string }>('SELECT id, text FROM action ORDER BY id LIMIT 1');
    const number = /fictional action (\d+)/.exec(a.text)![1]!;
    const n = likeCount('action', 'text', `%(fictional action ${number})%`);
    const hits = await api['search.query']({ q: `fictional action ${number}`, kinds: ['action'] });
    expect(hits).toHaveLength(n);
    expect(hits.map((h) => h.actionId)).toContain(a.id);
    const lead = one<{ name: string }>(
      'SELECT g.name FROM action x JOIN agency g ON g.id = x.lead_agency_id WHERE x.id = ?',
      a.id,
    ).name;
    expect(hits.find((h) => h.actionId === a.id)?.agencyName).toBe(lead);
  });

  it('counts evidence notes with several words as LIKE does, and names the case, agency and question of each', async () => {
    const n = likeCount('answer', 'evidence', '%Makaton%', '%GP summary%', '%advocate%');
    expect(n).toBeGreaterThan(0);
    expect(n).toBeLessThanOrEqual(100);
    // The index holds the same notes (kept in step by triggers).
    const indexed = one<{ n: number }>(
      `SELECT count(*) AS n FROM search_index WHERE search_index MATCH 'body : ("makaton"* "gp"* "summary"* "advocate"*)' AND kind = 'evidence'`,
    ).n;
    expect(indexed).toBe(n);
    const hits = await api['search.query']({ q: 'Makaton GP summary advocate', kinds: ['evidence'], limit: 100 });
    expect(hits).toHaveLength(n);
    for (const h of hits) {
      const row = one<{ reference: string; agency: string; question: string; section: string; evidence: string }>(
        `SELECT c.reference, g.name AS agency, json_extract(qq.value, '$.text') AS question, json_extract(s.value, '$.id') AS section,
                an.evidence
         FROM answer an JOIN checklist k ON k.id = an.checklist_id JOIN audit_case c ON c.id = k.case_id
         JOIN agency g ON g.id = k.agency_id JOIN audit a ON a.id = c.audit_id
         JOIN template t ON t.id = a.template_id AND t.version = a.template_version,
         json_each(t.body, '$.sections') s, json_each(s.value, '$.questions') qq
         WHERE an.checklist_id = ? AND an.question_id = ? AND json_extract(qq.value, '$.id') = an.question_id`,
        h.checklistId,
        h.questionId,
      );
      expect(row.evidence).toContain('Makaton');
      expect(h).toMatchObject({
        caseReference: row.reference,
        agencyName: row.agency,
        questionText: row.question,
        sectionId: row.section,
      });
    }
  });

  it('returns the first 100 of a common word, and everything matched comes from the index', async () => {
    const n = one<{ n: number }>(
      `SELECT count(*) AS n FROM search_index WHERE search_index MATCH 'body : ("chronology"*)'`,
    ).n;
    expect(n).toBeGreaterThan(100);
    expect(await api['search.query']({ q: 'chronology', limit: 100 })).toHaveLength(100);
    expect(await api['search.query']({ q: 'chronology' })).toHaveLength(50);
  });
});
