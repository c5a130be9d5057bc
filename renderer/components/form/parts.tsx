// What every field of the family shares: its id (derived from its name unless given), its error
// message from react-hook-form, the GOV.UK form group, label, hint and aria-describedby wiring.
import type { ReactNode } from 'react';
import { get, useFormContext, useFormState, type FieldError } from 'react-hook-form';
import { sentence } from '../../lib/format.js';
import { defaultFieldId, registerFieldId } from './fieldIds.js';

export interface FieldProps {
  /** The react-hook-form name, dotted for nested values ("agencies.0.name"). */
  name: string;
  /** The control's id; by default the name with dashes. */
  id?: string | undefined;
  hint?: ReactNode;
}

export type LabelSize = 's' | 'm' | 'l';

export function describedBy(...ids: Array<string | false | null | undefined>): string | undefined {
  const list = ids.filter((x): x is string => typeof x === 'string' && x !== '');
  return list.length > 0 ? list.join(' ') : undefined;
}

/** The field's id (registered for the error summary), its error message and the form's register. */
export function useField(name: string, id?: string) {
  const form = useFormContext();
  const { errors } = useFormState({ control: form.control, name });
  const fieldId = id ?? defaultFieldId(name);
  registerFieldId(form.control, name, fieldId);
  const error = get(errors, name) as (FieldError & { root?: FieldError }) | undefined;
  // A list's own error (a refine on an array) sits under "root".
  const message = error?.message ?? error?.root?.message;
  return { form, id: fieldId, error: message ? sentence(message) : undefined };
}

export function FormGroup({
  error,
  className,
  children,
}: {
  error: string | undefined;
  className?: string;
  children: ReactNode;
}) {
  return (
    <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}${className ? ` ${className}` : ''}`}>
      {children}
    </div>
  );
}

export function Label({ id, size, children }: { id: string; size?: LabelSize | undefined; children: ReactNode }) {
  return (
    <label className={size ? `govuk-label govuk-label--${size}` : 'govuk-label'} htmlFor={id}>
      {children}
    </label>
  );
}

export function Hint({ id, hint }: { id: string; hint: ReactNode }) {
  return hint ? (
    <div className="govuk-hint" id={`${id}-hint`}>
      {hint}
    </div>
  ) : null;
}
