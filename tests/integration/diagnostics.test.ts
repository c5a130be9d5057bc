// The installation's log file and the diagnostics a person sends to their IT desk: rotated, and free
// of anything typed into the audit, even when an error's message quotes it.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLog, errorFields, logFolder } from '../../electron/diagnostics/log.js';
import { completeAudit, installation, type Installation } from '../helpers/installations.js';
import { tempDir } from '../helpers/tmp.js';

let temp: { dir: string; cleanup: () => void };
beforeEach(() => {
  temp = tempDir();
});
afterEach(() => temp.cleanup());

describe('the log file', () => {
  it('rotates at its size, keeping the newest files, and reads back in order', () => {
    const log = createLog(join(temp.dir, 'logs'), { maxBytes: 400, keep: 2 });
    for (let i = 0; i < 40; i++) log.event('tick', { i });
    const files = readdirSync(join(temp.dir, 'logs')).sort();
    expect(files).toEqual(['case-audit.log', 'case-audit.log.1', 'case-audit.log.2']);
    for (const f of files) expect(readFileSync(join(temp.dir, 'logs', f)).length).toBeLessThanOrEqual(400);
    const ticks = log.tail(1000).map((l) => (JSON.parse(l) as { i: number }).i);
    expect(ticks.at(-1)).toBe(39);
    expect(ticks).toEqual([...ticks].sort((a, b) => a - b));
    expect(ticks.length).toBeLessThan(40); // the oldest went with the third rotation
  });

  it('keeps an error’s kind, code and stack frames, never its message', () => {
    const e = Object.assign(new Error('could not save "Jane Smith, 14 Acacia Avenue"'), { code: 'SQLITE_BUSY' });
    const fields = errorFields(e);
    expect(fields).toMatchObject({ errorType: 'Error', code: 'SQLITE_BUSY' });
    expect(fields.stack).toMatch(/^at /);
    expect(JSON.stringify(fields)).not.toMatch(/Jane|Acacia/);
  });
});

describe('an installation’s log and diagnostics after a journey', () => {
  let inst: Installation;
  afterEach(() => inst?.app.close());

  it('hold no evidence text, case reference or name, even from a failure quoting them', async () => {
    inst = await installation(temp.dir, 'auditor', { name: 'Priya Auditor', role: 'Auditor', agency: 'Ind' });
    const auditId = await completeAudit(inst.api, 'Missing children audit', { cases: 1 });
    const checklistId = (await inst.api['audits.get']({ auditId })).checklists[0]!.id;
    const first = (await inst.api['checklists.get']({ checklistId })).answers[0]!;
    const evidence = 'Seen at home with her aunt Marguerite Okonkwo-Fairweather, who asked not to be named';
    await inst.api['answers.save']({
      checklistId,
      questionId: first.questionId,
      value: first.value,
      notApplicableReason: first.notApplicableReason,
      evidence,
    });
    const caseRef = (await inst.api['audits.get']({ auditId })).cases[0]!.reference;
    // A failure whose message quotes what it failed on, as a bug's might.
    const handlers = inst.app.handlers as unknown as Record<string, () => never>;
    handlers['board.get'] = () => {
      throw new Error(`cannot read ${evidence} for ${caseRef}`);
    };
    await expect(inst.api['board.get']({})).rejects.toMatchObject({ code: 'INTERNAL' });

    const folder = logFolder(inst.path);
    const text = readdirSync(folder)
      .map((f) => readFileSync(join(folder, f), 'utf8'))
      .join('');
    const entries = text
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(entries[0]).toMatchObject({ level: 'info', event: 'opened', schemaVersion: expect.any(Number) });
    expect(entries).toContainEqual(
      expect.objectContaining({
        level: 'error',
        what: 'board.get',
        errorType: 'Error',
        stack: expect.stringMatching(/^at /),
      }),
    );
    for (const secret of ['Okonkwo', 'Marguerite', 'asked not to be named', caseRef, 'Priya'])
      expect(text, secret).not.toContain(secret);

    const about = await inst.api['app.about']({});
    expect(about).toMatchObject({ databasePath: inst.path, logFolder: folder, node: process.versions.node });
    const diagnostics = await inst.api['app.diagnostics']({});
    expect(diagnostics.fileName).toMatch(/^case-audit-diagnostics-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d\.json$/);
    const body = JSON.parse(diagnostics.json) as { format: string; log: unknown[]; databaseBytes: number };
    expect(body.format).toBe('case-audit-diagnostics');
    expect(body.databaseBytes).toBeGreaterThan(0);
    expect(body.log).toContainEqual(expect.objectContaining({ what: 'board.get' }));
    for (const secret of ['Okonkwo', 'asked not to be named', caseRef, 'Priya', 'Missing children audit'])
      expect(diagnostics.json, secret).not.toContain(secret);
  });

  it('records the close', async () => {
    inst = await installation(temp.dir, 'qa', { name: 'QA', role: 'Chair', agency: 'SCP' });
    inst.app.close();
    const log = readFileSync(join(logFolder(inst.path), 'case-audit.log'), 'utf8');
    expect(log.trim().split('\n').at(-1)).toContain('"event":"closed"');
    expect(existsSync(join(logFolder(inst.path), 'case-audit.log.1'))).toBe(false);
  });
});
