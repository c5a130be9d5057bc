// Long work the services run as a job (jobs.* in the contract: reports now, search indexing later):
// start it, follow it by polling jobs.get (the browser host has no push events), cancel it, and
// finish it once it is done (collect a report and save it, say). Show it with <JobProgress>.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Api } from '../../shared/contract.js';
import type { JobStart } from '../../shared/jobs.js';
import { errorMessage } from '../api/client.js';
import { useApi } from '../api/hooks.js';

/** How often a running job is asked how far it has got. */
export const JOB_POLL_MS = 200;

export type JobState =
  | { kind: 'idle' }
  | { kind: 'running'; what: string; done: number; total: number; stage: string }
  | { kind: 'done'; what: string; outcome: string }
  | { kind: 'cancelled'; what: string }
  | { kind: 'failed'; what: string; message: string };

/** What to do with a finished job: `collect` fetches what it made; `deliver` uses it and says what happened. */
export interface JobFinish<T> {
  collect: (api: Api, jobId: string) => Promise<T>;
  deliver: (value: T) => string;
}

export interface JobHandle {
  state: JobState;
  /** Starts the job; `what` names it in messages ("QA report"). Replaces any job this hook runs. */
  start: <T>(what: string, input: JobStart, finish: JobFinish<T>) => void;
  /** Cancels the job on the services; nothing it made is collected. */
  cancel: () => void;
}

/** One job at a time, for one part of a screen. */
export function useJob(): JobHandle {
  const api = useApi();
  const [state, setState] = useState<JobState>({ kind: 'idle' });
  // Each start is a run; an answer for an older run (or after a cancel) is dropped.
  const run = useRef(0);
  const jobId = useRef<string | null>(null);
  const timer = useRef<number | undefined>(undefined);

  const stop = useCallback(() => {
    run.current++;
    window.clearTimeout(timer.current);
    const job = jobId.current;
    jobId.current = null;
    // Nobody will collect its result: the services drop it (a report leaves nothing behind).
    if (job) api['jobs.cancel']({ jobId: job }).catch(() => undefined);
  }, [api]);

  // Leaving the screen cancels the job.
  useEffect(() => stop, [stop]);

  const start = useCallback<JobHandle['start']>(
    (what, input, finish) => {
      stop();
      const id = run.current;
      const current = () => run.current === id;
      setState({ kind: 'running', what, done: 0, total: 0, stage: 'Starting' });
      const fail = (e: unknown) => {
        if (!current()) return;
        jobId.current = null;
        setState({ kind: 'failed', what, message: errorMessage(e) });
      };

      const follow = async (job: string): Promise<void> => {
        const s = await api['jobs.get']({ jobId: job });
        if (!current()) return;
        if (s.status === 'running') {
          setState({ kind: 'running', what, done: s.done, total: s.total, stage: s.stage });
          timer.current = window.setTimeout(() => follow(job).catch(fail), JOB_POLL_MS);
        } else if (s.status === 'done') {
          const value = await finish.collect(api, job);
          jobId.current = null;
          // Cancelled while collecting: what was collected is dropped, not delivered.
          if (!current()) return;
          setState({ kind: 'done', what, outcome: finish.deliver(value) });
        } else if (s.status === 'cancelled') {
          jobId.current = null;
          setState({ kind: 'cancelled', what });
        } else {
          fail(new Error(s.message ?? 'It stopped.'));
        }
      };

      api['jobs.start'](input)
        .then(({ jobId: job }) => {
          if (!current()) {
            // Cancelled before the services had answered: cancel the job they started.
            api['jobs.cancel']({ jobId: job }).catch(() => undefined);
            return;
          }
          jobId.current = job;
          return follow(job);
        })
        .catch(fail);
    },
    [api, stop],
  );

  const cancel = useCallback(() => {
    stop();
    setState((s) => (s.kind === 'running' ? { kind: 'cancelled', what: s.what } : s));
  }, [stop]);

  return { state, start, cancel };
}
