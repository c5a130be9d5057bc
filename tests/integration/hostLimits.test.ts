// The host's limits, driven with raw sockets so a test can send exactly what a hostile client would:
// a body that trickles, a body that is too big (declared or not), too many connections.
import { mkdirSync, writeFileSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startHost, type HostLimits, type RunningHost } from '../../electron/host/server.js';
import { obtainDatabaseKey } from '../../electron/security/databaseKey.js';
import { createSession } from '../../electron/session.js';
import { freshApp, type Fixture } from '../helpers/fixtures.js';
import { rawRequest } from '../helpers/http.js';
import { tempDir } from '../helpers/tmp.js';

let f: Fixture | undefined;
let host: RunningHost | undefined;
const sockets: Socket[] = [];
afterEach(async () => {
  sockets.forEach((s) => s.destroy());
  sockets.length = 0;
  await host?.close();
  f?.cleanup();
  host = undefined;
  f = undefined;
});

async function start(limits: Partial<HostLimits>): Promise<RunningHost> {
  f = freshApp();
  const staticDir = join(f.dir, 'renderer');
  mkdirSync(staticDir);
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Case Audit</title>');
  host = await startHost({ dispatch: f.app.dispatch, staticDir, limits });
  return host;
}

interface Raw {
  socket: Socket;
  /** Everything the host sent, once it has closed the connection. */
  closed: Promise<string>;
  /** Resolves when the socket is connected. */
  connected: Promise<void>;
}

function open(port: number): Raw {
  const socket = connect({ host: '127.0.0.1', port });
  sockets.push(socket);
  const chunks: Buffer[] = [];
  socket.on('data', (c: Buffer) => chunks.push(c));
  socket.on('error', () => {}); // a reset is one way of being closed
  return {
    socket,
    connected: new Promise((ok) => socket.once('connect', () => ok())),
    closed: new Promise((ok) => socket.once('close', () => ok(Buffer.concat(chunks).toString('latin1')))),
  };
}

const head = (h: RunningHost, headers: Record<string, string>, method = 'board.get') =>
  [
    `POST /rpc/${method} HTTP/1.1`,
    `Host: 127.0.0.1:${h.port}`,
    'Content-Type: application/json',
    ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`),
    '',
    '',
  ].join('\r\n');

/** Sends a byte now and then until the connection closes, as a slow-loris client does. */
function trickle(raw: Raw): void {
  const timer = setInterval(() => {
    if (!raw.socket.destroyed && raw.socket.writable) raw.socket.write(' ');
  }, 20);
  void raw.closed.finally(() => clearInterval(timer));
}

describe('the browser host under hostile clients', () => {
  it('answers 408 and closes a connection whose body is still trickling at the deadline', async () => {
    const h = await start({ requestTimeoutMs: 300, lingerMs: 20 });
    const raw = open(h.port);
    raw.socket.write(head(h, { Authorization: `Bearer ${h.token}`, 'Content-Length': '100000' }) + '{');
    trickle(raw);
    const answer = await raw.closed;
    expect(answer).toMatch(/^HTTP\/1\.1 408 /);
    expect(answer.toLowerCase()).toContain('connection: close');
    expect(answer).toContain('did not arrive within 300 ms');
  });

  it('closes the connection after answering 401, even while the body is still coming', async () => {
    const h = await start({ lingerMs: 20 });
    const raw = open(h.port);
    raw.socket.write(head(h, { 'Content-Length': '100000' }));
    trickle(raw);
    const answer = await raw.closed;
    expect(answer).toMatch(/^HTTP\/1\.1 401 /);
    expect(answer.toLowerCase()).toContain('connection: close');
  });

  it('refuses a declared oversize body at once, without waiting for any of it', async () => {
    const h = await start({ maxBodyBytes: 1024, lingerMs: 20 });
    const raw = open(h.port);
    raw.socket.write(head(h, { Authorization: `Bearer ${h.token}`, 'Content-Length': String(256 * 1024 * 1024) }));
    const answer = await raw.closed;
    expect(answer).toMatch(/^HTTP\/1\.1 413 /);
    expect(answer).toContain('request body over 1024 bytes');
  });

  it('refuses an undeclared (chunked) body as soon as what arrived is over the limit', async () => {
    const h = await start({ maxBodyBytes: 1024, lingerMs: 20 });
    const raw = open(h.port);
    raw.socket.write(head(h, { Authorization: `Bearer ${h.token}`, 'Transfer-Encoding': 'chunked' }));
    const chunk = `200\r\n${'x'.repeat(512)}\r\n`;
    raw.socket.write(chunk + chunk); // exactly the limit: not refused yet
    raw.socket.write(chunk); // over it, and the body never ends
    const answer = await raw.closed;
    expect(answer).toMatch(/^HTTP\/1\.1 413 /);
  });

  it('accepts a body within the limits sent in pieces', async () => {
    const h = await start({ maxBodyBytes: 1024, requestTimeoutMs: 5000 });
    const raw = open(h.port);
    raw.socket.write(head(h, { Authorization: `Bearer ${h.token}`, 'Content-Length': '2', Connection: 'close' }));
    raw.socket.write('{');
    raw.socket.write('}');
    const answer = await raw.closed;
    expect(answer).toMatch(/^HTTP\/1\.1 200 /);
    expect(answer).toContain('{"ok":true,"value":null}');
  });

  it('closes connections over the cap as they arrive, and serves again once one is free', async () => {
    const h = await start({ maxConnections: 3 });
    const held = [open(h.port), open(h.port), open(h.port)];
    await Promise.all(held.map((r) => r.connected));
    const extra = open(h.port);
    expect(await extra.closed).toBe('');
    await expect(rawRequest(h.port, { path: '/' })).rejects.toThrow();

    held[0]!.socket.destroy();
    await held[0]!.closed;
    // The host sees the close a moment later: ask until it does (a handful of tries, no fixed sleep).
    let served = 0;
    for (let i = 0; i < 50 && served === 0; i++) {
      served = await rawRequest(h.port, { path: '/' }).then(
        (r) => r.status,
        () => new Promise<number>((ok) => setTimeout(() => ok(0), 10)),
      );
    }
    expect(served).toBe(200);
  });

  it('says when to try again after too many wrong passphrases (Retry-After and retryAfterSeconds)', async () => {
    const t = tempDir();
    const dbPath = join(t.dir, 'host-locked.db');
    await obtainDatabaseKey(dbPath, async () => 'correct horse battery staple', { N: 2 ** 14, r: 8, p: 1 });
    let clock = 5_000_000;
    const session = createSession(dbPath, { now: () => clock });
    const staticDir = join(t.dir, 'renderer');
    mkdirSync(staticDir);
    host = await startHost({ dispatch: session.dispatch, staticDir });
    const h = host;
    const unlock = () =>
      rawRequest(h.port, {
        method: 'POST',
        path: '/rpc/session.unlock',
        body: JSON.stringify({ passphrase: 'a wrong passphrase' }),
        headers: { authorization: `Bearer ${h.token}`, 'content-type': 'application/json' },
      });
    try {
      for (let i = 0; i < 4; i++) expect((await unlock()).status).toBe(401);
      const braked = await unlock();
      expect(braked.status).toBe(423);
      expect(braked.headers['retry-after']).toBe('1');
      expect(JSON.parse(braked.body)).toMatchObject({ ok: false, error: { code: 'LOCKED', retryAfterSeconds: 1 } });
      clock += 1000;
      expect((await unlock()).headers['retry-after']).toBe('2');
    } finally {
      await h.close();
      host = undefined;
      session.close();
      t.cleanup();
    }
  });
});
