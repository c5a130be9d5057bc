import { useState } from 'react';
import { z } from 'zod';
import type { AuditSummary } from '../../shared/audit.js';
import { contract } from '../../shared/contract.js';
import type { TemplateSummary } from '../../shared/templateSummary.js';
import { useApiMutation, useApiQuery } from '../api/hooks.js';
import { Form, FormErrorSummary, formHasErrors, RadiosField, TextField, useZodForm } from '../components/form/index.js';
import { Link } from '../components/Link.js';
import { Loading } from '../components/Loading.js';
import { LoadFailed } from '../components/LoadFailed.js';
import { Page } from '../components/Page.js';
import { applyApiError } from '../lib/formErrors.js';
import { navigate, paths } from '../router.js';

/** Start the next round of an audit: a title, and the template version (the same or a newer one). */
export function Reaudit({ auditId }: { auditId: string }) {
  const audits = useApiQuery('audits.list', {});
  const templates = useApiQuery('templates.list', {});
  const failed = audits.error ?? templates.error;
  if (failed) {
    return (
      <LoadFailed
        error={failed}
        onRetry={() => {
          audits.retry();
          templates.retry();
        }}
      />
    );
  }
  if (!audits.data || !templates.data) return <Loading what="Loading the audit" />;
  const audit = audits.data.find((a) => a.id === auditId);
  if (!audit) {
    return (
      <Page title="Page not found">
        <p className="govuk-body">There is no such audit.</p>
        <Link to={paths.auditsList()}>Go to your audits</Link>
      </Page>
    );
  }
  const series = audits.data.filter((a) => a.seriesId === audit.seriesId).sort((x, y) => x.round - y.round);
  return <ReauditForm audit={audit} series={series} templates={templates.data} />;
}

// The service's own rules for a re-audit's title; the version is a choice among those offered.
const schemaFor = (versions: readonly TemplateSummary[]) =>
  contract['audits.startReaudit'].input.pick({ title: true }).extend({
    templateVersion: z
      .string()
      .refine(
        (v) => versions.length === 0 || versions.some((t) => String(t.version) === v),
        'Choose the version of the template to use',
      ),
  });

function ReauditForm({
  audit,
  series,
  templates,
}: {
  audit: AuditSummary;
  series: AuditSummary[];
  templates: TemplateSummary[];
}) {
  const start = useApiMutation('audits.startReaudit');
  const last = series[series.length - 1] ?? audit;
  // Rounds stay comparable only on the version the last round used or a newer one.
  const versions = templates
    .filter((t) => t.id === audit.templateId && t.version >= last.templateVersion)
    .sort((a, b) => b.version - a.version);
  const [schema] = useState(() => schemaFor(versions));
  const form = useZodForm(schema, {
    defaultValues: { title: '', templateVersion: versions[0] ? String(versions[0].version) : '' },
  });
  const nextRound = last.round + 1;

  const onSubmit = async ({ title, templateVersion }: z.output<typeof schema>) => {
    try {
      const created = await start.mutate({
        auditId: audit.id,
        title,
        ...(templateVersion ? { templateVersion: Number(templateVersion) } : {}),
      });
      navigate(paths.auditOverview(created.id), {
        flash: `Re-audit started as round ${created.round}: now add the sampled cases, with the same sample design`,
      });
    } catch (err) {
      applyApiError(form, err, ([field]) => (field === 'title' || field === 'templateVersion' ? field : undefined));
    }
  };

  return (
    <Page
      title="Start a re-audit"
      caption={audit.title}
      narrow
      breadcrumbs={[
        { to: paths.auditsList(), text: 'Audits' },
        { to: paths.auditOverview(audit.id), text: audit.title },
        { to: paths.auditSummary(audit.id), text: 'Summary' },
      ]}
      hasErrors={formHasErrors(form)}
      before={<FormErrorSummary form={form} />}
    >
      <p className="govuk-body">
        This starts round {nextRound} of the audit. It keeps the purpose and the prevalence thresholds of the rounds
        before, so the findings read the same way; its summary compares every round question by question and theme by
        theme.
      </p>
      <Form form={form} onSubmit={onSubmit} summary="none">
        <TextField
          name="title"
          id="reaudit-title"
          label="Title of the re-audit"
          labelSize="m"
          hint="For example, MASH re-audit, autumn 2026"
          autoComplete="off"
        />
        {versions.length > 0 ? (
          <RadiosField
            name="templateVersion"
            id="reaudit-version"
            legend="Template version"
            hint={`Round ${last.round} used version ${last.templateVersion}. A newer version may change some questions: those are marked when the rounds are compared.`}
            options={versions.map((t) => ({
              value: String(t.version),
              label: `${t.title}, version ${t.version}`,
              hint:
                t.version === last.templateVersion
                  ? `The version round ${last.round} used${t.latest ? ' (latest)' : ''}`
                  : t.latest
                    ? 'The latest version'
                    : undefined,
            }))}
          />
        ) : null}
        <div className="govuk-button-group">
          <button type="submit" className="govuk-button" disabled={start.pending}>
            Start the re-audit
          </button>
          <Link to={paths.auditSummary(audit.id)}>Cancel</Link>
        </div>
      </Form>
    </Page>
  );
}
