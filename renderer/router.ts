// A tiny hash router: #/ , #/audits/ID , #/checklists/ID/sections/SECTION … Hashes that are not routes
// (#token=…, a skipped-to anchor) are ignored, so the current screen stays.
import { useSyncExternalStore } from 'react';
import { actionFilterSchema } from '../shared/actionPlan.js';

/**
 * The action tracker's filters, kept in its route with the page
 * (`#/actions?agency=ID&status=overdue&due=2026-04-01&page=2`).
 */
export interface ActionsFilter {
  agencyId?: string;
  status?: NonNullable<ReturnType<typeof actionFilterSchema.parse>['status']>;
  dueBefore?: string;
}

const ACTION_FILTER_PARAMS = { agencyId: 'agency', status: 'status', dueBefore: 'due' } as const;

/** The tracker's filters from a route's query: each checked with the API's own schema; anything else is ignored. */
export function parseActionsFilter(query: string): ActionsFilter {
  const params = new URLSearchParams(query);
  const filter: ActionsFilter = {};
  const agencyId = actionFilterSchema.shape.agencyId.safeParse(params.get(ACTION_FILTER_PARAMS.agencyId) ?? undefined);
  if (agencyId.success && agencyId.data !== undefined) filter.agencyId = agencyId.data;
  const status = actionFilterSchema.shape.status.safeParse(params.get(ACTION_FILTER_PARAMS.status) ?? undefined);
  if (status.success && status.data !== undefined) filter.status = status.data;
  const due = actionFilterSchema.shape.dueBefore.safeParse(params.get(ACTION_FILTER_PARAMS.dueBefore) ?? undefined);
  if (due.success && due.data !== undefined) filter.dueBefore = due.data;
  return filter;
}

/**
 * The tracker's page from a route's query (`page=3`): a whole number from 1 (up to six digits);
 * anything else is ignored and means the first page. A page past the end shows the last one.
 */
export function parseActionsPage(query: string): number {
  const page = new URLSearchParams(query).get('page');
  return page !== null && /^[1-9][0-9]{0,5}$/.test(page) ? Number(page) : 1;
}

function actionsQuery(filter: ActionsFilter, page: number): string {
  const params = new URLSearchParams();
  if (filter.agencyId) params.set(ACTION_FILTER_PARAMS.agencyId, filter.agencyId);
  if (filter.status) params.set(ACTION_FILTER_PARAMS.status, filter.status);
  if (filter.dueBefore) params.set(ACTION_FILTER_PARAMS.dueBefore, filter.dueBefore);
  if (page > 1) params.set('page', String(page));
  const query = params.toString();
  return query ? `?${query}` : '';
}

export type Route =
  | { name: 'home' }
  | { name: 'setup' }
  | { name: 'setupQaCard' }
  | { name: 'agencies' }
  | { name: 'newAudit' }
  | { name: 'audit'; auditId: string }
  | { name: 'addCase'; auditId: string }
  | { name: 'checklist'; checklistId: string; sectionId: string | undefined }
  // Review, findings, action plan and summary (issue 4)
  | { name: 'auditReview'; auditId: string }
  | { name: 'caseReview'; auditId: string; caseId: string }
  | { name: 'findings'; auditId: string }
  | { name: 'findingNew'; auditId: string }
  | { name: 'findingEdit'; auditId: string; findingId: string }
  | { name: 'auditPurpose'; auditId: string }
  | { name: 'actionPlan'; auditId: string }
  | { name: 'recommendationNew'; auditId: string }
  | { name: 'recommendationEdit'; auditId: string; recommendationId: string }
  | { name: 'actionNew'; auditId: string }
  | { name: 'actions'; filter: ActionsFilter; page: number }
  | { name: 'action'; actionId: string }
  | { name: 'actionEdit'; actionId: string }
  | { name: 'actionProgress'; actionId: string }
  | { name: 'actionVerify'; actionId: string }
  | { name: 'auditSummary'; auditId: string }
  | { name: 'reaudit'; auditId: string }
  // Identity, trusted keys, signing, bundles, settings and backups (issues 5 and 7)
  | { name: 'identity' }
  | { name: 'identityBackup' }
  | { name: 'trust' }
  | { name: 'trustRevoke'; fingerprint: string }
  | { name: 'signAudit'; auditId: string }
  | { name: 'exportAudit'; auditId: string }
  | { name: 'importBundles' }
  | { name: 'quarantine' }
  | { name: 'settings' }
  | { name: 'backups' }
  | { name: 'restoreBackup'; backupName: string }
  // Dashboard, search, challenge panels and presentation (issue 6)
  | { name: 'dashboard' }
  | { name: 'search' }
  | { name: 'panels'; auditId: string | undefined }
  | { name: 'panelNew'; auditId: string | undefined }
  | { name: 'panel'; panelId: string }
  | { name: 'panelAttendance'; panelId: string }
  | { name: 'panelItem'; panelId: string; itemId: string }
  | { name: 'panelFollowUp'; panelId: string; itemId: string }
  | { name: 'panelSign'; panelId: string }
  | { name: 'panelPresent'; panelId: string }
  // Audit templates: the library, previews and the editor (issue 3)
  | { name: 'templates' }
  | { name: 'templateVersion'; templateId: string; version: number }
  | { name: 'templateDraft'; draftId: string }
  | { name: 'templateDraftPreview'; draftId: string }
  | { name: 'notFound'; path: string };

export const paths = {
  home: () => '/',
  setup: () => '/setup',
  /** Set-up's second step: the QA sub-committee's identity card, so exported bundles are encrypted to it. */
  setupQaCard: () => '/setup/qa-card',
  agencies: () => '/agencies',
  newAudit: () => '/audits/new',
  audit: (auditId: string) => `/audits/${encodeURIComponent(auditId)}`,
  addCase: (auditId: string) => `/audits/${encodeURIComponent(auditId)}/cases/new`,
  checklist: (checklistId: string, sectionId?: string) =>
    sectionId === undefined
      ? `/checklists/${encodeURIComponent(checklistId)}`
      : `/checklists/${encodeURIComponent(checklistId)}/sections/${encodeURIComponent(sectionId)}`,
  // Review, findings, action plan and summary (issue 4)
  auditReview: (auditId: string) => `/audits/${encodeURIComponent(auditId)}/review`,
  caseReview: (auditId: string, caseId: string) =>
    `/audits/${encodeURIComponent(auditId)}/cases/${encodeURIComponent(caseId)}/review`,
  findings: (auditId: string) => `/audits/${encodeURIComponent(auditId)}/findings`,
  findingNew: (auditId: string) => `/audits/${encodeURIComponent(auditId)}/findings/new`,
  findingEdit: (auditId: string, findingId: string) =>
    `/audits/${encodeURIComponent(auditId)}/findings/${encodeURIComponent(findingId)}`,
  auditPurpose: (auditId: string) => `/audits/${encodeURIComponent(auditId)}/purpose`,
  actionPlan: (auditId: string) => `/audits/${encodeURIComponent(auditId)}/plan`,
  recommendationNew: (auditId: string) => `/audits/${encodeURIComponent(auditId)}/recommendations/new`,
  recommendationEdit: (auditId: string, recommendationId: string) =>
    `/audits/${encodeURIComponent(auditId)}/recommendations/${encodeURIComponent(recommendationId)}`,
  actionNew: (auditId: string) => `/audits/${encodeURIComponent(auditId)}/actions/new`,
  /** The tracker, filtered, at a page (1-based; the first page leaves `page` out of the address). */
  actions: (filter: ActionsFilter = {}, page = 1) => `/actions${actionsQuery(filter, page)}`,
  action: (actionId: string) => `/actions/${encodeURIComponent(actionId)}`,
  actionEdit: (actionId: string) => `/actions/${encodeURIComponent(actionId)}/edit`,
  actionProgress: (actionId: string) => `/actions/${encodeURIComponent(actionId)}/progress`,
  actionVerify: (actionId: string) => `/actions/${encodeURIComponent(actionId)}/verify`,
  auditSummary: (auditId: string) => `/audits/${encodeURIComponent(auditId)}/summary`,
  reaudit: (auditId: string) => `/audits/${encodeURIComponent(auditId)}/reaudit`,
  // Identity, trusted keys, signing, bundles, settings and backups (issues 5 and 7)
  identity: () => '/identity',
  identityBackup: () => '/identity/backup',
  trust: () => '/trust',
  trustRevoke: (fingerprint: string) => `/trust/${encodeURIComponent(fingerprint.replace(/ /g, ''))}/revoke`,
  signAudit: (auditId: string) => `/audits/${encodeURIComponent(auditId)}/sign`,
  exportAudit: (auditId: string) => `/audits/${encodeURIComponent(auditId)}/export`,
  importBundles: () => '/import',
  quarantine: () => '/quarantine',
  settings: () => '/settings',
  backups: () => '/backups',
  restoreBackup: (backupName: string) => `/backups/${encodeURIComponent(backupName)}/restore`,
  // Dashboard, search, challenge panels and presentation (issue 6)
  dashboard: () => '/dashboard',
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
  panelPresent: (panelId: string) => `/panels/${encodeURIComponent(panelId)}/present`,
  // Audit templates (issue 3)
  templates: () => '/templates',
  templateVersion: (templateId: string, version: number) =>
    `/templates/${encodeURIComponent(templateId)}/versions/${version}`,
  templateDraft: (draftId: string) => `/templates/drafts/${encodeURIComponent(draftId)}`,
  templateDraftPreview: (draftId: string) => `/templates/drafts/${encodeURIComponent(draftId)}/preview`,
};

/** The href for a path, as used in links. */
export function href(path: string): string {
  return `#${path}`;
}

function decode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

export function parseRoute(fullPath: string): Route {
  // A query (only the action tracker reads one) follows the first "?"; ids in paths are encoded, so
  // a "?" is never part of one.
  const q = fullPath.indexOf('?');
  const path = q === -1 ? fullPath : fullPath.slice(0, q);
  const query = q === -1 ? '' : fullPath.slice(q + 1);
  const parts = path.split('/').filter(Boolean).map(decode);
  const [a, b, c, d] = parts;
  if (parts.length === 0) return { name: 'home' };
  if (a === 'setup' && parts.length === 1) return { name: 'setup' };
  if (a === 'setup' && b === 'qa-card' && parts.length === 2) return { name: 'setupQaCard' };
  if (a === 'agencies' && parts.length === 1) return { name: 'agencies' };
  if (a === 'audits' && b === 'new' && parts.length === 2) return { name: 'newAudit' };
  if (a === 'audits' && b && parts.length === 2) return { name: 'audit', auditId: b };
  if (a === 'audits' && b && c === 'cases' && d === 'new' && parts.length === 4) return { name: 'addCase', auditId: b };
  if (a === 'checklists' && b && parts.length === 2) return { name: 'checklist', checklistId: b, sectionId: undefined };
  if (a === 'checklists' && b && c === 'sections' && d && parts.length === 4)
    return { name: 'checklist', checklistId: b, sectionId: d };
  // Review, findings, action plan and summary (issue 4)
  if (a === 'audits' && b && parts.length === 3) {
    if (c === 'review') return { name: 'auditReview', auditId: b };
    if (c === 'findings') return { name: 'findings', auditId: b };
    if (c === 'purpose') return { name: 'auditPurpose', auditId: b };
    if (c === 'plan') return { name: 'actionPlan', auditId: b };
    if (c === 'summary') return { name: 'auditSummary', auditId: b };
    if (c === 'reaudit') return { name: 'reaudit', auditId: b };
  }
  if (a === 'audits' && b && c === 'cases' && d && parts[4] === 'review' && parts.length === 5)
    return { name: 'caseReview', auditId: b, caseId: d };
  if (a === 'audits' && b && c === 'findings' && d && parts.length === 4)
    return d === 'new' ? { name: 'findingNew', auditId: b } : { name: 'findingEdit', auditId: b, findingId: d };
  if (a === 'audits' && b && c === 'recommendations' && d && parts.length === 4)
    return d === 'new'
      ? { name: 'recommendationNew', auditId: b }
      : { name: 'recommendationEdit', auditId: b, recommendationId: d };
  if (a === 'audits' && b && c === 'actions' && d === 'new' && parts.length === 4)
    return { name: 'actionNew', auditId: b };
  if (a === 'actions' && parts.length === 1)
    return { name: 'actions', filter: parseActionsFilter(query), page: parseActionsPage(query) };
  if (a === 'actions' && b && parts.length === 2) return { name: 'action', actionId: b };
  if (a === 'actions' && b && parts.length === 3) {
    if (c === 'edit') return { name: 'actionEdit', actionId: b };
    if (c === 'progress') return { name: 'actionProgress', actionId: b };
    if (c === 'verify') return { name: 'actionVerify', actionId: b };
  }
  // Identity, trusted keys, signing, bundles, settings and backups (issues 5 and 7)
  if (parts.length === 1 && a === 'identity') return { name: 'identity' };
  if (parts.length === 2 && a === 'identity' && b === 'backup') return { name: 'identityBackup' };
  if (parts.length === 1 && a === 'trust') return { name: 'trust' };
  if (parts.length === 3 && a === 'trust' && b && c === 'revoke') return { name: 'trustRevoke', fingerprint: b };
  if (parts.length === 3 && a === 'audits' && b && c === 'sign') return { name: 'signAudit', auditId: b };
  if (parts.length === 3 && a === 'audits' && b && c === 'export') return { name: 'exportAudit', auditId: b };
  if (parts.length === 1 && a === 'import') return { name: 'importBundles' };
  if (parts.length === 1 && a === 'quarantine') return { name: 'quarantine' };
  if (parts.length === 1 && a === 'settings') return { name: 'settings' };
  if (parts.length === 1 && a === 'backups') return { name: 'backups' };
  if (parts.length === 3 && a === 'backups' && b && c === 'restore') return { name: 'restoreBackup', backupName: b };
  // Dashboard, search, challenge panels and presentation (issue 6)
  if (parts.length === 1 && a === 'dashboard') return { name: 'dashboard' };
  if (parts.length === 1 && a === 'search') return { name: 'search' };
  if (parts.length === 1 && a === 'panels') return { name: 'panels', auditId: undefined };
  if (parts.length === 2 && a === 'panels' && b === 'new') return { name: 'panelNew', auditId: undefined };
  if (parts.length === 2 && a === 'panels' && b) return { name: 'panel', panelId: b };
  if (parts.length === 3 && a === 'panels' && b) {
    if (c === 'attendance') return { name: 'panelAttendance', panelId: b };
    if (c === 'sign') return { name: 'panelSign', panelId: b };
    if (c === 'present') return { name: 'panelPresent', panelId: b };
  }
  if (parts.length === 4 && a === 'panels' && b && c === 'items' && d)
    return { name: 'panelItem', panelId: b, itemId: d };
  if (parts.length === 5 && a === 'panels' && b && c === 'items' && d && parts[4] === 'follow-up')
    return { name: 'panelFollowUp', panelId: b, itemId: d };
  if (parts.length === 3 && a === 'audits' && b && c === 'panels') return { name: 'panels', auditId: b };
  if (parts.length === 4 && a === 'audits' && b && c === 'panels' && d === 'new')
    return { name: 'panelNew', auditId: b };
  // Audit templates (issue 3)
  if (parts.length === 1 && a === 'templates') return { name: 'templates' };
  if (parts.length === 3 && a === 'templates' && b === 'drafts' && c) return { name: 'templateDraft', draftId: c };
  if (parts.length === 4 && a === 'templates' && b === 'drafts' && c && d === 'preview')
    return { name: 'templateDraftPreview', draftId: c };
  if (parts.length === 4 && a === 'templates' && b && c === 'versions' && d && /^[1-9][0-9]{0,5}$/.test(d))
    return { name: 'templateVersion', templateId: b, version: Number(d) };
  return { name: 'notFound', path: fullPath };
}

/** Which screen a route shows: screens remount when this changes, not when a section changes. */
export function screenKey(route: Route): string {
  switch (route.name) {
    case 'audit':
    case 'addCase':
      return `${route.name}:${route.auditId}`;
    case 'checklist':
      return `checklist:${route.checklistId}`;
    case 'signAudit':
    case 'exportAudit':
      return `${route.name}:${route.auditId}`;
    case 'trustRevoke':
      return `trustRevoke:${route.fingerprint}`;
    case 'restoreBackup':
      return `restoreBackup:${route.backupName}`;
    case 'notFound':
      return `notFound:${route.path}`;
    default:
      return route.name;
  }
}

function pathFromHash(hash: string): string | null {
  return hash.startsWith('#/') ? hash.slice(1) : null;
}

let currentPath = pathFromHash(window.location.hash) ?? '/';
const listeners = new Set<() => void>();

// One-shot messages ("Audit created") shown on the next screen, dropped once the user moves on.
let flash: { path: string; message: string } | null = null;

function update(): void {
  const next = pathFromHash(window.location.hash);
  if (next === null || next === currentPath) return;
  currentPath = next;
  if (flash && flash.path !== next) flash = null;
  listeners.forEach((l) => l());
}

window.addEventListener('hashchange', update);

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useCurrentPath(): string {
  return useSyncExternalStore(subscribe, () => currentPath);
}

export function navigate(path: string, options: { replace?: boolean; flash?: string } = {}): void {
  flash = options.flash ? { path, message: options.flash } : null;
  if (options.replace) {
    window.history.replaceState(null, '', `${window.location.pathname}${window.location.search}#${path}`);
    update();
  } else if (window.location.hash !== `#${path}`) {
    window.location.hash = path;
  } else {
    listeners.forEach((l) => l());
  }
}

/** The one-shot message left for the screen at `path`, if any. */
export function flashFor(path: string): string | null {
  return flash && flash.path === path ? flash.message : null;
}
