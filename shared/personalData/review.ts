// The partnership's own words for the detector, and the auditor's decisions on what it flagged.
// A flagged passage is either fixed (its text changes) or dismissed: the person confirms it holds no
// personal data. A dismissal is of the passage's exact text in one kind of field, so a changed text
// is flagged again.
import { z } from 'zod';
import { idSchema } from '../ids.js';
import { storableText } from '../text.js';
import { PASSAGE_FIELDS } from './passages.js';

/** At most this many words in each of the partnership's lists. */
export const MAX_TERMS = 500;

const term = z
  .string()
  .trim()
  .min(1, 'a word cannot be empty')
  .max(100, 'each word or phrase must be 100 characters or fewer')
  .check(storableText);

export const personalDataTermsSchema = z.strictObject({
  /** Local words that are not people: agency, team and place names. */
  excludedTerms: z.array(term).max(MAX_TERMS, `list at most ${MAX_TERMS} words that are not names`),
  /** Words the partnership marks as names, beyond the list shipped with the app. */
  extraNames: z.array(term).max(MAX_TERMS, `list at most ${MAX_TERMS} added names`),
});
export type PersonalDataTerms = z.infer<typeof personalDataTermsSchema>;

/** What the detector uses: the partnership's lists, and the board's and agencies' names it excludes itself. */
export const personalDataTermsViewSchema = personalDataTermsSchema.extend({ boardTerms: z.array(z.string()) });
export type PersonalDataTermsView = z.infer<typeof personalDataTermsViewSchema>;

/** One word or phrase a line, as typed in the settings' text box; blank lines and repeats dropped. */
export function termsFromLines(text: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    const t = line.trim();
    if (!t || seen.has(t.toLowerCase())) continue;
    seen.add(t.toLowerCase());
    out.push(t);
  }
  return out;
}

export const personalDataDismissalSchema = z.strictObject({
  /** The identity's name, when the installation had one. */
  person: z.string().nullable(),
  /** The operating-system account, as the change log records it. */
  actor: z.string(),
  at: z.string(),
});
export type PersonalDataDismissal = z.infer<typeof personalDataDismissalSchema>;

export const dismissPassageSchema = z.strictObject({
  auditId: idSchema,
  field: z.enum(PASSAGE_FIELDS),
  /** The passage's text as listed: the dismissal holds for exactly this text. */
  text: z.string().min(1).max(100_000).check(storableText),
  /** Where it is, for people reading the record ("Case R-104, Police, …: evidence note"). */
  where: z.string().max(2000),
});
