import { z } from 'zod';
import { auditCreateSchema } from '../../shared/audit.js';
import { AUDIT_THEME_LABELS } from '../../shared/vocabulary.js';
import { useApiMutation, useApiQuery } from '../api/hooks.js';
import { Form, FormErrorSummary, formHasErrors, RadiosField, TextField, useZodForm } from '../components/form/index.js';
import { Link } from '../components/Link.js';
import { Loading } from '../components/Loading.js';
import { LoadFailed } from '../components/LoadFailed.js';
import { Page } from '../components/Page.js';
import { applyApiError, dottedPath } from '../lib/formErrors.js';
import { plural } from '../lib/format.js';
import { navigate, paths } from '../router.js';

const schema = z.strictObject({
  title: auditCreateSchema.shape.title,
  template: z.string({ error: 'choose a template' }).min(1, 'choose a template'),
});

/** The service checks templateId and templateVersion; the screen asks for them as one choice. */
function fieldFor(path: Array<string | number>): string | undefined {
  const name = dottedPath(path);
  if (name === 'title') return 'title';
  if (name === 'templateId' || name === 'templateVersion') return 'template';
  return undefined;
}

/** Start an audit: a title and the template (at its latest version) it follows. */
export function NewAudit() {
  const templates = useApiQuery('templates.list', {});
  const create = useApiMutation('audits.create');
  const form = useZodForm(schema, { defaultValues: { title: '' } });

  if (templates.error) return <LoadFailed error={templates.error} onRetry={templates.retry} />;
  if (!templates.data) return <Loading what="Loading templates" />;
  const choices = templates.data.filter((t) => t.latest).sort((a, b) => a.title.localeCompare(b.title));

  const onValid = async (values: z.output<typeof schema>) => {
    const chosen = choices.find((t) => t.id === values.template);
    try {
      const audit = await create.mutate({
        title: values.title,
        templateId: values.template,
        ...(chosen ? { templateVersion: chosen.version } : {}),
      });
      navigate(paths.auditOverview(audit.id), { flash: 'Audit started: now add the sampled cases' });
    } catch (e) {
      applyApiError(form, e, fieldFor);
    }
  };

  return (
    <Page
      title="Start a new audit"
      narrow
      breadcrumbs={[{ to: paths.auditsList(), text: 'Audits' }]}
      hasErrors={formHasErrors(form)}
      before={<FormErrorSummary form={form} />}
    >
      <Form form={form} onSubmit={onValid} summary="none">
        <TextField
          name="title"
          id="audit-title"
          label="Title of the audit"
          labelSize="m"
          hint="For example, MASH repeat audit, spring 2026"
          autoComplete="off"
        />
        <RadiosField
          name="template"
          legend="Audit template"
          hint="The audit keeps the version of the template it starts with, even if the template changes later."
          className="app-template-choice"
          optionLabelSize="s"
          options={choices.map((t) => ({
            value: t.id,
            label: t.title,
            hint: `${AUDIT_THEME_LABELS[t.theme]} · ${plural(t.questionCount, 'question')} · version ${t.version}`,
          }))}
          empty={<p className="govuk-body">There are no case audit templates in this database.</p>}
        />
        <div className="govuk-button-group">
          <button type="submit" className="govuk-button" disabled={create.pending}>
            Start audit
          </button>
          <Link to={paths.auditsList()}>Cancel</Link>
        </div>
      </Form>
    </Page>
  );
}
