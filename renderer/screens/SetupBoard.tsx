import { DEFAULT_AGENCIES, boardSetupSchema, type Board } from '../../shared/board.js';
import { SETUP_WORDS } from '../../shared/partnershipWords.js';
import type { z } from 'zod';
import { useEffect } from 'react';
import { useApiMutation, useApiQuery } from '../api/hooks.js';
import { AgencyRowsEditor, agencyRowSummary } from '../components/AgencyRowsEditor.js';
import { Form, FormErrorSummary, formHasErrors, TextField, useZodForm } from '../components/form/index.js';
import { Page } from '../components/Page.js';
import { applyApiError } from '../lib/formErrors.js';
import { navigate, paths } from '../router.js';

/** First run: name the partnership and list its partner agencies. */
export function SetupBoard({ onDone }: { onDone: (board: Board) => void }) {
  const setup = useApiMutation('board.setup');
  const form = useZodForm(boardSetupSchema, {
    defaultValues: { name: '', agencies: DEFAULT_AGENCIES.map((a) => ({ name: a.name, kind: a.kind, active: true })) },
  });
  // An organisation's policy may name the agencies a new partnership starts with (docs/deployment.md).
  const policy = useApiQuery('settings.policy', {});
  const managedAgencies = policy.data?.defaultAgencies ?? null;
  useEffect(() => {
    if (!managedAgencies || form.formState.isDirty) return;
    form.reset({
      name: form.getValues('name'),
      agencies: managedAgencies.map((a) => ({ name: a.name, kind: a.kind, active: a.active ?? true })),
    });
  }, [managedAgencies, form]);

  const onValid = async (values: z.output<typeof boardSetupSchema>) => {
    try {
      const board = await setup.mutate(values);
      // Next, the QA sub-committee's card, so that the bundles this installation exports are encrypted.
      navigate(paths.setupQaCard(), {
        replace: true,
        flash: `${board.name} is set up with ${board.agencies.length} partner agencies`,
      });
      onDone(board);
    } catch (e) {
      applyApiError(form, e);
    }
  };

  return (
    <Page
      title={SETUP_WORDS.title}
      narrow
      hasErrors={formHasErrors(form)}
      before={<FormErrorSummary form={form} summaryText={agencyRowSummary} />}
    >
      <p className="govuk-body">{SETUP_WORDS.intro}</p>
      <Form form={form} onSubmit={onValid} summary="none">
        <TextField
          name="name"
          id="board-name"
          label={SETUP_WORDS.nameLabel}
          labelSize="m"
          hint={SETUP_WORDS.nameHint}
          autoComplete="organization"
        />
        <h2 className="govuk-heading-m">Partner agencies</h2>
        <p className="govuk-body app-secondary-text">
          {managedAgencies
            ? 'Your organisation has set the agencies a new partnership starts with. You can still change them.'
            : SETUP_WORDS.agenciesIntro}
        </p>
        <AgencyRowsEditor />
        <button type="submit" className="govuk-button" disabled={setup.pending}>
          Save and continue
        </button>
      </Form>
    </Page>
  );
}
