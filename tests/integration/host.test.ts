import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES, startHost, type RunningHost } from '../../electron/host/server.js';
import { DEFAULT_AGENCIES } from '../../shared/board.js';
import { freshApp, type Fixture } from '../helpers/fixtures.js';
import { rawRequest } from '../helpers/http.js';

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
