import { useRouterState, type AnyRouteMatch } from '@tanstack/react-router';
import type { paths } from '../router.js';

/** Each route is named as its entry in `paths`; an address that is no route is 'notFound'. */
export type RouteName = keyof typeof paths | 'notFound';

declare module '@tanstack/react-router' {
  interface StaticDataRouteOption {
    name?: RouteName;
  }
}

export interface CurrentRoute {
  name: RouteName;
  params: Readonly<Record<string, string | number | undefined>>;
}

const NOT_FOUND: CurrentRoute = { name: 'notFound', params: {} };

/** The route that the router's matches show: the last one's, unless a parameter failed its check. */
export function routeOf(matches: readonly AnyRouteMatch[]): CurrentRoute {
  const leaf = matches[matches.length - 1];
  if (!leaf || leaf.status === 'notFound' || matches.some((m) => m._notFound)) return NOT_FOUND;
  const name = (leaf.staticData as { name?: RouteName }).name;
  if (!name) return NOT_FOUND;
  // The router keeps a splat's raw text beside the parameters parsed from it.
  const { _splat: _s, '*': _star, ...params } = leaf.params as Record<string, string | number | undefined>;
  return { name, params };
}

/** The route on screen (its name and parsed parameters), for the menu's "you are here". */
export function useCurrentRoute(): CurrentRoute {
  return useRouterState({ select: (s) => routeOf(s.matches), structuralSharing: true });
}
