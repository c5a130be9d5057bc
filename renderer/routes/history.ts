import { createHashHistory, type HistoryLocation, type RouterHistory } from '@tanstack/react-router';

/** `#/…` (or no hash at all) is a route; `#token=…` and in-page anchors such as `#main-content` are not. */
export function isRouteHash(hash: string): boolean {
  return hash === '' || hash === '#' || hash.startsWith('#/');
}

/**
 * TanStack Router's hash history (`#/audits/ID`), except that a hash which is not a route leaves the
 * location where it was: the router is not told, so the screen stays instead of becoming "Page not found".
 */
export function createAppHistory(win: Window = window): RouterHistory {
  const base = createHashHistory({ window: win });
  // Before the per-run token is taken out of the address (or if it never is), the screen is the home one.
  let last: HistoryLocation = isRouteHash(win.location.hash)
    ? base.location
    : { href: '/', pathname: '/', search: '', hash: '', state: base.location.state };
  const current = (): HistoryLocation => {
    if (isRouteHash(win.location.hash)) last = base.location;
    return last;
  };
  const history = Object.create(base) as RouterHistory;
  Object.defineProperty(history, 'location', { get: current });
  history.subscribe = (listener) =>
    base.subscribe((event) => {
      if (!isRouteHash(win.location.hash)) return;
      last = base.location;
      listener({ ...event, location: last });
    });
  return history;
}
