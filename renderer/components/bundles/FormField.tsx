import type { ComponentProps } from 'react';
import { ErrorMessage } from '../ErrorMessage.js';

interface Props extends Omit<ComponentProps<'input'>, 'id' | 'className'> {
  id: string;
  label: string;
  hint?: string | undefined;
  error: string | undefined;
  width?: 'width-5' | 'width-10' | 'width-20' | undefined;
  labelSize?: 's' | 'm';
}

/** A GOV.UK text input with its label, hint and error message, wired up with aria-describedby. */
export function FormField({ id, label, hint, error, width, labelSize = 's', ...input }: Props) {
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  const classes = ['govuk-input', width ? `govuk-input--${width}` : '', error ? 'govuk-input--error' : '']
    .filter(Boolean)
    .join(' ');
  return (
    <div className={error ? 'govuk-form-group govuk-form-group--error' : 'govuk-form-group'}>
      <label className={`govuk-label govuk-label--${labelSize}`} htmlFor={id}>
        {label}
      </label>
      {hint ? (
        <div className="govuk-hint" id={`${id}-hint`}>
          {hint}
        </div>
      ) : null}
      <ErrorMessage id={`${id}-error`} message={error} />
      <input
        id={id}
        className={classes}
        aria-describedby={describedBy}
        aria-invalid={error ? true : undefined}
        {...input}
      />
    </div>
  );
}
