// The only way components reach the services: typed hooks over the API client from React context.
// Answers are kept by TanStack Query under the key [method, input]; a mutation's success and the
// session's unlocking mark them out of date (see dataChanged), so screens never fetch again by hand.
import {
  keepPreviousData,
  useMutation,
  useQuery,
  type Query,
  type QueryClient,
  type QueryFilters,
} from '@tanstack/react-query';
import { useCallback, useContext, useEffect, useRef, useSyncExternalStore } from 'react';
import type { Api, Input, Method, Output } from '../../shared/contract.js';
import { ApiError, signalUnlocked } from './client.js';
import { ApiContext, lockStateOf, queryClientFor } from './context.js';

export function useApi(): Api {
  const api = useContext(ApiContext);
  if (!api) throw new Error('useApi needs an <ApiProvider>.');
  return api;
}

/** The query client holding this app's answers. */
export function useApiQueryClient(): QueryClient {
  return queryClientFor(useApi());
}

function asApiError(e: unknown): ApiError {
  return e instanceof ApiError ? e : new ApiError('INTERNAL', 'Something went wrong.');
}

/** The cache key of a call: the method, then its input (TanStack compares it by value). */
export function queryKey<M extends Method>(method: M, input: Input<M>): readonly [M, Input<M>] {
  return [method, input] as const;
}

/** Which cached answers a change touches: all of them, or those of methods starting with a prefix. */
export type Touches = 'all' | readonly string[];

function filterFor(touches: Touches): QueryFilters {
  if (touches === 'all') return {};
  return {
    predicate: (query: Query) => {
      const method = query.queryKey[0];
      return typeof method === 'string' && touches.some((prefix) => method.startsWith(prefix));
    },
  };
}

/**
 * Something changed on the services: answers no component follows are dropped (the next screen asks
 * afresh rather than showing them), and those followed are marked out of date, and fetched again when
 * `refetch` (the default) and their component is asking (not waiting for an unlock, say).
 */
export async function dataChanged(client: QueryClient, touches: Touches = 'all', refetch = true): Promise<void> {
  const filter = filterFor(touches);
  const followed = filter.predicate;
  // Not `type: 'inactive'`: that would also drop what a waiting (disabled) component still shows.
  client.removeQueries({
    predicate: (query) => query.getObserversCount() === 0 && (followed ? followed(query) : true),
  });
  await client.invalidateQueries({ ...filter, refetchType: refetch ? 'active' : 'none' });
}

export interface QueryState<T> {
  data: T | undefined;
  error: ApiError | undefined;
  /** True while a call is in flight, including a fetch again with data already on screen. */
  loading: boolean;
  /** Asks again, for a "Try again" after a failed load; the current data stays until the answer. */
  retry: () => void;
  /** @deprecated Mutations and unlocking refresh what is shown; use `retry` after a failed load. */
  reload: () => void;
  /** Replaces the data locally (for instance with a mutation's result) without a round trip. */
  setData: (update: T | ((current: T | undefined) => T)) => void;
}

export interface QueryOptions {
  /** Asks only while true (default true). */
  enabled?: boolean;
  /**
   * While the input changes, go on showing the previous input's answer until the new one arrives
   * (default true: a search keeps its results on screen as the words change).
   */
  keepPrevious?: boolean;
  /** Asks again every so many milliseconds while this returns a number. */
  refetchInterval?: (data: unknown) => number | false;
}

/** Calls a read method when the component mounts and whenever its input changes (compared by value). */
export function useApiQuery<M extends Method>(
  method: M,
  input: Input<M>,
  options: QueryOptions = {},
): QueryState<Output<M>> {
  const api = useApi();
  const client = queryClientFor(api);
  const lock = lockStateOf(client);
  const locked = useSyncExternalStore(lock.subscribe, lock.locked, lock.locked);
  const key = queryKey(method, input);
  const { refetchInterval } = options;
  const query = useQuery<Output<M>, ApiError>(
    {
      queryKey: key,
      queryFn: async () => {
        try {
          return await (api[method] as (i: Input<M>) => Promise<Output<M>>)(input);
        } catch (e) {
          throw asApiError(e);
        }
      },
      // The session's own status is what tells a locked session from an open one.
      enabled: (options.enabled ?? true) && (!locked || method === 'session.status'),
      ...(options.keepPrevious === false ? {} : { placeholderData: keepPreviousData }),
      ...(refetchInterval ? { refetchInterval: (q) => refetchInterval(q.state.data) } : {}),
    },
    client,
  );
  const { refetch } = query;
  const retry = useCallback(() => void refetch(), [refetch]);
  const keyHash = JSON.stringify(key);
  const setData = useCallback(
    (update: Output<M> | ((current: Output<M> | undefined) => Output<M>)) =>
      client.setQueryData<Output<M>>(JSON.parse(keyHash) as readonly unknown[], update),
    [client, keyHash],
  );
  // Refused because the session locked: the screen is hidden behind the unlock screen, and keeps what
  // it shows (and what was typed) until the unlock fetches it afresh.
  const hiddenByLock = query.error?.code === 'LOCKED' && query.data !== undefined;
  return {
    data: query.data,
    error: hiddenByLock ? undefined : (query.error ?? undefined),
    loading: query.isFetching || query.isPending,
    retry,
    reload: retry,
    setData,
  };
}

export interface MutationState<M extends Method> {
  /** Calls the method; resolves to the output, or rejects with ApiError (also kept in `error`). */
  mutate: (input: Input<M>) => Promise<Output<M>>;
  pending: boolean;
  error: ApiError | undefined;
  reset: () => void;
}

export interface MutationOptions {
  /**
   * Which answers its success makes out of date: all (the default; simple and right for a local
   * app), method-name prefixes such as `['backups.']`, or none.
   */
  invalidates?: Touches | 'none';
  /** Also after a failure (the call may have changed things before refusing, or found them changed). */
  invalidateOnError?: boolean;
}

export function useApiMutation<M extends Method>(method: M, options: MutationOptions = {}): MutationState<M> {
  const api = useApi();
  const client = queryClientFor(api);
  const invalidates = options.invalidates ?? 'all';
  const mutation = useMutation<Output<M>, ApiError, Input<M>>(
    {
      mutationFn: async (input) => {
        try {
          return await (api[method] as (i: Input<M>) => Promise<Output<M>>)(input);
        } catch (e) {
          throw asApiError(e);
        }
      },
      // Not awaited: the caller goes on at once (often to another screen, which asks afresh), as it
      // did when screens fetched again by hand; the screen that stays shows the new answer on arrival.
      onSettled: (_data, error) => {
        if (invalidates === 'none' || (error && !options.invalidateOnError)) return;
        void dataChanged(client, invalidates);
      },
    },
    client,
  );
  return {
    mutate: mutation.mutateAsync,
    pending: mutation.isPending,
    error: mutation.error ?? undefined,
    reset: mutation.reset,
  };
}

/**
 * Follows the session's lock (SessionGate's `session.status`): while locked, queries wait and nothing
 * is kept but what the hidden screen shows; once unlocked again, everything shown is fetched afresh
 * (it may have changed meanwhile: the CLI, another window) and saves the lock refused are retried.
 */
export function useFollowLock(locked: boolean | undefined): void {
  const client = useApiQueryClient();
  const unlockedBefore = useRef(false);
  useEffect(() => {
    if (locked === undefined) return;
    lockStateOf(client).set(locked);
    if (locked) {
      void dataChanged(client, 'all', false);
      return;
    }
    if (unlockedBefore.current) {
      void dataChanged(client);
      signalUnlocked();
    }
    unlockedBefore.current = true;
  }, [locked, client]);
}
