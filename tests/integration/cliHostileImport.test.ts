// The real CLI and the real browser host, as subprocesses (from dist/, built before the tests), given
// hostile bundles: one `case-audit import DIR` run over a folder of content bombs, lying sizes, JSON
// too costly to parse and junk among genuine bundles prints every outcome and its summary with the
// peak memory, and writes only the genuine ones; `case-audit serve` answers a bomb posted to
// bundles.import with a refusal and goes on answering.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp } from '../../electron/app.js';
import { obtainDatabaseKey } from '../../electron/security/databaseKey.js';
import { MAX_CONTENT_BYTES } from '../../shared/bundle.js';
import { craftBundle, installationSigner, strangerSigner, stringBomb } from '../helpers/bombs.js';
import { apiOver } from '../helpers/client.js';
import { setUpBoard } from '../helpers/fixtures.js';
import {
  completeAudit,
  exportedBytes,
  installation,
  sign,
  tableCounts,
  type Installation,
} from '../helpers/installations.js';
import { tempDir } from '../helpers/tmp.js';

const CLI = join(import.meta.dirname, '..', '..', 'bin', 'case-audit.js');
const MiB = 1024 * 1024;
const PASSPHRASE = 'a long enough test passphrase';
const t = tempDir();
const pass = join(t.dir, 'pass.txt');
const qaDb = join(t.dir, 'qa.db');
const inbox = join(t.dir, 'inbox');
let auditor: Installation;
let stranger: Installation;
let r1: Buffer;
let r2: Buffer;
let fromStranger: Buffer;

beforeAll(async () => {
  writeFileSync(pass, PASSPHRASE);
  auditor = await installation(t.dir, 'auditor', { name: 'Sam Auditor', role: 'Independent auditor', agency: 'Ind' });
  stranger = await installation(t.dir, 'stranger', { name: 'Unknown Person', role: 'Auditor', agency: 'Elsewhere' });
  const auditId = await completeAudit(auditor.api, 'Neglect audit 2024', { cases: 1 });
  await sign(auditor.api, auditId);
  r1 = await exportedBytes(auditor, auditId);
  await auditor.api['audits.newRevision']({ auditId });
  await sign(auditor.api, auditId);
  r2 = await exportedBytes(auditor, auditId);
  const strangerAudit = await completeAudit(stranger.api, 'Stranger audit', { cases: 1 });
  await sign(stranger.api, strangerAudit);
  fromStranger = await exportedBytes(stranger, strangerAudit);

  // The QA installation, with a passphrase as the CLI opens it, trusting the auditor.
  const key = await obtainDatabaseKey(qaDb, async () => PASSPHRASE, { N: 2 ** 14, r: 8, p: 1 });
  const qa = openApp(qaDb, { key });
  const api = apiOver(qa.dispatch);
  await setUpBoard(api);
  await api['identity.create']({ name: 'QA Chair', role: 'Chair', agency: 'Northshire SCP' });
  await api['trust.enrol']({ card: (await auditor.api['identity.card']({})).json, safetyNumberCompared: true });
  qa.close();
}, 120_000);
afterAll(() => {
  auditor.app.close();
  stranger.app.close();
  t.cleanup();
});

describe('case-audit import of a folder of hostile and genuine bundles', () => {
  it('prints every outcome and the summary with the peak memory, and writes only the genuine bundles', async () => {
    const trusted = installationSigner(auditor);
    const unknown = strangerSigner();
    const files: Record<string, Buffer> = {
      '01-r1.caseaudit': r1,
      '02-bomb-10mib-unknown.caseaudit': craftBundle(r1, unknown, { 'content.json': stringBomb(10) }),
      '03-bomb-40mib-trusted.caseaudit': craftBundle(r1, trusted, { 'content.json': stringBomb(40) }),
      '04-bomb-200mib-unknown.caseaudit': craftBundle(r1, unknown, { 'content.json': stringBomb(200) }),
      '05-lying-size-trusted.caseaudit': craftBundle(
        r1,
        trusted,
        { 'content.json': stringBomb(200) },
        { 'content.json': MAX_CONTENT_BYTES },
      ),
      '06-many-values-unknown.caseaudit': craftBundle(r1, unknown, {
        'content.json': { prefix: '[', chunk: Buffer.from('{},'.repeat(1000)), times: 2000, suffix: '{}]' },
      }),
      '07-junk.caseaudit': Buffer.from('not a bundle at all'),
      '08-r2.caseaudit': r2,
      '09-stranger.caseaudit': fromStranger,
      '10-r1-again.caseaudit': r1,
    };
    mkdirSync(inbox);
    for (const [name, bytes] of Object.entries(files)) writeFileSync(join(inbox, name), bytes);
    writeFileSync(join(inbox, 'notes.txt'), 'not a bundle: not imported');

    const run = spawnSync(process.execPath, [CLI, 'import', inbox, '--db', qaDb, '--passphrase-file', pass], {
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(run.status, run.stderr).toBe(1);
    const lines = run.stdout.trim().split('\n');
    const limit = `it may hold at most ${MAX_CONTENT_BYTES} (8 MiB)`;
    const expected = [
      /^ADDED: 01-r1\.caseaudit: /,
      new RegExp(
        `^REFUSED \\(size\\): 02-bomb-10mib-unknown\\.caseaudit: the entry "content\\.json" declares ${10 * MiB + 16} bytes; ${limit.replace(/[()]/g, '\\$&')}$`,
      ),
      new RegExp(
        `^REFUSED \\(size\\): 03-bomb-40mib-trusted\\.caseaudit: the entry "content\\.json" declares ${40 * MiB + 16} bytes`,
      ),
      new RegExp(
        `^REFUSED \\(size\\): 04-bomb-200mib-unknown\\.caseaudit: the entry "content\\.json" declares ${200 * MiB + 16} bytes`,
      ),
      new RegExp(
        `^REFUSED \\(size\\): 05-lying-size-trusted\\.caseaudit: the entry "content\\.json" inflates to more than the ${MAX_CONTENT_BYTES} bytes it declares$`,
      ),
      /^REFUSED \(size\): 06-many-values-unknown\.caseaudit: content\.json is too large to read: the bundle's JSON entries together hold more than 400000 values/,
      /^REFUSED \(container\): 07-junk\.caseaudit: the file is not a Case Audit bundle/,
      /^SUPERSEDED: 08-r2\.caseaudit: /,
      /^QUARANTINED: 09-stranger\.caseaudit: signed by Unknown Person/,
      /^SKIPPED: 10-r1-again\.caseaudit: /,
      /^Summary: 10 files: 1 added, 1 superseded, 1 skipped, 0 kept older, 1 quarantined, 6 refused; peak memory (\d+) MB$/,
    ];
    expect(lines).toHaveLength(expected.length);
    lines.forEach((line, i) => expect(line).toMatch(expected[i]!));
    const peak = Number(/peak memory (\d+) MB/.exec(lines.at(-1)!)![1]);
    console.log(
      `case-audit import of ${Object.keys(files).length} files (three content bombs of 10-200 MiB): peak memory ${peak} MB`,
    );
    // Inflating even one 200 MiB bomb would show here.
    expect(peak).toBeLessThan(200 + 200);

    const key = await obtainDatabaseKey(qaDb, async () => PASSPHRASE);
    const qa = openApp(qaDb, { key });
    try {
      expect(tableCounts(qa)).toMatchObject({ audit: 1, audit_revision: 2, quarantine: 1, imported_bundle: 2 });
    } finally {
      qa.close();
    }
  }, 180_000);
});

describe('the browser host given a bomb', () => {
  it('refuses it through bundles.import, stays up and answers the next request', async () => {
    const child = spawn(
      process.execPath,
      [CLI, 'serve', '--db', join(t.dir, 'host.db'), '--port', '0', '--passphrase-file', pass],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let exited: number | null = null;
    child.on('exit', (code) => (exited = code));
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (c: Buffer) => {
          out += c.toString();
          const m = /Case Audit is running at (http:\/\/127\.0\.0\.1:\d+\/#token=\S+)/.exec(out);
          if (m) resolve(m[1]!);
        });
        child.on('exit', (code) => reject(new Error(`exited ${code}: ${out}`)));
      });
      const { origin, hash } = new URL(url);
      const call = async (method: string, body: unknown) => {
        const res = await fetch(`${origin}/rpc/${method}`, {
          method: 'POST',
          headers: { authorization: `Bearer ${hash.replace('#token=', '')}`, 'content-type': 'application/json' },
          body: JSON.stringify(body),
        });
        return (await res.json()) as { ok: boolean; value?: unknown };
      };
      const unknown = strangerSigner();
      for (const bomb of [
        craftBundle(r1, unknown, { 'content.json': stringBomb(40) }),
        craftBundle(r1, installationSigner(auditor), { 'content.json': stringBomb(200) }, { 'content.json': 5000 }),
      ]) {
        const r = await call('bundles.import', { fileName: 'bomb.caseaudit', base64: bomb.toString('base64') });
        expect(r).toMatchObject({ ok: true, value: { outcome: 'refused', check: 'size' } });
      }
      expect(await call('app.info', {})).toMatchObject({ ok: true, value: { databasePath: join(t.dir, 'host.db') } });
      expect(exited).toBeNull();
    } finally {
      const done = new Promise<void>((r) => (exited !== null ? r() : child.on('exit', () => r())));
      child.kill('SIGTERM');
      await done;
    }
    expect(exited).toBe(0);
  }, 60_000);
});
