import { useEffect, useRef, type ReactNode } from 'react';
import { useController } from 'react-hook-form';
import { ErrorMessage } from './ErrorMessage.js';
import { describedBy, FormGroup, Hint, Label, useField, type FieldProps, type LabelSize } from './parts.js';

interface Props extends FieldProps {
  label: ReactNode;
  labelSize?: LabelSize;
  /** The file types offered, e.g. ".json,application/json". */
  accept?: string;
  /** Several files at once: the value is then the array of chosen Files (give it an [] default). */
  multiple?: boolean;
  disabled?: boolean;
}

/**
 * A GOV.UK file upload bound to a react-hook-form field: its value is the chosen File, or null (give
 * it a null default and check it with z.file() or z.instanceof(File)); with `multiple`, the array of
 * chosen Files. A file input cannot be set from script, so the box is emptied when the value is (null
 * or []), e.g. by form.reset().
 */
export function FileField({ name, id: idProp, label, labelSize, hint, accept, multiple = false, disabled }: Props) {
  const { form, id, error } = useField(name, idProp);
  const { field } = useController({ name, control: form.control });
  const input = useRef<HTMLInputElement | null>(null);
  const value: unknown = field.value;
  useEffect(() => {
    const empty = Array.isArray(value) ? value.length === 0 : !value;
    if (empty && input.current) input.current.value = '';
  }, [value]);
  return (
    <FormGroup error={error}>
      <Label id={id} size={labelSize}>
        {label}
      </Label>
      <Hint id={id} hint={hint} />
      <ErrorMessage id={`${id}-error`} message={error} />
      <input
        id={id}
        name={field.name}
        type="file"
        accept={accept}
        multiple={multiple}
        disabled={disabled}
        className={`govuk-file-upload${error ? ' govuk-file-upload--error' : ''}`}
        aria-describedby={describedBy(hint ? `${id}-hint` : undefined, error ? `${id}-error` : undefined)}
        aria-invalid={error ? true : undefined}
        ref={(el) => {
          input.current = el;
          field.ref(el);
        }}
        onBlur={field.onBlur}
        onChange={(e) => {
          const files = Array.from(e.currentTarget.files ?? []);
          field.onChange(multiple ? files : (files[0] ?? null));
        }}
      />
    </FormGroup>
  );
}
