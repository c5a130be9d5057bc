// How values are shown to people: times, dates, bands and sentence-case messages.
import { AGE_BANDS } from '../../shared/vocabulary.js';

export type AgeBand = (typeof AGE_BANDS)[number];

export function ageBandLabel(band: AgeBand): string {
  if (band === 'unborn') return 'Unborn';
  const [from, to] = band.split('-');
  return `${from} to ${to} years`;
}

/** "14:32:05" */
export function timeOfDay(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  return d.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false });
}

/**
 * "28 November 2025", the GOV.UK way to write a date, whatever the browser's language. A calendar
 * date (YYYY-MM-DD) is that day wherever the computer is; a time is shown on the local day.
 */
export function longDate(iso: string): string {
  const calendar = /^\d{4}-\d{2}-\d{2}$/.test(iso);
  const d = new Date(calendar ? `${iso}T00:00:00Z` : iso);
  if (Number.isNaN(d.getTime())) return '';
  return d.toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    ...(calendar ? { timeZone: 'UTC' } : {}),
  });
}

/** "28 November 2025, 14:32" */
export function shortDateTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  return `${longDate(iso)}, ${d.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', hour12: false })}`;
}

/** Messages from schemas and services start in lower case; GOV.UK error messages are sentences. */
export function sentence(message: string): string {
  const text = message.trim();
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
