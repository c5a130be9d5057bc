// actions.page, the action tracker's paged list, on a generated board (bench/generate.ts) of about
// 2,000 actions: paging through every filter gives exactly actions.list's items in actions.list's order
// (overdue first, then by due date, created and id: the generated actions share due dates and creation
// times, so the id is what keeps pages from repeating or skipping one), the total and the counts by
// effective status match SQL written here, and a page past the end answers the last page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateBoard } from '../../bench/generate.js';
import { openApp, type CaseAuditApp } from '../../electron/app.js';
import { apiOver } from '../../electron/rpc/apiClient.js';
import type { ActionListItem } from '../../shared/actionPlan.js';
import type { Api, Input } from '../../shared/contract.js';
import { londonDate } from '../../shared/today.js';
import { tempDir } from '../helpers/tmp.js';

const SCALE = 0.4; // 2,000 actions, 12,000 progress updates
const SEED = 2017;

const t = tempDir('case-audit-actions-page-');
let app: CaseAuditApp;
let api: Api;
let today: string;

const all = <T>(sql: string, ...params: unknown[]): T[] => app.db.prepare(sql).all(...params) as T[];
const one = <T>(sql: string, ...params: unknown[]): T => app.db.prepare(sql).get(...params) as T;

beforeAll(async () => {
  const dbPath = `${t.dir}/board.db`;
  const board = await generateBoard({ dbPath, scale: SCALE, seed: SEED });
  // One "now" for the whole file, so no call sees a different day from another.
  const now = new Date();
  today = londonDate(now);
  app = openApp(dbPath, {
    key: board.key,
    dailyBackup: false,
    backgroundIndexing: false,
    actor: 'test',
    clock: () => now,
  });
  api = apiOver(app.dispatch);
}, 180_000);

afterAll(() => {
  app?.close();
  t.cleanup();
});

type Filter = Input<'actions.list'>;

/** Every page of `filter`, one call a page, checking each page's envelope on the way. */
async function pageThrough(filter: Filter, pageSize: number): Promise<ActionListItem[]> {
  const items: ActionListItem[] = [];
  const first = await api['actions.page']({ ...filter, pageSize });
  for (let page = 1; page <= first.pageCount; page++) {
    const p = page === 1 ? first : await api['actions.page']({ ...filter, page, pageSize });
    expect(p.page).toBe(page);
    expect(p.pageSize).toBe(pageSize);
    expect(p.total).toBe(first.total);
    expect(p.pageCount).toBe(Math.max(1, Math.ceil(p.total / pageSize)));
    expect(p.items.length).toBe(page < p.pageCount ? pageSize : p.total - (p.pageCount - 1) * pageSize);
    items.push(...p.items);
  }
  return items;
}

describe(`actions.page on a generated board (scale ${SCALE})`, () => {
  it('has thousands of actions, some overdue, and actions that share a due date and a creation time', () => {
    expect(one<{ n: number }>('SELECT count(*) AS n FROM action').n).toBeGreaterThanOrEqual(2000);
    expect(
      one<{ n: number }>(
        "SELECT count(*) AS n FROM action WHERE status NOT IN ('complete', 'verified') AND due_date < ?",
        today,
      ).n,
    ).toBeGreaterThan(100);
    const ties = one<{ n: number }>(
      'SELECT count(*) AS n FROM (SELECT 1 FROM action GROUP BY due_date, created_at HAVING count(*) > 1)',
    ).n;
    expect(ties).toBeGreaterThan(0);
  });

  it('pages through all actions in exactly the order of actions.list, whatever the page size', async () => {
    const list = await api['actions.list']({});
    expect(list.length).toBeGreaterThanOrEqual(2000);
    for (const pageSize of [50, 37, 100]) expect(await pageThrough({}, pageSize)).toEqual(list);
    // Overdue first: the list is what the tracker promises.
    const firstNotOverdue = list.findIndex((a) => a.effectiveStatus !== 'overdue');
    expect(firstNotOverdue).toBeGreaterThan(0);
    expect(list.slice(firstNotOverdue).some((a) => a.effectiveStatus === 'overdue')).toBe(false);
  });

  it('pages through every filter in the order of actions.list: each agency, each status, due before', async () => {
    const filters: Filter[] = [];
    for (const { id } of all<{ id: string }>('SELECT id FROM agency ORDER BY name')) filters.push({ agencyId: id });
    for (const status of ['open', 'overdue', 'not_started', 'on_track', 'at_risk', 'complete', 'verified'] as const)
      filters.push({ status });
    const due = (offset: number) =>
      one<{ d: string }>('SELECT due_date AS d FROM action ORDER BY due_date LIMIT 1 OFFSET ?', offset).d;
    filters.push({ dueBefore: due(100) }, { dueBefore: due(1500) }, { dueBefore: today });
    const agency = one<{ id: string }>(
      `SELECT lead_agency_id AS id FROM action WHERE status NOT IN ('complete', 'verified') AND due_date < ?
       GROUP BY lead_agency_id ORDER BY count(*) DESC LIMIT 1`,
      today,
    ).id;
    filters.push(
      { agencyId: agency, status: 'overdue' },
      { agencyId: agency, status: 'open', dueBefore: due(1500) },
      { auditId: one<{ id: string }>('SELECT audit_id AS id FROM action GROUP BY 1 ORDER BY count(*) DESC').id },
    );
    const empty: Filter[] = [];
    for (const filter of filters) {
      const list = await api['actions.list'](filter);
      if (list.length === 0) empty.push(filter);
      expect(await pageThrough(filter, 50), JSON.stringify(filter)).toEqual(list);
    }
    // The generator starts no action "not started" (every one has progress); every other filter finds some.
    expect(empty.filter((f) => f.status !== 'not_started')).toEqual([]);
  });

  it('counts the filtered actions by effective status, on all pages', async () => {
    const effective = `CASE WHEN status NOT IN ('complete', 'verified') AND due_date < @today THEN 'overdue' ELSE status END`;
    const counted = (where: string, params: Record<string, string> = {}) =>
      Object.fromEntries(
        all<{ s: string; n: number }>(`SELECT ${effective} AS s, count(*) AS n FROM action WHERE ${where} GROUP BY 1`, {
          today,
          ...params,
        }).map((r) => [r.s, r.n]),
      );
    const zero = { not_started: 0, on_track: 0, at_risk: 0, overdue: 0, complete: 0, verified: 0 };

    const everything = await api['actions.page']({});
    expect(everything.byStatus).toEqual({ ...zero, ...counted('1') });
    expect(everything.total).toBe(one<{ n: number }>('SELECT count(*) AS n FROM action').n);
    expect(everything.byStatus.overdue).toBeGreaterThan(0);

    const agency = one<{ id: string }>('SELECT lead_agency_id AS id FROM action LIMIT 1').id;
    const open = await api['actions.page']({ agencyId: agency, status: 'open', page: 2 });
    expect(open.byStatus).toEqual({
      ...zero,
      ...counted("lead_agency_id = @agency AND status NOT IN ('complete', 'verified')", { agency }),
    });
    expect(open.byStatus.complete + open.byStatus.verified).toBe(0);
    expect(open.total).toBe(Object.values(open.byStatus).reduce((a, b) => a + b, 0));
  });

  it('answers the last page for a page past the end, and one empty page when nothing matches', async () => {
    const last = await api['actions.page']({ page: 2, pageSize: 100 });
    const past = await api['actions.page']({ page: 100_000, pageSize: 100 });
    expect(past.page).toBe(past.pageCount);
    expect(past.items).toEqual((await api['actions.page']({ page: past.pageCount, pageSize: 100 })).items);
    expect(past.items.length).toBeGreaterThan(0);
    expect(last.page).toBe(2);

    // A due date before every action's: nothing matches.
    const none = await api['actions.page']({ dueBefore: '2000-01-01', page: 3 });
    expect(none).toMatchObject({ items: [], total: 0, page: 1, pageCount: 1, pageSize: 50 });
  });

  it('reads only the page: the latest updates of its own actions, each as actions.list gives it', async () => {
    const page = await api['actions.page']({ status: 'open', page: 2, pageSize: 10 });
    const list = await api['actions.list']({ status: 'open' });
    expect(page.items).toEqual(list.slice(10, 20));
    expect(page.items.some((a) => a.latestUpdate !== null && a.updateCount > 1)).toBe(true);
  });
});
