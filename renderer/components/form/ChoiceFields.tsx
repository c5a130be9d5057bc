// GOV.UK radios and checkboxes bound to react-hook-form: a fieldset with legend, hint and error
// message, the first control's id the field's id (the others add -1, -2…) so the summary links to
// the first choice, and the GOV.UK conditional reveal under a chosen option.
import { Fragment, type ReactNode } from 'react';
import { useWatch } from 'react-hook-form';
import { ErrorMessage } from './ErrorMessage.js';
import { Fieldset } from './Fieldset.js';
import { describedBy, FormGroup, Hint, useField, type FieldProps } from './parts.js';

export interface ChoiceOption {
  value: string;
  label: ReactNode;
  hint?: ReactNode;
  /** Shown under this option while it is chosen. */
  conditional?: ReactNode;
}

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
}: ChoiceProps & { kind: 'radios' | 'checkboxes' }) {
  const { form, id, error } = useField(name, idProp);
  const watched = useWatch({ control: form.control, name }) as unknown;
  const chosen = (value: string) => (Array.isArray(watched) ? watched.includes(value) : watched === value);
  const modifiers = `${inline ? ` govuk-${kind}--inline` : ''}${small ? ` govuk-${kind}--small` : ''}`;
  const revealed = options.find((o) => o.conditional !== undefined && chosen(o.value));
  const conditional = (content: ReactNode) => <div className={`govuk-${kind}__conditional`}>{content}</div>;
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
          <div className={`govuk-${kind}${modifiers}${className ? ` ${className}` : ''}`}>
            {options.map((o, i) => {
              const inputId = i === 0 ? id : `${id}-${i}`;
              return (
                <Fragment key={o.value}>
                  <div className={`govuk-${kind}__item`}>
                    <input
                      className={`govuk-${kind}__input`}
                      id={inputId}
                      type={kind === 'radios' ? 'radio' : 'checkbox'}
                      value={o.value}
                      aria-describedby={o.hint ? `${inputId}-item-hint` : undefined}
                      {...form.register(name)}
                    />
                    <label
                      className={`govuk-label govuk-${kind}__label${optionLabelSize ? ` govuk-label--${optionLabelSize}` : ''}`}
                      htmlFor={inputId}
                    >
                      {o.label}
                    </label>
                    {o.hint ? (
                      <div className={`govuk-hint govuk-${kind}__hint`} id={`${inputId}-item-hint`}>
                        {o.hint}
                      </div>
                    ) : null}
                  </div>
                  {!inline && revealed === o ? conditional(o.conditional) : null}
                </Fragment>
              );
            })}
          </div>
        )}
        {/* Inline options keep their places: the reveal goes under the whole row. */}
        {inline && revealed ? conditional(revealed.conditional) : null}
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
