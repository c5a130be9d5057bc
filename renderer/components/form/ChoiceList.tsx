// The GOV.UK list of radios or checkboxes, drawn once for every form: the fields bound to
// react-hook-form (ChoiceFields) and the checklist's autosaving questions (QuestionField) differ only
// in how an input is wired, which `input` gives. The first control's id is the list's id (the others
// add -1, -2…) so an error summary links to the first choice; an option's conditional content is the
// GOV.UK reveal under it while it is chosen.
import { Fragment, type InputHTMLAttributes, type ReactNode, type Ref } from 'react';

export interface ChoiceOption {
  value: string;
  label: ReactNode;
  hint?: ReactNode;
  /** Shown under this option while it is chosen. */
  conditional?: ReactNode;
}

export type ChoiceKind = 'radios' | 'checkboxes';

/** What wires one input: react-hook-form's register, or a checked state and a change handler. */
export type ChoiceInputWiring = Omit<
  InputHTMLAttributes<HTMLInputElement>,
  'id' | 'type' | 'value' | 'className' | 'aria-describedby'
> & { ref?: Ref<HTMLInputElement> };

interface Props {
  kind: ChoiceKind;
  /** The first input's id. */
  id: string;
  options: readonly ChoiceOption[];
  /** Whether an option is chosen now, for its conditional reveal. */
  isChosen: (value: string) => boolean;
  input: (option: ChoiceOption) => ChoiceInputWiring;
  inline?: boolean | undefined;
  small?: boolean | undefined;
  /** A size for the options' labels, e.g. 's' for bold titles. */
  optionLabelSize?: 's' | 'm' | undefined;
  /** Extra classes on the list. */
  className?: string | undefined;
}

export function ChoiceList({ kind, id, options, isChosen, input, inline, small, optionLabelSize, className }: Props) {
  const modifiers = `${inline ? ` govuk-${kind}--inline` : ''}${small ? ` govuk-${kind}--small` : ''}`;
  const revealed = options.find((o) => o.conditional !== undefined && isChosen(o.value));
  const conditional = (content: ReactNode) => <div className={`govuk-${kind}__conditional`}>{content}</div>;
  return (
    <>
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
                  {...input(o)}
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
      {/* Inline options keep their places: the reveal goes under the whole row. */}
      {inline && revealed ? conditional(revealed.conditional) : null}
    </>
  );
}

/**
 * A controlled list for a value held outside react-hook-form (an autosaving question, a preview):
 * `onToggle` hears each choice, checked or unchecked.
 */
export function ControlledChoiceList({
  name,
  selected,
  onToggle,
  ...list
}: Omit<Props, 'isChosen' | 'input'> & {
  name: string;
  selected: readonly string[];
  onToggle: (value: string, checked: boolean) => void;
}) {
  const isChosen = (value: string) => selected.includes(value);
  return (
    <ChoiceList
      {...list}
      isChosen={isChosen}
      input={(o) => ({
        name,
        checked: isChosen(o.value),
        onChange: (e) => onToggle(o.value, e.currentTarget.checked),
      })}
    />
  );
}
