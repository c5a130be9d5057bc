import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDispatch } from '../../electron/rpc/dispatch.js';
import type { Handlers } from '../../shared/contract.js';
import { freshApp, type Fixture } from '../helpers/fixtures.js';

let f: Fixture;
beforeEach(() => {
  f = freshApp();
});
afterEach(() => f.cleanup());

describe('the dispatch loop', () => {
  it('refuses unknown methods, including prototype names', async () => {
    for (const name of ['nope', '__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
      const r = await f.app.dispatch(name, {});
      expect(r).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: `Unknown method "${name}".` } });
    }
  });

  it('refuses invalid input with a message naming the field', async () => {
    const r = await f.app.dispatch('board.setup', { name: '', agencies: [{ name: 'Police', kind: 'martians' }] });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('VALIDATION');
    expect(r.error.message).toMatch(/^name: enter the name/);
    expect(r.error.message).toMatch(/agencies\[0\]\.kind/);
  });

  it('refuses unexpected fields', async () => {
    const r = await f.app.dispatch('board.get', { sneaky: 1 });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(/sneaky/);
  });

  it('returns app errors as {code, message} and hides internal ones', async () => {
    const missing = await f.app.dispatch('audits.get', { auditId: '00000000-0000-4000-8000-000000000000' });
    expect(missing).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: 'No such audit.' } });
    const logged: unknown[] = [];
    const broken: Partial<Handlers> = {
      ...f.app.handlers,
      'board.get': () => {
        throw new Error('secret stack detail');
      },
    };
    const dispatch = createDispatch(broken, { logError: (_m, e) => logged.push(e) });
    const r = await dispatch('board.get', {});
    expect(r).toEqual({
      ok: false,
      error: { code: 'INTERNAL', message: 'Something went wrong. The details are in the log.' },
    });
    expect(JSON.stringify(r)).not.toContain('secret');
    expect(logged).toHaveLength(1);
  });

  it('checks outputs against the contract', async () => {
    const leaky = { ...f.app.handlers, 'board.get': () => ({ id: 'x', secret: true }) } as unknown as Partial<Handlers>;
    const r = await createDispatch(leaky, { logError: () => {} })('board.get', {});
    expect(r.ok).toBe(false);
  });
});
