// Validating what someone else sent without letting its mistakes cost memory. zod reports every
// issue it finds: an array of 300,000 bad items makes millions of issues (about 2 GB of heap), far
// more than the value itself. Asked to, zod stops each container at its first failing child (the
// flag its own `validate` sets), so a refusal names the first problem and costs almost nothing.
import type { z } from 'zod';

const FIRST_ISSUE = { abortEarly: true } as unknown as z.core.ParseContext<z.core.$ZodIssue>;

/** safeParse, stopping at the first issue (at most one or two are reported). */
export function safeParseFirstIssue<T extends z.ZodType>(schema: T, value: unknown): z.ZodSafeParseResult<z.output<T>> {
  return schema.safeParse(value, FIRST_ISSUE);
}
