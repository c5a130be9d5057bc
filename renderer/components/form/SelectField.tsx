import type { ReactNode } from 'react';
import { ErrorMessage } from './ErrorMessage.js';
import { describedBy, FormGroup, Hint, Label, useField, type FieldProps, type LabelSize } from './parts.js';

interface Props extends FieldProps {
  label: ReactNode;
  labelSize?: LabelSize;
  options: ReadonlyArray<{ value: string; label: string }>;
  /** A first option with the empty value, e.g. "Choose an age band". */
  placeholder?: string;
  groupClassName?: string;
}

/** A GOV.UK select bound to a react-hook-form field. */
export function SelectField({ name, id: idProp, label, labelSize, hint, options, placeholder, groupClassName }: Props) {
  const { form, id, error } = useField(name, idProp);
  return (
    <FormGroup error={error} {...(groupClassName ? { className: groupClassName } : {})}>
      <Label id={id} size={labelSize}>
        {label}
      </Label>
      <Hint id={id} hint={hint} />
      <ErrorMessage id={`${id}-error`} message={error} />
      <select
        id={id}
        className={`govuk-select${error ? ' govuk-select--error' : ''}`}
        aria-describedby={describedBy(hint ? `${id}-hint` : undefined, error ? `${id}-error` : undefined)}
        aria-invalid={error ? true : undefined}
        {...form.register(name)}
      >
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FormGroup>
  );
}
