import type { UseFormRegisterReturn } from 'react-hook-form';
import { ErrorMessage } from './ErrorMessage.js';

interface Props {
  idPrefix: string;
  legend: string;
  hint?: string;
  error: string | undefined;
  options: ReadonlyArray<{ value: string; label: string }>;
  registration: UseFormRegisterReturn;
  inline?: boolean;
  type?: 'radio' | 'checkbox';
}

/** A form group of radios (or checkboxes) for react-hook-form; the first control's id is `idPrefix`. */
export function RadiosField({
  idPrefix,
  legend,
  hint,
  error,
  options,
  registration,
  inline = false,
  type = 'radio',
}: Props) {
  const describedBy = [hint ? `${idPrefix}-hint` : '', error ? `${idPrefix}-error` : ''].filter(Boolean).join(' ');
  const kind = type === 'radio' ? 'radios' : 'checkboxes';
  return (
    <div className={error ? 'govuk-form-group govuk-form-group--error' : 'govuk-form-group'}>
      <fieldset className="govuk-fieldset" aria-describedby={describedBy || undefined}>
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">{legend}</legend>
        {hint ? (
          <div className="govuk-hint" id={`${idPrefix}-hint`}>
            {hint}
          </div>
        ) : null}
        <ErrorMessage id={`${idPrefix}-error`} message={error} />
        <div className={`govuk-${kind}${inline ? ` govuk-${kind}--inline` : ''}`}>
          {options.map((o, i) => {
            const id = i === 0 ? idPrefix : `${idPrefix}-${i}`;
            return (
              <div className={`govuk-${kind}__item`} key={o.value}>
                <input className={`govuk-${kind}__input`} id={id} type={type} value={o.value} {...registration} />
                <label className={`govuk-label govuk-${kind}__label`} htmlFor={id}>
                  {o.label}
                </label>
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}
