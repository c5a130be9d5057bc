// The browser host: the built renderer and the same contract over HTTP on 127.0.0.1, for running the
// real interface in a real browser where Electron's binary is absent. Never for remote access.
import { randomBytes } from 'node:crypto';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import type { ErrorCode, RpcResult } from '../../shared/errors.js';
import type { Dispatch } from '../rpc/dispatch.js';
import { CONTENT_SECURITY_POLICY, requestProblem, tokenMatches } from './security.js';

export const MAX_BODY_BYTES = 4 * 1024 * 1024;

/** What one client may ask of the host; the defaults suit one browser on this machine. */
export interface HostLimits {
  maxBodyBytes: number;
  /** Headers and body must both have arrived this long after the request began. */
  requestTimeoutMs: number;
  /** Connections beyond this are closed as they arrive (a browser keeps about six). */
  maxConnections: number;
  /** How long a refused connection may still send before it is cut (so the refusal is read, not reset). */
  lingerMs: number;
}

export const DEFAULT_HOST_LIMITS: HostLimits = {
  maxBodyBytes: MAX_BODY_BYTES,
  requestTimeoutMs: 10_000,
  maxConnections: 32,
  lingerMs: 500,
};

const STATUS: Record<ErrorCode, number> = {
  VALIDATION: 400,
  UNAUTHORISED: 401,
  NOT_FOUND: 404,
  CONFLICT: 409,
  LOCKED: 423,
  SIGNED: 409,
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
  limits?: Partial<HostLimits>;
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
  const retry = body.ok ? undefined : body.error.retryAfterSeconds;
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    ...(retry === undefined ? {} : { 'Retry-After': String(retry) }),
  });
  res.end(text);
}

function refuse(res: ServerResponse, status: number, code: ErrorCode, message: string): void {
  send(res, status, { ok: false, error: { code, message } });
}

/**
 * Ends a connection after its answer: the client is told (Connection: close), our side is shut, and
 * whatever it still sends is discarded until the socket is cut `lingerMs` later. Cutting at once
 * could reset the connection before the client has read the answer.
 */
function closeAfter(req: IncomingMessage, res: ServerResponse, lingerMs: number): void {
  if (!res.headersSent) res.setHeader('Connection', 'close');
  const socket: Socket = req.socket;
  res.once('finish', () => {
    socket.end();
    setTimeout(() => socket.destroy(), lingerMs).unref();
  });
  req.resume();
}

type Body = Buffer | 'too_large' | 'too_slow';

/** The body, or why it was not read: refused as soon as it is known to be too big or too late. */
function readBody(req: IncomingMessage, limits: HostLimits, deadline: number): Promise<Body> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limits.maxBodyBytes) return Promise.resolve('too_large');
  return new Promise((resolveBody, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const finish = (body: Body) => {
      clearTimeout(timer);
      req.off('data', onData);
      resolveBody(body);
    };
    const timer = setTimeout(() => finish('too_slow'), Math.max(0, deadline - Date.now()));
    const onData = (c: Buffer) => {
      size += c.length;
      if (size > limits.maxBodyBytes) finish('too_large');
      else chunks.push(c);
    };
    req.on('data', onData);
    req.once('end', () => finish(Buffer.concat(chunks)));
    req.once('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
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
  const limits: HostLimits = { ...DEFAULT_HOST_LIMITS, ...options.limits };
  let port = 0;

  const server = createServer(
    {
      // Node's own deadlines too, for slow headers and for requests that never reach the API.
      headersTimeout: limits.requestTimeoutMs,
      requestTimeout: limits.requestTimeoutMs,
      connectionsCheckingInterval: Math.min(1000, Math.max(10, Math.floor(limits.requestTimeoutMs / 4))),
    },
    (req, res) => {
      const deadline = Date.now() + limits.requestTimeoutMs;
      // A refusal before the body is read ends the connection, so nobody can keep it open by trickling.
      const refuseAndClose = (status: number, code: ErrorCode, message: string) => {
        closeAfter(req, res, limits.lingerMs);
        refuse(res, status, code, message);
      };
      void (async () => {
        const problem = requestProblem(req, port);
        if (problem) return refuseAndClose(403, 'UNAUTHORISED', problem);
        const url = new URL(req.url ?? '/', 'http://host');
        const rpc = /^\/rpc\/([A-Za-z0-9_.]{1,64})$/.exec(url.pathname);
        if (!rpc) {
          if (req.method !== 'GET' && req.method !== 'HEAD')
            return refuseAndClose(405, 'VALIDATION', 'method not allowed');
          return serveStatic(req, res, root);
        }
        if (req.method !== 'POST') return refuseAndClose(405, 'VALIDATION', 'use POST for API calls');
        const auth = req.headers.authorization;
        if (!tokenMatches(auth?.startsWith('Bearer ') ? auth.slice(7) : undefined, token)) {
          return refuseAndClose(401, 'UNAUTHORISED', 'missing or wrong token: open the address the host printed');
        }
        if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
          return refuseAndClose(415, 'VALIDATION', 'send the request body as application/json');
        }
        const body = await readBody(req, limits, deadline);
        if (body === 'too_large') {
          return refuseAndClose(413, 'VALIDATION', `request body over ${limits.maxBodyBytes} bytes`);
        }
        if (body === 'too_slow') {
          return refuseAndClose(
            408,
            'VALIDATION',
            `the request body did not arrive within ${limits.requestTimeoutMs} ms`,
          );
        }
        let input: unknown;
        try {
          input = body.length === 0 ? {} : JSON.parse(body.toString('utf8'));
        } catch {
          return refuse(res, 400, 'VALIDATION', 'the request body is not valid JSON');
        }
        const result = await options.dispatch(rpc[1]!, input);
        send(res, result.ok ? 200 : STATUS[result.error.code], result);
      })().catch(() => {
        if (!res.headersSent) refuseAndClose(500, 'INTERNAL', 'Something went wrong.');
      });
    },
  );
  // Connections over the cap are closed by Node as they arrive, before any request is parsed.
  server.maxConnections = limits.maxConnections;

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
    close: () =>
      new Promise((ok) => {
        server.close(() => ok());
        // Stopping the host ends every connection, idle or not, so none can hold the stop up.
        server.closeAllConnections();
      }),
  };
}
