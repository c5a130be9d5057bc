// The one route table: each address, the check on its parameters and the screen it shows. A route is
// named as its entry in `paths` (router.ts), which writes its addresses. Screens remount when the
// parameters in the path change (another audit, another action), not when the query does (the
// tracker's filters) nor when a checklist moves to another section.
import {
  createRootRoute,
  createRoute,
  createRouter,
  Outlet,
  useParams,
  useSearch,
  type AnyRoute,
} from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { z } from 'zod';
import { AppFrame } from '../App.js';
import { bindRouter } from '../router.js';
import { NotFound } from '../screens/NotFound.js';
import { useCurrentRoute, type RouteName } from './current.js';
import { createAppHistory } from './history.js';
import { validateReturnSearch } from './returnTo.js';
import {
  actionsFilterOf,
  param,
  parseParams,
  parseSearch,
  stringifyParams,
  stringifySearch,
  validateActionsSearch,
  type ActionsSearch,
  type ParamShape,
  type ParsedParams,
} from './params.js';
import { About } from '../screens/About.js';
import { AddCase, EditCase } from '../screens/AddCase.js';
import { ArchiveAudit, ArchivedAudits, DeleteAudit, RemoveCase } from '../screens/AuditCorrections.js';
import { Agencies } from '../screens/Agencies.js';
import { AuditOverview } from '../screens/AuditOverview.js';
import { AuditsList } from '../screens/AuditsList.js';
import { Checklist } from '../screens/Checklist.js';
import { NewAudit } from '../screens/NewAudit.js';
import { SetupQaCard } from '../screens/SetupQaCard.js';
import { Backups } from '../screens/Backups.js';
import { BackupsRestore } from '../screens/BackupsRestore.js';
import { Identity } from '../screens/Identity.js';
import { IdentityBackup } from '../screens/IdentityBackup.js';
import { ImportBundles } from '../screens/ImportBundles.js';
import { Quarantine } from '../screens/Quarantine.js';
import { Settings } from '../screens/Settings.js';
import { SignAudit } from '../screens/SignAudit.js';
import { SignedAudit } from '../screens/SignedAudit.js';
import { Trust } from '../screens/Trust.js';
import { TrustRevoke } from '../screens/TrustRevoke.js';
import { ActionsDetail } from '../screens/ActionsDetail.js';
import { ActionsEdit, ActionsNew } from '../screens/ActionsForm.js';
import { ActionsPlan } from '../screens/ActionsPlan.js';
import { ActionsProgress } from '../screens/ActionsProgress.js';
import { ActionsRecommendation } from '../screens/ActionsRecommendation.js';
import { ActionsTracker } from '../screens/ActionsTracker.js';
import { ActionsVerify } from '../screens/ActionsVerify.js';
import { AuditSummary } from '../screens/AuditSummary.js';
import { CaseReview } from '../screens/CaseReview.js';
import { Findings } from '../screens/Findings.js';
import { FindingsEdit } from '../screens/FindingsEdit.js';
import { FindingsPurpose } from '../screens/FindingsPurpose.js';
import { Reaudit } from '../screens/Reaudit.js';
import { Review } from '../screens/Review.js';
import { Dashboard } from '../screens/Dashboard.js';
import { Programme, ProgrammeEdit, ProgrammeNew, ProgrammeRemove } from '../screens/Programme.js';
import { Panel } from '../screens/Panel.js';
import { PanelAttendance } from '../screens/PanelAttendance.js';
import { PanelFollowUp } from '../screens/PanelFollowUp.js';
import { PanelItem } from '../screens/PanelItem.js';
import { PanelNew } from '../screens/PanelNew.js';
import { Panels } from '../screens/Panels.js';
import { PanelSign } from '../screens/PanelSign.js';
import { Presentation } from '../screens/Presentation.js';
import { PresentationAudience } from '../screens/PresentationAudience.js';
import { PresentationFindings } from '../screens/PresentationFindings.js';
import { findingsPresentationKey, panelPresentationKey } from '../../shared/presentation.js';
import { Search } from '../screens/Search.js';
import { TemplateEditor } from '../screens/TemplateEditor.js';
import { TemplateEditorPreview } from '../screens/TemplateEditorPreview.js';
import { Templates } from '../screens/Templates.js';
import { TemplatesPreview } from '../screens/TemplatesPreview.js';

// A presentation's audience view reads nothing from the record (the presenter sends it each slide),
// so it needs neither the session nor the board: it opens in any tab or window, bare.
function RootFrame() {
  const { name } = useCurrentRoute();
  return name === 'presentationAudience' || name === 'findingsPresentationAudience' ? <Outlet /> : <AppFrame />;
}

const rootRoute = createRootRoute({ component: RootFrame });

/** A route showing one screen, given its parameters checked against `shape`. */
function screen<S extends ParamShape>(
  name: RouteName,
  path: string,
  shape: S,
  render: (params: ParsedParams<S>) => ReactNode,
): AnyRoute {
  return createRoute({
    getParentRoute: () => rootRoute,
    path,
    staticData: { name },
    params: { parse: (raw: Record<string, string>) => parseParams(shape, raw), stringify: stringifyParams },
    validateSearch: validateReturnSearch,
    component: function RouteScreen() {
      return render(useParams({ strict: false }) as ParsedParams<S>);
    },
  });
}

const { id } = param;
// A programme year in the address, such as 2026 (the year from 1 April).
const programmeYear = z
  .string()
  .regex(/^\d{4}$/)
  .transform(Number);

// The checklist is one route whatever its section (`/checklists/ID` or `/checklists/ID/sections/S`),
// so moving between sections keeps the screen (and what is being typed) mounted.
const checklistTail = z.union([
  z.literal('').transform(() => undefined),
  z
    .string()
    .regex(/^sections\/[^/]+$/)
    .transform((s) => s.slice('sections/'.length))
    .pipe(param.sectionId),
]);
const checklistRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/checklists/$checklistId/$',
  staticData: { name: 'checklist' },
  params: {
    parse: (raw: Record<string, string>) => {
      const { checklistId, _splat } = parseParams({ checklistId: id, _splat: checklistTail }, raw);
      return { checklistId, sectionId: _splat };
    },
    stringify: ({ checklistId, sectionId }: { checklistId: string; sectionId: string | undefined }) => ({
      checklistId,
      _splat: sectionId === undefined ? '' : `sections/${sectionId}`,
    }),
  },
  validateSearch: validateReturnSearch,
  remountDeps: ({ params }) => params.checklistId,
  component: function ChecklistRoute() {
    const { checklistId, sectionId } = checklistRoute.useParams();
    return <Checklist checklistId={checklistId} sectionId={sectionId} />;
  },
});

// The tracker's filters and page live in the query; a change of them re-renders, never remounts.
const actionsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/actions',
  staticData: { name: 'actionsTracker' },
  validateSearch: (raw: Record<string, unknown>): ActionsSearch => validateActionsSearch(raw),
  remountDeps: () => 'actionsTracker',
  component: function ActionsRoute() {
    const search = useSearch({ strict: false }) as ActionsSearch;
    return <ActionsTracker filter={actionsFilterOf(search)} page={search.page ?? 1} />;
  },
});

export const routeTree = rootRoute.addChildren([
  screen('auditsList', '/', {}, () => <AuditsList />),
  screen('setup', '/setup', {}, () => <AuditsList />),
  screen('setupQaCard', '/setup/qa-card', {}, () => <SetupQaCard />),
  screen('agencies', '/agencies', {}, () => <Agencies />),
  screen('newAudit', '/audits/new', {}, () => <NewAudit />),
  screen('auditOverview', '/audits/$auditId', { auditId: id }, (p) => <AuditOverview auditId={p.auditId} />),
  screen('addCase', '/audits/$auditId/cases/new', { auditId: id }, (p) => <AddCase auditId={p.auditId} />),
  screen('editCase', '/audits/$auditId/cases/$caseId/edit', { auditId: id, caseId: id }, (p) => (
    <EditCase auditId={p.auditId} caseId={p.caseId} />
  )),
  screen('removeCase', '/audits/$auditId/cases/$caseId/remove', { auditId: id, caseId: id }, (p) => (
    <RemoveCase auditId={p.auditId} caseId={p.caseId} />
  )),
  screen('archiveAudit', '/audits/$auditId/archive', { auditId: id }, (p) => <ArchiveAudit auditId={p.auditId} />),
  screen('deleteAudit', '/audits/$auditId/delete', { auditId: id }, (p) => <DeleteAudit auditId={p.auditId} />),
  screen('archivedAudits', '/audits/archived', {}, () => <ArchivedAudits />),
  checklistRoute,
  // Review, findings, action plan and summary
  screen('review', '/audits/$auditId/review', { auditId: id }, (p) => <Review auditId={p.auditId} />),
  screen('caseReview', '/audits/$auditId/cases/$caseId/review', { auditId: id, caseId: id }, (p) => (
    <CaseReview auditId={p.auditId} caseId={p.caseId} />
  )),
  screen('findings', '/audits/$auditId/findings', { auditId: id }, (p) => <Findings auditId={p.auditId} />),
  screen('findingsNew', '/audits/$auditId/findings/new', { auditId: id }, (p) => <FindingsEdit auditId={p.auditId} />),
  screen('findingsEdit', '/audits/$auditId/findings/$findingId', { auditId: id, findingId: id }, (p) => (
    <FindingsEdit auditId={p.auditId} findingId={p.findingId} />
  )),
  screen('findingsPurpose', '/audits/$auditId/purpose', { auditId: id }, (p) => (
    <FindingsPurpose auditId={p.auditId} />
  )),
  screen('actionsPlan', '/audits/$auditId/plan', { auditId: id }, (p) => <ActionsPlan auditId={p.auditId} />),
  screen('actionsRecommendationNew', '/audits/$auditId/recommendations/new', { auditId: id }, (p) => (
    <ActionsRecommendation auditId={p.auditId} />
  )),
  screen(
    'actionsRecommendation',
    '/audits/$auditId/recommendations/$recommendationId',
    { auditId: id, recommendationId: id },
    (p) => <ActionsRecommendation auditId={p.auditId} recommendationId={p.recommendationId} />,
  ),
  screen('actionsNew', '/audits/$auditId/actions/new', { auditId: id }, (p) => <ActionsNew auditId={p.auditId} />),
  actionsRoute,
  screen('actionsDetail', '/actions/$actionId', { actionId: id }, (p) => <ActionsDetail actionId={p.actionId} />),
  screen('actionsEdit', '/actions/$actionId/edit', { actionId: id }, (p) => <ActionsEdit actionId={p.actionId} />),
  screen('actionsProgress', '/actions/$actionId/progress', { actionId: id }, (p) => (
    <ActionsProgress actionId={p.actionId} />
  )),
  screen('actionsVerify', '/actions/$actionId/verify', { actionId: id }, (p) => (
    <ActionsVerify actionId={p.actionId} />
  )),
  screen('auditSummary', '/audits/$auditId/summary', { auditId: id }, (p) => <AuditSummary auditId={p.auditId} />),
  screen('reaudit', '/audits/$auditId/reaudit', { auditId: id }, (p) => <Reaudit auditId={p.auditId} />),
  // Identity, trusted keys, signing, bundles, settings and backups
  screen('identity', '/identity', {}, () => <Identity />),
  screen('identityBackup', '/identity/backup', {}, () => <IdentityBackup />),
  screen('trust', '/trust', {}, () => <Trust />),
  screen('trustRevoke', '/trust/$fingerprint/revoke', { fingerprint: param.fingerprint }, (p) => (
    <TrustRevoke fingerprint={p.fingerprint} />
  )),
  screen('signAudit', '/audits/$auditId/sign', { auditId: id }, (p) => <SignAudit auditId={p.auditId} />),
  screen('signedAudit', '/audits/$auditId/export', { auditId: id }, (p) => <SignedAudit auditId={p.auditId} />),
  screen('importBundles', '/import', {}, () => <ImportBundles />),
  screen('quarantine', '/quarantine', {}, () => <Quarantine />),
  screen('settings', '/settings', {}, () => <Settings />),
  screen('about', '/about', {}, () => <About />),
  screen('backups', '/backups', {}, () => <Backups />),
  screen('backupsRestore', '/backups/$backupName/restore', { backupName: param.backupName }, (p) => (
    <BackupsRestore backupName={p.backupName} />
  )),
  // Dashboard, search, challenge panels and presentation
  screen('dashboard', '/dashboard', {}, () => <Dashboard />),
  screen('programme', '/programme', {}, () => <Programme year={undefined} />),
  screen('programme', '/programme/$year', { year: programmeYear }, (p) => <Programme year={p.year} />),
  screen('programmeNew', '/programme/$year/new', { year: programmeYear }, (p) => <ProgrammeNew year={p.year} />),
  screen('programmeEdit', '/programme/$year/planned/$plannedId', { year: programmeYear, plannedId: id }, (p) => (
    <ProgrammeEdit year={p.year} plannedId={p.plannedId} />
  )),
  screen(
    'programmeRemove',
    '/programme/$year/planned/$plannedId/remove',
    { year: programmeYear, plannedId: id },
    (p) => <ProgrammeRemove year={p.year} plannedId={p.plannedId} />,
  ),
  screen('search', '/search', {}, () => <Search />),
  screen('panels', '/panels', {}, () => <Panels auditId={undefined} />),
  screen('panels', '/audits/$auditId/panels', { auditId: id }, (p) => <Panels auditId={p.auditId} />),
  screen('panelNew', '/panels/new', {}, () => <PanelNew auditId={undefined} />),
  screen('panelNew', '/audits/$auditId/panels/new', { auditId: id }, (p) => <PanelNew auditId={p.auditId} />),
  screen('panel', '/panels/$panelId', { panelId: id }, (p) => <Panel panelId={p.panelId} />),
  screen('panelAttendance', '/panels/$panelId/attendance', { panelId: id }, (p) => (
    <PanelAttendance panelId={p.panelId} />
  )),
  screen('panelItem', '/panels/$panelId/items/$itemId', { panelId: id, itemId: id }, (p) => (
    <PanelItem panelId={p.panelId} itemId={p.itemId} />
  )),
  screen('panelFollowUp', '/panels/$panelId/items/$itemId/follow-up', { panelId: id, itemId: id }, (p) => (
    <PanelFollowUp panelId={p.panelId} itemId={p.itemId} />
  )),
  screen('panelSign', '/panels/$panelId/sign', { panelId: id }, (p) => <PanelSign panelId={p.panelId} />),
  screen('presentation', '/panels/$panelId/present', { panelId: id }, (p) => <Presentation panelId={p.panelId} />),
  screen('presentationAudience', '/panels/$panelId/present/audience', { panelId: id }, (p) => (
    <PresentationAudience presentation={panelPresentationKey(p.panelId)} />
  )),
  screen('findingsPresentation', '/audits/$auditId/findings/present', { auditId: id }, (p) => (
    <PresentationFindings auditId={p.auditId} />
  )),
  screen('findingsPresentationAudience', '/audits/$auditId/findings/present/audience', { auditId: id }, (p) => (
    <PresentationAudience presentation={findingsPresentationKey(p.auditId)} />
  )),
  // Audit templates: the library, previews and the editor
  screen('templates', '/templates', {}, () => <Templates />),
  screen(
    'templatesPreview',
    '/templates/$templateId/versions/$version',
    { templateId: param.templateId, version: param.version },
    (p) => <TemplatesPreview templateId={p.templateId} version={p.version} />,
  ),
  screen('templateEditor', '/templates/drafts/$draftId', { draftId: id }, (p) => (
    <TemplateEditor draftId={p.draftId} />
  )),
  screen('templateEditorPreview', '/templates/drafts/$draftId/preview', { draftId: id }, (p) => (
    <TemplateEditorPreview draftId={p.draftId} />
  )),
]);

/** The app's router over the hash history; `navigate` (router.ts) moves it. */
export function createAppRouter(history = createAppHistory()) {
  const router = createRouter({
    routeTree,
    history,
    parseSearch,
    stringifySearch,
    defaultNotFoundComponent: NotFound,
    // Another record (another audit, action, draft…) is another screen: it starts afresh.
    defaultRemountDeps: ({ params }) => params,
    // Scrolling is the screens' own: a new screen's Page goes to the top and focuses its h1, a
    // checklist's section and the tracker's page move focus themselves. A function answering false
    // is how the router leaves scrolling alone instead of going to the top after every address.
    scrollRestoration: () => false,
  });
  // Setting that up turned the browser's own restoration (Back returns to where one was) to manual.
  if (typeof window !== 'undefined') window.history.scrollRestoration = 'auto';
  bindRouter(router);
  return router;
}
