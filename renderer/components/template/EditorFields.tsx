// The template editor's own controls in the GOV.UK pattern: a select whose choice changes more than
// one field (a question's type, its condition, what an option counts as), and the confirmation
// shown before something is removed. Everything else is a field of the form family.
import { useEffect, useRef, type ReactNode } from 'react';
import { ErrorMessage } from '../form/index.js';

function describedBy(id: string, hint: ReactNode, error: string | undefined): string | undefined {
  return [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
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
