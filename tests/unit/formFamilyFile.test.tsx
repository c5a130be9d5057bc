// @vitest-environment happy-dom
import { act } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { FileField, Form, useZodForm, type ZodForm } from '../../renderer/components/form/index.js';
import { chooseFiles, container, render, submit } from '../helpers/dom.js';

const choose = (input: HTMLInputElement, file: File | null) => chooseFiles(input, file ? [file] : []);

const schema = z.object({
  card: z.file({ error: 'Choose the identity card file' }).max(10, 'The file is too large to be a card'),
});

let form: ZodForm<typeof schema> | undefined;

function CardForm({ onValid }: { onValid: (values: z.output<typeof schema>) => void }) {
  form = useZodForm(schema, { defaultValues: { card: null as unknown as File } });
  return (
    <Form form={form} onSubmit={onValid}>
      <FileField name="card" label="Identity card file" hint="A .json file" accept=".json" />
      <button type="submit">Continue</button>
    </Form>
  );
}

describe('FileField', () => {
  it('is a GOV.UK file upload whose value is the chosen File, checked by the schema', async () => {
    const onValid = vi.fn();
    await render(<CardForm onValid={onValid} />);
    const input = document.getElementById('card') as HTMLInputElement;
    expect(input.type).toBe('file');
    expect(input.accept).toBe('.json');
    expect(input.className).toBe('govuk-file-upload');
    expect(input.getAttribute('aria-describedby')).toBe('card-hint');
    expect(container.querySelector('label[for="card"]')!.textContent).toBe('Identity card file');

    await submit();
    expect(onValid).not.toHaveBeenCalled();
    expect(document.getElementById('card-error')!.textContent).toContain('Choose the identity card file');
    expect(input.className).toBe('govuk-file-upload govuk-file-upload--error');
    expect(input.getAttribute('aria-describedby')).toBe('card-hint card-error');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    const link = container.querySelector<HTMLAnchorElement>('.govuk-error-summary a')!;
    expect(link.getAttribute('href')).toBe('#card');

    await choose(input, new File(['{"a":12345}'], 'big.json'));
    await submit();
    expect(document.getElementById('card-error')!.textContent).toContain('The file is too large to be a card');

    const small = new File(['{}'], 'card.json');
    await choose(input, small);
    await submit();
    expect(onValid).toHaveBeenCalledTimes(1);
    expect(onValid.mock.calls[0]![0]).toEqual({ card: small });
    expect(document.getElementById('card-error')).toBeNull();
  });

  it('empties the box when the value is reset', async () => {
    await render(<CardForm onValid={() => undefined} />);
    const input = document.getElementById('card') as HTMLInputElement;
    await choose(input, new File(['{}'], 'card.json'));
    expect(form!.getValues('card')).toBeInstanceOf(File);
    const cleared = vi.spyOn(input, 'value', 'set');
    await act(async () => form!.reset());
    expect(form!.getValues('card')).toBeNull();
    expect(cleared).toHaveBeenCalledWith('');
  });
});

const many = z.object({ files: z.array(z.instanceof(File)).min(1, 'Choose one or more bundle files') });
let manyForm: ZodForm<typeof many> | undefined;

function BundlesForm({ onValid }: { onValid: (values: z.output<typeof many>) => void }) {
  manyForm = useZodForm(many, { defaultValues: { files: [] } });
  return (
    <Form form={manyForm} onSubmit={onValid}>
      <FileField name="files" label="Bundle files" accept=".caseaudit" multiple />
      <button type="submit">Import</button>
    </Form>
  );
}

describe('FileField with multiple', () => {
  it('takes several files, its value the array of them, and empties the box when it is reset to none', async () => {
    const onValid = vi.fn();
    await render(<BundlesForm onValid={onValid} />);
    const input = document.getElementById('files') as HTMLInputElement;
    expect(input.multiple).toBe(true);

    await submit();
    expect(onValid).not.toHaveBeenCalled();
    expect(document.getElementById('files-error')!.textContent).toContain('Choose one or more bundle files');

    const files = [new File(['a'], 'one.caseaudit'), new File(['b'], 'two.caseaudit')];
    await chooseFiles(input, files);
    await submit();
    expect(onValid).toHaveBeenCalledTimes(1);
    expect(onValid.mock.calls[0]![0]).toEqual({ files });

    const cleared = vi.spyOn(input, 'value', 'set');
    await act(async () => manyForm!.reset({ files: [] }));
    expect(cleared).toHaveBeenCalledWith('');
  });
});

describe('a field error with several problems', () => {
  it('lists each problem in the summary, linked to the field, which shows its one message', async () => {
    await render(<CardForm onValid={() => undefined} />);
    await act(async () =>
      form!.setError('card', {
        type: 'server',
        message: 'The file is not a valid template (2 problems)',
        types: { p0: 'sections[0].type: not a type', p1: 'title: too long' },
      }),
    );
    const links = [...container.querySelectorAll<HTMLAnchorElement>('.govuk-error-summary a')];
    expect(links.map((a) => [a.textContent, a.getAttribute('href')])).toEqual([
      ['Sections[0].type: not a type', '#card'],
      ['Title: too long', '#card'],
    ]);
    expect(document.getElementById('card-error')!.textContent).toContain(
      'The file is not a valid template (2 problems)',
    );
  });
});
