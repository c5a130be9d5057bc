// The one background scheduler (electron/background/scheduler.ts): failures are logged and the work
// goes on, stopping cancels a wait and a run, and waiting for it to be idle waits for exactly the
// work scheduled or running.
import { describe, expect, it, vi } from 'vitest';
import { createScheduler, type LogError } from '../../electron/background/scheduler.js';

const realSetTimeout = globalThis.setTimeout;
const sleep = (ms: number) => new Promise((resolve) => realSetTimeout(resolve, ms));

function logged() {
  const entries: { what: string; message: string }[] = [];
  const logError: LogError = (what, e) => entries.push({ what, message: (e as Error).message });
  return { entries, logError };
}

describe('the background scheduler', () => {
  it('logs a failed run and runs the task again when it is next scheduled', async () => {
    const log = logged();
    const s = createScheduler({ logError: log.logError });
    let runs = 0;
    const task = s.task('flaky', () => {
      runs++;
      if (runs === 1) throw new Error('disk full');
    });
    await task.run(); // resolves, never rejects
    expect(log.entries).toEqual([{ what: 'background flaky', message: 'disk full' }]);
    task.schedule(1);
    await task.idle();
    expect(runs).toBe(2);
    expect(log.entries).toHaveLength(1);
    s.dispose();
  });

  it('logs a failed step and goes on to the next', async () => {
    const log = logged();
    const s = createScheduler({ logError: log.logError });
    const done: number[] = [];
    const task = s.task('each', async (run) => {
      for (const i of [1, 2, 3]) {
        if (!(await run.step())) return;
        run.attempt(`item ${i}`, () => {
          if (i === 2) throw new Error('bad item');
          done.push(i);
        });
      }
    });
    await task.run();
    expect(done).toEqual([1, 3]);
    expect(log.entries).toEqual([{ what: 'background each: item 2', message: 'bad item' }]);
    s.dispose();
  });

  it('an async failure is logged, and other tasks are not affected', async () => {
    const log = logged();
    const s = createScheduler({ logError: log.logError });
    let other = 0;
    s.task('failing', async () => {
      await sleep(1);
      throw new Error('later');
    }).schedule(0);
    s.task('other', () => void other++).schedule(5);
    await s.idle();
    expect(log.entries).toEqual([{ what: 'background failing', message: 'later' }]);
    expect(other).toBe(1);
    s.dispose();
  });

  it('stop forgets a wait, and stops a run at its next step', async () => {
    const s = createScheduler({ logError: () => {} });
    let ran = false;
    const waiting = s.task('waiting', () => void (ran = true), { delayMs: 5 });
    waiting.schedule();
    expect(waiting.state).toBe('waiting');
    waiting.stop();
    expect(waiting.state).toBe('idle');
    await sleep(20);
    expect(ran).toBe(false);

    const steps: number[] = [];
    const loop = s.task('loop', async (run) => {
      for (let i = 0; i < 100; i++) {
        if (!(await run.step())) return;
        steps.push(i);
        if (i === 2) loop.stop();
      }
    });
    await loop.run();
    expect(steps).toEqual([0, 1, 2]);
    // Stopped is not disposed: it runs again when asked.
    await loop.run();
    expect(steps).toEqual([0, 1, 2, 0, 1, 2]);
    s.dispose();
  });

  it('dispose stops every task for good', async () => {
    const s = createScheduler({ logError: () => {} });
    let runs = 0;
    const task = s.task('t', () => void runs++, { delayMs: 5 });
    task.schedule();
    s.dispose();
    expect(s.disposed).toBe(true);
    task.schedule();
    await task.run();
    await sleep(20);
    expect(runs).toBe(0);
  });

  it('waits afresh when scheduled again (or keeps the first wait when asked), and never runs twice at once', async () => {
    const s = createScheduler({ logError: () => {} });
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      let debouncedRuns = 0;
      const debounced = s.task('debounced', () => void debouncedRuns++, { delayMs: 30 });
      debounced.schedule();
      await vi.advanceTimersByTimeAsync(20);
      debounced.schedule(); // a write meanwhile: wait again from now
      await vi.advanceTimersByTimeAsync(20);
      expect(debouncedRuns).toBe(0);
      await vi.advanceTimersByTimeAsync(10);
      expect(debouncedRuns).toBe(1);

      let firstRuns = 0;
      const first = s.task('first', () => void firstRuns++, { delayMs: 30 });
      first.schedule();
      await vi.advanceTimersByTimeAsync(20);
      first.schedule(undefined, { restart: false }); // keeps the first wait
      await vi.advanceTimersByTimeAsync(10);
      expect(firstRuns).toBe(1);
      expect(first.state).toBe('idle');
    } finally {
      vi.useRealTimers();
    }

    let concurrent = 0;
    let most = 0;
    const slow = s.task('slow', async (run) => {
      most = Math.max(most, ++concurrent);
      await sleep(10);
      await run.step();
      concurrent--;
    });
    const a = slow.run();
    const b = slow.run();
    slow.schedule(0); // ignored while running
    await Promise.all([a, b]);
    await slow.idle();
    expect(most).toBe(1);
    s.dispose();
  });

  it('is idle at once when nothing waits or runs; a wait holds the process only while someone waits for it', async () => {
    const s = createScheduler({ logError: () => {} });
    const task = s.task('t', () => {}, { delayMs: 50 });
    let settled = false;
    void task.idle().then(() => (settled = true));
    await s.idle();
    await sleep(0);
    expect(settled).toBe(true);

    const timers: NodeJS.Timeout[] = [];
    const spy = vi.spyOn(globalThis, 'setTimeout').mockImplementation(((fn: () => void, ms?: number) => {
      const timer = realSetTimeout(fn, ms);
      timers.push(timer);
      return timer;
    }) as typeof setTimeout);
    try {
      task.schedule();
    } finally {
      spy.mockRestore();
    }
    expect(timers).toHaveLength(1);
    expect(timers[0]!.hasRef()).toBe(false); // the app may quit while it waits
    const idle = task.idle();
    expect(timers[0]!.hasRef()).toBe(true); // whoever waits for the work keeps the process until it is done
    await idle;
    expect(task.state).toBe('idle');
    s.dispose();
  });

  it('refuses two tasks of one name', () => {
    const s = createScheduler();
    s.task('t', () => {});
    expect(() => s.task('t', () => {})).toThrow(/already/);
  });
});
