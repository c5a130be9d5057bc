// The services in their own process, as the desktop app and the browser host run them: the real
// child (dist/electron/serviceProcess/child.js, forked with the same structured-clone framing as
// Electron's utilityProcess) on a real database in a temporary folder. Killed with SIGKILL in the
// middle of a stream of writes, it is restarted locked, and after unlocking again every write it
// acknowledged is there.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { RpcError, RpcResult } from '../../shared/errors.js';
import { forkServiceChild, serviceEntry, startNodeServiceProcess } from '../../electron/serviceProcess/nodeChild.js';
import type { ChildMessage } from '../../electron/serviceProcess/protocol.js';
import { createRelay } from '../../electron/serviceProcess/relay.js';
import {
  startServiceProcess,
  type ServiceChild,
  type ServiceProcess,
} from '../../electron/serviceProcess/supervisor.js';
import { apiOver } from '../helpers/client.js';
import { agencyId, setUpBoard } from '../helpers/fixtures.js';
import { tempDir } from '../helpers/tmp.js';

if (!existsSync(serviceEntry()))
  throw new Error(`${serviceEntry()} is missing: run \`npm run build\` before these tests`);

const t = tempDir();
afterAll(() => t.cleanup());
const PASSPHRASE = 'a passphrase for the service process';
const SETTINGS = { dailyBackup: false, scrypt: { N: 2 ** 14, r: 8, p: 1 } };

let running: ServiceProcess | null = null;
afterEach(async () => {
  await running?.close();
  running = null;
});

const WRITERS = 3;
const KILL_AT = 80; // writes started before the kill

describe('the service process', () => {
  it('is restarted locked after SIGKILL mid-write, and keeps every write it acknowledged', async () => {
    const dbPath = join(t.dir, 'kill.db');
    const logs: string[] = [];
    const events: string[] = [];
    const sp = await startNodeServiceProcess({
      settings: { dbPath, ...SETTINGS },
      log: (m) => logs.push(m),
      onEvent: (e) => events.push(e),
    });
    running = sp;
    const api = apiOver(sp.dispatch);
    await api['session.create']({ passphrase: PASSPHRASE, confirm: PASSPHRASE });
    const board = await setUpBoard(api);
    const [tpl] = await api['templates.list']({});
    const audit = await api['audits.create']({ title: 'Killed mid-write', templateId: tpl!.id });
    const newCase = (reference: string) => ({
      auditId: audit.id,
      reference,
      ageBand: '10-13' as const,
      gender: 'female' as const,
      ethnicity: 'asian' as const,
      disability: 'no' as const,
      planType: 'child_protection' as const,
      agencyIds: [agencyId(board, "Children's social care")],
    });
    await api['cases.add'](newCase('K-0'));
    const checklistId = (await api['audits.get']({ auditId: audit.id })).checklists[0]!.id;
    const { template } = await api['checklists.get']({ checklistId });
    const questionIds = template.sections
      .flatMap((s) => s.questions)
      .filter((q) => q.appliesTo.length === 0)
      .slice(0, WRITERS)
      .map((q) => q.id);
    expect(questionIds).toHaveLength(WRITERS);

    // Several writers at once, as an autosaving screen and an import would be: each saves one
    // question over and over; one more adds cases, each a new row.
    const firstPid = sp.pid!;
    let started = 0;
    const next = () => {
      started++;
      if (started === KILL_AT) process.kill(firstPid, 'SIGKILL');
      return started;
    };
    const lastAcked = new Map<string, number>();
    const ackedCases: string[] = [];
    const refusals: RpcError[] = [];
    const answerWriter = async (questionId: string) => {
      for (;;) {
        const n = next();
        const r = await sp.dispatch('answers.save', { checklistId, questionId, value: null, evidence: `save ${n}` });
        if (!r.ok) return refusals.push(r.error);
        lastAcked.set(questionId, n);
      }
    };
    const caseWriter = async () => {
      for (;;) {
        const reference = `K-${next()}`;
        const r = await sp.dispatch('cases.add', newCase(reference));
        if (!r.ok) return refusals.push(r.error);
        ackedCases.push(reference);
      }
    };
    await Promise.all([...questionIds.map(answerWriter), caseWriter()]);

    // Each writer stopped at its first refusal: on its way when the process died (INTERNAL, saying
    // so), or sent after the restart (LOCKED).
    expect(refusals).toHaveLength(WRITERS + 1);
    for (const e of refusals) {
      if (e.code === 'INTERNAL') expect(e.message).toMatch(/stopped unexpectedly and have been restarted/);
      else expect(e.code).toBe('LOCKED');
    }
    expect(refusals.some((e) => e.code === 'INTERNAL')).toBe(true);
    expect(logs.join('\n')).toMatch(/service process stopped unexpectedly \(signal SIGKILL\); restarting it/);
    expect(events).toContain('app.locked');

    await sp.ready();
    expect(sp.restarts).toBe(1);
    expect(sp.pid).not.toBe(firstPid);
    expect(await api['session.status']({})).toMatchObject({ locked: true, databaseExists: true });
    expect(await sp.dispatch('audits.list', {})).toMatchObject({ ok: false, error: { code: 'LOCKED' } });

    await api['session.unlock']({ passphrase: PASSPHRASE });
    const { answers } = await api['checklists.get']({ checklistId });
    expect(lastAcked.size).toBe(WRITERS);
    for (const [questionId, n] of lastAcked) {
      const evidence = answers.find((a) => a.questionId === questionId)?.evidence;
      // The stored save is the acknowledged one or the one after it (written, not yet answered).
      expect(Number(evidence?.replace('save ', ''))).toBeGreaterThanOrEqual(n);
    }
    const stored = new Set((await api['audits.get']({ auditId: audit.id })).cases.map((c) => c.reference));
    expect(ackedCases.length).toBeGreaterThan(0);
    for (const reference of ackedCases) expect(stored).toContain(reference);

    // The restarted process writes as before.
    await api['answers.save']({ checklistId, questionId: questionIds[0]!, value: null, evidence: 'after' });
    const again = await api['checklists.get']({ checklistId });
    expect(again.answers.find((a) => a.questionId === questionIds[0])?.evidence).toBe('after');
  }, 60_000);

  it('starts with a known key, and says why when the database cannot be opened', async () => {
    const dbPath = join(t.dir, 'keyed.db');
    const sp = await startNodeServiceProcess({ settings: { dbPath, ...SETTINGS } });
    running = sp;
    await apiOver(sp.dispatch)['session.create']({ passphrase: PASSPHRASE, confirm: PASSPHRASE });
    await sp.close();
    running = null;
    // A wrong key: the first start fails with the database's own reason, and nothing is restarted.
    await expect(
      startNodeServiceProcess({ settings: { dbPath, ...SETTINGS }, key: Buffer.alloc(32, 9) }),
    ).rejects.toThrow(/./);
  }, 30_000);
});

describe('the relay and the protocol', () => {
  it('refuses method names that are not strings or not in the contract, before the service process', async () => {
    const calls: string[] = [];
    const relay = createRelay((method) => {
      calls.push(method);
      return Promise.resolve({ ok: true, value: null });
    });
    expect(await relay(42, {})).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await relay(['session.status'], {})).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    for (const name of ['no.such', '__proto__', 'constructor', 'toString', 'session.status ', ''])
      expect(await relay(name, {})).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(calls).toEqual([]);
    expect(await relay('session.status', {})).toEqual({ ok: true, value: null });
    expect(calls).toEqual(['session.status']);
  });

  it('the service process refuses malformed messages and unknown methods, and keeps answering', async () => {
    const child = forkServiceChild();
    const received: ChildMessage[] = [];
    let exited: { code: number | null } | null = null;
    child.onMessage((m) => received.push(m as ChildMessage));
    child.onExit((code) => (exited = { code }));
    const reply = async (id: number) => {
      for (let i = 0; i < 200 && !received.some((m) => m.type === 'result' && m.id === id); i++)
        await new Promise((r) => setTimeout(r, 25));
      const m = received.find((x) => x.type === 'result' && x.id === id);
      return m?.type === 'result' ? m.result : undefined;
    };
    const post = (m: unknown) => child.post(m as never);

    post('garbage');
    post(null);
    post({ type: 'call', id: 1, method: 42, input: {} });
    post({ type: 'call', id: 2, method: 'session.status', input: {}, extra: true });
    expect(await reply(1)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await reply(2)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    post({ type: 'call', id: 3, method: 'session.status', input: {} });
    expect(await reply(3)).toMatchObject({ ok: false, error: { message: /not been started/ } });

    // An init with a field it does not know is dropped: no session is started by it.
    post({ type: 'init', dbPath: join(t.dir, 'raw.db'), extra: 'x' });
    post({ type: 'init', dbPath: join(t.dir, 'raw.db'), dailyBackup: false });
    for (let i = 0; i < 200 && !received.some((m) => m.type === 'ready'); i++)
      await new Promise((r) => setTimeout(r, 25));
    expect(received.filter((m) => m.type === 'ready')).toHaveLength(1);

    post({ type: 'call', id: 4, method: 'no.such.method', input: {} });
    post({ type: 'call', id: 5, method: '__proto__', input: {} });
    post({ type: 'call', id: 6, method: 'session.status', input: { unexpected: 1 } });
    expect(await reply(4)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await reply(5)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await reply(6)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    post({ type: 'call', id: 7, method: 'session.status', input: {} });
    expect(await reply(7)).toEqual({ ok: true, value: expect.objectContaining({ locked: true }) });

    post({ type: 'close' });
    for (let i = 0; i < 200 && !exited; i++) await new Promise((r) => setTimeout(r, 25));
    expect(exited).toEqual({ code: 0 });
  }, 30_000);

  it('the supervisor drops a malformed message from the service process and answers a call once', async () => {
    const logs: string[] = [];
    let listener: (m: unknown) => void = () => {};
    const fake: ServiceChild = {
      pid: 1,
      post: (m) => {
        if (m.type === 'init') queueMicrotask(() => listener({ type: 'ready' }));
        if (m.type === 'call') {
          queueMicrotask(() => {
            listener({ type: 'result', id: m.id, result: { ok: false, error: { code: 'NOPE', message: 'x' } } });
            listener({ type: 'result', id: m.id, result: { ok: true, value: 'first' } });
            listener({ type: 'result', id: m.id, result: { ok: true, value: 'second' } });
          });
        }
      },
      onMessage: (l) => (listener = l),
      onExit: () => {},
      kill: () => {},
    };
    const sp = await startServiceProcess({ spawn: () => fake, settings: { dbPath: 'x' }, log: (m) => logs.push(m) });
    const r: RpcResult<unknown> = await sp.dispatch('session.status', {});
    expect(r).toEqual({ ok: true, value: 'first' });
    expect(logs).toEqual(['refused a malformed message from the service process']);
  });
});
