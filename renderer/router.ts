// The app's addresses (`paths`) and the ways screens move between them. The routes themselves, with
// their screens and the checks on their parameters, are the one table in routes/table.tsx (TanStack
// Router over a hash history: `#/audits/ID`); screens keep to these strings and functions.
import { useRouterState, type AnyRouter, type RouterHistory } from '@tanstack/react-router';
import { useSyncExternalStore } from 'react';
import { actionsQuery, type ActionsFilter } from './routes/params.js';

export type { ActionsFilter };

export const paths = {
  auditsList: () => '/',
  setup: () => '/setup',
  /** Set-up's second step: the QA sub-committee's identity card, so exported bundles are encrypted to it. */
  setupQaCard: () => '/setup/qa-card',
  agencies: () => '/agencies',
  newAudit: () => '/audits/new',
  auditOverview: (auditId: string) => `/audits/${encodeURIComponent(auditId)}`,
  addCase: (auditId: string) => `/audits/${encodeURIComponent(auditId)}/cases/new`,
  // Corrections before signing, and putting audits away
  editCase: (auditId: string, caseId: string) =>
    `/audits/${encodeURIComponent(auditId)}/cases/${encodeURIComponent(caseId)}/edit`,
  removeCase: (auditId: string, caseId: string) =>
    `/audits/${encodeURIComponent(auditId)}/cases/${encodeURIComponent(caseId)}/remove`,
  archiveAudit: (auditId: string) => `/audits/${encodeURIComponent(auditId)}/archive`,
  deleteAudit: (auditId: string) => `/audits/${encodeURIComponent(auditId)}/delete`,
  archivedAudits: () => '/audits/archived',
  checklist: (checklistId: string, sectionId?: string) =>
    sectionId === undefined
      ? `/checklists/${encodeURIComponent(checklistId)}`
      : `/checklists/${encodeURIComponent(checklistId)}/sections/${encodeURIComponent(sectionId)}`,
  // Review, findings, action plan and summary
  review: (auditId: string) => `/audits/${encodeURIComponent(auditId)}/review`,
  caseReview: (auditId: string, caseId: string) =>
    `/audits/${encodeURIComponent(auditId)}/cases/${encodeURIComponent(caseId)}/review`,
  findings: (auditId: string) => `/audits/${encodeURIComponent(auditId)}/findings`,
  findingsNew: (auditId: string) => `/audits/${encodeURIComponent(auditId)}/findings/new`,
  findingsEdit: (auditId: string, findingId: string) =>
    `/audits/${encodeURIComponent(auditId)}/findings/${encodeURIComponent(findingId)}`,
  findingsPurpose: (auditId: string) => `/audits/${encodeURIComponent(auditId)}/purpose`,
  actionsPlan: (auditId: string) => `/audits/${encodeURIComponent(auditId)}/plan`,
  actionsRecommendationNew: (auditId: string) => `/audits/${encodeURIComponent(auditId)}/recommendations/new`,
  actionsRecommendation: (auditId: string, recommendationId: string) =>
    `/audits/${encodeURIComponent(auditId)}/recommendations/${encodeURIComponent(recommendationId)}`,
  actionsNew: (auditId: string) => `/audits/${encodeURIComponent(auditId)}/actions/new`,
  /** The tracker, filtered, at a page (1-based; the first page leaves `page` out of the address). */
  actionsTracker: (filter: ActionsFilter = {}, page = 1) => `/actions${actionsQuery(filter, page)}`,
  actionsDetail: (actionId: string) => `/actions/${encodeURIComponent(actionId)}`,
  actionsEdit: (actionId: string) => `/actions/${encodeURIComponent(actionId)}/edit`,
  actionsProgress: (actionId: string) => `/actions/${encodeURIComponent(actionId)}/progress`,
  actionsVerify: (actionId: string) => `/actions/${encodeURIComponent(actionId)}/verify`,
  auditSummary: (auditId: string) => `/audits/${encodeURIComponent(auditId)}/summary`,
  reaudit: (auditId: string) => `/audits/${encodeURIComponent(auditId)}/reaudit`,
  // Identity, trusted keys, signing, bundles, settings and backups
  identity: () => '/identity',
  identityBackup: () => '/identity/backup',
  trust: () => '/trust',
  trustRevoke: (fingerprint: string) => `/trust/${encodeURIComponent(fingerprint.replace(/ /g, ''))}/revoke`,
  signAudit: (auditId: string) => `/audits/${encodeURIComponent(auditId)}/sign`,
  signedAudit: (auditId: string) => `/audits/${encodeURIComponent(auditId)}/export`,
  importBundles: () => '/import',
  quarantine: () => '/quarantine',
  settings: () => '/settings',
  about: () => '/about',
  backups: () => '/backups',
  backupsRestore: (backupName: string) => `/backups/${encodeURIComponent(backupName)}/restore`,
  // Dashboard, search, challenge panels and presentation
  dashboard: () => '/dashboard',
  // The audit programme of a year (from 1 April); the current year without one.
  programme: (year?: number) => (year === undefined ? '/programme' : `/programme/${year}`),
  programmeNew: (year: number) => `/programme/${year}/new`,
  programmeEdit: (year: number, plannedId: string) => `/programme/${year}/planned/${encodeURIComponent(plannedId)}`,
  programmeRemove: (year: number, plannedId: string) =>
    `/programme/${year}/planned/${encodeURIComponent(plannedId)}/remove`,
  search: () => '/search',
  panels: (auditId?: string) => (auditId === undefined ? '/panels' : `/audits/${encodeURIComponent(auditId)}/panels`),
  panelNew: (auditId?: string) =>
    auditId === undefined ? '/panels/new' : `/audits/${encodeURIComponent(auditId)}/panels/new`,
  panel: (panelId: string) => `/panels/${encodeURIComponent(panelId)}`,
  panelAttendance: (panelId: string) => `/panels/${encodeURIComponent(panelId)}/attendance`,
  panelItem: (panelId: string, itemId: string) =>
    `/panels/${encodeURIComponent(panelId)}/items/${encodeURIComponent(itemId)}`,
  panelFollowUp: (panelId: string, itemId: string) =>
    `/panels/${encodeURIComponent(panelId)}/items/${encodeURIComponent(itemId)}/follow-up`,
  panelSign: (panelId: string) => `/panels/${encodeURIComponent(panelId)}/sign`,
  presentation: (panelId: string) => `/panels/${encodeURIComponent(panelId)}/present`,
  /** What the room sees of a panel's presentation: another tab, or the desktop app's second window. */
  presentationAudience: (panelId: string) => `/panels/${encodeURIComponent(panelId)}/present/audience`,
  /** An audit's findings presented to the board, one finding at a time. */
  findingsPresentation: (auditId: string) => `/audits/${encodeURIComponent(auditId)}/findings/present`,
  findingsPresentationAudience: (auditId: string) => `/audits/${encodeURIComponent(auditId)}/findings/present/audience`,
  // Audit templates
  templates: () => '/templates',
  templatesPreview: (templateId: string, version: number) =>
    `/templates/${encodeURIComponent(templateId)}/versions/${version}`,
  templateEditor: (draftId: string) => `/templates/drafts/${encodeURIComponent(draftId)}`,
  templateEditorPreview: (draftId: string) => `/templates/drafts/${encodeURIComponent(draftId)}/preview`,
};

/** The href for a path, as used in links. */
export function href(path: string): string {
  return `#${path}`;
}

let router: AnyRouter | null = null;

// One-shot messages ("Audit created") shown on the next screen, dropped once the user moves on.
let flash: { path: string; message: string } | null = null;
const flashListeners = new Set<() => void>();
function setFlash(next: typeof flash): void {
  if (next === flash) return;
  flash = next;
  flashListeners.forEach((l) => l());
}

function decoded(path: string): string {
  try {
    return decodeURI(path);
  } catch {
    return path;
  }
}
const samePath = (a: string, b: string) => a === b || decoded(a) === decoded(b);

/** Makes `navigate` move this router; the flash is dropped when the user moves elsewhere. */
export function bindRouter(next: AnyRouter): () => void {
  router = next;
  const unsubscribe = (next.history as RouterHistory).subscribe(({ location }) => {
    if (flash && !samePath(flash.path, location.href)) setFlash(null);
  });
  return () => {
    unsubscribe();
    if (router === next) router = null;
  };
}

export function navigate(path: string, options: { replace?: boolean; flash?: string } = {}): void {
  if (!router) throw new Error('navigate() before the router is made (routes/table.tsx).');
  setFlash(options.flash ? { path, message: options.flash } : null);
  void router.navigate({ href: path, replace: options.replace ?? false });
  // The history writes the address a microtask later; callers read it at once (openInPlace waits
  // for the new screen only while the address is still the one it navigated to).
  router.history.flush();
}

/** The one-shot message left for the screen at `path`, if any. */
export function flashFor(path: string): string | null {
  return flash && samePath(flash.path, path) ? flash.message : null;
}

function subscribeFlash(listener: () => void): () => void {
  flashListeners.add(listener);
  return () => flashListeners.delete(listener);
}

/**
 * The path on screen (`/actions?status=overdue`). Components reading it also re-render when a flash
 * is left for the screen already open (navigating to where one is), so Page shows it.
 */
export function useCurrentPath(): string {
  useSyncExternalStore(subscribeFlash, () => flash);
  return useRouterState({ select: (s) => s.location.href });
}
