// Turning form errors (react-hook-form's nested FieldErrors, and the services' "path: message" texts)
// into the flat, ordered list the error summary shows, each linked to the control it is about.
import type { FieldErrors, FieldValues } from 'react-hook-form';
import { sentence } from './format.js';

export interface SummaryError {
  /** Form field name in react-hook-form's dotted form, e.g. agencies.2.name ('' for the form). */
  name: string;
  message: string;
}

function isLeaf(value: unknown): value is { message?: unknown; type?: unknown } {
  return (
    typeof value === 'object' &&
    value !== null &&
    'type' in value &&
    typeof (value as { type: unknown }).type === 'string'
  );
}

export function flattenErrors<T extends FieldValues>(errors: FieldErrors<T>): SummaryError[] {
  const out: SummaryError[] = [];
  const walk = (value: unknown, path: string[]) => {
    if (!value || typeof value !== 'object') return;
    if (isLeaf(value) && typeof value.message === 'string' && value.message !== '') {
      out.push({ name: path.join('.'), message: sentence(value.message) });
    }
    for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
      if (key === 'ref' || key === 'type' || key === 'message' || key === 'types') continue;
      // An array-level error (a refine on the list) lives under "root".
      walk(child, key === 'root' ? path : [...path, key]);
    }
  };
  walk(errors, []);
  return out;
}

/**
 * Splits a service's VALIDATION/CONFLICT message ("agencies[2].name: listed twice; name: too long")
 * into field errors; text without a recognisable path stays a form-level error (name '').
 */
export function parseServerMessage(message: string): SummaryError[] {
  return message
    .split(/;\s+/)
    .filter((part) => part.trim() !== '')
    .map((part) => {
      const match = /^([A-Za-z][A-Za-z0-9_]*(?:\[\d+\]|\.[A-Za-z][A-Za-z0-9_]*)*):\s+(.+)$/s.exec(part);
      if (!match?.[1] || !match[2]) return { name: '', message: sentence(part) };
      const name = match[1].replace(/\[(\d+)\]/g, '.$1');
      return { name, message: sentence(match[2]) };
    });
}

/** The error summary's items, in the order the controls appear on the page. */
export function summaryItems(
  errors: SummaryError[],
  idFor: (name: string) => string | undefined,
): Array<{ targetId: string | undefined; text: string }> {
  const items = errors.map((e) => ({ targetId: e.name === '' ? undefined : idFor(e.name), text: e.message }));
  const position = (id: string | undefined) => {
    const el = id ? document.getElementById(id) : null;
    return el;
  };
  return items
    .map((item, index) => ({ item, index, el: position(item.targetId) }))
    .sort((a, b) => {
      if (a.el && b.el && a.el !== b.el) {
        return a.el.compareDocumentPosition(b.el) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
      }
      return a.index - b.index;
    })
    .map(({ item }) => item);
}
