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
import { SetupQaCard } from './screens/SetupQaCard.js';
// Identity, trusted keys, signing, bundles, settings and backups (issues 5 and 7)
import { Backups } from './screens/Backups.js';
import { BackupsRestore } from './screens/BackupsRestore.js';
import { Identity } from './screens/Identity.js';
import { IdentityBackup } from './screens/IdentityBackup.js';
import { ImportBundles } from './screens/ImportBundles.js';
import { Quarantine } from './screens/Quarantine.js';
import { Settings } from './screens/Settings.js';
import { SignAudit } from './screens/SignAudit.js';
import { SignedAudit } from './screens/SignedAudit.js';
import { Trust } from './screens/Trust.js';
import { TrustRevoke } from './screens/TrustRevoke.js';
// Review, findings, action plan and summary (issue 4)
import { ActionsDetail } from './screens/ActionsDetail.js';
import { ActionsEdit, ActionsNew } from './screens/ActionsForm.js';
import { ActionsPlan } from './screens/ActionsPlan.js';
import { ActionsProgress } from './screens/ActionsProgress.js';
import { ActionsRecommendation } from './screens/ActionsRecommendation.js';
import { ActionsTracker } from './screens/ActionsTracker.js';
import { ActionsVerify } from './screens/ActionsVerify.js';
import { AuditSummary } from './screens/AuditSummary.js';
import { CaseReview } from './screens/CaseReview.js';
import { Findings } from './screens/Findings.js';
import { FindingsEdit } from './screens/FindingsEdit.js';
import { FindingsPurpose } from './screens/FindingsPurpose.js';
import { Reaudit } from './screens/Reaudit.js';
import { Review } from './screens/Review.js';
// Dashboard, search, challenge panels and presentation (issue 6)
import { Dashboard } from './screens/Dashboard.js';
import { Panel } from './screens/Panel.js';
import { PanelAttendance } from './screens/PanelAttendance.js';
import { PanelFollowUp } from './screens/PanelFollowUp.js';
import { PanelItem } from './screens/PanelItem.js';
import { PanelNew } from './screens/PanelNew.js';
import { Panels } from './screens/Panels.js';
import { PanelSign } from './screens/PanelSign.js';
import { Presentation } from './screens/Presentation.js';
import { Search } from './screens/Search.js';
// Audit templates: the library, previews and the editor (issue 3)
import { TemplateEditor } from './screens/TemplateEditor.js';
import { TemplateEditorPreview } from './screens/TemplateEditorPreview.js';
import { Templates } from './screens/Templates.js';
import { TemplatesPreview } from './screens/TemplatesPreview.js';

function Screen({ route }: { route: Route }) {
  switch (route.name) {
    case 'home':
    case 'setup':
      return <AuditsList />;
    case 'setupQaCard':
      return <SetupQaCard />;
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
    // Identity, trusted keys, signing, bundles, settings and backups (issues 5 and 7)
    case 'identity':
      return <Identity />;
    case 'identityBackup':
      return <IdentityBackup />;
    case 'trust':
      return <Trust />;
    case 'trustRevoke':
      return <TrustRevoke fingerprint={route.fingerprint} />;
    case 'signAudit':
      return <SignAudit auditId={route.auditId} />;
    case 'exportAudit':
      return <SignedAudit auditId={route.auditId} />;
    case 'importBundles':
      return <ImportBundles />;
    case 'quarantine':
      return <Quarantine />;
    case 'settings':
      return <Settings />;
    case 'backups':
      return <Backups />;
    case 'restoreBackup':
      return <BackupsRestore backupName={route.backupName} />;
    // Review, findings, action plan and summary (issue 4): keyed so a different record remounts the screen
    case 'auditReview':
      return <Review key={route.auditId} auditId={route.auditId} />;
    case 'caseReview':
      return <CaseReview key={route.caseId} auditId={route.auditId} caseId={route.caseId} />;
    case 'findings':
      return <Findings key={route.auditId} auditId={route.auditId} />;
    case 'findingNew':
      return <FindingsEdit key={route.auditId} auditId={route.auditId} />;
    case 'findingEdit':
      return <FindingsEdit key={route.findingId} auditId={route.auditId} findingId={route.findingId} />;
    case 'auditPurpose':
      return <FindingsPurpose key={route.auditId} auditId={route.auditId} />;
    case 'actionPlan':
      return <ActionsPlan key={route.auditId} auditId={route.auditId} />;
    case 'recommendationNew':
      return <ActionsRecommendation key={route.auditId} auditId={route.auditId} />;
    case 'recommendationEdit':
      return (
        <ActionsRecommendation
          key={route.recommendationId}
          auditId={route.auditId}
          recommendationId={route.recommendationId}
        />
      );
    case 'actionNew':
      return <ActionsNew key={route.auditId} auditId={route.auditId} />;
    case 'actions':
      return <ActionsTracker filter={route.filter} page={route.page} />;
    case 'action':
      return <ActionsDetail key={route.actionId} actionId={route.actionId} />;
    case 'actionEdit':
      return <ActionsEdit key={route.actionId} actionId={route.actionId} />;
    case 'actionProgress':
      return <ActionsProgress key={route.actionId} actionId={route.actionId} />;
    case 'actionVerify':
      return <ActionsVerify key={route.actionId} actionId={route.actionId} />;
    case 'auditSummary':
      return <AuditSummary key={route.auditId} auditId={route.auditId} />;
    case 'reaudit':
      return <Reaudit key={route.auditId} auditId={route.auditId} />;
    // Dashboard, search, challenge panels and presentation (issue 6)
    case 'dashboard':
      return <Dashboard />;
    case 'search':
      return <Search />;
    case 'panels':
      return <Panels key={route.auditId ?? ''} auditId={route.auditId} />;
    case 'panelNew':
      return <PanelNew key={route.auditId ?? ''} auditId={route.auditId} />;
    case 'panel':
      return <Panel key={route.panelId} panelId={route.panelId} />;
    case 'panelAttendance':
      return <PanelAttendance key={route.panelId} panelId={route.panelId} />;
    case 'panelItem':
      return <PanelItem key={route.itemId} panelId={route.panelId} itemId={route.itemId} />;
    case 'panelFollowUp':
      return <PanelFollowUp key={route.itemId} panelId={route.panelId} itemId={route.itemId} />;
    case 'panelSign':
      return <PanelSign key={route.panelId} panelId={route.panelId} />;
    case 'panelPresent':
      return <Presentation key={route.panelId} panelId={route.panelId} />;
    // Audit templates (issue 3): keyed so a different template or draft remounts the screen
    case 'templates':
      return <Templates />;
    case 'templateVersion':
      return (
        <TemplatesPreview
          key={`${route.templateId}@${route.version}`}
          templateId={route.templateId}
          version={route.version}
        />
      );
    case 'templateDraft':
      return <TemplateEditor key={route.draftId} draftId={route.draftId} />;
    case 'templateDraftPreview':
      return <TemplateEditorPreview key={route.draftId} draftId={route.draftId} />;
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
