import { useApiQuery } from '../api/hooks.js';
import { Link } from '../components/Link.js';
import { LoadFailed } from '../components/LoadFailed.js';
import { Loading } from '../components/Loading.js';
import { Page } from '../components/Page.js';
import { TemplateView } from '../components/template/TemplateView.js';
import { paths } from '../router.js';

/** A draft as it was last saved, as auditors will see it once it is published. */
export function TemplateEditorPreview({ draftId }: { draftId: string }) {
  const draft = useApiQuery('templateDrafts.get', { draftId });
  if (draft.error) return <LoadFailed error={draft.error} onRetry={draft.retry} />;
  if (!draft.data) return <Loading what="Loading the draft" />;
  const t = draft.data.template;

  return (
    <Page
      title={`Preview: ${t.title}`}
      caption={`Draft of version ${t.version}`}
      back={{ to: paths.templateEditor(draftId), text: 'Back to the editor' }}
    >
      <p className="govuk-body app-readable">
        This is the draft as it was last saved. Auditors see it only once it is published; the questions are shown here
        but cannot be answered.
      </p>
      <TemplateView template={t} />
      <p className="govuk-body">
        <Link to={paths.templateEditor(draftId)}>Back to the editor</Link>
      </p>
    </Page>
  );
}
