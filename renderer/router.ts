// A tiny hash router: #/ , #/audits/ID , #/checklists/ID/sections/SECTION … Hashes that are not routes
// (#token=…, a skipped-to anchor) are ignored, so the current screen stays.
import { useSyncExternalStore } from 'react';

export type Route =
  | { name: 'home' }
  | { name: 'setup' }
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
  | { name: 'actions' }
  | { name: 'action'; actionId: string }
  | { name: 'actionEdit'; actionId: string }
  | { name: 'actionProgress'; actionId: string }
  | { name: 'actionVerify'; actionId: string }
  | { name: 'auditSummary'; auditId: string }
  | { name: 'reaudit'; auditId: string }
  | { name: 'notFound'; path: string };

export const paths = {
  home: () => '/',
  setup: () => '/setup',
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
  actions: () => '/actions',
  action: (actionId: string) => `/actions/${encodeURIComponent(actionId)}`,
  actionEdit: (actionId: string) => `/actions/${encodeURIComponent(actionId)}/edit`,
  actionProgress: (actionId: string) => `/actions/${encodeURIComponent(actionId)}/progress`,
  actionVerify: (actionId: string) => `/actions/${encodeURIComponent(actionId)}/verify`,
  auditSummary: (auditId: string) => `/audits/${encodeURIComponent(auditId)}/summary`,
  reaudit: (auditId: string) => `/audits/${encodeURIComponent(auditId)}/reaudit`,
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

export function parseRoute(path: string): Route {
  const parts = path.split('/').filter(Boolean).map(decode);
  const [a, b, c, d] = parts;
  if (parts.length === 0) return { name: 'home' };
  if (a === 'setup' && parts.length === 1) return { name: 'setup' };
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
  if (a === 'audits' && b && c === 'actions' && d === 'new' && parts.length === 4) return { name: 'actionNew', auditId: b };
  if (a === 'actions' && parts.length === 1) return { name: 'actions' };
  if (a === 'actions' && b && parts.length === 2) return { name: 'action', actionId: b };
  if (a === 'actions' && b && parts.length === 3) {
    if (c === 'edit') return { name: 'actionEdit', actionId: b };
    if (c === 'progress') return { name: 'actionProgress', actionId: b };
    if (c === 'verify') return { name: 'actionVerify', actionId: b };
  }
  return { name: 'notFound', path };
}

/** Which screen a route shows: screens remount when this changes, not when a section changes. */
export function screenKey(route: Route): string {
  switch (route.name) {
    case 'audit':
    case 'addCase':
      return `${route.name}:${route.auditId}`;
    case 'checklist':
      return `checklist:${route.checklistId}`;
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
