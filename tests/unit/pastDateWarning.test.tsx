// @vitest-environment happy-dom
// A due date already past: the GOV.UK date input is checked as any date, and a date before today
// brings a warning that never stops the form being saved.
import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { DateField, Form, dateInputSchema, useZodForm } from '../../renderer/components/form/index.js';
import { isPastDate, PastDateWarning, todayIso } from '../../renderer/components/form/PastDateWarning.js';
import { container, render, submit, type } from '../helpers/dom.js';

const byId = (id: string) => document.getElementById(id);
const schema = z.object({ due: dateInputSchema({ label: 'Due date', required: 'Enter the due date' }) });

function DueDate({ onSubmit }: { onSubmit: (v: { due: string }) => void }) {
  const form = useZodForm(schema, { defaultValues: { due: '' } });
  return (
    <Form form={form} onSubmit={onSubmit}>
      <DateField name="due" legend="Due date" label="Due date" />
      <PastDateWarning name="due" id="due-past" message="This date has passed" />
    </Form>
  );
}

async function enter(day: string, month: string, year: string) {
  await type(byId('due-day') as HTMLInputElement, day);
  await type(byId('due-month') as HTMLInputElement, month);
  await type(byId('due-year') as HTMLInputElement, year);
}

describe('a due date in the past', () => {
  it('is a whole real date before today', () => {
    expect(isPastDate('2026-03-31', '2026-04-01')).toBe(true);
    expect(isPastDate('2026-04-01', '2026-04-01')).toBe(false);
    expect(isPastDate('2026-04-02', '2026-04-01')).toBe(false);
    expect(isPastDate('2026-02-31', '2026-04-01')).toBe(false);
    expect(isPastDate('2026--5', '2026-04-01')).toBe(false);
    expect(isPastDate('', '2026-04-01')).toBe(false);
    expect(todayIso(new Date('2026-06-30T23:30:00Z'))).toBe('2026-07-01');
  });

  it('is checked as a date, warned about, and still saved', async () => {
    const onSubmit = vi.fn();
    await render(<DueDate onSubmit={onSubmit} />);
    await enter('31', '2', '2020');
    await submit();
    expect(byId('due-error')!.textContent).toBe('Error: Due date must be a real date');
    expect(byId('due-past')).toBeNull();
    expect(onSubmit).not.toHaveBeenCalled();

    await type(byId('due-day') as HTMLInputElement, '28');
    expect(byId('due-past')!.textContent).toContain('This date has passed');
    expect(byId('due-past')!.className).toBe('govuk-warning-text');
    await submit();
    expect(onSubmit).toHaveBeenCalledTimes(1);
    expect(onSubmit.mock.calls[0]![0]).toEqual({ due: '2020-02-28' });

    await type(byId('due-year') as HTMLInputElement, '2099');
    expect(byId('due-past')).toBeNull();
    expect(container.querySelector('.govuk-warning-text')).toBeNull();
  });
});
