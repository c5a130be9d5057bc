import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { auditCreateSchema } from '../../shared/audit.js';
import { AUDIT_THEME_LABELS } from '../../shared/vocabulary.js';
import { useApiMutation, useApiQuery } from '../api/hooks.js';
import { ErrorMessage } from '../components/ErrorMessage.js';
import { ErrorSummary } from '../components/ErrorSummary.js';
import { Link } from '../components/Link.js';
import { Loading } from '../components/Loading.js';
import { LoadFailed } from '../components/LoadFailed.js';
import { Page } from '../components/Page.js';
import { flattenErrors, parseServerMessage, summaryItems, type SummaryError } from '../lib/formErrors.js';
import { plural, sentence } from '../lib/format.js';
import { navigate, paths } from '../router.js';

const schema = z.strictObject({
  title: auditCreateSchema.shape.title,
  template: z.string({ error: 'choose a template' }).min(1, 'choose a template'),
});
type Values = z.input<typeof schema>;

const IDS: Record<string, string> = { title: 'audit-title', template: 'template-0', templateId: 'template-0' };

/** Start an audit: a title and the template (at its latest version) it follows. */
export function NewAudit() {
  const templates = useApiQuery('templates.list', {});
  const create = useApiMutation('audits.create');
  const [formErrors, setFormErrors] = useState<SummaryError[]>([]);
  const [attempt, setAttempt] = useState(0);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors },
  } = useForm<Values, unknown, z.output<typeof schema>>({
    resolver: zodResolver(schema),
    defaultValues: { title: '' },
    shouldFocusError: false,
  });

  if (templates.error) return <LoadFailed error={templates.error} onRetry={templates.reload} />;
  if (!templates.data) return <Loading what="Loading templates" />;
  const choices = templates.data.filter((t) => t.latest).sort((a, b) => a.title.localeCompare(b.title));

  const onValid = async (values: z.output<typeof schema>) => {
    const chosen = choices.find((t) => t.id === values.template);
    setFormErrors([]);
    try {
      const audit = await create.mutate({
        title: values.title,
        templateId: values.template,
        ...(chosen ? { templateVersion: chosen.version } : {}),
      });
      navigate(paths.audit(audit.id), { flash: 'Audit started: now add the sampled cases' });
    } catch (e) {
      const general: SummaryError[] = [];
      for (const p of parseServerMessage(e instanceof Error ? e.message : String(e))) {
        if (p.name === 'title') setError('title', { type: 'server', message: p.message });
        else if (p.name === 'templateId' || p.name === 'templateVersion')
          setError('template', { type: 'server', message: p.message });
        else general.push(p);
      }
      setFormErrors(general);
      setAttempt((n) => n + 1);
    }
  };

  const items = summaryItems([...formErrors, ...flattenErrors(errors)], (name) => IDS[name]);
  const titleError = errors.title?.message;
  const templateError = errors.template?.message;

  return (
    <Page
      title="Start a new audit"
      narrow
      breadcrumbs={[{ to: paths.home(), text: 'Audits' }]}
      hasErrors={items.length > 0}
      before={items.length > 0 ? <ErrorSummary errors={items} focusKey={attempt} /> : null}
    >
      <form noValidate onSubmit={handleSubmit(onValid, () => setAttempt((n) => n + 1))}>
        <div className={titleError ? 'govuk-form-group govuk-form-group--error' : 'govuk-form-group'}>
          <label className="govuk-label govuk-label--m" htmlFor="audit-title">
            Title of the audit
          </label>
          <div className="govuk-hint" id="audit-title-hint">
            For example, MASH repeat audit, spring 2026
          </div>
          <ErrorMessage id="audit-title-error" message={titleError ? sentence(titleError) : undefined} />
          <input
            id="audit-title"
            type="text"
            autoComplete="off"
            className={titleError ? 'govuk-input govuk-input--error' : 'govuk-input'}
            aria-describedby={titleError ? 'audit-title-hint audit-title-error' : 'audit-title-hint'}
            aria-invalid={titleError ? true : undefined}
            {...register('title')}
          />
        </div>

        <div className={templateError ? 'govuk-form-group govuk-form-group--error' : 'govuk-form-group'}>
          <fieldset
            className="govuk-fieldset"
            aria-describedby={templateError ? 'template-hint template-error' : 'template-hint'}
          >
            <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">Audit template</legend>
            <div className="govuk-hint" id="template-hint">
              The audit keeps the version of the template it starts with, even if the template changes later.
            </div>
            <ErrorMessage id="template-error" message={templateError ? sentence(templateError) : undefined} />
            {choices.length === 0 ? (
              <p className="govuk-body">There are no case audit templates in this database.</p>
            ) : (
              <div className="govuk-radios app-template-choice">
                {choices.map((t, i) => (
                  <div className="govuk-radios__item" key={t.id}>
                    <input
                      className="govuk-radios__input"
                      id={`template-${i}`}
                      type="radio"
                      value={t.id}
                      aria-describedby={`template-${i}-hint`}
                      {...register('template')}
                    />
                    <label className="govuk-label govuk-radios__label govuk-label--s" htmlFor={`template-${i}`}>
                      {t.title}
                    </label>
                    <div className="govuk-hint govuk-radios__hint" id={`template-${i}-hint`}>
                      {AUDIT_THEME_LABELS[t.theme]} · {plural(t.questionCount, 'question')} · version {t.version}
                    </div>
                  </div>
                ))}
              </div>
            )}
          </fieldset>
        </div>

        <div className="govuk-button-group">
          <button type="submit" className="govuk-button" disabled={create.pending}>
            Start audit
          </button>
          <Link to={paths.home()}>Cancel</Link>
        </div>
      </form>
    </Page>
  );
}
