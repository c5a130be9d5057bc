// The GOV.UK date input's value: three boxes (day, month, year) held in the form as one string, so
// the zod schema (not the component) decides what is wrong, with the Design System's messages.
import { z } from 'zod';

export type DatePart = 'day' | 'month' | 'year';
export interface DateParts {
  day: string;
  month: string;
  year: string;
}

const PARTS: readonly DatePart[] = ['day', 'month', 'year'];

/** The form value for what is in the boxes: ISO YYYY-MM-DD when it is a whole date, else the raw parts. */
export function joinDateParts({ day, month, year }: DateParts): string {
  const [d, m, y] = [day.trim(), month.trim(), year.trim()];
  if (d === '' && m === '' && y === '') return '';
  if (/^\d{1,2}$/.test(d) && /^\d{1,2}$/.test(m) && /^\d{4}$/.test(y)) {
    return `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
  }
  return `${y}-${m}-${d}`;
}

/** The boxes for a form value (an ISO date, or what joinDateParts made of an unfinished one). */
export function splitDate(value: string | undefined | null): DateParts {
  const [year = '', month = '', day = ''] = (value ?? '').split('-');
  return { day, month, year };
}

export interface DateProblem {
  message: string;
  /** The boxes to highlight. */
  parts: DatePart[];
}

function inWords(parts: readonly DatePart[]): string {
  return parts.length === 3 ? 'a day, month and year' : `a ${parts.join(' and ')}`;
}

/** What is wrong with the date in the boxes, in the GOV.UK pattern's words; null when it is a real date. */
export function dateProblem(value: string, label = 'Date'): DateProblem | null {
  const pieces = value.split('-');
  if (pieces.length !== 3) return { message: `${label} must be a real date`, parts: [...PARTS] };
  const parts = splitDate(value);
  const missing = PARTS.filter((p) => parts[p].trim() === '');
  if (missing.length > 0) return { message: `${label} must include ${inWords(missing)}`, parts: missing };
  const [d, m, y] = [parts.day.trim(), parts.month.trim(), parts.year.trim()];
  if (!/^\d+$/.test(d) || !/^\d+$/.test(m) || !/^\d+$/.test(y)) {
    return { message: `${label} must be a real date`, parts: [...PARTS] };
  }
  if (y.length !== 4) return { message: 'Year must include 4 numbers', parts: ['year'] };
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  const real =
    date.getUTCFullYear() === Number(y) && date.getUTCMonth() === Number(m) - 1 && date.getUTCDate() === Number(d);
  return real ? null : { message: `${label} must be a real date`, parts: [...PARTS] };
}

/**
 * The schema of a date input's value: an ISO YYYY-MM-DD date, or '' when the boxes are empty and the
 * date is optional (no `required` message).
 */
export function dateInputSchema({ label = 'Date', required }: { label?: string; required?: string } = {}) {
  return z.string().superRefine((value, ctx) => {
    if (value === '') {
      if (required) ctx.addIssue({ code: 'custom', message: required });
      return;
    }
    const problem = dateProblem(value, label);
    if (problem) ctx.addIssue({ code: 'custom', message: problem.message });
  });
}
