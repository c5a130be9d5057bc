// The browser host: the built renderer and the same contract over HTTP on 127.0.0.1, for running the
// real interface in a real browser where Electron's binary is absent. Never for remote access.
import { randomBytes } from 'node:crypto';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import type { ErrorCode, RpcResult } from '../../shared/errors.js';
import type { Dispatch } from '../rpc/dispatch.js';
import { CONTENT_SECURITY_POLICY, requestProblem, tokenMatches } from './security.js';

export const MAX_BODY_BYTES = 4 * 1024 * 1024;

const STATUS: Record<ErrorCode, number> = {
  VALIDATION: 400,
  UNAUTHORISED: 401,
  NOT_FOUND: 404,
  CONFLICT: 409,
  LOCKED: 423,
  INTEGRITY: 422,
  INTERNAL: 500,
};

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

export interface HostOptions {
  dispatch: Dispatch;
  staticDir: string;
  port?: number;
  token?: string;
}

export interface RunningHost {
  server: Server;
  port: number;
  token: string;
  url: string;
  close(): Promise<void>;
}

function send(res: ServerResponse, status: number, body: RpcResult<unknown>): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  res.end(text);
}

function refuse(res: ServerResponse, status: number, code: ErrorCode, message: string): void {
  send(res, status, { ok: false, error: { code, message } });
}

function readBody(req: IncomingMessage): Promise<Buffer | 'too_large'> {
  return new Promise((resolveBody, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY_BYTES) over = true;
      else chunks.push(c);
    });
    req.on('end', () => resolveBody(over ? 'too_large' : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function serveStatic(req: IncomingMessage, res: ServerResponse, root: string): void {
  const url = new URL(req.url ?? '/', 'http://host');
  let rel: string;
  try {
    rel = decodeURIComponent(url.pathname);
  } catch {
    res.writeHead(400).end();
    return;
  }
  const target = resolve(root, normalize(`.${rel}`));
  // Path traversal: anything outside the renderer folder is not found.
  if (target !== root && !target.startsWith(root + sep)) {
    res.writeHead(404).end();
    return;
  }
  let file = target;
  if (!existsSync(file) || statSync(file).isDirectory()) file = join(root, 'index.html');
  if (!existsSync(file)) {
    res.writeHead(500, { 'Content-Type': 'text/plain' }).end('The interface is not built: run `npm run build`.');
    return;
  }
  res.writeHead(200, {
    'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-store',
  });
  createReadStream(file).pipe(res);
}

export async function startHost(options: HostOptions): Promise<RunningHost> {
  const token = options.token ?? randomBytes(32).toString('base64url');
  const root = resolve(options.staticDir);
  let port = 0;

  const server = createServer((req, res) => {
    void (async () => {
      const problem = requestProblem(req, port);
      if (problem) return refuse(res, 403, 'UNAUTHORISED', problem);
      const url = new URL(req.url ?? '/', 'http://host');
      const rpc = /^\/rpc\/([A-Za-z0-9_.]{1,64})$/.exec(url.pathname);
      if (!rpc) {
        if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405, 'VALIDATION', 'method not allowed');
        return serveStatic(req, res, root);
      }
      if (req.method !== 'POST') return refuse(res, 405, 'VALIDATION', 'use POST for API calls');
      const auth = req.headers.authorization;
      if (!tokenMatches(auth?.startsWith('Bearer ') ? auth.slice(7) : undefined, token)) {
        return refuse(res, 401, 'UNAUTHORISED', 'missing or wrong token: open the address the host printed');
      }
      if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
        return refuse(res, 415, 'VALIDATION', 'send the request body as application/json');
      }
      const body = await readBody(req);
      if (body === 'too_large') return refuse(res, 413, 'VALIDATION', `request body over ${MAX_BODY_BYTES} bytes`);
      let input: unknown;
      try {
        input = body.length === 0 ? {} : JSON.parse(body.toString('utf8'));
      } catch {
        return refuse(res, 400, 'VALIDATION', 'the request body is not valid JSON');
      }
      const result = await options.dispatch(rpc[1]!, input);
      send(res, result.ok ? 200 : STATUS[result.error.code], result);
    })().catch(() => {
      if (!res.headersSent) refuse(res, 500, 'INTERNAL', 'Something went wrong.');
    });
  });

  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 0, '127.0.0.1', () => ok());
  });
  port = (server.address() as AddressInfo).port;
  return {
    server,
    port,
    token,
    url: `http://127.0.0.1:${port}/#token=${token}`,
    close: () => new Promise((ok) => server.close(() => ok())),
  };
}
