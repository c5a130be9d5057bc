// The template editor's form on react-hook-form: the shared template schema through its resolver,
// with each problem reworded for the control it sits under; the error summary read back from the
// form's errors; and a refused save's issues placed at their fields.
import { zodResolver } from '@hookform/resolvers/zod';
import type { FieldErrors, Resolver, UseFormReturn } from 'react-hook-form';
import type { ErrorIssue } from '../../../shared/errors.js';
import { templateSchema, type Template } from '../../../shared/template.js';
import { ApiError } from '../../api/client.js';
import { applyApiError, flattenErrors } from '../../lib/formErrors.js';
import { sentence } from '../../lib/format.js';
import { editorError, summaryText } from './editorModel.js';

export type EditorForm = UseFormReturn<Template, unknown, Template>;

const schemaResolver = zodResolver(templateSchema) as unknown as Resolver<Template, unknown, Template>;

/** A dotted field name as a path ("sections.1.title" → ['sections', 1, 'title']). */
export const pathOf = (name: string): (string | number)[] =>
  name === '' ? [] : name.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p));

const isLeaf = (v: object): v is { type: string; message?: unknown } =>
  'type' in v && typeof (v as { type: unknown }).type === 'string';

/** Rewords every message in `errors` (in place) as the editor shows it at its control. */
function reword(t: Template, errors: object): void {
  const walk = (node: unknown, path: (string | number)[]) => {
    if (!node || typeof node !== 'object') return;
    if (isLeaf(node) && typeof node.message === 'string') node.message = editorError(t, path, node.message).message;
    for (const [key, child] of Object.entries(node)) {
      if (key === 'ref' || key === 'type' || key === 'message' || key === 'types') continue;
      // A list's own problem (too few options) sits under "root".
      walk(child, key === 'root' ? path : [...path, /^\d+$/.test(key) ? Number(key) : key]);
    }
  };
  walk(errors, []);
}

/** The shared template schema, its messages reworded for the editor's controls. */
export const editorResolver: Resolver<Template, unknown, Template> = async (values, context, options) => {
  const result = await schemaResolver(values, context, options);
  reword(values, result.errors);
  return result;
};

export interface SummaryLine {
  targetId: string | undefined;
  /** The question to open so the control is on screen. */
  questionId: string | undefined;
  text: string;
}

/** The error summary of the form's errors: the form's own first, then each field's, naming where it is. */
export function summaryLines(t: Template, errors: FieldErrors<Template>): SummaryLine[] {
  const { root, ...fields } = errors;
  const general = [root?.['server']?.message, root?.message]
    .filter((m): m is string => typeof m === 'string' && m !== '')
    .map((m) => ({ targetId: undefined, questionId: undefined, text: sentence(m) }));
  const placed = flattenErrors(fields as FieldErrors<Template>).map((e) => {
    const at = editorError(t, pathOf(e.name), '');
    return { targetId: at.targetId, questionId: at.questionId, text: summaryText(at.where, e.message) };
  });
  return [...general, ...placed];
}

/**
 * A refused save on the form: each issue (its path is the service's input, "template.…") at its
 * field. Gives the questions the issues are in, to open.
 */
export function applySaveError(form: EditorForm, error: unknown): string[] {
  const t = form.getValues();
  const inTemplate = (path: ErrorIssue['path']) => (path[0] === 'template' ? path.slice(1) : path);
  const reworded =
    error instanceof ApiError && error.issues.length > 0
      ? new ApiError(
          error.code,
          error.message,
          error.retryAfterSeconds,
          error.issues.map((i) => ({ path: i.path, message: editorError(t, inTemplate(i.path), i.message).message })),
        )
      : error;
  applyApiError(form, reworded, (path) => {
    const inside = inTemplate(path);
    // A problem with no control of its own (the draft, the template's id) is the form's.
    return inside.length > 0 && path[0] === 'template' && editorError(t, inside, '').targetId !== undefined
      ? inside.join('.')
      : undefined;
  });
  const issues = error instanceof ApiError ? error.issues : [];
  return issues.flatMap((i) => editorError(t, inTemplate(i.path), '').questionId ?? []);
}
