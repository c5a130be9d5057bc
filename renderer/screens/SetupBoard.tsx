import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import type { z } from 'zod';
import { FormProvider, useForm } from 'react-hook-form';
import { DEFAULT_AGENCIES, boardSetupSchema, type Board, type BoardSetup } from '../../shared/board.js';
import { useApiMutation } from '../api/hooks.js';
import { AgencyRowsEditor, agencyFieldId, withAgencyRow } from '../components/AgencyRowsEditor.js';
import { ErrorMessage } from '../components/ErrorMessage.js';
import { ErrorSummary } from '../components/ErrorSummary.js';
import { Page } from '../components/Page.js';
import { flattenErrors, parseServerMessage, summaryItems, type SummaryError } from '../lib/formErrors.js';
import { sentence } from '../lib/format.js';
import { navigate, paths } from '../router.js';

function fieldId(name: string): string | undefined {
  return name === 'name' ? 'board-name' : agencyFieldId(name);
}

/** First run: name the board and list its partner agencies. */
export function SetupBoard({ onDone }: { onDone: (board: Board) => void }) {
  const setup = useApiMutation('board.setup');
  const form = useForm<BoardSetup, unknown, z.output<typeof boardSetupSchema>>({
    resolver: zodResolver(boardSetupSchema),
    defaultValues: { name: '', agencies: DEFAULT_AGENCIES.map((a) => ({ name: a.name, kind: a.kind, active: true })) },
    shouldFocusError: false,
  });
  const [formErrors, setFormErrors] = useState<SummaryError[]>([]);
  const [attempt, setAttempt] = useState(0);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors },
  } = form;

  const onValid = async (values: z.output<typeof boardSetupSchema>) => {
    setFormErrors([]);
    try {
      const board = await setup.mutate(values);
      // Next, the QA sub-committee's card, so that the bundles this installation exports are encrypted.
      navigate(paths.setupQaCard(), {
        replace: true,
        flash: `${board.name} is set up with ${board.agencies.length} partner agencies`,
      });
      onDone(board);
    } catch (e) {
      const parsed = parseServerMessage(e instanceof Error ? e.message : String(e));
      const general: SummaryError[] = [];
      for (const p of parsed) {
        if (p.name && fieldId(p.name)) setError(p.name as 'name', { type: 'server', message: p.message });
        else general.push(p);
      }
      setFormErrors(general);
      setAttempt((n) => n + 1);
    }
  };

  const items = summaryItems([...formErrors, ...flattenErrors(errors)].map(withAgencyRow), fieldId);
  const nameError = errors.name?.message;

  return (
    <Page
      title="Set up your board"
      narrow
      hasErrors={items.length > 0}
      before={items.length > 0 ? <ErrorSummary errors={items} focusKey={attempt} /> : null}
    >
      <p className="govuk-body">
        Case Audit keeps one board's audits. Name the safeguarding children board or partnership, and list the partner
        agencies whose work the audits look at.
      </p>
      <FormProvider {...form}>
        <form noValidate onSubmit={handleSubmit(onValid, () => setAttempt((n) => n + 1))}>
          <div className={nameError ? 'govuk-form-group govuk-form-group--error' : 'govuk-form-group'}>
            <label className="govuk-label govuk-label--m" htmlFor="board-name">
              Name of the board or partnership
            </label>
            <div className="govuk-hint" id="board-name-hint">
              For example, Northshire Safeguarding Children Partnership
            </div>
            <ErrorMessage id="board-name-error" message={nameError ? sentence(nameError) : undefined} />
            <input
              id="board-name"
              className={nameError ? 'govuk-input govuk-input--error' : 'govuk-input'}
              type="text"
              autoComplete="organization"
              aria-describedby={nameError ? 'board-name-hint board-name-error' : 'board-name-hint'}
              aria-invalid={nameError ? true : undefined}
              {...register('name')}
            />
          </div>
          <h2 className="govuk-heading-m">Partner agencies</h2>
          <p className="govuk-body app-secondary-text">
            Each case's checklists are answered by the agencies involved. Start from this list, change names to your
            local ones, and add or remove agencies. You can change the list later.
          </p>
          <AgencyRowsEditor />
          <button type="submit" className="govuk-button" disabled={setup.pending}>
            Save and continue
          </button>
        </form>
      </FormProvider>
    </Page>
  );
}
