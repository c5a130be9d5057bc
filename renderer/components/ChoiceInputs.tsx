import type { ReactNode } from 'react';
import type { ChoiceOption } from '../lib/questionOptions.js';

interface Props {
  /** The first input's id; the others add -1, -2… */
  id: string;
  name: string;
  options: ChoiceOption[];
  multiple: boolean;
  selected: readonly string[];
  inline: boolean;
  onToggle: (value: string, checked: boolean) => void;
  /** Shown right after the option with this value when it is selected (the GOV.UK conditional reveal). */
  reveal?: { value: string; content: ReactNode } | undefined;
}

/** Controlled radios or checkboxes for a checklist question. */
export function ChoiceInputs({ id, name, options, multiple, selected, inline, onToggle, reveal }: Props) {
  const kind = multiple ? 'checkboxes' : 'radios';
  const revealed = reveal && selected.includes(reveal.value) ? reveal.content : null;
  return (
    <>
      <div className={`govuk-${kind}${inline ? ` govuk-${kind}--inline` : ''}`}>
        {options.map((o, i) => {
          const inputId = i === 0 ? id : `${id}-${i}`;
          const checked = selected.includes(o.value);
          return (
            <div className="app-choice" key={o.value}>
              <div className={`govuk-${kind}__item`}>
                <input
                  className={`govuk-${kind}__input`}
                  id={inputId}
                  name={name}
                  type={multiple ? 'checkbox' : 'radio'}
                  value={o.value}
                  checked={checked}
                  onChange={(e) => onToggle(o.value, e.currentTarget.checked)}
                />
                <label className={`govuk-label govuk-${kind}__label`} htmlFor={inputId}>
                  {o.label}
                </label>
              </div>
              {!inline && revealed && reveal?.value === o.value ? (
                <div className={`govuk-${kind}__conditional`}>{revealed}</div>
              ) : null}
            </div>
          );
        })}
      </div>
      {/* Inline options keep their places: the reveal goes under the whole row. */}
      {inline && revealed ? <div className={`govuk-${kind}__conditional`}>{revealed}</div> : null}
    </>
  );
}
