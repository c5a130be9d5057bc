// Text that the database (UTF-8) can hold exactly. An unpaired UTF-16 surrogate has no UTF-8 form:
// SQLite would store U+FFFD in its place and the text would change without anyone being told. Such
// text is refused, naming where it is, so that what is acknowledged is what was stored.
import { z } from 'zod';
import { formatPath } from './validationPath.js';

// With the u flag a surrogate pair is one code point outside this range, so only unpaired halves
// match: the same test as String.prototype.isWellFormed (ES2024, not in this project's lib).
const UNPAIRED_SURROGATE = /[\uD800-\uDFFF]/u;

export const isStorableText = (text: string): boolean => !UNPAIRED_SURROGATE.test(text);

export const NOT_STORABLE_MESSAGE =
  'contains a character that cannot be stored (an unpaired UTF-16 surrogate, e.g. half of an emoji lost in copying): retype or remove it';

/** A refinement for any string schema: `z.string().max(n).check(storableText)`. */
export const storableText = z.refine<string>(isStorableText, { message: NOT_STORABLE_MESSAGE });

const MAX_DEPTH = 64;

/** Where the first string (or object key) in `value` that cannot be stored exactly is, or null. */
export function unstorableTextPath(value: unknown, path: PropertyKey[] = []): PropertyKey[] | null {
  if (typeof value === 'string') return isStorableText(value) ? null : path;
  if (typeof value !== 'object' || value === null || path.length > MAX_DEPTH) return null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = unstorableTextPath(value[i], [...path, i]);
      if (found) return found;
    }
    return null;
  }
  for (const [key, child] of Object.entries(value)) {
    if (!isStorableText(key)) return [...path, '(a key)'];
    const found = unstorableTextPath(child, [...path, key]);
    if (found) return found;
  }
  return null;
}

/** The message for input holding text that cannot be stored, or null when all of it can be. */
export function unstorableTextProblem(value: unknown): string | null {
  const path = unstorableTextPath(value);
  return path ? `${formatPath(path)}: ${NOT_STORABLE_MESSAGE}` : null;
}
