// The one-shot commands run the services in the service process, through the same protocol as the
// desktop app and `case-audit serve`: the child notes each call and task it answers, with its own
// process id and its parent's, in the file CASE_AUDIT_SERVICE_TRACE names. Work done in the
// command's own process would leave no line, or lines with the command's own id.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/tmp.js';

const CLI = join(import.meta.dirname, '..', '..', 'bin', 'case-audit.js');
const t = tempDir();
const pass = join(t.dir, 'pass.txt');
const db = join(t.dir, 'demo.db');
const traceFile = join(t.dir, 'trace.jsonl');

const run = (...args: string[]) => {
  rmSync(traceFile, { force: true });
  const r = spawnSync(process.execPath, [CLI, ...args, '--passphrase-file', pass], {
    encoding: 'utf8',
    timeout: 120_000,
    env: { ...process.env, CASE_AUDIT_SERVICE_TRACE: traceFile },
  });
  const trace = existsSync(traceFile)
    ? readFileSync(traceFile, 'utf8')
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as { pid: number; ppid: number; kind: string; name: string })
    : [];
  return { ...r, trace };
};

let auditId: string;
beforeAll(() => {
  writeFileSync(pass, 'a long enough demo passphrase');
  const demo = run('demo', '--db', db, '--json');
  expect(demo.status, demo.stderr).toBe(0);
  auditId = (JSON.parse(demo.stdout) as { auditId: string }).auditId;
  // The demo's board, identity and signed audit were made by contract calls in a child of the command.
  expect(demo.trace.map((l) => l.name)).toEqual(
    expect.arrayContaining(['board.setup', 'identity.create', 'audits.sign']),
  );
  for (const line of demo.trace) {
    expect(line.ppid).toBe(demo.pid);
    expect(line.pid).not.toBe(demo.pid);
  }
}, 180_000);
afterAll(() => t.cleanup());

describe('one-shot commands in the service process', () => {
  it('a contract call (templates list) and a task (backup) are answered by a child of the command', () => {
    const list = run('templates', 'list', '--db', db, '--json');
    expect(list.status, list.stderr).toBe(0);
    expect(list.trace).toEqual([expect.objectContaining({ kind: 'call', name: 'templates.list', ppid: list.pid })]);
    expect(list.trace[0]!.pid).not.toBe(list.pid);

    const backup = run('backup', '--db', db, '--json');
    expect(backup.status, backup.stderr).toBe(0);
    expect(backup.trace).toEqual([expect.objectContaining({ kind: 'task', name: 'backups.now', ppid: backup.pid })]);
    expect(existsSync((JSON.parse(backup.stdout) as { file: string }).file)).toBe(true);
  }, 120_000);

  it('export, import and report go through the child; verify without a database stays in the command', () => {
    const out = join(t.dir, 'demo.caseaudit');
    const exp = run('export', '--db', db, '--audit', auditId, '--out', out, '--no-encrypt');
    expect(exp.status, exp.stderr).toBe(0);
    expect(exp.trace.map((l) => [l.kind, l.name, l.ppid])).toEqual([['call', 'bundles.export', exp.pid]]);

    const verify = run('verify', out);
    expect(verify.status, verify.stdout + verify.stderr).toBe(0);
    expect(verify.trace).toEqual([]);
    const verifyDb = run('verify', out, '--db', db);
    expect(verifyDb.trace.map((l) => l.name)).toEqual(['bundles.verifyFiles']);

    const imp = run('import', out, '--db', db, '--json');
    expect(imp.trace.map((l) => l.name)).toEqual(['bundles.importFiles', 'search.indexPending']);
    expect(new Set(imp.trace.map((l) => l.ppid))).toEqual(new Set([imp.pid]));
    expect((JSON.parse(imp.stdout) as { summary: { files: number } }).summary.files).toBe(1);

    const report = run('report', '--db', db, '--audit', auditId, '--out', join(t.dir, 'r.pdf'));
    expect(report.status, report.stderr).toBe(0);
    expect(report.trace.map((l) => [l.name, l.ppid])).toEqual([['reports.audit', report.pid]]);
  }, 300_000);
});
