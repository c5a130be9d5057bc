// The template editor's form controls, in the GOV.UK pattern (label, hint, error message, control).
// Text fields keep what is typed in their own state, so a keystroke re-renders only the field; the
// text reaches the template store after a short pause, on blur, or when anything flushes the store.
import { createContext, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import { ErrorMessage } from '../form/index.js';
import { checkboxId } from './editorModel.js';
import type { TemplateStore } from './templateStore.js';

export const StoreContext = createContext<TemplateStore | null>(null);

/** How long typing may pause before the text is committed to the template. */
const COMMIT_DELAY_MS = 400;

class PendingText {
  text: string;
  committed: string;
  timer: number | undefined;
  onCommit: (text: string) => void = () => {};

  constructor(
    value: string,
    private readonly store: TemplateStore | null,
  ) {
    this.text = value;
    this.committed = value;
  }

  readonly commit = (): void => {
    if (this.timer !== undefined) {
      window.clearTimeout(this.timer);
      this.timer = undefined;
    }
    this.store?.removePending(this.commit);
    if (this.text !== this.committed) {
      this.committed = this.text;
      this.onCommit(this.text);
    }
  };

  change(text: string): void {
    this.text = text;
    if (this.timer !== undefined) window.clearTimeout(this.timer);
    this.timer = window.setTimeout(this.commit, COMMIT_DELAY_MS);
    this.store?.addPending(this.commit);
  }

  /** Takes a value changed from outside (nothing typed is waiting); true when the field must show it. */
  adopt(value: string): boolean {
    if (value === this.committed || this.timer !== undefined) return false;
    this.committed = value;
    this.text = value;
    return true;
  }
}

function useDeferredText(value: string, onCommit: (text: string) => void) {
  const store = useContext(StoreContext);
  const [field] = useState(() => new PendingText(value, store));
  const [text, setText] = useState(value);
  field.onCommit = onCommit;
  if (field.adopt(value) && text !== value) setText(value);
  // Leaving (the question closes, the screen changes) commits whatever was typed.
  useEffect(() => () => field.commit(), [field]);
  return {
    text,
    change: (next: string) => {
      field.change(next);
      setText(next);
    },
    commit: field.commit,
  };
}

interface TextProps {
  id: string;
  label: ReactNode;
  /** govuk-label--s, --m … */
  labelSize?: 's' | 'm' | undefined;
  hint?: ReactNode;
  error: string | undefined;
  value: string;
  onCommit: (text: string) => void;
}

function describedBy(id: string, hint: ReactNode, error: string | undefined): string | undefined {
  return [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
}

function FieldFrame({
  id,
  label,
  labelSize,
  hint,
  error,
  children,
}: Omit<TextProps, 'value' | 'onCommit'> & { children: ReactNode }) {
  return (
    <div className={error ? 'govuk-form-group govuk-form-group--error' : 'govuk-form-group'}>
      <label className={labelSize ? `govuk-label govuk-label--${labelSize}` : 'govuk-label'} htmlFor={id}>
        {label}
      </label>
      {hint ? (
        <div className="govuk-hint" id={`${id}-hint`}>
          {hint}
        </div>
      ) : null}
      <ErrorMessage id={`${id}-error`} message={error} />
      {children}
    </div>
  );
}

export function DeferredInput({ width, ...props }: TextProps & { width?: 'width-10' | 'width-20' | undefined }) {
  const { text, change, commit } = useDeferredText(props.value, props.onCommit);
  const classes = ['govuk-input', width ? `govuk-input--${width}` : '', props.error ? 'govuk-input--error' : '']
    .filter(Boolean)
    .join(' ');
  return (
    <FieldFrame {...props}>
      <input
        id={props.id}
        type="text"
        className={classes}
        autoComplete="off"
        spellCheck={width ? false : undefined}
        aria-describedby={describedBy(props.id, props.hint, props.error)}
        aria-invalid={props.error ? true : undefined}
        value={text}
        onChange={(e) => change(e.currentTarget.value)}
        onBlur={commit}
      />
    </FieldFrame>
  );
}

export function DeferredTextarea({ rows = 3, ...props }: TextProps & { rows?: number }) {
  const { text, change, commit } = useDeferredText(props.value, props.onCommit);
  return (
    <FieldFrame {...props}>
      <textarea
        id={props.id}
        className={props.error ? 'govuk-textarea govuk-textarea--error' : 'govuk-textarea'}
        rows={rows}
        aria-describedby={describedBy(props.id, props.hint, props.error)}
        aria-invalid={props.error ? true : undefined}
        value={text}
        onChange={(e) => change(e.currentTarget.value)}
        onBlur={commit}
      />
    </FieldFrame>
  );
}

export function SelectInput<V extends string>({
  id,
  label,
  labelSize,
  hint,
  error,
  value,
  options,
  onChange,
}: {
  id: string;
  label: ReactNode;
  labelSize?: 's' | 'm' | undefined;
  hint?: ReactNode;
  error: string | undefined;
  value: V;
  options: ReadonlyArray<{ value: V; label: string }>;
  onChange: (value: V) => void;
}) {
  return (
    <FieldFrame id={id} label={label} labelSize={labelSize} hint={hint} error={error}>
      <select
        id={id}
        className={error ? 'govuk-select govuk-select--error' : 'govuk-select'}
        aria-describedby={describedBy(id, hint, error)}
        aria-invalid={error ? true : undefined}
        value={value}
        onChange={(e) => {
          const chosen = options.find((o) => o.value === e.currentTarget.value);
          if (chosen) onChange(chosen.value);
        }}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}

/** A fieldset of checkboxes; the first checkbox has `id` (what error links point at). */
export function CheckboxGroup({
  id,
  legend,
  hint,
  error,
  items,
  selected,
  onChange,
  columns = false,
}: {
  id: string;
  legend: ReactNode;
  hint?: ReactNode;
  error: string | undefined;
  items: ReadonlyArray<{ value: string; label: string }>;
  selected: readonly string[];
  onChange: (values: string[]) => void;
  columns?: boolean;
}) {
  const chosen = new Set(selected);
  return (
    <div className={error ? 'govuk-form-group govuk-form-group--error' : 'govuk-form-group'}>
      <fieldset className="govuk-fieldset" aria-describedby={describedBy(id, hint, error)}>
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{legend}</legend>
        {hint ? (
          <div className="govuk-hint" id={`${id}-hint`}>
            {hint}
          </div>
        ) : null}
        <ErrorMessage id={`${id}-error`} message={error} />
        <div className={columns ? 'govuk-checkboxes app-template-columns' : 'govuk-checkboxes'}>
          {items.map((item, i) => {
            const inputId = checkboxId(id, i);
            return (
              <div className="govuk-checkboxes__item" key={item.value}>
                <input
                  className="govuk-checkboxes__input"
                  id={inputId}
                  type="checkbox"
                  value={item.value}
                  checked={chosen.has(item.value)}
                  onChange={(e) => {
                    const next = new Set(chosen);
                    if (e.currentTarget.checked) next.add(item.value);
                    else next.delete(item.value);
                    // Keep the order of the list.
                    onChange(items.map((it) => it.value).filter((v) => next.has(v)));
                  }}
                />
                <label className="govuk-label govuk-checkboxes__label" htmlFor={inputId}>
                  {item.label}
                </label>
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}

/**
 * "Remove question 1.3?" with "Yes, remove it" and "No, keep it" in place of the button that asked.
 * The confirm button takes focus when the panel opens.
 */
export function ConfirmPanel({
  id,
  question,
  children,
  confirmText,
  onConfirm,
  onCancel,
  pending = false,
}: {
  id: string;
  question: string;
  children?: ReactNode;
  confirmText: string;
  onConfirm: () => void;
  onCancel: () => void;
  pending?: boolean;
}) {
  const confirm = useRef<HTMLButtonElement>(null);
  useEffect(() => confirm.current?.focus(), []);
  const questionId = `${id}-question`;
  return (
    <div className="app-confirm" role="group" aria-labelledby={questionId} id={id}>
      <p className="govuk-body app-template-confirm__question" id={questionId}>
        {question}
      </p>
      {children}
      <div className="govuk-button-group">
        <button
          type="button"
          ref={confirm}
          className="govuk-button govuk-button--warning"
          disabled={pending}
          onClick={onConfirm}
        >
          {confirmText}
        </button>
        <button type="button" className="app-link-button" onClick={onCancel}>
          No, keep it
        </button>
      </div>
    </div>
  );
}
