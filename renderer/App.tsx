import { useMemo } from 'react';
import { signalLock } from './api/client.js';
import type { Board } from '../shared/board.js';
import { useApi, useApiQuery } from './api/hooks.js';
import { BoardContext } from './board.js';
import { Layout } from './components/Layout.js';
import { Loading } from './components/Loading.js';
import { LoadFailed } from './components/LoadFailed.js';
import { parseRoute, screenKey, useCurrentPath, type Route } from './router.js';
import { SessionGate } from './components/SessionGate.js';
import { AddCase } from './screens/AddCase.js';
import { Agencies } from './screens/Agencies.js';
import { AuditOverview } from './screens/AuditOverview.js';
import { AuditsList } from './screens/AuditsList.js';
import { Checklist } from './screens/Checklist.js';
import { NewAudit } from './screens/NewAudit.js';
import { NotFound } from './screens/NotFound.js';
import { SetupBoard } from './screens/SetupBoard.js';

function Screen({ route }: { route: Route }) {
  switch (route.name) {
    case 'home':
    case 'setup':
      return <AuditsList />;
    case 'agencies':
      return <Agencies />;
    case 'newAudit':
      return <NewAudit />;
    case 'audit':
      return <AuditOverview auditId={route.auditId} />;
    case 'addCase':
      return <AddCase auditId={route.auditId} />;
    case 'checklist':
      return <Checklist checklistId={route.checklistId} sectionId={route.sectionId} />;
    case 'notFound':
      return <NotFound />;
  }
}

export function App() {
  return (
    <SessionGate>
      <BoardApp />
    </SessionGate>
  );
}

function BoardApp() {
  const api = useApi();
  const path = useCurrentPath();
  const route = useMemo(() => parseRoute(path), [path]);
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
        <Screen key={screenKey(route)} route={route} />
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
