// @vitest-environment happy-dom
// The attendee rows the case discussion and the panel attendance share: a react-hook-form field array
// in the "add another" pattern, with the services' rules in the form's words.
import { act } from 'react';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { attendeeSchema } from '../../shared/review.js';
import {
  attendeeFieldName,
  AttendeeRows,
  attendeeRowsSchema,
  checkAttendees,
  type AttendeeRow,
} from '../../renderer/components/AttendeeRows.js';
import { Form, useZodForm } from '../../renderer/components/form/index.js';
import { container, render, submit } from '../helpers/dom.js';

const AGENCIES = [
  { value: 'a1', label: 'Police' },
  { value: 'a2', label: 'Health' },
];

const schema = z.object({ attendees: attendeeRowsSchema }).superRefine((v, ctx) => {
  checkAttendees(ctx, v.attendees, z.array(attendeeSchema).min(1).max(2), {
    too_small: 'Record who attended',
    too_big: 'Record at most 2 attendees',
  });
});

function Screen({ initial, onSubmit }: { initial: AttendeeRow[]; onSubmit: (rows: AttendeeRow[]) => void }) {
  const form = useZodForm(schema, { defaultValues: { attendees: initial } });
  return (
    <Form form={form} onSubmit={(v) => onSubmit(v.attendees)}>
      <AttendeeRows agencyOptions={AGENCIES} />
      <button type="submit">Save</button>
    </Form>
  );
}

const byId = (id: string) => document.getElementById(id);
const button = (name: string) =>
  [...container.querySelectorAll('button')].find((b) => b.textContent === name) as HTMLButtonElement;
const summary = () => [...container.querySelectorAll('.govuk-error-summary a')].map((a) => a.textContent);

describe('AttendeeRows', () => {
  it('adds a row with the focus in it, and a removed row leaves the focus on the Add button', async () => {
    await render(<Screen initial={[{ role: '', agencyId: '' }]} onSubmit={() => {}} />);
    expect(container.querySelector('label[for="attendee-0-role"]')!.textContent).toBe('Role of attendee 1');
    expect(container.querySelector('legend')!.textContent).toBe('Attendee 1');
    // One row: nothing to remove.
    expect(button('Remove attendee 1')).toBeUndefined();
    await act(async () => button('Add another attendee').click());
    expect(document.activeElement).toBe(byId('attendee-1-role'));
    expect(byId('attendee-1-agency')!.tagName).toBe('SELECT');
    await act(async () => button('Remove attendee 2').click());
    expect(byId('attendee-1-role')).toBeNull();
    expect(document.activeElement).toBe(button('Add another attendee'));
  });

  it('an empty list is refused at the first row', async () => {
    await render(<Screen initial={[{ role: '', agencyId: '' }]} onSubmit={() => {}} />);
    await submit();
    expect(summary()).toEqual(['Record who attended']);
    expect(container.querySelector('.govuk-error-summary a')!.getAttribute('href')).toBe('#attendee-0-role');
  });

  it('places a service’s issue on the row it was sent from', () => {
    const rows = [
      { role: 'Chair', agencyId: 'a1' },
      { role: '', agencyId: '' },
      { role: 'Nurse', agencyId: 'a2' },
    ];
    expect(attendeeFieldName(rows, ['attendees', 1, 'role'])).toBe('attendees.2.role');
    expect(attendeeFieldName(rows, ['attendees', 0, 'agencyId'])).toBe('attendees.0.agencyId');
    expect(attendeeFieldName(rows, ['attendees'])).toBe('attendees.0.role');
    expect(attendeeFieldName(rows, ['attendees', 5, 'role'])).toBeUndefined();
    expect(attendeeFieldName(rows, ['heldOn'])).toBeUndefined();
  });
});
