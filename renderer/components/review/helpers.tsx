// Small helpers for the review, findings, action plan and summary screens: calendar dates shown
// without time-zone drift, short lists in words, and question numbers from the analysis.
import type { Analysis } from '../../../shared/analysis.js';
import type { AuditCase } from '../../../shared/auditCase.js';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** "31 March 2027" for a YYYY-MM-DD date; the date as given when it is not one. */
export function calendarDate(isoDate: string): string {
  const m = ISO_DATE.exec(isoDate);
  if (!m) return isoDate;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  if (Number.isNaN(d.getTime())) return isoDate;
  return d.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}

/** True for a real calendar date written as YYYY-MM-DD. */
export function isCalendarDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

/** "A, B and C" */
export function inWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** Case references for case ids, in the sample's order; unknown ids are left out. */
export function caseReferences(cases: readonly AuditCase[], ids: readonly string[]): string[] {
  const wanted = new Set(ids);
  return cases.filter((c) => wanted.has(c.id)).map((c) => c.reference);
}

export interface NumberedQuestion {
  id: string;
  number: string;
  text: string;
}

/** The template's questions numbered as the checklist numbers them ("2.3"), from the analysis. */
export function numberedQuestions(prevalence: Analysis['prevalence']): NumberedQuestion[] {
  const sections: string[] = [];
  const counts = new Map<string, number>();
  return prevalence.questions.map((q) => {
    if (!sections.includes(q.sectionId)) sections.push(q.sectionId);
    const n = (counts.get(q.sectionId) ?? 0) + 1;
    counts.set(q.sectionId, n);
    return { id: q.questionId, number: `${sections.indexOf(q.sectionId) + 1}.${n}`, text: q.text };
  });
}

/** A percentage typed by a person ("20", "20%") as a share (0.2), or null when it is not one. */
export function parsePercent(text: string): number | null {
  const t = text.trim().replace(/%$/, '').trim();
  if (!/^\d{1,3}(\.\d+)?$/.test(t)) return null;
  return Number(t) / 100;
}

/** A share (0.2) as a percentage to type ("20"). */
export function percentText(share: number): string {
  return String(Math.round(share * 1000) / 10);
}
