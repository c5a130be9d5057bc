// The Electron shell's security decisions as plain functions, free of the `electron` import so they
// are unit-tested under Node (Electron's binary is absent on the build machines). main.ts wires them.
import { existsSync, statSync } from 'node:fs';
import { extname, join, resolve, sep } from 'node:path';
import type { RpcResult } from '../shared/errors.js';
import { CONTENT_SECURITY_POLICY } from './host/security.js';

/** The interface is served from app://case-audit/, never file://: one origin, a CSP header, no file access. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'case-audit';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_START_URL = `${APP_ORIGIN}/`;

/**
 * standard: real origin and relative URLs; secure: a secure context like https; supportFetchAPI: the
 * renderer may fetch its own assets. No bypassCSP, and no corsEnabled (it would let other origins read
 * app:// responses), no service workers, no streaming.
 */
export const APP_SCHEME_PRIVILEGES = { standard: true, secure: true, supportFetchAPI: true } as const;

export interface SecureWebPreferences {
  readonly preload: string;
  readonly contextIsolation: true;
  readonly sandbox: true;
  readonly nodeIntegration: false;
  readonly nodeIntegrationInWorker: false;
  readonly nodeIntegrationInSubFrames: false;
  readonly webSecurity: true;
  readonly allowRunningInsecureContent: false;
  readonly webviewTag: false;
  readonly experimentalFeatures: false;
  readonly disableBlinkFeatures: 'Auxclick';
  readonly navigateOnDragDrop: false;
  readonly safeDialogs: true;
  readonly spellcheck: false;
  readonly devTools: boolean;
}

/**
 * The window's webPreferences, every security-relevant flag explicit even where it is Electron's
 * default, so a change of default or a careless edit shows in review. Spellcheck is off because
 * Chromium's dictionary download would be a network request from an offline tool.
 */
export function secureWebPreferences(preload: string, options: { devTools: boolean }): SecureWebPreferences {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    // Middle-click opens links in new windows; they are denied anyway, this stops the attempt.
    disableBlinkFeatures: 'Auxclick',
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: false,
    devTools: options.devTools,
  };
}

/**
 * True only for URLs on our own origin. Compared textually as well as parsed, so look-alikes such as
 * app://case-audit.evil/, app://case-audit@evil/ or app://case-audit:1/ never pass.
 */
function isAppUrl(raw: string | null | undefined): boolean {
  if (typeof raw !== 'string' || !raw.startsWith(APP_START_URL)) return false;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  return url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST && url.username === '' && url.password === '';
}

/** The window may only ever show our own pages; everything else (http, file, data, javascript…) is refused. */
export function isAllowedNavigation(url: string): boolean {
  return isAppUrl(url);
}

/** An IPC message is answered only when it comes from a frame showing our own origin. */
export function isTrustedSender(frameUrl: string | null | undefined): boolean {
  return isAppUrl(frameUrl);
}

/** The answer to an IPC call from anyone else. */
export function unauthorised(): RpcResult<never> {
  return {
    ok: false,
    error: { code: 'UNAUTHORISED', message: 'This request did not come from the Case Audit window.' },
  };
}

/**
 * The file under `root` that answers an app:// request, or null when the request must be refused: a
 * foreign origin, a path that cannot be decoded, a NUL byte, or any `..` segment (literal or encoded,
 * with / or \). Unknown paths and folders get index.html, so the interface's own routes load.
 */
export function resolveAppPath(root: string, requestUrl: string): string | null {
  if (!isAppUrl(requestUrl)) return null;
  const base = resolve(root);
  // Read the path from the raw text: URL parsing would silently resolve dot segments first.
  const rawPath = requestUrl.slice(APP_ORIGIN.length).split(/[?#]/, 1)[0] ?? '/';
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const segments = decoded.split(/[/\\]/);
  if (segments.some((s) => s === '..')) return null;
  const target = resolve(base, `.${sep}${segments.filter((s) => s !== '' && s !== '.').join(sep)}`);
  // Belt and braces: whatever the path held, the answer stays inside the renderer folder.
  if (target !== base && !target.startsWith(base + sep)) return null;
  if (target !== base && existsSync(target) && statSync(target).isFile()) return target;
  return join(base, 'index.html');
}

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
};

/** Headers for every app:// response: the same CSP as the browser host, and no sniffing or caching. */
export function appResponseHeaders(filePath: string): Record<string, string> {
  return {
    'Content-Type': CONTENT_TYPES[extname(filePath).toLowerCase()] ?? 'application/octet-stream',
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-store',
  };
}

/** `--db PATH` or `--db=PATH` from the command line (Chromium adds switches of its own, so no strict parser). */
export function databaseFlag(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--db') {
      const next = argv[i + 1];
      return next && !next.startsWith('--') ? next : undefined;
    }
    if (arg.startsWith('--db=')) return arg.slice('--db='.length) || undefined;
  }
  return undefined;
}
