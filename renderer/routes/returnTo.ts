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

/** The checked address this screen returns to once saved, if it was opened to make a change. */
export function useReturnTo(): string | undefined {
  const search = useSearch({ strict: false }) as { returnTo?: unknown };
  return typeof search.returnTo === 'string' ? search.returnTo : undefined;
}
