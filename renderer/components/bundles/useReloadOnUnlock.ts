import { useEffect } from 'react';
import { onUnlocked } from '../../api/client.js';

/** Fetches a screen's data again once the session is unlocked (a call refused while locked failed). */
export function useReloadOnUnlock(reload: () => void): void {
  useEffect(() => onUnlocked(reload), [reload]);
}
