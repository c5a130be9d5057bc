// The checks on what an address holds: each path parameter and the action tracker's query, with the
// schemas the API itself uses where shared/ has one. A path parameter that fails is "Page not found";
// a tracker filter that fails is ignored, as if it were not there.
import { notFound } from '@tanstack/react-router';
import { z } from 'zod';
import { actionFilterSchema } from '../../shared/actionPlan.js';
import { fingerprintSchema } from '../../shared/identity.js';
import { idSchema } from '../../shared/ids.js';
import { sectionSchema, templateSchema } from '../../shared/template.js';

/** A whole number written plainly (no sign, no leading zero, up to six digits). */
const wholeNumber = z
  .string()
  .regex(/^[1-9][0-9]{0,5}$/)
  .transform(Number);

export const param = {
  id: idSchema,
  /** A template's id (a slug) and its version, as the template file holds them. */
  templateId: templateSchema.shape.id,
  version: wholeNumber.pipe(templateSchema.shape.version),
  sectionId: sectionSchema.shape.id,
  /** A key's fingerprint without its spaces (as the address writes it), any case. */
  fingerprint: z
    .string()
    .regex(/^[0-9a-fA-F]{64}$/)
    .refine((s) => fingerprintSchema.safeParse(s.toLowerCase().replace(/(.{4})(?!$)/g, '$1 ')).success),
  /** A backup file's name, as `session.restore` accepts it. */
  backupName: z.string().regex(/^[^/\\]+\.db$/),
} as const;

export type ParamShape = Record<string, z.ZodType<string | number | undefined, string>>;
export type ParsedParams<S extends ParamShape> = { [K in keyof S]: z.output<S[K]> };

/** Parses a route's path parameters; any that fails makes the address "Page not found". */
export function parseParams<S extends ParamShape>(shape: S, raw: Record<string, string>): ParsedParams<S> {
  const parsed = z.object(shape).safeParse(raw);
  if (!parsed.success) throw notFound();
  return parsed.data as ParsedParams<S>;
}

/** The way back into an address: every parsed parameter is written as the string it was parsed from. */
export function stringifyParams(params: Record<string, string | number | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(params).map(([k, v]) => [k, v === undefined ? '' : String(v)]));
}

/** The action tracker's filters, kept in its address with the page. */
export interface ActionsFilter {
  agencyId?: string;
  status?: NonNullable<z.output<typeof actionFilterSchema>['status']>;
  dueBefore?: string;
}

/**
 * The tracker's query as the address writes it: `?agency=ID&status=overdue&due=2026-04-01&page=2`.
 * Every key is present, undefined when absent or refused: the router lays the checked values over the
 * raw query, so a refused value must be overwritten, not merely left out.
 */
export interface ActionsSearch {
  agency: string | undefined;
  status: ActionsFilter['status'];
  due: string | undefined;
  /** Undefined on the first page. */
  page: number | undefined;
}

const pageParam = z.union([z.number().int(), wholeNumber]).pipe(z.number().int().min(2).max(999_999));

const valid = <T>(result: { success: true; data: T } | { success: false }): T | undefined =>
  result.success ? result.data : undefined;

/**
 * The tracker's query, each value checked with the API's own filter schema; a value that fails (an
 * unknown status, an impossible date, a page that is not a whole number) is dropped, never an error.
 * A page past the end is the screen's to correct: it shows the last one.
 */
export function validateActionsSearch(raw: Record<string, unknown>): ActionsSearch {
  return {
    agency: valid(actionFilterSchema.shape.agencyId.safeParse(raw.agency)),
    status: valid(actionFilterSchema.shape.status.safeParse(raw.status)),
    due: valid(actionFilterSchema.shape.dueBefore.safeParse(raw.due)),
    page: valid(pageParam.safeParse(raw.page)),
  };
}

export function actionsFilterOf(search: ActionsSearch): ActionsFilter {
  return {
    ...(search.agency !== undefined ? { agencyId: search.agency } : {}),
    ...(search.status !== undefined ? { status: search.status } : {}),
    ...(search.due !== undefined ? { dueBefore: search.due } : {}),
  };
}

/** The query string of a filter and page (empty for the whole list's first page). */
export function actionsQuery(filter: ActionsFilter, page: number): string {
  return stringifySearch({
    agency: filter.agencyId,
    status: filter.status,
    due: filter.dueBefore,
    page: page > 1 ? page : undefined,
  });
}

// The address keeps plain `key=value` pairs (TanStack Router's default writes JSON), so the tracker's
// links read as they always have; every value reaches validateSearch as the string it was.
export function parseSearch(query: string): Record<string, string> {
  return Object.fromEntries(new URLSearchParams(query.startsWith('?') ? query.slice(1) : query));
}

export function stringifySearch(search: Record<string, unknown>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(search))
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  const query = params.toString();
  return query ? `?${query}` : '';
}
