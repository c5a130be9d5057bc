import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES, startHost, type RunningHost } from '../../electron/host/server.js';
import { obtainDatabaseKey } from '../../electron/security/databaseKey.js';
import { createSession } from '../../electron/session.js';
import { DEFAULT_AGENCIES } from '../../shared/board.js';
import { freshApp, setUpBoard, type Fixture } from '../helpers/fixtures.js';
import { rawRequest } from '../helpers/http.js';
import { completeAudit, sign } from '../helpers/installations.js';

let f: Fixture;
let host: RunningHost;
beforeEach(async () => {
  f = freshApp();
  const staticDir = join(f.dir, 'renderer');
  mkdirSync(staticDir);
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Case Audit</title>');
  writeFileSync(join(f.dir, 'secret.txt'), 'outside the renderer');
  host = await startHost({ dispatch: f.app.dispatch, staticDir });
});
afterEach(async () => {
  await host.close();
  f.cleanup();
});

const setup = JSON.stringify({ name: 'Board', agencies: DEFAULT_AGENCIES.map((a) => ({ ...a })) });
const boards = () => (f.app.db.prepare('SELECT count(*) AS n FROM board').get() as { n: number }).n;
const call = (method: string, body: string, headers: Record<string, string> = {}) =>
  rawRequest(host.port, {
    method: 'POST',
    path: `/rpc/${method}`,
    body,
    headers: { authorization: `Bearer ${host.token}`, 'content-type': 'application/json', ...headers },
  });

describe('the browser host', () => {
  it('prints an address on 127.0.0.1 that carries the token', () => {
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#token=[A-Za-z0-9_-]{43}$/);
  });

  it('serves the interface with a strict Content-Security-Policy', async () => {
    const r = await rawRequest(host.port, { path: '/' });
    expect(r.status).toBe(200);
    expect(r.headers['content-security-policy']).toContain("script-src 'self'");
    expect(r.headers['content-security-policy']).toContain("default-src 'none'");
  });

  it('answers a valid call with the token', async () => {
    const r = await call('board.setup', setup);
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body)).toMatchObject({ ok: true, value: { name: 'Board' } });
    expect(boards()).toBe(1);
  });

  it.each([
    ['no token', { authorization: '' }, 401],
    ['a wrong token', { authorization: 'Bearer wrong-token' }, 401],
    ['a token of the right length but wrong', { authorization: `Bearer ${'x'.repeat(43)}` }, 401],
    ['a foreign Origin', { origin: 'http://evil.example' }, 403],
    ['a foreign Origin on the same port', { origin: 'https://127.0.0.1:1' }, 403],
    ['a cross-site fetch', { 'sec-fetch-site': 'cross-site' }, 403],
    ['a foreign Host (DNS rebinding)', { host: 'evil.example' }, 403],
    ['a non-JSON content type', { 'content-type': 'text/plain' }, 415],
  ])('refuses a request with %s and writes nothing', async (_name, headers, status) => {
    const r = await call('board.setup', setup, headers);
    expect(r.status).toBe(status);
    expect(JSON.parse(r.body).ok).toBe(false);
    expect(boards()).toBe(0);
  });

  it.each([
    ['malformed JSON', '{"name": "Board", ', 400, 'VALIDATION'],
    ['invalid input', JSON.stringify({ name: 'Board', agencies: [] }), 400, 'VALIDATION'],
    ['an array', '[1,2]', 400, 'VALIDATION'],
    ['an oversized body', 'x'.repeat(MAX_BODY_BYTES + 10), 413, 'VALIDATION'],
  ])('refuses %s with a clear error and writes nothing', async (_name, body, status, code) => {
    const r = await call('board.setup', body);
    expect(r.status).toBe(status);
    expect(JSON.parse(r.body)).toMatchObject({ ok: false, error: { code } });
    expect(boards()).toBe(0);
  });

  it('names the invalid field', async () => {
    const r = await call('board.setup', JSON.stringify({ name: 'Board', agencies: [{ name: 'P', kind: 'aliens' }] }));
    expect(JSON.parse(r.body).error.message).toContain('agencies[0].kind');
  });

  it('sends every issue of an invalid input with its path, the message naming them too', async () => {
    const kinds = Array.from({ length: 7 }, (_, i) => ({ name: `Agency ${i}`, kind: 'aliens' }));
    const r = await call('board.setup', JSON.stringify({ name: '', agencies: kinds }));
    expect(r.status).toBe(400);
    const { error } = JSON.parse(r.body);
    expect(error.code).toBe('VALIDATION');
    // All eight issues travel, though the sentence names only the first five.
    expect(error.issues.map((i: { path: unknown }) => i.path)).toEqual([
      ['name'],
      ...kinds.map((_, i) => ['agencies', i, 'kind']),
    ]);
    expect(error.issues.every((i: { message: unknown }) => typeof i.message === 'string' && i.message !== '')).toBe(
      true,
    );
    expect(error.message).toMatch(/^name: .*; agencies\[0\]\.kind: .*…and 3 more$/);
  });

  it('sends a service’s refusal of one field as an issue with its path', async () => {
    const period = { kind: 'report.consolidated', from: '2024-03-01', to: '2024-02-01' };
    const r = await call('jobs.start', JSON.stringify(period));
    expect(r.status).toBe(400);
    expect(JSON.parse(r.body)).toEqual({
      ok: false,
      error: {
        code: 'VALIDATION',
        message: 'to: the end of the period is before its start',
        issues: [{ path: ['to'], message: 'the end of the period is before its start' }],
      },
    });
  });

  it('answers a change to a signed audit with SIGNED (409), not LOCKED', async () => {
    const api = f.h;
    await setUpBoard(api);
    await api['identity.create']({ name: 'Sam Auditor', role: 'Independent auditor', agency: 'Ind' });
    const auditId = await completeAudit(api, 'Host audit 2019');
    await sign(api, auditId);
    const r = await call('audits.update', JSON.stringify({ auditId, purpose: 'Changed' }));
    expect(r.status).toBe(409);
    expect(JSON.parse(r.body)).toEqual({
      ok: false,
      error: { code: 'SIGNED', message: 'This audit is signed; change it by starting a new revision.' },
    });
  });

  it('answers any call while the session is locked with LOCKED (423), not SIGNED', async () => {
    const dbPath = join(f.dir, 'locked.db');
    await obtainDatabaseKey(dbPath, async () => 'correct horse battery staple', { N: 2 ** 14, r: 8, p: 1 });
    const session = createSession(dbPath, {});
    const locked = await startHost({ dispatch: session.dispatch, staticDir: join(f.dir, 'renderer') });
    try {
      const r = await rawRequest(locked.port, {
        method: 'POST',
        path: '/rpc/board.get',
        body: '{}',
        headers: { authorization: `Bearer ${locked.token}`, 'content-type': 'application/json' },
      });
      expect(r.status).toBe(423);
      expect(JSON.parse(r.body)).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
      expect(JSON.parse(r.body).error).not.toHaveProperty('issues');
    } finally {
      await locked.close();
      session.close();
    }
  });

  it('refuses unknown methods and GET on the API', async () => {
    expect((await call('__proto__', '{}')).status).toBe(404);
    expect((await rawRequest(host.port, { path: '/rpc/board.get' })).status).toBe(405);
  });

  it('never serves files outside the renderer folder', async () => {
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt']) {
      const r = await rawRequest(host.port, { path });
      expect(r.body).not.toContain('outside the renderer');
    }
  });
});
