import type { UseFormRegisterReturn } from 'react-hook-form';
import { ErrorMessage } from './ErrorMessage.js';

interface Props {
  id: string;
  label: string;
  hint?: string;
  error: string | undefined;
  placeholder: string;
  options: ReadonlyArray<{ value: string; label: string }>;
  registration: UseFormRegisterReturn;
}

export function SelectField({ id, label, hint, error, placeholder, options, registration }: Props) {
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div className={error ? 'govuk-form-group govuk-form-group--error' : 'govuk-form-group'}>
      <label className="govuk-label govuk-label--m" htmlFor={id}>
        {label}
      </label>
      {hint ? (
        <div className="govuk-hint" id={`${id}-hint`}>
          {hint}
        </div>
      ) : null}
      <ErrorMessage id={`${id}-error`} message={error} />
      <select
        id={id}
        className={error ? 'govuk-select govuk-select--error' : 'govuk-select'}
        aria-describedby={describedBy || undefined}
        aria-invalid={error ? true : undefined}
        {...registration}
      >
        <option value="">{placeholder}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}
