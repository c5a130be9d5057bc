// The API client and the cache of its answers (TanStack Query), one of each per app. Components reach
// them through the hooks in hooks.ts; main.tsx puts them in context with <ApiProvider>.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createContext, createElement, type ReactNode } from 'react';
import type { Api } from '../../shared/contract.js';

export const ApiContext = createContext<Api | null>(null);

/**
 * The defaults for a local desktop app: a failed call is shown at once (no retries), nothing is
 * fetched again because the window regained focus or the network came back (the services are on this
 * machine, so the browser's idea of "offline" must not pause them), and an answer is fresh only until
 * something else is shown: a screen mounting asks again, showing what it had meanwhile.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        retry: false,
        refetchOnWindowFocus: false,
        refetchOnReconnect: false,
        networkMode: 'always',
        staleTime: 0,
      },
      mutations: { retry: false, networkMode: 'always' },
    },
  });
}

const clients = new WeakMap<Api, QueryClient>();

/** The one query client of an API client (made on first use, so tests get a fresh one per fake Api). */
export function queryClientFor(api: Api): QueryClient {
  let client = clients.get(api);
  if (!client) {
    client = createQueryClient();
    clients.set(api, client);
  }
  return client;
}

/**
 * Whether the session is locked, as SessionGate last saw it. While it is, queries wait (they keep what
 * they hold for the hidden screen but ask nothing, so a locked session answers nothing and no screen
 * turns into "locked" errors behind the unlock screen).
 */
export interface LockState {
  locked: () => boolean;
  subscribe: (listener: () => void) => () => void;
  set: (locked: boolean) => void;
}

const lockStates = new WeakMap<QueryClient, LockState>();

export function lockStateOf(client: QueryClient): LockState {
  let state = lockStates.get(client);
  if (!state) {
    let locked = false;
    const listeners = new Set<() => void>();
    state = {
      locked: () => locked,
      subscribe: (listener) => {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
      set: (next) => {
        if (next === locked) return;
        locked = next;
        listeners.forEach((l) => l());
      },
    };
    lockStates.set(client, state);
  }
  return state;
}

/** Puts the API client and its query client in context. */
export function ApiProvider({ api, children }: { api: Api; children?: ReactNode }) {
  return createElement(
    ApiContext.Provider,
    { value: api },
    createElement(QueryClientProvider, { client: queryClientFor(api) }, children),
  );
}
