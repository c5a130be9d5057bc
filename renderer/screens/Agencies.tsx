import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { FormProvider, useForm } from 'react-hook-form';
import { z } from 'zod';
import { boardSetupSchema } from '../../shared/board.js';
import { AGENCY_KIND_LABELS } from '../../shared/vocabulary.js';
import { useApiMutation } from '../api/hooks.js';
import { useBoard } from '../board.js';
import {
  AgencyRowsEditor,
  agencyFieldId,
  withAgencyRow,
  type AgencyFormValues,
} from '../components/AgencyRowsEditor.js';
import { ErrorSummary } from '../components/ErrorSummary.js';
import { Link } from '../components/Link.js';
import { Page } from '../components/Page.js';
import { flattenErrors, parseServerMessage, summaryItems, type SummaryError } from '../lib/formErrors.js';
import { navigate, paths } from '../router.js';

const schema = z.strictObject({ agencies: boardSetupSchema.shape.agencies });

/** Edit the board's partner agencies. Removed agencies become inactive: their checklists stay. */
export function Agencies() {
  const { board, setBoard } = useBoard();
  const save = useApiMutation('agencies.save');
  const active = board.agencies.filter((a) => a.active);
  const inactive = board.agencies.filter((a) => !a.active);
  const form = useForm<AgencyFormValues, unknown, z.output<typeof schema>>({
    resolver: zodResolver(schema),
    defaultValues: { agencies: active.map((a) => ({ id: a.id, name: a.name, kind: a.kind, active: true })) },
    shouldFocusError: false,
  });
  const [formErrors, setFormErrors] = useState<SummaryError[]>([]);
  const [attempt, setAttempt] = useState(0);
  const { handleSubmit, setError, getValues, reset, formState } = form;

  const onValid = async (values: z.output<typeof schema>) => {
    setFormErrors([]);
    try {
      const next = await save.mutate(values);
      setBoard(next);
      navigate(paths.home(), { flash: 'Partner agencies saved' });
    } catch (e) {
      const general: SummaryError[] = [];
      for (const p of parseServerMessage(e instanceof Error ? e.message : String(e))) {
        if (p.name && agencyFieldId(p.name)) setError(p.name as 'agencies', { type: 'server', message: p.message });
        else general.push(p);
      }
      setFormErrors(general);
      setAttempt((n) => n + 1);
    }
  };

  const restore = (id: string) => {
    const agency = board.agencies.find((a) => a.id === id);
    if (!agency) return;
    reset(
      { agencies: [...getValues('agencies'), { id, name: agency.name, kind: agency.kind, active: true }] },
      { keepErrors: true },
    );
  };

  const listed = new Set(form.watch('agencies').map((a) => a.id));
  const restorable = inactive.filter((a) => !listed.has(a.id));
  const items = summaryItems([...formErrors, ...flattenErrors(formState.errors)].map(withAgencyRow), agencyFieldId);

  return (
    <Page
      title="Partner agencies"
      caption={board.name}
      narrow
      breadcrumbs={[{ to: paths.home(), text: 'Audits' }]}
      hasErrors={items.length > 0}
      before={items.length > 0 ? <ErrorSummary errors={items} focusKey={attempt} /> : null}
    >
      <p className="govuk-body">
        These agencies can be chosen when you add a case to an audit. Removing an agency stops it being offered for new
        cases; checklists it has already answered are kept.
      </p>
      <FormProvider {...form}>
        <form noValidate onSubmit={handleSubmit(onValid, () => setAttempt((n) => n + 1))}>
          <AgencyRowsEditor />
          {restorable.length > 0 ? (
            <>
              <h2 className="govuk-heading-m">Agencies no longer involved</h2>
              <ul className="govuk-list">
                {restorable.map((a) => (
                  <li key={a.id}>
                    {a.name}
                    {AGENCY_KIND_LABELS[a.kind] !== a.name ? ` (${AGENCY_KIND_LABELS[a.kind]})` : ''}{' '}
                    <button type="button" className="app-link-button" onClick={() => restore(a.id)}>
                      Add back<span className="govuk-visually-hidden"> {a.name}</span>
                    </button>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          <div className="govuk-button-group">
            <button type="submit" className="govuk-button" disabled={save.pending}>
              Save agencies
            </button>
            <Link to={paths.home()}>Cancel</Link>
          </div>
        </form>
      </FormProvider>
    </Page>
  );
}
