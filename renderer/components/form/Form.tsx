import type { ComponentProps, ReactNode } from 'react';
import {
  FormProvider,
  get,
  useFormContext,
  useFormState,
  type FieldError,
  type FieldErrors,
  type FieldValues,
  type SubmitErrorHandler,
  type SubmitHandler,
  type UseFormReturn,
} from 'react-hook-form';
import { flattenErrors, summaryItems, type SummaryError } from '../../lib/formErrors.js';
import { sentence } from '../../lib/format.js';
import { ErrorSummary, type ErrorSummaryItem } from './ErrorSummary.js';
import { fieldIdFor } from './fieldIds.js';

/** The summary's text for a field error; e.g. to name the row of a list, since each row's message reads the same. */
export type SummaryText = (error: SummaryError) => string;

/** Form-level messages: react-hook-form's root errors (a service's refusal is `root.server`). */
function rootMessages(errors: FieldErrors): string[] {
  const root: unknown = errors.root;
  if (!root || typeof root !== 'object') return [];
  const messageOf = (v: unknown) => (v && typeof v === 'object' ? (v as { message?: unknown }).message : undefined);
  const messages = [messageOf(root), ...Object.values(root).map(messageOf)];
  return messages.filter((m): m is string => typeof m === 'string' && m !== '').map(sentence);
}

/** The error summary's items: form-level messages, then field messages in page order. */
export function formSummaryItems(
  form: { control: object },
  errors: FieldErrors,
  summaryText?: SummaryText,
): ErrorSummaryItem[] {
  const { root: _root, ...fieldErrors } = errors;
  // A field error holding several problems (its `types`, e.g. every fault of a file) lists each one,
  // while the field itself shows its one message.
  const each = (e: SummaryError): SummaryError[] => {
    const types = (get(fieldErrors, e.name) as FieldError | undefined)?.types ?? {};
    const messages = Object.values(types)
      .flat()
      .filter((m): m is string => typeof m === 'string' && m !== '');
    return messages.length > 0 ? messages.map((m) => ({ name: e.name, message: sentence(m) })) : [e];
  };
  const fields = flattenErrors(fieldErrors as FieldErrors<FieldValues>)
    .flatMap(each)
    .map((e) => (summaryText ? { ...e, message: summaryText(e) } : e));
  const general = rootMessages(errors).map((text) => ({ targetId: undefined, text }));
  return [...general, ...summaryItems(fields, (name) => fieldIdFor(form.control, name))];
}

/** True while the form shows errors (for the page's "Error:" title prefix). */
export function formHasErrors<T extends FieldValues>(form: { formState: { errors: FieldErrors<T> } }): boolean {
  return Object.keys(form.formState.errors).length > 0;
}

interface SummaryProps<T extends FieldValues, TOut extends FieldValues> {
  /** The form; by default the one of the enclosing <Form>. */
  form?: UseFormReturn<T, unknown, TOut> | undefined;
  summaryText?: SummaryText | undefined;
  title?: string;
}

/**
 * The GOV.UK error summary of a form: shown while it has errors, focused after each failed submit
 * (a refusal from the service included), each message linking to its control.
 */
export function FormErrorSummary<T extends FieldValues, TOut extends FieldValues = T>({
  form: given,
  summaryText,
  title,
}: SummaryProps<T, TOut>) {
  const context = useFormContext<T, unknown, TOut>() as UseFormReturn<T, unknown, TOut> | null;
  const form = (given ?? context)!;
  const { errors, submitCount } = useFormState<T, TOut>({ control: form.control });
  const items = formSummaryItems(form, errors, summaryText);
  if (items.length === 0) return null;
  return <ErrorSummary errors={items} focusKey={submitCount} {...(title ? { title } : {})} />;
}

type FormAttributes = Omit<ComponentProps<'form'>, 'onSubmit' | 'onInvalid' | 'noValidate' | 'children' | 'ref'>;

interface FormProps<TIn extends FieldValues, TOut extends FieldValues> extends FormAttributes {
  form: UseFormReturn<TIn, unknown, TOut>;
  onSubmit: SubmitHandler<TOut>;
  /** Called after a submit the schema refused (e.g. to clear another form's errors). */
  onInvalid?: SubmitErrorHandler<TIn>;
  /** Where the error summary goes: 'top' of the form (default), or 'none' when the screen shows it above its heading. */
  summary?: 'top' | 'none';
  summaryText?: SummaryText;
  children: ReactNode;
}

/**
 * A form of the family: the fields' context, `<form noValidate>` and the error summary. Other
 * attributes (aria-labelledby, role, className…) go on the <form>.
 */
export function Form<TIn extends FieldValues, TOut extends FieldValues>({
  form,
  onSubmit,
  onInvalid,
  summary = 'top',
  summaryText,
  children,
  ...attributes
}: FormProps<TIn, TOut>) {
  return (
    <FormProvider {...form}>
      <form {...attributes} noValidate onSubmit={form.handleSubmit(onSubmit, onInvalid)}>
        {summary === 'top' ? <FormErrorSummary<TIn, TOut> summaryText={summaryText} /> : null}
        {children}
      </form>
    </FormProvider>
  );
}
