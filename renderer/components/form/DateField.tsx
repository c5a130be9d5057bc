import { useEffect, useState, type ReactNode } from 'react';
import { useController } from 'react-hook-form';
import { ErrorMessage } from './ErrorMessage.js';
import { Fieldset } from './Fieldset.js';
import { dateProblem, joinDateParts, splitDate, type DatePart, type DateParts } from './dateInput.js';
import { describedBy, FormGroup, Hint, useField, type FieldProps } from './parts.js';
import { registerFieldId } from './fieldIds.js';

interface Props extends FieldProps {
  legend: ReactNode;
  legendSize?: 's' | 'm' | 'l';
  /** The date's name in messages ("Date must include a month"); match the schema's label. */
  label?: string;
}

const BOXES: ReadonlyArray<{ part: DatePart; label: string; width: '2' | '4' }> = [
  { part: 'day', label: 'Day', width: '2' },
  { part: 'month', label: 'Month', width: '2' },
  { part: 'year', label: 'Year', width: '4' },
];

/**
 * The GOV.UK date input: day, month and year boxes for one field whose value is an ISO YYYY-MM-DD
 * date (validate it with dateInputSchema). The error summary links to the day box.
 */
export function DateField({ name, id: idProp, legend, legendSize = 'm', hint, label = 'Date' }: Props) {
  const { form, id, error } = useField(name, idProp);
  registerFieldId(form.control, name, `${id}-day`);
  const { field } = useController({ control: form.control, name });
  const value = typeof field.value === 'string' ? field.value : '';
  const [parts, setParts] = useState<DateParts>(() => splitDate(value));
  // A reset (or a value set by the screen) replaces what is in the boxes.
  useEffect(() => {
    if (joinDateParts(parts) !== value) setParts(splitDate(value));
    // Only the form's value drives this; typing updates both together.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [value]);

  const highlighted = error ? (dateProblem(value, label)?.parts ?? ['day', 'month', 'year']) : [];
  const change = (part: DatePart, text: string) => {
    const next = { ...parts, [part]: text };
    setParts(next);
    field.onChange(joinDateParts(next));
  };

  return (
    <FormGroup error={error}>
      <Fieldset
        legend={legend}
        legendSize={legendSize}
        describedBy={describedBy(hint ? `${id}-hint` : undefined, error ? `${id}-error` : undefined)}
      >
        <Hint id={id} hint={hint} />
        <ErrorMessage id={`${id}-error`} message={error} />
        <div className="govuk-date-input" id={id}>
          {BOXES.map(({ part, label: boxLabel, width }) => (
            <div className="govuk-date-input__item" key={part}>
              <div className="govuk-form-group">
                <label className="govuk-label govuk-date-input__label" htmlFor={`${id}-${part}`}>
                  {boxLabel}
                </label>
                <input
                  id={`${id}-${part}`}
                  name={`${name}-${part}`}
                  type="text"
                  inputMode="numeric"
                  autoComplete="off"
                  className={`govuk-input govuk-date-input__input govuk-input--width-${width}${highlighted.includes(part) ? ' govuk-input--error' : ''}`}
                  aria-invalid={highlighted.includes(part) ? true : undefined}
                  value={parts[part]}
                  onChange={(e) => change(part, e.currentTarget.value)}
                  onBlur={field.onBlur}
                  {...(part === 'day' ? { ref: field.ref } : {})}
                />
              </div>
            </div>
          ))}
        </div>
      </Fieldset>
    </FormGroup>
  );
}
