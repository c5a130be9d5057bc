// Forms check a field with the services' own rule (the shared zod schema) inside their schema's
// refinement, in the screen's words: the service's limits, the form's messages.
import type { z } from 'zod';

export type Words = Partial<Record<z.core.$ZodIssue['code'], string>>;

/**
 * Adds to `ctx` the issues `rule` finds in `value`, at `path`, each with the message `words` gives
 * for its code (else the rule's own). True when the value passes.
 */
export function checkRule(
  ctx: z.RefinementCtx,
  path: ReadonlyArray<string | number>,
  rule: z.ZodType,
  value: unknown,
  words: Words = {},
): boolean {
  const issues = rule.safeParse(value).error?.issues ?? [];
  for (const issue of issues) {
    ctx.addIssue({ code: 'custom', path: [...path, ...issue.path], message: words[issue.code] ?? issue.message });
  }
  return issues.length === 0;
}
