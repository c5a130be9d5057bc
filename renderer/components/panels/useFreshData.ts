import { useState } from 'react';
import type { QueryState } from '../../api/hooks.js';

/**
 * A query's data once it has been fetched since the screen opened, for a form that takes its
 * starting values once: what the cache held may be from before the save just made (the refetch
 * after it is still on its way), and the form would not see the answer when it came.
 */
export function useFreshData<T>(query: QueryState<T>): T | undefined {
  const [settled, setSettled] = useState(false);
  // Set during render (not in an effect), so the form is never drawn from the older copy.
  if (!settled && !query.loading && query.data !== undefined) setSettled(true);
  return settled || (!query.loading && query.data !== undefined) ? query.data : undefined;
}
