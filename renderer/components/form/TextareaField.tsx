import type { ComponentProps, ReactNode } from 'react';
import { ErrorMessage } from './ErrorMessage.js';
import { describedBy, FormGroup, Hint, Label, useField, type FieldProps, type LabelSize } from './parts.js';

type TextareaProps = Omit<
  ComponentProps<'textarea'>,
  'id' | 'name' | 'className' | 'value' | 'defaultValue' | 'onChange'
>;

interface Props extends FieldProps, TextareaProps {
  label: ReactNode;
  labelSize?: LabelSize;
}

/** A GOV.UK textarea bound to a react-hook-form field. */
export function TextareaField({ name, id: idProp, label, labelSize, hint, rows = 4, ...textarea }: Props) {
  const { form, id, error } = useField(name, idProp);
  return (
    <FormGroup error={error}>
      <Label id={id} size={labelSize}>
        {label}
      </Label>
      <Hint id={id} hint={hint} />
      <ErrorMessage id={`${id}-error`} message={error} />
      <textarea
        id={id}
        rows={rows}
        className={`govuk-textarea${error ? ' govuk-textarea--error' : ''}`}
        aria-describedby={describedBy(hint ? `${id}-hint` : undefined, error ? `${id}-error` : undefined)}
        aria-invalid={error ? true : undefined}
        {...textarea}
        {...form.register(name)}
      />
    </FormGroup>
  );
}
