import { useEffect, useState, type ReactNode } from 'react';
import { onPossibleLock } from '../api/client.js';
import { useApiQuery, useFollowLock } from '../api/hooks.js';
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
  const { retry, setData } = status;

  // A refusal with LOCKED (or the desktop app's event) may mean the session locked: ask again.
  useEffect(() => onPossibleLock(retry), [retry]);
  const locked = status.data?.locked;
  useFollowLock(locked);
  useEffect(() => {
    if (locked === false) setEverUnlocked(true);
  }, [locked]);

  const bare = (content: ReactNode) => (
    <Layout boardName={undefined} onLock={undefined}>
      {content}
    </Layout>
  );

  if (!status.data) {
    return bare(status.error ? <LoadFailed error={status.error} onRetry={retry} /> : <Loading />);
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
