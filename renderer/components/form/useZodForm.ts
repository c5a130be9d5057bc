import { zodResolver } from '@hookform/resolvers/zod';
import { useMemo } from 'react';
import { useForm, type FieldValues, type Resolver, type UseFormProps, type UseFormReturn } from 'react-hook-form';
import type { z } from 'zod';

export type ZodFormSchema = z.ZodType<FieldValues, FieldValues>;
export type ZodForm<S extends ZodFormSchema> = UseFormReturn<z.input<S>, unknown, z.output<S>>;

/**
 * A react-hook-form form validated by a zod schema (the shared one where there is one), so the
 * screen checks exactly what the service will. Focus after a failed submit goes to the error
 * summary, not the first field, as the GOV.UK pattern has it.
 */
export function useZodForm<S extends ZodFormSchema>(
  schema: S,
  options: Omit<UseFormProps<z.input<S>, unknown, z.output<S>>, 'resolver'> = {},
): ZodForm<S> {
  // zodResolver infers from a concrete schema; for a generic one its types need telling.
  const resolver = useMemo(
    () => zodResolver(schema) as unknown as Resolver<z.input<S>, unknown, z.output<S>>,
    [schema],
  );
  return useForm<z.input<S>, unknown, z.output<S>>({ shouldFocusError: false, ...options, resolver });
}
