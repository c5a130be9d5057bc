import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { z } from 'zod';
import { describeIssues } from '../../shared/validationPath.js';

/** A mistake in how the command was called: printed with a hint, exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** Parses argv with node's parser, then validates the values with zod so every bad flag is named. */
export function parseCommand<S extends z.ZodType>(
  argv: string[],
  options: NonNullable<ParseArgsConfig['options']>,
  schema: S,
  allowPositionals = false,
): z.output<S> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options, allowPositionals, strict: true });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const result = schema.safeParse({ ...parsed.values, positionals: parsed.positionals });
  if (!result.success)
    throw new UsageError(describeIssues(result.error.issues).replace(/(^|; )positionals/g, '$1files'));
  return result.data;
}
