import { z } from 'zod';
import { boardSetupSchema } from '../../shared/board.js';
import { AGENCY_KIND_LABELS } from '../../shared/vocabulary.js';
import { useApiMutation } from '../api/hooks.js';
import { useBoard } from '../board.js';
import { AgencyRowsEditor, agencyRowSummary } from '../components/AgencyRowsEditor.js';
import { Form, FormErrorSummary, formHasErrors, useWatch, useZodForm } from '../components/form/index.js';
import { Link } from '../components/Link.js';
import { Page } from '../components/Page.js';
import { applyApiError } from '../lib/formErrors.js';
import { navigate, paths } from '../router.js';

const schema = z.strictObject({ agencies: boardSetupSchema.shape.agencies });

/** Edit the board's partner agencies. Removed agencies become inactive: their checklists stay. */
export function Agencies() {
  const { board, setBoard } = useBoard();
  const save = useApiMutation('agencies.save');
  const active = board.agencies.filter((a) => a.active);
  const inactive = board.agencies.filter((a) => !a.active);
  const form = useZodForm(schema, {
    defaultValues: { agencies: active.map((a) => ({ id: a.id, name: a.name, kind: a.kind, active: true })) },
  });
  const { getValues, reset } = form;

  const onValid = async (values: z.output<typeof schema>) => {
    try {
      const next = await save.mutate(values);
      setBoard(next);
      navigate(paths.auditsList(), { flash: 'Partner agencies saved' });
    } catch (e) {
      applyApiError(form, e);
    }
  };

  const restore = (id: string) => {
    const agency = board.agencies.find((a) => a.id === id);
    if (!agency) return;
    reset(
      { agencies: [...getValues('agencies'), { id, name: agency.name, kind: agency.kind, active: true }] },
      { keepErrors: true, keepSubmitCount: true },
    );
  };

  const listed = new Set((useWatch({ control: form.control, name: 'agencies' }) ?? []).map((a) => a.id));
  const restorable = inactive.filter((a) => !listed.has(a.id));

  return (
    <Page
      title="Partner agencies"
      caption={board.name}
      narrow
      breadcrumbs={[{ to: paths.auditsList(), text: 'Audits' }]}
      hasErrors={formHasErrors(form)}
      before={<FormErrorSummary form={form} summaryText={agencyRowSummary} />}
    >
      <p className="govuk-body">
        These agencies can be chosen when you add a case to an audit. Removing an agency stops it being offered for new
        cases; checklists it has already answered are kept.
      </p>
      <Form form={form} onSubmit={onValid} summary="none">
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
          <Link to={paths.auditsList()}>Cancel</Link>
        </div>
      </Form>
    </Page>
  );
}
