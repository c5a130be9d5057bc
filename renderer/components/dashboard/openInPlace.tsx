// Opening a search result where it lives: the route first, then focus on the record itself once the
// screen has drawn it (after the screen's own focus on its heading).
import type { SearchHit } from '../../../shared/dashboard.js';
import type { Api } from '../../../shared/contract.js';
import { navigate, paths } from '../../router.js';

const WAIT_MS = 8000;

/** Focuses the element with this id once it appears: a form control, or the text of a record. */
export function focusWhenShown(ids: readonly string[]): void {
  const started = Date.now();
  const hash = window.location.hash;
  const tick = () => {
    // The person has moved on: leave focus alone.
    if (window.location.hash !== hash) return;
    const el = ids.map((id) => document.getElementById(id)).find((x): x is HTMLElement => x !== null);
    if (!el) {
      if (Date.now() - started < WAIT_MS) window.setTimeout(tick, 50);
      return;
    }
    // Let the new screen finish its own focus handling first, then move focus to the record.
    window.setTimeout(() => {
      if (window.location.hash !== hash) return;
      // :disabled also covers controls inside a disabled fieldset (a completed checklist, a signed audit).
      const focusable = el.matches('input, select, textarea, button, a[href]') && !el.matches(':disabled');
      if (!focusable) {
        // A record's text (or a disabled control on a signed audit): focusable by script only.
        const target = (el.closest('.app-question, .app-finding') as HTMLElement | null) ?? el;
        if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
        target.classList.add('app-found');
        target.focus({ preventScroll: true });
        target.scrollIntoView({ block: 'center' });
        return;
      }
      el.focus({ preventScroll: true });
      el.scrollIntoView({ block: 'center' });
    }, 120);
  };
  window.setTimeout(tick, 0);
}

/** Where a result opens (a path for the link's href, before any look-up). */
export function hitPath(hit: SearchHit): string {
  if (hit.kind === 'action' && hit.actionId) return paths.actionsDetail(hit.actionId);
  if (hit.kind === 'finding') return paths.findings(hit.auditId);
  if (hit.kind === 'recommendation') return paths.actionsPlan(hit.auditId);
  if (hit.kind === 'evidence' && hit.checklistId) return paths.checklist(hit.checklistId, hit.sectionId ?? undefined);
  return paths.auditOverview(hit.auditId);
}

/** Opens a result in place: the checklist section holding the question, the finding in the list… */
export async function openHit(api: Api, hit: SearchHit): Promise<void> {
  if (hit.kind === 'evidence' && hit.checklistId && hit.questionId) {
    // The hit names the section (from the audit's pinned template); look it up only if it does not.
    let sectionId = hit.sectionId ?? undefined;
    if (sectionId === undefined)
      try {
        const { template } = await api['checklists.get']({ checklistId: hit.checklistId });
        sectionId = template.sections.find((s) => s.questions.some((q) => q.id === hit.questionId))?.id;
      } catch {
        sectionId = undefined;
      }
    navigate(paths.checklist(hit.checklistId, sectionId));
    focusWhenShown([`q-${hit.questionId}-evidence`, `question-${hit.questionId}`]);
    return;
  }
  navigate(hitPath(hit));
  if (hit.kind === 'finding' && hit.findingId) focusWhenShown([`finding-${hit.findingId}-text`]);
  if (hit.kind === 'recommendation' && hit.recommendationId)
    focusWhenShown([`recommendation-${hit.recommendationId}-text`]);
}
