// @vitest-environment happy-dom
// The renderer's side of structured errors: both transports' envelopes become an ApiError with its
// issues (checked, never trusted), and applyApiError puts each issue at its field without reading text.
import type { UseFormReturn } from 'react-hook-form';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, createApi } from '../../renderer/api/client.js';
import { applyApiError } from '../../renderer/lib/formErrors.js';
import { BRIDGE_GLOBAL } from '../../shared/bridge.js';

const refusal = {
  ok: false,
  error: {
    code: 'VALIDATION',
    message: 'agencies[1].name: listed twice; name: enter the name',
    issues: [
      { path: ['agencies', 1, 'name'], message: 'listed twice' },
      { path: ['name'], message: 'enter the name' },
    ],
  },
};

afterEach(() => {
  delete (window as unknown as Record<string, unknown>)[BRIDGE_GLOBAL];
  vi.unstubAllGlobals();
  window.sessionStorage.clear();
});

async function refusedWith(envelope: unknown): Promise<ApiError> {
  const api = createApi();
  try {
    await api['board.setup']({ name: '', agencies: [] });
  } catch (e) {
    expect(e).toBeInstanceOf(ApiError);
    return e as ApiError;
  }
  throw new Error(`not refused: ${JSON.stringify(envelope)}`);
}

function overBridge(envelope: unknown) {
  const call = async () => envelope;
  (window as unknown as Record<string, unknown>)[BRIDGE_GLOBAL] = new Proxy({}, { get: () => call });
  return refusedWith(envelope);
}

describe('ApiError', () => {
  it('carries the issues of an IPC refusal, with their paths', async () => {
    const e = await overBridge(refusal);
    expect(e).toMatchObject({ code: 'VALIDATION', message: refusal.error.message, issues: refusal.error.issues });
  });

  it('carries the issues of an HTTP refusal, with their paths', async () => {
    window.sessionStorage.setItem('case-audit.token', 'a-token');
    vi.stubGlobal('fetch', async () => new Response(JSON.stringify(refusal), { status: 400 }));
    const e = await refusedWith(refusal);
    expect(e).toMatchObject({ code: 'VALIDATION', issues: refusal.error.issues });
  });

  it('has no issues when none were sent, and leaves out any not of the envelope’s shape', async () => {
    expect((await overBridge({ ok: false, error: { code: 'SIGNED', message: 'Signed.' } })).issues).toEqual([]);
    const odd = await overBridge({
      ok: false,
      error: {
        code: 'VALIDATION',
        message: 'x',
        issues: [
          { path: ['a', -1], message: 'm' },
          { path: 'a', message: 'm' },
          { path: ['b'] },
          null,
          { path: ['ok', 0], message: 'kept' },
        ],
      },
    });
    expect(odd.issues).toEqual([{ path: ['ok', 0], message: 'kept' }]);
  });

  it('tells SIGNED from LOCKED', async () => {
    expect((await overBridge({ ok: false, error: { code: 'SIGNED', message: 'Signed.' } })).code).toBe('SIGNED');
    expect((await overBridge({ ok: false, error: { code: 'LOCKED', message: 'Locked.' } })).code).toBe('LOCKED');
  });
});

describe('applyApiError', () => {
  const formSpy = () => {
    const setError = vi.fn();
    return { form: { setError } as unknown as UseFormReturn, setError };
  };

  it('sets each issue on the field its path names', async () => {
    const { form, setError } = formSpy();
    applyApiError(form, await overBridge(refusal));
    expect(setError.mock.calls).toEqual([
      ['agencies.1.name', { type: 'server', message: 'Listed twice' }],
      ['name', { type: 'server', message: 'Enter the name' }],
    ]);
  });

  it('puts issues the form has no field for, and errors without issues, on the form itself', async () => {
    const { form, setError } = formSpy();
    applyApiError(form, await overBridge(refusal), (path) => (path[0] === 'name' ? 'title' : undefined));
    expect(setError.mock.calls).toEqual([
      ['title', { type: 'server', message: 'Enter the name' }],
      ['root.server', { type: 'server', message: 'Agencies[1].name: listed twice' }],
    ]);
    const plain = formSpy();
    applyApiError(plain.form, new ApiError('SIGNED', 'This audit is signed; its answers cannot change.'));
    expect(plain.setError.mock.calls).toEqual([
      ['root.server', { type: 'server', message: 'This audit is signed; its answers cannot change.' }],
    ]);
    const other = formSpy();
    applyApiError(other.form, new Error('boom'));
    expect(other.setError.mock.calls).toEqual([['root.server', { type: 'server', message: 'Something went wrong.' }]]);
  });
});
