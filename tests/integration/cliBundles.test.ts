import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp } from '../../electron/app.js';
import { obtainDatabaseKey } from '../../electron/security/databaseKey.js';
import { apiOver } from '../helpers/client.js';
import { setUpBoard } from '../helpers/fixtures.js';
import { tempDir } from '../helpers/tmp.js';

const CLI = join(import.meta.dirname, '..', '..', 'bin', 'case-audit.js');
const t = tempDir();
const pass = join(t.dir, 'pass.txt');
const demoDb = join(t.dir, 'demo.db');
const qaDb = join(t.dir, 'qa.db');
const run = (...args: string[]) =>
  spawnSync(process.execPath, [CLI, ...args, '--passphrase-file', pass], { encoding: 'utf8', timeout: 120_000 });
let auditId: string;

beforeAll(async () => {
  writeFileSync(pass, 'a long enough demo passphrase');
  const demo = run('demo', '--db', demoDb, '--json');
  expect(demo.status, demo.stderr).toBe(0);
  auditId = (JSON.parse(demo.stdout) as { auditId: string }).auditId;
  // A QA installation with its board (made through the library, with the same passphrase).
  const key = await obtainDatabaseKey(qaDb, async () => 'a long enough demo passphrase', { N: 2 ** 14, r: 8, p: 1 });
  const qa = openApp(qaDb, { key });
  await setUpBoard(apiOver(qa.dispatch));
  qa.close();
}, 180_000);
afterAll(() => t.cleanup());

describe('case-audit demo, export, verify and import', () => {
  it('demo refuses to overwrite an existing database', () => {
    const r = run('demo', '--db', demoDb);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('already exists');
  });

  it('exports the signed demo audit, verifies it, and imports it into another installation', () => {
    const out = join(t.dir, 'demo.caseaudit');
    const exp = run('export', '--db', demoDb, '--audit', auditId, '--out', out);
    expect(exp.status, exp.stderr).toBe(0);
    expect(exp.stdout).toContain('signed, not encrypted');
    expect(run('export', '--db', demoDb, '--audit', auditId, '--out', out).status).toBe(1); // never overwrites

    const v = run('verify', out);
    expect(v.status).toBe(0);
    expect(v.stdout).toMatch(
      /^VERIFIED: demo\.caseaudit: "MASH repeat audit \(demo\)" revision 1, signed by Demo Auditor/,
    );

    const tampered = join(t.dir, 'tampered.caseaudit');
    const bytes = readFileSync(out);
    const middle = Math.floor(bytes.length / 2);
    bytes[middle] = bytes[middle]! ^ 0xff;
    writeFileSync(tampered, bytes);
    const both = run('verify', out, tampered, '--json');
    expect(both.status).toBe(1);
    const lines = JSON.parse(both.stdout) as { ok: boolean; check?: string }[];
    expect(lines.map((l) => l.ok)).toEqual([true, false]);

    // With a trust folder that does not hold the signer's card, the signer is not trusted.
    const cards = join(t.dir, 'cards');
    mkdirSync(cards);
    expect(run('verify', out, '--trust', cards).stdout).toContain('REFUSED (signer)');

    const imp = run('import', out, tampered, '--db', qaDb);
    expect(imp.status).toBe(1);
    expect(imp.stdout).toMatch(/QUARANTINED: demo\.caseaudit: signed by Demo Auditor/);
    expect(imp.stdout).toMatch(/REFUSED \(\w+\): tampered\.caseaudit/);
    const json = run('import', out, '--db', qaDb, '--json');
    expect(json.status).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({
      files: [{ outcome: 'quarantined' }],
      summary: { files: 1, quarantined: 1, refused: 0, peakMemoryMb: expect.any(Number) },
    });
  });

  it("imports a trusted signer's bundle and indexes its evidence notes for search before it ends", async () => {
    const open = async (path: string) =>
      openApp(path, { key: await obtainDatabaseKey(path, async () => 'a long enough demo passphrase') });
    const demo = await open(demoDb);
    const card = (await apiOver(demo.dispatch)['identity.card']({})).json;
    demo.close();
    const qaBefore = await open(qaDb);
    await apiOver(qaBefore.dispatch)['trust.enrol']({ card, safetyNumberCompared: true });
    qaBefore.close();

    const out = join(t.dir, 'demo.caseaudit');
    // The demo's board is another partnership's: refused, nothing written, until the board is named.
    const held = run('import', out, '--db', qaDb);
    expect(held.status).toBe(1);
    expect(held.stdout).toMatch(/REFUSED \(board\): demo\.caseaudit: .*Demoshire/);
    expect(run('import', out, '--db', qaDb, '--accept-board', 'Elsewhere').status).toBe(1);
    const imp = run(
      'import',
      out,
      '--db',
      qaDb,
      '--accept-board',
      'Demoshire Safeguarding Children Partnership (fictional)',
    );
    expect(imp.status, imp.stdout + imp.stderr).toBe(0);
    expect(imp.stdout).toMatch(/ADDED: demo\.caseaudit/);
    expect(imp.stderr).toContain('indexing evidence notes for search: 1 of 1 audits');
    const qa = await open(qaDb);
    try {
      const api = apiOver(qa.dispatch);
      expect((await api['search.indexStatus']({})).pendingAudits).toBe(0);
      const { notes, indexed } = qa.db
        .prepare(
          `SELECT count(*) AS notes, sum(EXISTS (SELECT 1 FROM search_ref r WHERE r.kind = 'evidence'
             AND r.ref_id = a.checklist_id || '/' || a.question_id)) AS indexed
           FROM answer a JOIN checklist k ON k.id = a.checklist_id JOIN audit_case c ON c.id = k.case_id
           WHERE c.audit_id = ? AND a.evidence <> ''`,
        )
        .get(auditId) as { notes: number; indexed: number };
      expect(notes).toBeGreaterThan(0);
      expect(indexed).toBe(notes);
    } finally {
      qa.close();
    }
  });

  it('gives usage errors exit 2', () => {
    expect(run('verify').status).toBe(2);
    expect(run('export', '--db', demoDb, '--audit', 'not-an-id', '--out', 'x').status).toBe(2);
    expect(run('import', '--db', qaDb).status).toBe(2);
  });
});
