// Where a screen opened from "check your answers" goes back to once its change is saved: the
// `returnTo` search parameter, which may only name an audit's check before signing (never any other
// address), checked here for every route.
import { useSearch } from '@tanstack/react-router';
import { z } from 'zod';
import { idSchema } from '../../shared/ids.js';
import { stringifySearch } from './params.js';

const SIGN_PATH = /^\/audits\/([^/?#]+)\/sign$/;

function signsAnAudit(path: string): boolean {
  const id = SIGN_PATH.exec(path)?.[1];
  if (id === undefined) return false;
  try {
    return idSchema.safeParse(decodeURIComponent(id)).success;
  } catch {
    return false; // a malformed escape
  }
}

export const returnToSchema = z.string().refine(signsAnAudit);

/** The route's search as every screen route checks it: a `returnTo` that fails is dropped. */
export function validateReturnSearch(raw: Record<string, unknown>): { returnTo: string | undefined } {
  const parsed = returnToSchema.safeParse(raw.returnTo);
  return { returnTo: parsed.success ? parsed.data : undefined };
}

/** `path` with the address to return to once saved (none: the path as it is). */
export function withReturnTo(path: string, returnTo: string | undefined): string {
  if (returnTo === undefined) return path;
  const [base, query = ''] = path.split('?');
  const search = Object.fromEntries(new URLSearchParams(query));
  return `${base}${stringifySearch({ ...search, returnTo })}`;
}

// A checklist opened by a Fix link starts at the field to fix: a question's control, its evidence
// note or its reason for "Not applicable" (their ids, from lib/questionOptions and QuestionField).
const focusSchema = z
  .string()
  .max(120)
  .regex(/^q-[a-z0-9][a-z0-9-]*$/);

/** `path` with the id of the field the screen is to start at. */
export function withFocus(path: string, fieldId: string): string {
  const [base, query = ''] = path.split('?');
  const search = Object.fromEntries(new URLSearchParams(query));
  return `${base}${stringifySearch({ ...search, focus: fieldId })}`;
}

/** The checked id of the field this screen is to start at, if a link asked for one. */
export function useFocusTarget(): string | undefined {
  const search = useSearch({ strict: false }) as { focus?: unknown };
  const parsed = focusSchema.safeParse(search.focus);
  return parsed.success ? parsed.data : undefined;
}

/** The checked address this screen returns to once saved, if it was opened to make a change. */
export function useReturnTo(): string | undefined {
  const search = useSearch({ strict: false }) as { returnTo?: unknown };
  return typeof search.returnTo === 'string' ? search.returnTo : undefined;
}
