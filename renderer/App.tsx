import { Outlet, RouterProvider, type AnyRouter } from '@tanstack/react-router';
import { useMemo } from 'react';
import { signalLock } from './api/client.js';
import type { Board } from '../shared/board.js';
import { useApi, useApiQuery } from './api/hooks.js';
import { BoardContext } from './board.js';
import { Layout } from './components/Layout.js';
import { Loading } from './components/Loading.js';
import { LoadFailed } from './components/LoadFailed.js';
import { SessionGate } from './components/SessionGate.js';
import { SetupBoard } from './screens/SetupBoard.js';

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
