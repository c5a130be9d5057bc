// The audit programme: the audits a partnership plans for its year, and the re-audits its signed
// audits fall due for. Dates are calendar dates (YYYY-MM-DD) as boards in England mean them; they
// compare as text, so nothing here depends on a time zone.
import { z } from 'zod';
import { idSchema, isoDate, isoDateTime } from './ids.js';
import { AUDIT_THEMES } from './vocabulary.js';

// The programme year is the partnership's business year, 1 April to 31 March (its yearly report's year).
export const programmeYearSchema = z
  .number({ error: 'enter the programme year as a number, such as 2026' })
  .int('enter the programme year as a whole number, such as 2026')
  .min(2000, 'the programme year must be 2000 or later')
  .max(2100, 'the programme year must be 2100 or earlier');

export const QUARTERS = [1, 2, 3, 4] as const;
export type Quarter = (typeof QUARTERS)[number];

export const DEFAULT_REAUDIT_MONTHS = 12;
export const reauditMonthsSchema = z
  .number({ error: 'enter the number of months as a whole number, such as 12' })
  .int('enter the number of months as a whole number, such as 12')
  .min(1, 'a re-audit is due at least 1 month after signing')
  .max(36, 'a re-audit is due at most 36 months after signing');

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
function checkDate(name: string, value: string): void {
  if (!ISO_DATE.test(value)) throw new RangeError(`${name} must be a date as YYYY-MM-DD, got "${value}"`);
}
const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** The programme year a date falls in: 1 April 2026 to 31 March 2027 is the year 2026 (“2026 to 2027”). */
export function programmeYearOf(date: string): number {
  checkDate('date', date);
  const year = Number(date.slice(0, 4));
  return Number(date.slice(5, 7)) >= 4 ? year : year - 1;
}

/** “2026 to 2027”, as GOV.UK writes a span of years. */
export function programmeYearLabel(year: number): string {
  return `${year} to ${year + 1}`;
}

export interface DateWindow {
  from: string;
  to: string;
}

export function yearWindow(year: number): DateWindow {
  return { from: `${year}-04-01`, to: `${year + 1}-03-31` };
}

const lastDayOfMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** Quarter 1 is April to June, quarter 4 January to March of the following calendar year. */
export function quarterWindow(year: number, quarter: Quarter): DateWindow {
  const firstMonth = 4 + (quarter - 1) * 3; // 4, 7, 10, 13
  const startYear = year + Math.floor((firstMonth - 1) / 12);
  const start = ((firstMonth - 1) % 12) + 1;
  const end = start + 2;
  return {
    from: `${startYear}-${pad(start)}-01`,
    to: `${startYear}-${pad(end)}-${pad(lastDayOfMonth(startYear, end))}`,
  };
}

/** The quarter of its programme year a date falls in. */
export function quarterOf(date: string): Quarter {
  checkDate('date', date);
  const month = Number(date.slice(5, 7));
  return (Math.floor(((month + 8) % 12) / 3) + 1) as Quarter;
}

/** A calendar date `months` later; the 31st lands on the month's last day (31 August + 6 months = 28 or 29 February). */
export function addMonths(date: string, months: number): string {
  checkDate('date', date);
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7)) - 1 + months;
  const year = y + Math.floor(m / 12);
  const month = (((m % 12) + 12) % 12) + 1;
  const day = Math.min(Number(date.slice(8, 10)), lastDayOfMonth(year, month));
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  checkDate('from', from);
  checkDate('to', to);
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export function addDays(date: string, days: number): string {
  checkDate('date', date);
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * When a signed audit's re-audit falls due: the board's interval after the audit was first signed,
 * but never before its last action is due, since a re-audit tests whether the actions made a
 * difference. A later revision (a correction) does not move it.
 */
export function reauditDueOn(input: {
  firstSignedOn: string;
  actionDueDates: readonly string[];
  months: number;
}): string {
  let due = addMonths(input.firstSignedOn, input.months);
  for (const d of input.actionDueDates) {
    checkDate('actionDueDates', d);
    if (d > due) due = d;
  }
  return due;
}

export const PROGRAMME_STATUSES = ['planned', 'started', 'signed'] as const;
export type ProgrammeStatus = (typeof PROGRAMME_STATUSES)[number];
export const PROGRAMME_STATUS_LABELS: Record<ProgrammeStatus, string> = {
  planned: 'Planned',
  started: 'Started',
  signed: 'Signed',
};

/**
 * Where a planned audit stands: planned until its audit is started, signed once that audit has a
 * signed revision. Late when it is not signed and its window has ended (a window ending today is not late).
 */
export function programmeStanding(
  entry: { window: DateWindow; audit: { revision: number } | null },
  today: string,
): { status: ProgrammeStatus; late: boolean } {
  checkDate('today', today);
  const status: ProgrammeStatus = !entry.audit ? 'planned' : entry.audit.revision > 0 ? 'signed' : 'started';
  return { status, late: status !== 'signed' && entry.window.to < today };
}

/** The window of a planned audit: its dates, or else its quarter. */
export function entryWindow(entry: {
  year: number;
  quarter: Quarter | null;
  startsOn: string | null;
  endsOn: string | null;
}): DateWindow {
  if (entry.startsOn && entry.endsOn) return { from: entry.startsOn, to: entry.endsOn };
  return quarterWindow(entry.year, entry.quarter ?? 1);
}

const quarterSchema = z
  .number({ error: 'choose a quarter' })
  .int()
  .min(1, 'choose a quarter')
  .max(4, 'choose a quarter') as z.ZodType<Quarter, number>;

/** A planned audit as the programme screen saves it (no id: a new one). */
export const plannedAuditSaveSchema = z
  .strictObject({
    id: idSchema.optional(),
    year: programmeYearSchema,
    title: z
      .string()
      .trim()
      .min(1, 'enter a title for the planned audit')
      .max(200, 'the title must be 200 characters or fewer'),
    templateId: z.string().min(1, 'choose a template').max(80),
    templateVersion: z.number().int().min(1).optional(),
    // Placed in a quarter, or between two dates inside the programme year.
    quarter: quarterSchema.nullable(),
    startsOn: isoDate.nullable(),
    endsOn: isoDate.nullable(),
    sampleSize: z
      .number({ error: 'enter the number of cases as a whole number, such as 8' })
      .int('enter the number of cases as a whole number, such as 8')
      .min(1, 'the sample must be at least 1 case')
      .max(200, 'the sample must be at most 200 cases'),
    leadAuditor: z
      .string()
      .trim()
      .min(1, 'enter the lead auditor')
      .max(200, 'the lead auditor must be 200 characters or fewer'),
    agencyIds: z.array(idSchema).min(1, 'choose at least one agency').max(100),
    // The signed audit this one re-audits, if any.
    reauditOf: idSchema.nullable().default(null),
  })
  .superRefine((v, ctx) => {
    if (v.quarter === null && (v.startsOn === null || v.endsOn === null)) {
      if (v.startsOn === null && v.endsOn === null)
        ctx.addIssue({ code: 'custom', path: ['quarter'], message: 'choose a quarter, or give a start and end date' });
      if (v.startsOn === null && v.endsOn !== null)
        ctx.addIssue({ code: 'custom', path: ['startsOn'], message: 'enter the start date' });
      if (v.endsOn === null && v.startsOn !== null)
        ctx.addIssue({ code: 'custom', path: ['endsOn'], message: 'enter the end date' });
      return;
    }
    if (v.quarter !== null && (v.startsOn !== null || v.endsOn !== null)) {
      ctx.addIssue({ code: 'custom', path: ['quarter'], message: 'give a quarter or dates, not both' });
      return;
    }
    if (v.startsOn !== null && v.endsOn !== null) {
      const year = yearWindow(v.year);
      const label = programmeYearLabel(v.year);
      if (v.startsOn < year.from || v.startsOn > year.to)
        ctx.addIssue({
          code: 'custom',
          path: ['startsOn'],
          message: `the start date must be in the programme year ${label}`,
        });
      if (v.endsOn < year.from || v.endsOn > year.to)
        ctx.addIssue({
          code: 'custom',
          path: ['endsOn'],
          message: `the end date must be in the programme year ${label}`,
        });
      if (v.endsOn < v.startsOn)
        ctx.addIssue({
          code: 'custom',
          path: ['endsOn'],
          message: 'the end date must be the same as or after the start date',
        });
    }
  });
export type PlannedAuditSave = z.input<typeof plannedAuditSaveSchema>;

export const plannedAuditSchema = z.strictObject({
  id: idSchema,
  year: z.number().int(),
  title: z.string(),
  theme: z.enum(AUDIT_THEMES),
  templateId: z.string(),
  templateVersion: z.number().int(),
  templateTitle: z.string(),
  quarter: z.number().int().min(1).max(4).nullable(),
  startsOn: isoDate.nullable(),
  endsOn: isoDate.nullable(),
  // The quarter it is listed under and the window it is late after, from its quarter or dates.
  listedQuarter: z.number().int().min(1).max(4),
  window: z.strictObject({ from: isoDate, to: isoDate }),
  sampleSize: z.number().int(),
  leadAuditor: z.string(),
  agencies: z.array(z.strictObject({ id: idSchema, name: z.string() })),
  reauditOf: z.strictObject({ auditId: idSchema, title: z.string() }).nullable(),
  audit: z
    .strictObject({
      id: idSchema,
      title: z.string(),
      revision: z.number().int(),
      caseCount: z.number().int(),
      archived: z.boolean(),
    })
    .nullable(),
  status: z.enum(PROGRAMME_STATUSES),
  late: z.boolean(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
});
export type PlannedAudit = z.infer<typeof plannedAuditSchema>;

export const reauditDueSchema = z.strictObject({
  auditId: idSchema,
  title: z.string(),
  theme: z.enum(AUDIT_THEMES),
  round: z.number().int(),
  firstSignedOn: isoDate,
  dueOn: isoDate,
  overdue: z.boolean(),
  // A planned audit of the programme that re-audits it, when one is planned.
  plannedId: idSchema.nullable(),
});
export type ReauditDue = z.infer<typeof reauditDueSchema>;

export const programmeSchema = z.strictObject({
  year: z.number().int(),
  window: z.strictObject({ from: isoDate, to: isoDate }),
  today: isoDate,
  reauditMonths: z.number().int(),
  entries: z.array(plannedAuditSchema),
  // Signed audits whose re-audit has not been started, whatever year it falls due in.
  reauditsDue: z.array(reauditDueSchema),
  // Audits started in the year that are not in the programme: what happened besides the plan.
  unplanned: z.array(
    z.strictObject({ auditId: idSchema, title: z.string(), revision: z.number().int(), createdAt: isoDateTime }),
  ),
});
export type Programme = z.infer<typeof programmeSchema>;

export const programmeListInputSchema = z.strictObject({
  // The programme year (from 1 April); the current one when omitted.
  year: programmeYearSchema.optional(),
});

export const programmeSettingsSchema = z.strictObject({
  reauditMonths: reauditMonthsSchema,
});
