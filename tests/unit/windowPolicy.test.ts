import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../electron/host/security.js';
import {
  APP_SCHEME_PRIVILEGES,
  APP_START_URL,
  appResponseHeaders,
  databaseFlag,
  isAllowedNavigation,
  isTrustedSender,
  resolveAppPath,
  secureWebPreferences,
  unauthorised,
} from '../../electron/windowPolicy.js';
import { tempDir } from '../helpers/tmp.js';

// Every URL that is not our own origin, including look-alikes of it.
const FOREIGN = [
  'https://example.com/',
  'http://127.0.0.1:8080/',
  'file:///etc/passwd',
  'file:///opt/case-audit/dist/renderer/index.html',
  'data:text/html,<script>alert(1)</script>',
  'javascript:alert(1)',
  'about:blank',
  'devtools://devtools/bundled/inspector.html',
  'chrome://settings',
  'app://other/',
  'app://case-audit.evil.example/',
  'app://case-audit@evil.example/',
  'app://user:pass@case-audit/',
  'app://case-audit:8080/',
  'app://case-audit', // no path: not under app://case-audit/
  'APP://case-audit/',
  'app:case-audit/',
  ' app://case-audit/',
  '',
];

describe('the window settings', () => {
  const prefs = secureWebPreferences('/app/dist/preload/preload.cjs', { devTools: false });

  it('isolate, sandbox and keep Node out of the page', () => {
    expect(prefs).toMatchObject({
      preload: '/app/dist/preload/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      devTools: false,
    });
    expect(prefs.disableBlinkFeatures.split(',')).toContain('Auxclick');
  });

  it('turn developer tools on only when asked (unpackaged runs)', () => {
    expect(secureWebPreferences('/p.cjs', { devTools: true }).devTools).toBe(true);
  });

  it('register app:// as a secure standard scheme without CSP bypass or cross-origin reads', () => {
    expect(APP_SCHEME_PRIVILEGES).toEqual({ standard: true, secure: true, supportFetchAPI: true });
  });
});

describe('navigation', () => {
  it('is allowed within app://case-audit/ only', () => {
    expect(isAllowedNavigation(APP_START_URL)).toBe(true);
    expect(isAllowedNavigation('app://case-audit/index.html')).toBe(true);
    expect(isAllowedNavigation('app://case-audit/audits/01J?x=1#top')).toBe(true);
  });

  it.each(FOREIGN)('is refused for %j', (url) => {
    expect(isAllowedNavigation(url)).toBe(false);
  });
});

describe('IPC senders', () => {
  it('are trusted only from frames on app://case-audit/', () => {
    expect(isTrustedSender('app://case-audit/')).toBe(true);
    expect(isTrustedSender('app://case-audit/audits/01J')).toBe(true);
    expect(isTrustedSender(null)).toBe(false);
    expect(isTrustedSender(undefined)).toBe(false);
  });

  it.each(FOREIGN)('are refused from %j', (url) => {
    expect(isTrustedSender(url)).toBe(false);
  });

  it('get an UNAUTHORISED envelope, never a thrown error', () => {
    const result = unauthorised();
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('UNAUTHORISED');
  });
});

describe('app:// files', () => {
  const tmp = tempDir();
  afterAll(() => tmp.cleanup());
  const root = join(tmp.dir, 'renderer');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html>');
  writeFileSync(join(root, 'assets', 'app.js'), 'export {};');
  writeFileSync(join(root, 'assets', 'my file.css'), 'body{}');
  // A file beside the renderer folder, as a traversal target.
  writeFileSync(join(tmp.dir, 'secret.txt'), 'secret');
  mkdirSync(join(tmp.dir, 'renderer-evil'), { recursive: true });
  writeFileSync(join(tmp.dir, 'renderer-evil', 'x.js'), 'evil');

  it('serves files inside the renderer folder', () => {
    expect(resolveAppPath(root, 'app://case-audit/assets/app.js')).toBe(join(root, 'assets', 'app.js'));
    expect(resolveAppPath(root, 'app://case-audit/assets/app.js?v=2#x')).toBe(join(root, 'assets', 'app.js'));
    expect(resolveAppPath(root, 'app://case-audit/assets/my%20file.css')).toBe(join(root, 'assets', 'my file.css'));
    expect(resolveAppPath(root, 'app://case-audit/./assets/app.js')).toBe(join(root, 'assets', 'app.js'));
  });

  it('serves index.html for the root, folders and unknown routes', () => {
    const index = join(root, 'index.html');
    expect(resolveAppPath(root, 'app://case-audit/')).toBe(index);
    expect(resolveAppPath(root, 'app://case-audit/assets/')).toBe(index);
    expect(resolveAppPath(root, 'app://case-audit/audits/01J/cases')).toBe(index);
    expect(resolveAppPath(root, 'app://case-audit/secret.txt')).toBe(index);
  });

  it.each([
    'app://case-audit/../secret.txt',
    'app://case-audit/assets/../../secret.txt',
    'app://case-audit/..%2fsecret.txt',
    'app://case-audit/..%2Fsecret.txt',
    'app://case-audit/%2e%2e/secret.txt',
    'app://case-audit/%2E%2E/secret.txt',
    'app://case-audit/%2e%2e%2fsecret.txt',
    'app://case-audit/.%2e/secret.txt',
    'app://case-audit/..%5csecret.txt',
    'app://case-audit/assets\\..\\..\\secret.txt',
    'app://case-audit/../renderer-evil/x.js',
    'app://case-audit/index.html%00.js',
    'app://case-audit/%E0%A4%A', // malformed escape
  ])('refuses the traversal %j', (url) => {
    expect(resolveAppPath(root, url)).toBeNull();
  });

  it.each(FOREIGN)('refuses the foreign URL %j', (url) => {
    expect(resolveAppPath(root, url)).toBeNull();
  });

  it('sends the CSP and content type with every file', () => {
    const js = appResponseHeaders(join(root, 'assets', 'app.js'));
    expect(js['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(js['Content-Security-Policy']).toContain("script-src 'self'");
    expect(js['Content-Type']).toBe('text/javascript; charset=utf-8');
    expect(js['X-Content-Type-Options']).toBe('nosniff');
    expect(appResponseHeaders(join(root, 'index.html'))['Content-Type']).toBe('text/html; charset=utf-8');
    expect(appResponseHeaders(join(root, 'blob.bin'))['Content-Type']).toBe('application/octet-stream');
  });
});

describe('the --db flag', () => {
  it('is read in both spellings, among Chromium switches', () => {
    expect(databaseFlag(['/usr/bin/electron', '/app', '--db', '/tmp/a.db'])).toBe('/tmp/a.db');
    expect(databaseFlag(['/usr/bin/electron', '--no-sandbox', '/app', '--db=/tmp/b.db'])).toBe('/tmp/b.db');
  });

  it('is absent when missing or empty', () => {
    expect(databaseFlag(['/usr/bin/electron', '/app'])).toBeUndefined();
    expect(databaseFlag(['/usr/bin/electron', '/app', '--db'])).toBeUndefined();
    expect(databaseFlag(['/usr/bin/electron', '/app', '--db', '--inspect'])).toBeUndefined();
    expect(databaseFlag(['/usr/bin/electron', '/app', '--db='])).toBeUndefined();
  });
});
