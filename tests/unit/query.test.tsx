// @vitest-environment happy-dom
// The hook layer over TanStack Query, against a fake Api (a plain object of async functions): a
// mutation's success and an unlock refresh what is shown, a failed call shows its ApiError at once,
// and a job is polled only until it ends.
import { act, useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import type { Api } from '../../shared/contract.js';
import type { JobStatus } from '../../shared/jobs.js';
import { ApiError } from '../../renderer/api/client.js';
import { ApiProvider } from '../../renderer/api/context.js';
import { useApiMutation, useApiQuery, useFollowLock } from '../../renderer/api/hooks.js';
import { JOB_POLL_MS, useJob } from '../../renderer/lib/useJob.js';
import { render as renderNode, settle, until } from '../helpers/dom.js';

function render(api: Partial<Record<keyof Api, (input: never) => Promise<unknown>>>, ui: React.ReactNode) {
  return renderNode(<ApiProvider api={api as unknown as Api}>{ui}</ApiProvider>);
}

const text = (el: HTMLElement, testId: string) => el.querySelector(`[data-testid="${testId}"]`)?.textContent ?? null;

function click(el: HTMLElement, testId: string): void {
  const button = el.querySelector<HTMLButtonElement>(`[data-testid="${testId}"]`);
  if (!button) throw new Error(`no ${testId}`);
  act(() => button.click());
}

function BackupList() {
  const list = useApiQuery('backups.list', {});
  const create = useApiMutation('backups.create');
  return (
    <div>
      <p data-testid="names">{list.data ? list.data.map((b) => b.name).join(',') : 'loading'}</p>
      <button data-testid="create" onClick={() => void create.mutate({}).catch(() => undefined)}>
        Back up
      </button>
      {create.error ? <p data-testid="create-error">{create.error.message}</p> : null}
    </div>
  );
}

describe('useApiQuery and useApiMutation', () => {
  it('shows the new data once a mutation succeeds, without a manual reload', async () => {
    const names = ['a.db'];
    const list = vi.fn(async () => names.map((name) => ({ name })));
    const el = await render(
      {
        'backups.list': list,
        'backups.create': async () => {
          names.push('b.db');
          return { name: 'b.db' };
        },
      },
      <BackupList />,
    );
    await until(() => text(el, 'names') === 'a.db');
    click(el, 'create');
    await until(() => text(el, 'names') === 'a.db,b.db');
    expect(list).toHaveBeenCalledTimes(2);
  });

  it('leaves other methods alone when a mutation narrows what it changes', async () => {
    const list = vi.fn(async () => [{ name: 'a.db' }]);
    function Narrow() {
      const backups = useApiQuery('backups.list', {});
      const save = useApiMutation('settings.setIdleLock', { invalidates: ['settings.'] });
      return (
        <div>
          <p data-testid="names">{backups.data?.map((b) => b.name).join(',') ?? 'loading'}</p>
          <button data-testid="save" onClick={() => void save.mutate({ minutes: 15 })} />
          <p data-testid="saved">{save.pending ? 'pending' : 'idle'}</p>
        </div>
      );
    }
    const el = await render({ 'backups.list': list, 'settings.setIdleLock': async () => ({}) }, <Narrow />);
    await until(() => text(el, 'names') === 'a.db');
    click(el, 'save');
    await until(() => text(el, 'saved') === 'idle');
    await settle(20);
    expect(list).toHaveBeenCalledTimes(1);
  });

  it('surfaces a failed call as its ApiError at once, asking only once', async () => {
    const list = vi.fn(async () => {
      throw new ApiError('NOT_FOUND', 'There is no such backup.');
    });
    function Failing() {
      const backups = useApiQuery('backups.list', {});
      return (
        <p data-testid="state">
          {backups.error ? `${backups.error.code}: ${backups.error.message}` : backups.data ? 'data' : 'loading'}
        </p>
      );
    }
    const el = await render({ 'backups.list': list }, <Failing />);
    await until(() => text(el, 'state') !== 'loading');
    expect(text(el, 'state')).toBe('NOT_FOUND: There is no such backup.');
    await settle(50);
    expect(list).toHaveBeenCalledTimes(1);
  });

  it('keeps a failed mutation’s ApiError, and turns anything else into INTERNAL', async () => {
    const el = await render(
      {
        'backups.list': async () => [],
        'backups.create': async () => {
          throw new TypeError('boom');
        },
      },
      <BackupList />,
    );
    await until(() => text(el, 'names') === '');
    click(el, 'create');
    await until(() => text(el, 'create-error') !== null);
    expect(text(el, 'create-error')).toBe('Something went wrong.');
  });
  it('refreshes after a failure only when asked to, and keeps the data of a query refused as LOCKED', async () => {
    let locked = false;
    const list = vi.fn(async () => {
      if (locked) throw new ApiError('LOCKED', 'Case Audit is locked.');
      return [{ name: 'a.db' }];
    });
    function Refused() {
      const backups = useApiQuery('backups.list', {});
      const create = useApiMutation('backups.create', { invalidateOnError: true });
      return (
        <div>
          <p data-testid="names">
            {backups.error ? backups.error.code : (backups.data?.map((b) => b.name).join(',') ?? 'loading')}
          </p>
          <button data-testid="create" onClick={() => void create.mutate({}).catch(() => undefined)} />
        </div>
      );
    }
    const el = await render(
      {
        'backups.list': list,
        'backups.create': async () => {
          locked = true;
          throw new ApiError('LOCKED', 'Case Audit is locked.');
        },
      },
      <Refused />,
    );
    await until(() => text(el, 'names') === 'a.db');
    click(el, 'create');
    await until(() => list.mock.calls.length === 2);
    await settle(20);
    // Hidden behind the unlock screen, the screen keeps what it showed.
    expect(text(el, 'names')).toBe('a.db');
  });
});

describe('the session lock', () => {
  it('makes queries wait while locked and fetches them afresh on unlock', async () => {
    let generation = 1;
    const list = vi.fn(async () => [{ name: `g${generation}.db` }]);
    let setLocked: (locked: boolean) => void = () => undefined;
    function Gate() {
      const [locked, set] = useState(false);
      setLocked = set;
      useFollowLock(locked);
      return <BackupList />;
    }
    const el = await render({ 'backups.list': list }, <Gate />);
    await until(() => text(el, 'names') === 'g1.db');

    act(() => setLocked(true));
    generation = 2;
    await settle(20);
    // Locked: the hidden screen keeps what it showed and nothing is asked.
    expect(text(el, 'names')).toBe('g1.db');
    expect(list).toHaveBeenCalledTimes(1);

    act(() => setLocked(false));
    await until(() => text(el, 'names') === 'g2.db');
    expect(list).toHaveBeenCalledTimes(2);
  });
});

describe('useJob', () => {
  it('polls a job until it is done, then collects it once and stops', async () => {
    const statuses: JobStatus['status'][] = ['running', 'running', 'done'];
    let asked = 0;
    const get = vi.fn(async () => {
      const status = statuses[Math.min(asked, statuses.length - 1)]!;
      asked++;
      return { kind: 'report.audit', status, done: asked, total: 3, stage: 'Writing' } satisfies JobStatus;
    });
    const collect = vi.fn(async () => 'report.pdf');
    const cancel = vi.fn(async () => ({}));
    function Report() {
      const job = useJob();
      return (
        <div>
          <button
            data-testid="start"
            onClick={() =>
              job.start(
                'QA report',
                { kind: 'report.audit', auditId: 'a1', format: 'pdf' },
                {
                  collect,
                  deliver: (name) => `Saved ${name}.`,
                },
              )
            }
          />
          <p data-testid="state">{job.state.kind === 'done' ? job.state.outcome : job.state.kind}</p>
        </div>
      );
    }
    const el = await render(
      { 'jobs.start': async () => ({ jobId: 'j1' }), 'jobs.get': get, 'jobs.cancel': cancel },
      <Report />,
    );
    click(el, 'start');
    await until(() => text(el, 'state') === 'Saved report.pdf.');
    const calls = get.mock.calls.length;
    expect(calls).toBe(3);
    await settle(JOB_POLL_MS * 3);
    expect(get).toHaveBeenCalledTimes(calls);
    expect(collect).toHaveBeenCalledTimes(1);
    expect(cancel).not.toHaveBeenCalled();
  });

  it('stops polling when cancelled, and cancels the job on the services', async () => {
    const get = vi.fn(
      async () =>
        ({ kind: 'report.audit', status: 'running', done: 1, total: 9, stage: 'Counting' }) satisfies JobStatus,
    );
    const cancel = vi.fn(async () => ({}));
    const collect = vi.fn(async () => 'never');
    function Report() {
      const job = useJob();
      return (
        <div>
          <button
            data-testid="start"
            onClick={() =>
              job.start(
                'QA report',
                { kind: 'report.audit', auditId: 'a1', format: 'pdf' },
                { collect, deliver: String },
              )
            }
          />
          <button data-testid="cancel" onClick={job.cancel} />
          <p data-testid="state">{job.state.kind === 'running' ? `running ${job.state.done}` : job.state.kind}</p>
        </div>
      );
    }
    const el = await render(
      { 'jobs.start': async () => ({ jobId: 'j2' }), 'jobs.get': get, 'jobs.cancel': cancel },
      <Report />,
    );
    click(el, 'start');
    await until(() => text(el, 'state') === 'running 1' && get.mock.calls.length >= 2);
    click(el, 'cancel');
    expect(text(el, 'state')).toBe('cancelled');
    expect(cancel).toHaveBeenCalledWith({ jobId: 'j2' });
    const calls = get.mock.calls.length;
    await settle(JOB_POLL_MS * 3);
    expect(get.mock.calls.length).toBeLessThanOrEqual(calls + 1);
    expect(collect).not.toHaveBeenCalled();
  });
});
