import type { ComponentProps, ReactNode } from 'react';
import { ErrorMessage } from './ErrorMessage.js';
import { describedBy, FormGroup, Hint, Label, useField, type FieldProps, type LabelSize } from './parts.js';

type InputProps = Omit<ComponentProps<'input'>, 'id' | 'name' | 'className' | 'value' | 'defaultValue' | 'onChange'>;

interface Props extends FieldProps, InputProps {
  label: ReactNode;
  labelSize?: LabelSize;
  width?: '2' | '3' | '4' | '5' | '10' | '20' | '30';
  /** Shown after the box, e.g. "%". */
  suffix?: string;
  /** Ids of other text that describes the control (a warning), between the hint and the error. */
  describedByIds?: string | undefined;
  /** Classes on the form group, e.g. for a row layout. */
  groupClassName?: string;
}

/** A GOV.UK text input bound to a react-hook-form field. */
export function TextField({
  name,
  id: idProp,
  label,
  labelSize,
  hint,
  width,
  suffix,
  describedByIds,
  groupClassName,
  type = 'text',
  ...input
}: Props) {
  const { form, id, error } = useField(name, idProp);
  const control = (
    <input
      id={id}
      type={type}
      className={`govuk-input${width ? ` govuk-input--width-${width}` : ''}${error ? ' govuk-input--error' : ''}`}
      aria-describedby={describedBy(hint ? `${id}-hint` : undefined, describedByIds, error ? `${id}-error` : undefined)}
      aria-invalid={error ? true : undefined}
      {...input}
      {...form.register(name)}
    />
  );
  return (
    <FormGroup error={error} {...(groupClassName ? { className: groupClassName } : {})}>
      <Label id={id} size={labelSize}>
        {label}
      </Label>
      <Hint id={id} hint={hint} />
      <ErrorMessage id={`${id}-error`} message={error} />
      {suffix ? (
        <div className="govuk-input__wrapper">
          {control}
          <div className="govuk-input__suffix" aria-hidden="true">
            {suffix}
          </div>
        </div>
      ) : (
        control
      )}
    </FormGroup>
  );
}
