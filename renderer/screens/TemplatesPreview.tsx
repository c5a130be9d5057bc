import { useState } from 'react';
import { errorMessage } from '../api/client.js';
import { useApiMutation, useApiQuery } from '../api/hooks.js';
import { LoadFailed } from '../components/LoadFailed.js';
import { Loading } from '../components/Loading.js';
import { Page } from '../components/Page.js';
import { BlankToolExport } from '../components/exports/ExportButtons.js';
import { downloadText } from '../components/template/download.js';
import { TemplateView } from '../components/template/TemplateView.js';
import { paths } from '../router.js';

/** A published template version as auditors see it, with its export. */
export function TemplatesPreview({ templateId, version }: { templateId: string; version: number }) {
  const template = useApiQuery('templates.get', { id: templateId, version });
  const exportTemplate = useApiMutation('templates.export');
  const [status, setStatus] = useState('');
  if (template.error) return <LoadFailed error={template.error} onRetry={template.retry} />;
  if (!template.data) return <Loading what="Loading the template" />;
  const t = template.data;

  const download = async () => {
    try {
      const { fileName, json } = await exportTemplate.mutate({ id: t.id, version: t.version });
      downloadText(fileName, json);
      setStatus(`Saved as ${fileName}.`);
    } catch (e) {
      setStatus(`The template could not be exported: ${errorMessage(e)}`);
    }
  };

  return (
    <Page
      title={`Preview: ${t.title}`}
      caption={`Version ${t.version}`}
      breadcrumbs={[
        { to: paths.auditsList(), text: 'Audits' },
        { to: paths.templates(), text: 'Audit templates' },
      ]}
    >
      <div className="govuk-button-group">
        <button type="button" className="govuk-button govuk-button--secondary" onClick={() => void download()}>
          Export<span className="govuk-visually-hidden"> this version</span>
        </button>
      </div>
      <p className="govuk-body app-template-status" role="status">
        {status}
      </p>
      <BlankToolExport templateId={t.id} version={t.version} />
      <TemplateView template={t} />
    </Page>
  );
}
