import { Outlet, RouterProvider, type AnyRouter } from '@tanstack/react-router';
import { useEffect, useMemo } from 'react';
import { signalLock } from './api/client.js';
import type { Board } from '../shared/board.js';
import { useApi, useApiQuery } from './api/hooks.js';
import { BoardContext } from './board.js';
import { Layout } from './components/Layout.js';
import { Loading } from './components/Loading.js';
import { LoadFailed } from './components/LoadFailed.js';
import { SessionGate } from './components/SessionGate.js';
import { SetupBoard } from './screens/SetupBoard.js';
import { hasOpenedBundles, onBundleOpened } from './lib/openedBundles.js';
import { navigate, paths } from './router.js';

/** The app: the route table's router (routes/table.tsx) draws every screen inside AppFrame. */
export function App({ router }: { router: AnyRouter }) {
  return <RouterProvider router={router} />;
}

/** Around every screen: the session gate, the board (or its set-up) and the layout. */
export function AppFrame() {
  return (
    <SessionGate>
      <BoardApp />
    </SessionGate>
  );
}

function BoardApp() {
  const api = useApi();
  const board = useApiQuery('board.get', {});
  const info = useApiQuery('app.info', {});
  const boardState = useMemo(
    () => (board.data ? { board: board.data, setBoard: (b: Board) => board.setData(b) } : null),
    // setData is stable; the state changes only with the board itself.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [board.data],
  );

  // A bundle opened from the desktop goes to the import screen, once the board is there to import into.
  const boardReady = Boolean(board.data);
  useEffect(() => {
    if (!boardReady) return;
    const toImport = () => navigate(paths.importBundles());
    if (hasOpenedBundles()) toImport();
    return onBundleOpened(toImport);
  }, [boardReady]);

  let content;
  if (board.error) content = <LoadFailed error={board.error} onRetry={board.reload} />;
  else if (board.data === undefined) content = <Loading />;
  else if (board.data === null || !boardState) content = <SetupBoard onDone={(b) => board.setData(b)} />;
  else
    content = (
      <BoardContext.Provider value={boardState}>
        <Outlet />
      </BoardContext.Provider>
    );

  return (
    <Layout
      boardName={board.data?.name}
      version={info.data?.version}
      onLock={() => void api['session.lock']({}).then(signalLock, signalLock)}
    >
      {content}
    </Layout>
  );
}
