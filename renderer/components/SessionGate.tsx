import { useEffect, useRef, useState, type ReactNode } from 'react';
import { onPossibleLock, signalUnlocked } from '../api/client.js';
import { useApiQuery } from '../api/hooks.js';
import { CreatePassphrase } from '../screens/CreatePassphrase.js';
import { Unlock } from '../screens/Unlock.js';
import { HiddenContext } from './hiddenContext.js';
import { Layout } from './Layout.js';
import { LoadFailed } from './LoadFailed.js';
import { Loading } from './Loading.js';

/**
 * Shows the app only while the database is unlocked. When it locks after use, the app stays mounted
 * but hidden behind the unlock screen, so nothing typed is lost and the screen returns as it was.
 */
export function SessionGate({ children }: { children: ReactNode }) {
  const status = useApiQuery('session.status', {});
  const [everUnlocked, setEverUnlocked] = useState(false);
  const { reload, setData } = status;

  useEffect(() => onPossibleLock(reload), [reload]);
  const locked = status.data?.locked;
  const unlockedBefore = useRef(false);
  useEffect(() => {
    if (locked !== false) return;
    if (unlockedBefore.current) signalUnlocked();
    unlockedBefore.current = true;
    setEverUnlocked(true);
  }, [locked]);

  const bare = (content: ReactNode) => (
    <Layout boardName={undefined} onLock={undefined}>
      {content}
    </Layout>
  );

  if (!status.data) {
    return bare(status.error ? <LoadFailed error={status.error} onRetry={reload} /> : <Loading />);
  }
  if (!status.data.databaseExists) return bare(<CreatePassphrase onDone={setData} />);
  if (locked && !everUnlocked) return bare(<Unlock idleLockMinutes={status.data.idleLockMinutes} onDone={setData} />);
  return (
    <>
      {locked ? bare(<Unlock idleLockMinutes={status.data.idleLockMinutes} onDone={setData} />) : null}
      <div hidden={locked === true}>
        <HiddenContext.Provider value={locked === true}>{children}</HiddenContext.Provider>
      </div>
    </>
  );
}
