// The partnership's own words for the personal-data detector, on the settings screen: local words that
// are not people's names (agency, team and place names), and names it adds to the list shipped with the
// app. One word or phrase a line; the board's and agencies' own names are never flagged in any case.
import { useState } from 'react';
import { z } from 'zod';
import {
  personalDataTermsSchema,
  termsFromLines,
  type PersonalDataTermsView,
} from '../../../shared/personalData/review.js';
import { useApiMutation, useApiQuery } from '../../api/hooks.js';
import { applyApiError } from '../../lib/formErrors.js';
import { sentence } from '../../lib/format.js';
import { Form, TextareaField, useZodForm } from '../form/index.js';
import { InlineLoadFailed } from '../bundles/InlineLoadFailed.js';
import { StatusMessage } from '../StatusMessage.js';

const FIELDS = { excludedTerms: 'excluded', extraNames: 'names' } as const;

const wordsFormSchema = z
  .object({ excluded: z.string(), names: z.string() })
  .transform(({ excluded, names }) => ({ excludedTerms: termsFromLines(excluded), extraNames: termsFromLines(names) }))
  .superRefine((terms, ctx) => {
    const parsed = personalDataTermsSchema.safeParse(terms);
    if (parsed.success) return;
    for (const issue of parsed.error.issues) {
      const field = FIELDS[issue.path[0] as keyof typeof FIELDS];
      if (field) ctx.addIssue({ code: 'custom', path: [field], message: sentence(issue.message) });
    }
  });

export function PartnershipWords() {
  const terms = useApiQuery('personalData.terms', {});
  return (
    <section aria-labelledby="partnership-words-heading">
      <h2 className="govuk-heading-m" id="partnership-words-heading">
        Personal data in free text
      </h2>
      <p className="govuk-body">
        Case Audit warns when an evidence note, finding or other free text looks like it holds personal data, and lists
        such passages before signing. Some local words look like people’s names but are not: list them here so they are
        not flagged.
      </p>
      {terms.error ? (
        <InlineLoadFailed what="the partnership’s words" message={terms.error.message} onRetry={terms.retry} />
      ) : terms.data ? (
        <WordsForm terms={terms.data} />
      ) : (
        <p className="govuk-body">Loading the partnership’s words…</p>
      )}
    </section>
  );
}

function WordsForm({ terms }: { terms: PersonalDataTermsView }) {
  const save = useApiMutation('personalData.setTerms', { invalidates: ['personalData.'] });
  const form = useZodForm(wordsFormSchema, {
    defaultValues: { excluded: terms.excludedTerms.join('\n'), names: terms.extraNames.join('\n') },
  });
  const [saved, setSaved] = useState<string | null>(null);

  const submit = async (values: z.output<typeof wordsFormSchema>) => {
    setSaved(null);
    try {
      const view = await save.mutate(values);
      form.reset({ excluded: view.excludedTerms.join('\n'), names: view.extraNames.join('\n') });
      setSaved(
        `Saved: ${view.excludedTerms.length} ${view.excludedTerms.length === 1 ? 'word' : 'words'} that are not names, ${view.extraNames.length} added ${view.extraNames.length === 1 ? 'name' : 'names'}`,
      );
    } catch (err) {
      applyApiError(form, err, ([first]) =>
        first === 'excludedTerms' ? 'excluded' : first === 'extraNames' ? 'names' : undefined,
      );
    }
  };

  return (
    <Form form={form} onSubmit={submit} aria-labelledby="partnership-words-heading">
      <TextareaField
        name="excluded"
        id="personal-data-excluded"
        label="Local words that are not names"
        labelSize="s"
        hint={
          <>
            One a line: agency, team and place names, for example Hope Street Family Centre or Kingsmead.{' '}
            {terms.boardTerms.length > 0
              ? `The partnership’s and agencies’ own names are never flagged (${terms.boardTerms.join(', ')}).`
              : null}
          </>
        }
        rows={5}
        spellCheck={false}
      />
      <TextareaField
        name="names"
        id="personal-data-names"
        label="Names to flag as well"
        labelSize="s"
        hint="One a line: local names the list shipped with Case Audit may not know"
        rows={3}
        spellCheck={false}
      />
      <button type="submit" className="govuk-button" disabled={save.pending}>
        Save the words
      </button>
      <StatusMessage message={saved ?? ''} error={false} />
    </Form>
  );
}
