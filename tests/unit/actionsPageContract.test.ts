// The contract of actions.page: its defaults, and validation errors that name the field, through the
// same dispatch every transport uses.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ACTION_PAGE_SIZE, actionPageInputSchema } from '../../shared/actionPlan.js';
import { freshApp, type Fixture } from '../helpers/fixtures.js';

let f: Fixture;
beforeEach(() => {
  f = freshApp();
});
afterEach(() => f.cleanup());

async function refusal(input: unknown): Promise<string> {
  const r = await f.app.dispatch('actions.page', input);
  expect(r.ok, JSON.stringify(input)).toBe(false);
  if (r.ok) return '';
  expect(r.error.code).toBe('VALIDATION');
  return r.error.message;
}

describe('actions.page input', () => {
  it('defaults to the first page of 50', () => {
    expect(actionPageInputSchema.parse({})).toEqual({ page: 1, pageSize: ACTION_PAGE_SIZE.default });
    expect(ACTION_PAGE_SIZE.default).toBe(50);
    expect(actionPageInputSchema.parse({ status: 'overdue', page: 3, pageSize: 10 })).toEqual({
      status: 'overdue',
      page: 3,
      pageSize: 10,
    });
  });

  it('refuses pages that are not whole numbers from 1, naming the field', async () => {
    expect(await refusal({ page: 0 })).toBe('page: pages are numbered from 1');
    expect(await refusal({ page: -2 })).toBe('page: pages are numbered from 1');
    expect(await refusal({ page: 1.5 })).toBe('page: enter the page as a whole number');
    expect(await refusal({ page: '2' })).toBe('page: enter the page as a whole number');
    expect(await refusal({ page: null })).toBe('page: enter the page as a whole number');
  });

  it('refuses page sizes outside 10 to 100, naming the field', async () => {
    expect(await refusal({ pageSize: 9 })).toBe('pageSize: show at least 10 actions a page');
    expect(await refusal({ pageSize: 101 })).toBe('pageSize: show at most 100 actions a page');
    expect(await refusal({ pageSize: 5000 })).toBe('pageSize: show at most 100 actions a page');
    expect(await refusal({ pageSize: 20.5 })).toBe('pageSize: enter the page size as a whole number');
  });

  it('checks the filter as actions.list does, and refuses unknown fields', async () => {
    expect(await refusal({ status: 'lost' })).toMatch(/^status: /);
    expect(await refusal({ dueBefore: '2024-02-31' })).toMatch(/^dueBefore: /);
    expect(await refusal({ agencyId: 'not-an-id' })).toMatch(/^agencyId: /);
    expect(await refusal({ offset: 100 })).toMatch(/offset/);
    expect(await refusal({ page: 0, pageSize: 1000 })).toBe(
      'page: pages are numbered from 1; pageSize: show at most 100 actions a page',
    );
  });

  it('answers one empty page when there are no actions', async () => {
    const r = await f.app.dispatch('actions.page', { page: 4 });
    expect(r).toEqual({
      ok: true,
      value: {
        items: [],
        total: 0,
        page: 1,
        pageSize: 50,
        pageCount: 1,
        byStatus: { not_started: 0, on_track: 0, at_risk: 0, overdue: 0, complete: 0, verified: 0 },
      },
    });
  });
});
