// The only way components reach the services: typed hooks over the API client from React context.
import { useCallback, useContext, useEffect, useRef, useState } from 'react';
import type { Api, Input, Method, Output } from '../../shared/contract.js';
import { ApiError } from './client.js';
import { ApiContext } from './context.js';

export function useApi(): Api {
  const api = useContext(ApiContext);
  if (!api) throw new Error('useApi needs an <ApiProvider>.');
  return api;
}

function asApiError(e: unknown): ApiError {
  return e instanceof ApiError ? e : new ApiError('INTERNAL', 'Something went wrong.');
}

export interface QueryState<T> {
  data: T | undefined;
  error: ApiError | undefined;
  loading: boolean;
  /** Fetches again; the current data stays on screen until the new answer arrives. */
  reload: () => void;
  /** Replaces the data locally (for instance with a mutation's result) without a round trip. */
  setData: (update: T | ((current: T | undefined) => T)) => void;
}

/** Calls a read method when the component mounts and whenever its input changes (compared as JSON). */
export function useApiQuery<M extends Method>(method: M, input: Input<M>): QueryState<Output<M>> {
  const api = useApi();
  const key = JSON.stringify(input);
  const [data, setData] = useState<Output<M> | undefined>(undefined);
  const [error, setError] = useState<ApiError | undefined>(undefined);
  const [loading, setLoading] = useState(true);
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    let current = true;
    setLoading(true);
    setError(undefined);
    const call = api[method] as (i: Input<M>) => Promise<Output<M>>;
    call(JSON.parse(key) as Input<M>).then(
      (value) => {
        if (!current) return;
        setData(value);
        setLoading(false);
      },
      (e: unknown) => {
        if (!current) return;
        setError(asApiError(e));
        setLoading(false);
      },
    );
    return () => {
      current = false;
    };
  }, [api, method, key, generation]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return { data, error, loading, reload, setData };
}

export interface MutationState<M extends Method> {
  /** Calls the method; resolves to the output, or rejects with ApiError (also kept in `error`). */
  mutate: (input: Input<M>) => Promise<Output<M>>;
  pending: boolean;
  error: ApiError | undefined;
  reset: () => void;
}

export function useApiMutation<M extends Method>(method: M): MutationState<M> {
  const api = useApi();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<ApiError | undefined>(undefined);
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const mutate = useCallback(
    async (input: Input<M>) => {
      setPending(true);
      setError(undefined);
      try {
        const call = api[method] as (i: Input<M>) => Promise<Output<M>>;
        return await call(input);
      } catch (e) {
        const err = asApiError(e);
        if (mounted.current) setError(err);
        throw err;
      } finally {
        if (mounted.current) setPending(false);
      }
    },
    [api, method],
  );
  const reset = useCallback(() => setError(undefined), []);
  return { mutate, pending, error, reset };
}
