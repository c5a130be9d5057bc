// Controlled GOV.UK form fields for the review screens: a label or legend, optional hint, the inline
// error message, and the control, wired together with aria-describedby.
import type { ReactNode } from 'react';
import { ErrorMessage } from '../ErrorMessage.js';

function describedBy(...ids: Array<string | false | undefined>): string | undefined {
  const list = ids.filter((x): x is string => typeof x === 'string' && x !== '');
  return list.length > 0 ? list.join(' ') : undefined;
}

function groupClass(error: string | undefined, extra = ''): string {
  return `govuk-form-group${error ? ' govuk-form-group--error' : ''}${extra ? ` ${extra}` : ''}`;
}

interface BaseProps {
  id: string;
  label: ReactNode;
  /** 'm' for a question-sized label; default is body size. */
  size?: 's' | 'm';
  hint?: ReactNode;
  error: string | undefined;
}

function Label({ id, label, size }: Pick<BaseProps, 'id' | 'label' | 'size'>) {
  return (
    <label className={size ? `govuk-label govuk-label--${size}` : 'govuk-label'} htmlFor={id}>
      {label}
    </label>
  );
}

function Hint({ id, hint }: { id: string; hint: ReactNode }) {
  return hint ? (
    <div className="govuk-hint" id={`${id}-hint`}>
      {hint}
    </div>
  ) : null;
}

export function TextInput({
  id,
  label,
  size,
  hint,
  error,
  value,
  onChange,
  type = 'text',
  width,
  suffix,
}: BaseProps & {
  value: string;
  onChange: (value: string) => void;
  type?: 'text' | 'date';
  width?: '5' | '10' | '20';
  suffix?: string;
}) {
  const input = (
    <input
      id={id}
      type={type}
      autoComplete="off"
      spellCheck={type === 'text' ? undefined : false}
      inputMode={suffix === '%' ? 'decimal' : undefined}
      className={`govuk-input${width ? ` govuk-input--width-${width}` : ''}${error ? ' govuk-input--error' : ''}`}
      aria-describedby={describedBy(hint ? `${id}-hint` : undefined, error ? `${id}-error` : undefined)}
      aria-invalid={error ? true : undefined}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
    />
  );
  return (
    <div className={groupClass(error)}>
      <Label id={id} label={label} size={size} />
      <Hint id={id} hint={hint} />
      <ErrorMessage id={`${id}-error`} message={error} />
      {suffix ? (
        <div className="govuk-input__wrapper">
          {input}
          <div className="govuk-input__suffix" aria-hidden="true">
            {suffix}
          </div>
        </div>
      ) : (
        input
      )}
    </div>
  );
}

export function TextArea({
  id,
  label,
  size,
  hint,
  error,
  value,
  onChange,
  rows = 4,
}: BaseProps & { value: string; onChange: (value: string) => void; rows?: number }) {
  return (
    <div className={groupClass(error)}>
      <Label id={id} label={label} size={size} />
      <Hint id={id} hint={hint} />
      <ErrorMessage id={`${id}-error`} message={error} />
      <textarea
        id={id}
        rows={rows}
        className={`govuk-textarea${error ? ' govuk-textarea--error' : ''}`}
        aria-describedby={describedBy(hint ? `${id}-hint` : undefined, error ? `${id}-error` : undefined)}
        aria-invalid={error ? true : undefined}
        value={value}
        onChange={(e) => onChange(e.currentTarget.value)}
      />
    </div>
  );
}

export function SelectInput({
  id,
  label,
  size,
  hint,
  error,
  value,
  onChange,
  options,
  placeholder,
}: BaseProps & {
  value: string;
  onChange: (value: string) => void;
  options: ReadonlyArray<{ value: string; label: string }>;
  /** A first option with the empty value, e.g. "Choose an agency". */
  placeholder?: string;
}) {
  return (
    <div className={groupClass(error)}>
      <Label id={id} label={label} size={size} />
      <Hint id={id} hint={hint} />
      <ErrorMessage id={`${id}-error`} message={error} />
      <select
        id={id}
        className={`govuk-select${error ? ' govuk-select--error' : ''}`}
        aria-describedby={describedBy(hint ? `${id}-hint` : undefined, error ? `${id}-error` : undefined)}
        aria-invalid={error ? true : undefined}
        value={value}
        onChange={(e) => onChange(e.currentTarget.value)}
      >
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export interface ChoiceItem {
  value: string;
  label: ReactNode;
  hint?: ReactNode;
}

interface ChoiceGroupProps {
  /** The first control's id; the others add -1, -2… */
  id: string;
  name?: string;
  legend: ReactNode;
  legendSize?: 's' | 'm';
  hint?: ReactNode;
  error: string | undefined;
  items: readonly ChoiceItem[];
  inline?: boolean;
  small?: boolean;
  /** Shown inside the fieldset after the choices (e.g. a "None" note). */
  children?: ReactNode;
}

function ChoiceGroup({
  kind,
  id,
  name,
  legend,
  legendSize,
  hint,
  error,
  items,
  inline,
  small,
  isChecked,
  onToggle,
  children,
}: ChoiceGroupProps & {
  kind: 'radios' | 'checkboxes';
  isChecked: (value: string) => boolean;
  onToggle: (value: string, checked: boolean) => void;
}) {
  const modifiers = `${inline ? ` govuk-${kind}--inline` : ''}${small ? ` govuk-${kind}--small` : ''}`;
  return (
    <div className={groupClass(error)}>
      <fieldset
        className="govuk-fieldset"
        aria-describedby={describedBy(hint ? `${id}-hint` : undefined, error ? `${id}-error` : undefined)}
      >
        <legend className={`govuk-fieldset__legend${legendSize ? ` govuk-fieldset__legend--${legendSize}` : ''}`}>
          {legend}
        </legend>
        <Hint id={id} hint={hint} />
        <ErrorMessage id={`${id}-error`} message={error} />
        <div className={`govuk-${kind}${modifiers}`}>
          {items.map((item, i) => {
            const inputId = i === 0 ? id : `${id}-${i}`;
            return (
              <div className={`govuk-${kind}__item`} key={item.value}>
                <input
                  className={`govuk-${kind}__input`}
                  id={inputId}
                  name={name ?? id}
                  type={kind === 'radios' ? 'radio' : 'checkbox'}
                  value={item.value}
                  checked={isChecked(item.value)}
                  aria-describedby={item.hint ? `${inputId}-item-hint` : undefined}
                  onChange={(e) => onToggle(item.value, e.currentTarget.checked)}
                />
                <label className={`govuk-label govuk-${kind}__label`} htmlFor={inputId}>
                  {item.label}
                </label>
                {item.hint ? (
                  <div className={`govuk-hint govuk-${kind}__hint`} id={`${inputId}-item-hint`}>
                    {item.hint}
                  </div>
                ) : null}
              </div>
            );
          })}
        </div>
        {children}
      </fieldset>
    </div>
  );
}

export function Radios({
  value,
  onChange,
  ...props
}: ChoiceGroupProps & { value: string; onChange: (value: string) => void }) {
  return (
    <ChoiceGroup
      {...props}
      kind="radios"
      isChecked={(v) => v === value}
      onToggle={(v, checked) => {
        if (checked) onChange(v);
      }}
    />
  );
}

export function Checkboxes({
  values,
  onChange,
  ...props
}: ChoiceGroupProps & { values: readonly string[]; onChange: (values: string[]) => void }) {
  return (
    <ChoiceGroup
      {...props}
      kind="checkboxes"
      isChecked={(v) => values.includes(v)}
      onToggle={(v, checked) => {
        const set = new Set(values);
        if (checked) set.add(v);
        else set.delete(v);
        // Keep the order the choices are shown in.
        onChange(props.items.map((i) => i.value).filter((x) => set.has(x)));
      }}
    />
  );
}
