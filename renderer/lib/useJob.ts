// Long work the services run as a job (jobs.* in the contract: reports now, search indexing later):
// start it, follow it (jobs.get, asked again by the query library every JOB_POLL_MS while it runs: the
// browser host has no push events), cancel it, and finish it once it is done (collect a report and
// save it, say). Show it with <JobProgress>.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Api } from '../../shared/contract.js';
import type { JobStart, JobStatus } from '../../shared/jobs.js';
import { errorMessage } from '../api/client.js';
import { useApi, useApiQuery } from '../api/hooks.js';

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

/** The job being followed: its run (see below), its id on the services, and how to finish it. */
interface Followed {
  run: number;
  jobId: string;
  what: string;
  finish: JobFinish<unknown>;
}

const pollWhileRunning = (status: unknown) =>
  (status as JobStatus | undefined)?.status === 'running' ? JOB_POLL_MS : false;

/** One job at a time, for one part of a screen. */
export function useJob(): JobHandle {
  const api = useApi();
  const [state, setState] = useState<JobState>({ kind: 'idle' });
  const [followed, setFollowed] = useState<Followed | null>(null);
  // Each start is a run; an answer for an older run (or after a cancel) is dropped.
  const run = useRef(0);
  const jobId = useRef<string | null>(null);

  const status = useApiQuery(
    'jobs.get',
    { jobId: followed?.jobId ?? '' },
    { enabled: followed !== null, keepPrevious: false, refetchInterval: pollWhileRunning },
  );

  const stop = useCallback(() => {
    run.current++;
    setFollowed(null);
    const job = jobId.current;
    jobId.current = null;
    // Nobody will collect its result: the services drop it (a report leaves nothing behind).
    if (job) api['jobs.cancel']({ jobId: job }).catch(() => undefined);
  }, [api]);

  // Leaving the screen cancels the job.
  useEffect(() => stop, [stop]);

  // What the job says, as the library asks: progress, or its end.
  const s = followed ? status.data : undefined;
  const failure = followed ? status.error : undefined;
  useEffect(() => {
    if (!followed) return;
    const { what, finish } = followed;
    const current = () => run.current === followed.run;
    const fail = (e: unknown) => {
      if (!current()) return;
      jobId.current = null;
      setFollowed(null);
      setState({ kind: 'failed', what, message: errorMessage(e) });
    };
    if (failure) return fail(failure);
    if (!s) return;
    if (s.status === 'running') {
      setState({ kind: 'running', what, done: s.done, total: s.total, stage: s.stage });
      return;
    }
    // Ended: polling stops (see pollWhileRunning) and this run follows it no longer.
    setFollowed(null);
    if (s.status === 'done') {
      finish.collect(api, followed.jobId).then((value) => {
        jobId.current = null;
        // Cancelled while collecting: what was collected is dropped, not delivered.
        if (!current()) return;
        setState({ kind: 'done', what, outcome: finish.deliver(value) });
      }, fail);
    } else if (s.status === 'cancelled') {
      jobId.current = null;
      setState({ kind: 'cancelled', what });
    } else {
      fail(new Error(s.message ?? 'It stopped.'));
    }
  }, [api, followed, s, failure]);

  const start = useCallback<JobHandle['start']>(
    (what, input, finish) => {
      stop();
      const id = run.current;
      setState({ kind: 'running', what, done: 0, total: 0, stage: 'Starting' });
      api['jobs.start'](input).then(
        ({ jobId: job }) => {
          if (run.current !== id) {
            // Cancelled before the services had answered: cancel the job they started.
            api['jobs.cancel']({ jobId: job }).catch(() => undefined);
            return;
          }
          jobId.current = job;
          setFollowed({ run: id, jobId: job, what, finish: finish as JobFinish<unknown> });
        },
        (e: unknown) => {
          if (run.current !== id) return;
          setState({ kind: 'failed', what, message: errorMessage(e) });
        },
      );
    },
    [api, stop],
  );

  const cancel = useCallback(() => {
    stop();
    setState((s) => (s.kind === 'running' ? { kind: 'cancelled', what: s.what } : s));
  }, [stop]);

  return { state, start, cancel };
}
