import { useState } from 'react';
import { z } from 'zod';
import { MAX_TEMPLATE_FILE_BYTES } from '../../shared/templateFile.js';
import type { TemplateDraftSummary } from '../../shared/templateDraft.js';
import type { TemplateSummary } from '../../shared/templateSummary.js';
import { AUDIT_THEME_LABELS } from '../../shared/vocabulary.js';
import { errorMessage } from '../api/client.js';
import { useApiMutation, useApiQuery } from '../api/hooks.js';
import {
  ErrorSummary,
  FileField,
  Form,
  FormErrorSummary,
  formHasErrors,
  useZodForm,
} from '../components/form/index.js';
import { Link } from '../components/Link.js';
import { Loading } from '../components/Loading.js';
import { LoadFailed } from '../components/LoadFailed.js';
import { NotificationBanner } from '../components/NotificationBanner.js';
import { Page } from '../components/Page.js';
import { Tag } from '../components/Tag.js';
import { downloadText } from '../components/template/download.js';
import { ConfirmPanel } from '../components/template/EditorFields.js';
import { plural, sentence, shortDateTime } from '../lib/format.js';
import { navigate, paths } from '../router.js';

const FILE_ID = 'template-file';

interface Family {
  id: string;
  latest: TemplateSummary;
  earlier: TemplateSummary[];
  builtinOrigin: boolean;
}

/** One row per template: its latest version, with the earlier versions listed under it. */
function families(list: TemplateSummary[]): Family[] {
  const byId = new Map<string, TemplateSummary[]>();
  for (const t of list) byId.set(t.id, [...(byId.get(t.id) ?? []), t]);
  return [...byId.entries()].map(([id, versions]) => {
    const sorted = [...versions].sort((a, b) => b.version - a.version);
    const latest = sorted.find((t) => t.latest) ?? sorted[0]!;
    return {
      id,
      latest,
      earlier: sorted.filter((t) => t !== latest),
      builtinOrigin: versions.some((t) => t.builtin),
    };
  });
}

const importSchema = z.object({
  file: z.file({ error: 'Choose a template file to import' }).refine((f) => f.size <= MAX_TEMPLATE_FILE_BYTES, {
    error: (issue) =>
      `The file is ${Math.ceil((issue.input as File).size / 1024)} KB: a template file may be at most 1 MB`,
  }),
});

/**
 * A service's message about a template file as the file's error: one line in the summary per problem
 * (the error's `types`), and at the field how many there were.
 */
function importError(message: string): { type: string; message: string; types?: Record<string, string> } {
  const invalid = /^The template is not valid: (.*)$/s.exec(message);
  if (!invalid?.[1]) return { type: 'server', message };
  const items = invalid[1].split(/;\s+/).filter(Boolean);
  return {
    type: 'server',
    message: `The file is not a valid template (${plural(items.filter((p) => !p.startsWith('…')).length, 'problem')}), so nothing was imported`,
    types: Object.fromEntries(items.map((part, i) => [`problem${i}`, `The template is not valid: ${part}`])),
  };
}

/** The QA sub-committee's template library: the templates, drafts in progress, export and import. */
export function Templates() {
  const templates = useApiQuery('templates.list', {});
  const drafts = useApiQuery('templateDrafts.list', {});
  const exportTemplate = useApiMutation('templates.export');
  const importTemplate = useApiMutation('templates.import');
  const createDraft = useApiMutation('templateDrafts.create');
  const discardDraft = useApiMutation('templateDrafts.discard');
  const importForm = useZodForm(importSchema, { defaultValues: { file: null as unknown as File } });
  // A failed action other than the import (export, a draft started or discarded), for the summary.
  const [problem, setProblem] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [banner, setBanner] = useState<{ text: string; n: number } | null>(null);
  const [status, setStatus] = useState('');
  const [discarding, setDiscarding] = useState<string | null>(null);

  if (templates.error) return <LoadFailed error={templates.error} onRetry={templates.retry} />;
  if (drafts.error) return <LoadFailed error={drafts.error} onRetry={drafts.retry} />;
  if (!templates.data || !drafts.data) return <Loading what="Loading templates" />;

  const library = families(templates.data);
  const draftList = drafts.data;
  const titleOf = (id: string) => library.find((f) => f.id === id)?.latest.title ?? id;
  const nextVersionOf = (id: string) => (library.find((f) => f.id === id)?.latest.version ?? 0) + 1;
  const versionDraft = (id: string) => draftList.find((d) => d.templateId === id && d.basedOnVersion !== null);

  const fail = (message: string) => {
    setBanner(null);
    importForm.clearErrors();
    setProblem(sentence(message));
    setAttempt((n) => n + 1);
  };
  const succeed = (text: string) => {
    setProblem(null);
    importForm.clearErrors();
    setBanner((b) => ({ text, n: (b?.n ?? 0) + 1 }));
  };

  const download = async (t: TemplateSummary) => {
    try {
      const { fileName, json } = await exportTemplate.mutate({ id: t.id, version: t.version });
      downloadText(fileName, json);
      setStatus(`${t.title}, version ${t.version}, is saved as ${fileName}.`);
    } catch (e) {
      fail(`The template could not be exported: ${errorMessage(e)}`);
    }
  };

  const start = async (t: TemplateSummary, as: 'new_version' | 'copy') => {
    try {
      const draft = await createDraft.mutate({ fromId: t.id, fromVersion: t.version, as });
      navigate(paths.templateEditor(draft.id), {
        flash:
          as === 'copy'
            ? 'Copy made: give it a title of its own, then edit and publish it'
            : `Draft of version ${draft.template.version} started: it is not used until you publish it`,
      });
    } catch (e) {
      fail(errorMessage(e));
    }
  };

  const discard = async (d: TemplateDraftSummary) => {
    try {
      await discardDraft.mutate({ draftId: d.id });
      setDiscarding(null);
      succeed(`Draft discarded: ${d.title}`);
    } catch (e) {
      setDiscarding(null);
      fail(errorMessage(e));
    }
  };

  const submitImport = async ({ file }: z.output<typeof importSchema>) => {
    let json: string;
    try {
      json = await file.text();
    } catch {
      return importForm.setError('file', { type: 'read', message: 'The file could not be read: choose it again' });
    }
    try {
      const imported = await importTemplate.mutate({ json });
      importForm.reset();
      succeed(`Imported: ${imported.title}, version ${imported.version}`);
    } catch (err) {
      importForm.setError('file', importError(errorMessage(err)));
    }
  };
  // Submitting the import makes its problems the page's, in place of any earlier ones.
  const startImport = () => {
    setProblem(null);
    setBanner(null);
  };

  const busy = createDraft.pending || importTemplate.pending;

  return (
    <Page
      title="Audit templates"
      breadcrumbs={[{ to: paths.auditsList(), text: 'Audits' }]}
      hasErrors={problem !== null || formHasErrors(importForm)}
      before={
        formHasErrors(importForm) ? (
          <FormErrorSummary form={importForm} />
        ) : problem ? (
          <ErrorSummary errors={[{ text: problem }]} focusKey={attempt} />
        ) : banner ? (
          <NotificationBanner key={banner.n} kind="success" heading={banner.text} focus />
        ) : null
      }
    >
      <p className="govuk-body app-readable">
        Audits follow a template: the questions each agency answers. An audit keeps the version it started with, so
        publishing a new version changes only the audits started after it. Built-in templates can be changed by making a
        new version, or copied to start a template of the board&rsquo;s own.
      </p>

      <div className="app-table-scroll" role="region" aria-labelledby="templates-caption">
        <table className="govuk-table app-template-table">
          <caption className="govuk-table__caption govuk-table__caption--m" id="templates-caption">
            {plural(library.length, 'template')}
          </caption>
          <thead>
            <tr>
              <th scope="col" className="govuk-table__header">
                Template
              </th>
              <th scope="col" className="govuk-table__header govuk-table__header--numeric">
                Version
              </th>
              <th scope="col" className="govuk-table__header govuk-table__header--numeric">
                Questions
              </th>
              <th scope="col" className="govuk-table__header">
                <span className="govuk-visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {library.map((f) => {
              const t = f.latest;
              const name = `${t.title}, version ${t.version}`;
              const hidden = <span className="govuk-visually-hidden"> {name}</span>;
              const pending = versionDraft(f.id);
              return (
                <tr key={f.id}>
                  <th scope="row" className="govuk-table__header app-template-table__name">
                    {t.title}
                    <span className="app-grid-cell-meta">
                      {AUDIT_THEME_LABELS[t.theme]}
                      {t.scope === 'agency' ? ' · agency self-assessment' : ''}
                    </span>
                    <span className="app-grid-cell-meta">
                      {t.builtin ? (
                        <Tag colour="grey">Built-in</Tag>
                      ) : f.builtinOrigin ? (
                        <Tag colour="blue">Changed by the board</Tag>
                      ) : (
                        <Tag colour="purple">The board&rsquo;s own</Tag>
                      )}
                    </span>
                    {f.earlier.length > 0 ? (
                      <span className="app-grid-cell-meta">
                        Earlier versions:{' '}
                        {f.earlier.map((e, i) => (
                          <span key={e.version}>
                            {i > 0 ? ', ' : ''}
                            <Link to={paths.templatesPreview(e.id, e.version)}>
                              <span className="govuk-visually-hidden">{t.title}, </span>version {e.version}
                            </Link>
                          </span>
                        ))}
                      </span>
                    ) : null}
                  </th>
                  <td className="govuk-table__cell govuk-table__cell--numeric">{t.version}</td>
                  <td className="govuk-table__cell govuk-table__cell--numeric">{t.questionCount}</td>
                  <td className="govuk-table__cell">
                    <ul className="app-template-table__actions">
                      <li>
                        <Link to={paths.templatesPreview(t.id, t.version)}>Preview{hidden}</Link>
                      </li>
                      <li>
                        <button type="button" className="app-link-button" onClick={() => void download(t)}>
                          Export{hidden}
                        </button>
                      </li>
                      <li>
                        {pending ? (
                          <Link to={paths.templateEditor(pending.id)}>
                            Continue the new version
                            <span className="govuk-visually-hidden"> of {t.title}</span>
                          </Link>
                        ) : (
                          <button
                            type="button"
                            className="app-link-button"
                            disabled={busy}
                            onClick={() => void start(t, 'new_version')}
                          >
                            Make a new version{hidden}
                          </button>
                        )}
                      </li>
                      <li>
                        <button
                          type="button"
                          className="app-link-button"
                          disabled={busy}
                          onClick={() => void start(t, 'copy')}
                        >
                          Copy as a new template{hidden}
                        </button>
                      </li>
                    </ul>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <p className="govuk-body app-template-status" role="status">
        {status}
      </p>

      <h2 className="govuk-heading-m">Drafts in progress</h2>
      {draftList.length === 0 ? (
        <p className="govuk-body">
          There are no drafts. Make a new version of a template, or copy one, to start a draft: audits use it only once
          it is published.
        </p>
      ) : (
        <div className="app-table-scroll" role="region" aria-labelledby="drafts-caption">
          <table className="govuk-table">
            <caption className="govuk-table__caption govuk-visually-hidden" id="drafts-caption">
              Drafts in progress
            </caption>
            <thead>
              <tr>
                <th scope="col" className="govuk-table__header">
                  Draft
                </th>
                <th scope="col" className="govuk-table__header">
                  When published
                </th>
                <th scope="col" className="govuk-table__header">
                  Last saved
                </th>
                <th scope="col" className="govuk-table__header">
                  <span className="govuk-visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {draftList.map((d) => (
                <tr key={d.id}>
                  <th scope="row" className="govuk-table__header">
                    {d.title}
                  </th>
                  <td className="govuk-table__cell">
                    {d.basedOnVersion !== null
                      ? `Version ${nextVersionOf(d.templateId)} of ${titleOf(d.templateId)}`
                      : 'A new template of the board’s own'}
                  </td>
                  <td className="govuk-table__cell app-nowrap">{shortDateTime(d.updatedAt)}</td>
                  <td className="govuk-table__cell">
                    {discarding === d.id ? (
                      <ConfirmPanel
                        id={`draft-${d.id}-discard`}
                        question={`Discard the draft “${d.title}”?`}
                        confirmText="Yes, discard it"
                        pending={discardDraft.pending}
                        onConfirm={() => void discard(d)}
                        onCancel={() => {
                          setDiscarding(null);
                          window.setTimeout(() => document.getElementById(`draft-${d.id}-discard-button`)?.focus(), 0);
                        }}
                      >
                        <p className="govuk-body">Its changes are lost; the published versions stay as they are.</p>
                      </ConfirmPanel>
                    ) : (
                      <ul className="app-template-table__actions">
                        <li>
                          <Link to={paths.templateEditor(d.id)}>
                            Continue editing<span className="govuk-visually-hidden"> {d.title}</span>
                          </Link>
                        </li>
                        <li>
                          <button
                            type="button"
                            className="app-link-button"
                            id={`draft-${d.id}-discard-button`}
                            onClick={() => setDiscarding(d.id)}
                          >
                            Discard<span className="govuk-visually-hidden"> {d.title}</span>
                          </button>
                        </li>
                      </ul>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <h2 className="govuk-heading-m">Import a template</h2>
      <div onSubmitCapture={startImport}>
        <Form form={importForm} onSubmit={submitImport} summary="none" className="app-readable">
          <FileField
            name="file"
            id={FILE_ID}
            label="Template file"
            labelSize="s"
            hint="A .json file exported from Case Audit, for example by another board. It is checked before anything is saved; a version already here is never replaced."
            accept=".json,application/json"
          />
          <button type="submit" className="govuk-button govuk-button--secondary" disabled={importTemplate.pending}>
            Import template
          </button>
        </Form>
      </div>
    </Page>
  );
}
