// @vitest-environment happy-dom
import { act } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import {
  CheckboxesField,
  DateField,
  Form,
  RadiosField,
  SelectField,
  TextareaField,
  TextField,
  dateInputSchema,
  dateProblem,
  joinDateParts,
  splitDate,
  useFieldArray,
  useZodForm,
} from '../../renderer/components/form/index.js';
import { container, render, submit, type } from '../helpers/dom.js';

const byId = (id: string) => document.getElementById(id);

function summaryLinks() {
  return [...container.querySelectorAll('.govuk-error-summary a')].map((a) => [a.getAttribute('href'), a.textContent]);
}

describe('form family: text, textarea, select, radios, checkboxes', () => {
  // The schema lists the fields in another order than the page does: the summary follows the page.
  const schema = z.object({
    colour: z.enum(['red', 'blue'], { error: 'Choose a colour' }),
    notes: z.string().min(1, 'Enter notes'),
    title: z.string().min(1, 'enter a title'),
    band: z.string().min(1, 'Choose a band'),
    tags: z.array(z.string()).min(1, 'Choose at least one tag'),
  });

  function Screen({ onSubmit }: { onSubmit: (v: z.output<typeof schema>) => void }) {
    const form = useZodForm(schema, { defaultValues: { notes: '', title: '', band: '', tags: [] } });
    return (
      <Form form={form} onSubmit={onSubmit}>
        <TextField name="title" id="audit-title" label="Title" hint="A short title" />
        <TextareaField name="notes" label="Notes" />
        <SelectField name="band" label="Band" placeholder="Choose" options={[{ value: 'a', label: 'A' }]} />
        <RadiosField
          name="colour"
          legend="Colour"
          options={[
            { value: 'red', label: 'Red' },
            { value: 'blue', label: 'Blue', conditional: <p id="blue-more">More about blue</p> },
          ]}
        />
        <CheckboxesField
          name="tags"
          legend="Tags"
          options={[
            { value: 'x', label: 'X', hint: 'The x tag' },
            { value: 'y', label: 'Y' },
          ]}
        />
        <button type="submit">Save</button>
      </Form>
    );
  }

  it('labels, hints and ids before any error', async () => {
    await render(<Screen onSubmit={() => {}} />);
    const title = byId('audit-title') as HTMLInputElement;
    expect(container.querySelector('label[for="audit-title"]')!.textContent).toBe('Title');
    expect(title.getAttribute('aria-describedby')).toBe('audit-title-hint');
    expect(byId('audit-title-hint')!.textContent).toBe('A short title');
    expect(title.getAttribute('aria-invalid')).toBeNull();
    expect(byId('notes')!.tagName).toBe('TEXTAREA');
    expect(byId('band')!.tagName).toBe('SELECT');
    // Radios: the first has the field's id, the others add -1, -2…
    expect((byId('colour') as HTMLInputElement).value).toBe('red');
    expect((byId('colour-1') as HTMLInputElement).value).toBe('blue');
    expect(byId('tags')!.getAttribute('aria-describedby')).toBe('tags-item-hint');
    expect(byId('tags-item-hint')!.textContent).toBe('The x tag');
    expect(container.querySelector('.govuk-error-summary')).toBeNull();
  });

  it('a failed submit shows the summary in page order, focused, each message linked to its control', async () => {
    const onSubmit = vi.fn();
    await render(<Screen onSubmit={onSubmit} />);
    await submit();
    expect(onSubmit).not.toHaveBeenCalled();
    const summary = container.querySelector('.govuk-error-summary')!;
    expect(summary.getAttribute('role')).toBe('alert');
    expect(document.activeElement).toBe(summary);
    expect(summaryLinks()).toEqual([
      ['#audit-title', 'Enter a title'],
      ['#notes', 'Enter notes'],
      ['#band', 'Choose a band'],
      ['#colour', 'Choose a colour'],
      ['#tags', 'Choose at least one tag'],
    ]);
    const title = byId('audit-title')!;
    expect(title.getAttribute('aria-describedby')).toBe('audit-title-hint audit-title-error');
    expect(title.getAttribute('aria-invalid')).toBe('true');
    expect(byId('audit-title-error')!.textContent).toBe('Error: Enter a title');
    expect(byId('colour')!.closest('fieldset')!.getAttribute('aria-describedby')).toBe('colour-error');
    expect(title.closest('.govuk-form-group')!.className).toContain('govuk-form-group--error');

    // Following a link moves focus to the control.
    await act(async () => (summary.querySelector('a[href="#band"]') as HTMLAnchorElement).click());
    expect(document.activeElement).toBe(byId('band'));
  });

  it('reveals an option’s conditional content while it is chosen, and submits the parsed values', async () => {
    const onSubmit = vi.fn();
    await render(<Screen onSubmit={onSubmit} />);
    expect(byId('blue-more')).toBeNull();
    await act(async () => (byId('colour-1') as HTMLInputElement).click());
    expect(byId('blue-more')!.closest('.govuk-radios__conditional')).not.toBeNull();
    await type(byId('audit-title') as HTMLInputElement, 'Spring');
    await type(byId('notes') as HTMLTextAreaElement, 'Some notes');
    await act(async () => {
      const band = byId('band') as HTMLSelectElement;
      band.value = 'a';
      band.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await act(async () => (byId('tags-1') as HTMLInputElement).click());
    await submit();
    expect(onSubmit).toHaveBeenCalledTimes(1);
    expect(onSubmit.mock.calls[0]![0]).toEqual({
      title: 'Spring',
      notes: 'Some notes',
      band: 'a',
      colour: 'blue',
      tags: ['y'],
    });
  });

  it('a refusal from the service (root.server) is listed, without a link, and focused', async () => {
    const schemaOne = z.object({ title: z.string() });
    function Refused() {
      const form = useZodForm(schemaOne, { defaultValues: { title: '' } });
      return (
        <Form form={form} onSubmit={() => form.setError('root.server', { message: 'that title is taken' })}>
          <TextField name="title" label="Title" />
        </Form>
      );
    }
    await render(<Refused />);
    await submit();
    const summary = container.querySelector('.govuk-error-summary')!;
    expect(summary.querySelector('li')!.textContent).toBe('That title is taken');
    expect(summary.querySelector('a')).toBeNull();
    expect(document.activeElement).toBe(summary);
  });
});

describe('form family: date input', () => {
  it('joins and splits the three boxes', () => {
    expect(joinDateParts({ day: '5', month: '3', year: '2026' })).toBe('2026-03-05');
    expect(joinDateParts({ day: '', month: '', year: '' })).toBe('');
    expect(joinDateParts({ day: '5', month: '', year: '2026' })).toBe('2026--5');
    expect(splitDate('2026-03-05')).toEqual({ day: '05', month: '03', year: '2026' });
    expect(splitDate('2026--5')).toEqual({ day: '5', month: '', year: '2026' });
  });

  it('says what is wrong in the GOV.UK words', () => {
    const problem = (day: string, month: string, year: string) =>
      dateProblem(joinDateParts({ day, month, year }))?.message;
    expect(problem('5', '', '2026')).toBe('Date must include a month');
    expect(problem('', '', '2026')).toBe('Date must include a day and month');
    expect(problem('31', '2', '2026')).toBe('Date must be a real date');
    expect(problem('29', '2', '2028')).toBeUndefined();
    expect(problem('x', '2', '2026')).toBe('Date must be a real date');
    expect(problem('1', '13', '2026')).toBe('Date must be a real date');
    expect(problem('1', '2', '26')).toBe('Year must include 4 numbers');
    expect(dateProblem(joinDateParts({ day: '5', month: '', year: '2026' }), 'Due date')?.parts).toEqual(['month']);
  });

  const schema = z.object({ due: dateInputSchema({ required: 'Enter the due date' }) });

  function DueDate({ onSubmit }: { onSubmit: (v: { due: string }) => void }) {
    const form = useZodForm(schema, { defaultValues: { due: '' } });
    return (
      <Form form={form} onSubmit={onSubmit}>
        <DateField name="due" legend="Due date" hint="For example, 27 3 2027" />
      </Form>
    );
  }

  it('links its error to the day box, highlights the missing box, and gives an ISO date', async () => {
    const onSubmit = vi.fn();
    await render(<DueDate onSubmit={onSubmit} />);
    expect(container.querySelector('label[for="due-day"]')!.textContent).toBe('Day');
    expect(byId('due-month')!.getAttribute('inputmode')).toBe('numeric');
    await submit();
    expect(summaryLinks()).toEqual([['#due-day', 'Enter the due date']]);

    await type(byId('due-day') as HTMLInputElement, '5');
    await type(byId('due-year') as HTMLInputElement, '2027');
    await submit();
    expect(summaryLinks()).toEqual([['#due-day', 'Date must include a month']]);
    expect(byId('due-month')!.className).toContain('govuk-input--error');
    expect(byId('due-day')!.className).not.toContain('govuk-input--error');
    expect(byId('due')!.closest('fieldset')!.getAttribute('aria-describedby')).toBe('due-hint due-error');

    await type(byId('due-month') as HTMLInputElement, '2');
    await type(byId('due-day') as HTMLInputElement, '31');
    await submit();
    expect(byId('due-error')!.textContent).toBe('Error: Date must be a real date');

    await type(byId('due-day') as HTMLInputElement, '28');
    await submit();
    expect(onSubmit).toHaveBeenCalledTimes(1);
    expect(onSubmit.mock.calls[0]![0]).toEqual({ due: '2027-02-28' });
  });
});

describe('form family: a list of rows (useFieldArray)', () => {
  const schema = z.object({ people: z.array(z.object({ name: z.string().min(1, 'Enter a name') })) });

  function People({ onSubmit }: { onSubmit: (v: z.output<typeof schema>) => void }) {
    const form = useZodForm(schema, { defaultValues: { people: [{ name: 'Ann' }] } });
    const { fields, append, remove } = useFieldArray({ control: form.control, name: 'people' });
    return (
      <Form form={form} onSubmit={onSubmit}>
        {fields.map((field, i) => (
          <div key={field.id}>
            <TextField name={`people.${i}.name`} label={`Name ${i + 1}`} />
            <button type="button" onClick={() => remove(i)}>
              Remove {i + 1}
            </button>
          </div>
        ))}
        <button type="button" onClick={() => append({ name: '' })}>
          Add another
        </button>
      </Form>
    );
  }

  const button = (text: string) => [...container.querySelectorAll('button')].find((b) => b.textContent === text)!;

  it('adds and removes rows, each row’s field with its own id and error', async () => {
    const onSubmit = vi.fn();
    await render(<People onSubmit={onSubmit} />);
    await act(async () => button('Add another').click());
    await act(async () => button('Add another').click());
    expect(container.querySelectorAll('input')).toHaveLength(3);
    expect(container.querySelector('label[for="people-2-name"]')!.textContent).toBe('Name 3');
    await submit();
    expect(summaryLinks()).toEqual([
      ['#people-1-name', 'Enter a name'],
      ['#people-2-name', 'Enter a name'],
    ]);
    await type(byId('people-2-name') as HTMLInputElement, 'Cy');
    await act(async () => button('Remove 2').click());
    expect(container.querySelectorAll('input')).toHaveLength(2);
    await submit();
    expect(onSubmit.mock.calls[0]![0]).toEqual({ people: [{ name: 'Ann' }, { name: 'Cy' }] });
  });
});

describe('Form', () => {
  it('puts other attributes on its <form> and calls onInvalid after a refused submit', async () => {
    const schema = z.object({ q: z.string().min(1, 'Enter words') });
    const onInvalid = vi.fn();
    function Screen() {
      const form = useZodForm(schema, { defaultValues: { q: '' } });
      return (
        <Form form={form} onSubmit={() => undefined} onInvalid={onInvalid} role="search" aria-labelledby="h">
          <h2 id="h">Search</h2>
          <TextField name="q" label="Words" />
        </Form>
      );
    }
    await render(<Screen />);
    const form = container.querySelector('form')!;
    expect(form.getAttribute('role')).toBe('search');
    expect(form.getAttribute('aria-labelledby')).toBe('h');
    expect(form.noValidate).toBe(true);
    await submit();
    expect(onInvalid).toHaveBeenCalledTimes(1);
    expect(summaryLinks()).toEqual([['#q', 'Enter words']]);
  });
});
