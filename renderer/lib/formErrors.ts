// Turning form errors (react-hook-form's nested FieldErrors, and the issues of a refused call) into
// the flat, ordered list the error summary shows, each linked to the control it is about.
import type { FieldErrors, FieldValues, Path, UseFormReturn } from 'react-hook-form';
import type { ErrorIssue } from '../../shared/errors.js';
import { formatPath } from '../../shared/validationPath.js';
import { ApiError, errorMessage } from '../api/client.js';
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

/** An issue's path as a react-hook-form field name: ['agencies', 2, 'name'] → 'agencies.2.name'. */
export const dottedPath = (path: ErrorIssue['path']): string | undefined =>
  path.length === 0 ? undefined : path.join('.');

/**
 * Shows a refused call on a react-hook-form form: each issue at its field (the name `pathMap` gives
 * its path, by default the dotted path), and what belongs to no field — the message of an error
 * without issues, or issues `pathMap` maps to nothing — as the form's own error, 'root.server'.
 */
export function applyApiError<T extends FieldValues>(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- any form: the names come from the issues
  form: UseFormReturn<T, any, any>,
  error: unknown,
  pathMap: (path: ErrorIssue['path']) => string | undefined = dottedPath,
): void {
  const issues = error instanceof ApiError ? error.issues : [];
  const unplaced: ErrorIssue[] = [];
  for (const issue of issues) {
    const name = pathMap(issue.path);
    if (name === undefined) unplaced.push(issue);
    else form.setError(name as Path<T>, { type: 'server', message: sentence(issue.message) });
  }
  if (issues.length === 0) {
    form.setError('root.server', { type: 'server', message: sentence(errorMessage(error)) });
  } else if (unplaced.length > 0) {
    const text = unplaced.map((i) => (i.path.length > 0 ? `${formatPath(i.path)}: ${i.message}` : i.message));
    form.setError('root.server', { type: 'server', message: sentence(text.join('; ')) });
  }
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
