// Who attended a meeting (a case's multi-agency discussion, a challenge panel), by role and agency and
// never by name: the "add another" rows, and the rules their form adds to the services' own. Rows
// left completely empty are dropped, as in any "add another" list; half-filled ones need finishing.
import type { ReactNode } from 'react';
import { z } from 'zod';
import { attendeeSchema } from '../../shared/review.js';
import { AddAnother, checkRule, SelectField, TextField, type Words } from './form/index.js';

export interface AttendeeRow {
  role: string;
  agencyId: string;
}

/** The rows as the form holds them: what is typed, checked by `checkAttendees`. */
export const attendeeRowsSchema = z.array(z.strictObject({ role: z.string(), agencyId: z.string() }));

export const BLANK_ATTENDEE: AttendeeRow = { role: '', agencyId: '' };

const isFilled = (a: AttendeeRow) => a.role.trim() !== '' || a.agencyId !== '';

/** The indexes of the rows not left empty: the attendees that are sent, in order. */
export function filledAttendees(rows: readonly AttendeeRow[]): number[] {
  return rows.flatMap((a, i) => (isFilled(a) ? [i] : []));
}

/** The attendees to send: the filled rows, trimmed. */
export function attendeesToSend(rows: readonly AttendeeRow[]): AttendeeRow[] {
  return filledAttendees(rows).map((i) => ({ role: rows[i]!.role.trim(), agencyId: rows[i]!.agencyId }));
}

/**
 * Adds the issues of the rows at `attendees` to `ctx`: each filled row by the services' attendee
 * rule, each message naming its row; then the list of filled rows by `listRule` (the method's own,
 * e.g. at least one, at most 50), its messages from `listWords` at the first row's role.
 */
export function checkAttendees(
  ctx: z.RefinementCtx,
  rows: readonly AttendeeRow[],
  listRule: z.ZodType,
  listWords: Words,
): void {
  const filled = filledAttendees(rows);
  for (const i of filled) {
    const row = rows[i]!;
    checkRule(ctx, ['attendees', i, 'role'], attendeeSchema.shape.role, row.role, {
      too_small: `Enter the role of attendee ${i + 1} (a role, not a name)`,
    });
    if (row.agencyId === '') {
      ctx.addIssue({
        code: 'custom',
        path: ['attendees', i, 'agencyId'],
        message: `Choose the agency of attendee ${i + 1}`,
      });
    }
  }
  // A row's own problems are reported above; the list's link to the first row.
  const list = listRule.safeParse(filled.map((i) => rows[i])).error?.issues ?? [];
  for (const issue of list.filter((x) => x.path.length === 0)) {
    ctx.addIssue({ code: 'custom', path: ['attendees', 0, 'role'], message: listWords[issue.code] ?? issue.message });
  }
}

/**
 * Where a service's issue about the attendees sent belongs on the form: its paths count only the
 * filled rows, in order. Undefined for a path outside the attendees.
 */
export function attendeeFieldName(rows: readonly AttendeeRow[], path: ReadonlyArray<PropertyKey>): string | undefined {
  const [first, index, field] = path;
  if (first !== 'attendees') return undefined;
  if (index === undefined) return 'attendees.0.role';
  const row = filledAttendees(rows)[Number(index)];
  return row !== undefined && (field === 'role' || field === 'agencyId') ? `attendees.${row}.${field}` : undefined;
}

/** The attendee rows of the form in context, at `attendees`. */
export function AttendeeRows({
  agencyOptions,
  canChange = true,
  legendHidden = false,
}: {
  agencyOptions: ReadonlyArray<{ value: string; label: string }>;
  canChange?: boolean;
  /** Each row's legend for screen readers only (when the list has a legend of its own). */
  legendHidden?: boolean;
}) {
  const hidden = (text: string, i: number): ReactNode => (
    <>
      {text}
      <span className="govuk-visually-hidden"> of attendee {i + 1}</span>
    </>
  );
  return (
    <AddAnother<AttendeeRow>
      name="attendees"
      blank={BLANK_ATTENDEE}
      rowName={(i) => `Attendee ${i + 1}`}
      legendHidden={legendHidden}
      legendSize="s"
      addLabel="Add another attendee"
      focusId={(i) => `attendee-${i}-role`}
      canChange={canChange}
    >
      {(i) => (
        <>
          <TextField
            name={`attendees.${i}.role`}
            id={`attendee-${i}-role`}
            label={hidden('Role', i)}
            groupClassName="app-agency-row__name"
            autoComplete="off"
          />
          <SelectField
            name={`attendees.${i}.agencyId`}
            id={`attendee-${i}-agency`}
            label={hidden('Agency', i)}
            groupClassName="app-agency-row__kind"
            placeholder="Choose an agency"
            options={agencyOptions}
          />
        </>
      )}
    </AddAnother>
  );
}
