// Moves focus to a form control the way the GOV.UK error summary does: the control gets focus and its
// label or legend is scrolled into view, so people see the question, not just the box.
export function focusControl(id: string): boolean {
  const el = document.getElementById(id);
  if (!el) return false;
  el.focus({ preventScroll: true });
  const legend = el.closest('fieldset')?.querySelector('legend');
  const label = document.querySelector(`label[for="${CSS.escape(id)}"]`);
  const target = legend ?? label ?? el;
  target.scrollIntoView({ block: 'start' });
  return true;
}
