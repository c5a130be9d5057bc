// GOV.UK radios and checkboxes bound to react-hook-form: a fieldset with legend, hint and error
// message around the family's one list of choices (ChoiceList).
import type { ReactNode } from 'react';
import { useWatch } from 'react-hook-form';
import { ChoiceList, type ChoiceKind, type ChoiceOption } from './ChoiceList.js';
import { ErrorMessage } from './ErrorMessage.js';
import { Fieldset } from './Fieldset.js';
import { describedBy, FormGroup, Hint, useField, type FieldProps } from './parts.js';

interface ChoiceProps extends FieldProps {
  legend: ReactNode;
  /** Default 'm', a question-sized legend; 'body' for body text. */
  legendSize?: 's' | 'm' | 'l' | 'body';
  options: readonly ChoiceOption[];
  inline?: boolean;
  small?: boolean;
  /** A size for the options' labels, e.g. 's' for bold titles. */
  optionLabelSize?: 's' | 'm';
  /** Extra classes on the list of choices. */
  className?: string;
  /** Shown instead of the choices when there are none. */
  empty?: ReactNode;
  /** Shown inside the fieldset after the choices. */
  children?: ReactNode;
}

function ChoiceGroup({
  kind,
  name,
  id: idProp,
  legend,
  legendSize = 'm',
  hint,
  options,
  inline = false,
  small = false,
  optionLabelSize,
  className,
  empty,
  children,
}: ChoiceProps & { kind: ChoiceKind }) {
  const { form, id, error } = useField(name, idProp);
  const watched = useWatch({ control: form.control, name }) as unknown;
  const isChosen = (value: string) => (Array.isArray(watched) ? watched.includes(value) : watched === value);
  return (
    <FormGroup error={error}>
      <Fieldset
        legend={legend}
        legendSize={legendSize === 'body' ? undefined : legendSize}
        describedBy={describedBy(hint ? `${id}-hint` : undefined, error ? `${id}-error` : undefined)}
      >
        <Hint id={id} hint={hint} />
        <ErrorMessage id={`${id}-error`} message={error} />
        {options.length === 0 && empty !== undefined ? (
          empty
        ) : (
          <ChoiceList
            kind={kind}
            id={id}
            options={options}
            isChosen={isChosen}
            input={() => form.register(name)}
            inline={inline}
            small={small}
            optionLabelSize={optionLabelSize}
            className={className}
          />
        )}
        {children}
      </Fieldset>
    </FormGroup>
  );
}

/** Choose one: the field's value is the chosen option's value. */
export function RadiosField(props: ChoiceProps) {
  return <ChoiceGroup {...props} kind="radios" />;
}

/** Choose any: the field's value is the array of chosen values (give it an array default). */
export function CheckboxesField(props: ChoiceProps) {
  return <ChoiceGroup {...props} kind="checkboxes" />;
}

interface CheckboxProps extends FieldProps {
  label: ReactNode;
  /** Ids of other text that describes the checkbox. */
  describedByIds?: string | undefined;
}

/** One checkbox on its own (a confirmation): the field's value is true or false. */
export function CheckboxField({ name, id: idProp, label, hint, describedByIds }: CheckboxProps) {
  const { form, id, error } = useField(name, idProp);
  return (
    <FormGroup error={error}>
      <ErrorMessage id={`${id}-error`} message={error} />
      <div className="govuk-checkboxes">
        <div className="govuk-checkboxes__item">
          <input
            className="govuk-checkboxes__input"
            id={id}
            type="checkbox"
            aria-describedby={describedBy(
              hint ? `${id}-hint` : undefined,
              describedByIds,
              error ? `${id}-error` : undefined,
            )}
            aria-invalid={error ? true : undefined}
            {...form.register(name)}
          />
          <label className="govuk-label govuk-checkboxes__label" htmlFor={id}>
            {label}
          </label>
          {hint ? (
            <div className="govuk-hint govuk-checkboxes__hint" id={`${id}-hint`}>
              {hint}
            </div>
          ) : null}
        </div>
      </div>
    </FormGroup>
  );
}
