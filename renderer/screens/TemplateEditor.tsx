import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore, type FormEvent } from 'react';
import type { TemplateDraft } from '../../shared/templateDraft.js';
import { templateSchema, type Template } from '../../shared/template.js';
import { AUDIT_THEMES, AUDIT_THEME_LABELS, type AuditTheme } from '../../shared/vocabulary.js';
import { ApiError, errorMessage } from '../api/client.js';
import { useApi, useApiMutation, useApiQuery } from '../api/hooks.js';
import { ErrorMessage, ErrorSummary } from '../components/form/index.js';
import { LoadFailed } from '../components/LoadFailed.js';
import { Loading } from '../components/Loading.js';
import { Page } from '../components/Page.js';
import { DeferredInput, DeferredTextarea, SelectInput, StoreContext } from '../components/template/EditorFields.js';
import {
  ADD_SECTION_ID,
  TEMPLATE_DESCRIPTION_ID,
  TEMPLATE_THEME_ID,
  TEMPLATE_TITLE_ID,
  addQuestion,
  addSection,
  conditionCandidates,
  editorError,
  locate,
  moveQuestion,
  moveSection,
  questionFieldId,
  removeQuestion,
  removeSection,
  sectionFieldId,
  serviceErrors,
  updateQuestion,
  updateSection,
  type EditorError,
} from '../components/template/editorModel.js';
import type { EditorActions } from '../components/template/QuestionEditor.js';
import { SectionEditor } from '../components/template/SectionEditor.js';
import { TemplateStore } from '../components/template/templateStore.js';
import { plural, timeOfDay } from '../lib/format.js';
import { focusControl } from '../lib/focus.js';
import { navigate, paths } from '../router.js';

/** How many problems the error summary lists before "and N more". */
const ERRORS_LISTED = 25;
const THEME_CHOICES = AUDIT_THEMES.map((value) => ({ value, label: AUDIT_THEME_LABELS[value] }));

export function TemplateEditor({ draftId }: { draftId: string }) {
  const draft = useApiQuery('templateDrafts.get', { draftId });
  if (draft.error) return <LoadFailed error={draft.error} onRetry={draft.retry} />;
  if (!draft.data) return <Loading what="Loading the draft" />;
  return <EditorView draft={draft.data} />;
}

type SaveState = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved'; at: string } | { kind: 'failed' };

/**
 * The QA sub-committee edits a draft: the template's title, description and theme; its sections; and
 * each question. The draft is saved as a whole (and again on leaving, when it is valid); publishing
 * makes it the template's next version.
 */
function EditorView({ draft }: { draft: TemplateDraft }) {
  const api = useApi();
  const draftId = draft.id;
  const [store] = useState(() => new TemplateStore(draft.template));
  const { template, revision } = useSyncExternalStore(store.subscribe, store.getSnapshot);
  const save = useApiMutation('templateDrafts.save');
  const publish = useApiMutation('templateDrafts.publish');
  const savedRevision = useRef(0);
  const [savedRev, setSavedRev] = useState(0);
  const [saveState, setSaveState] = useState<SaveState>({ kind: 'idle' });
  const [savedTitle, setSavedTitle] = useState(draft.template.title);
  const [version, setVersion] = useState(draft.template.version);
  const [open, setOpen] = useState<ReadonlySet<string>>(() => new Set());
  const [errors, setErrors] = useState<EditorError[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [announcement, setAnnouncement] = useState('');
  const [focusRequest, setFocusRequest] = useState<{ ids: string[]; n: number } | null>(null);

  // Focus moves after the render that puts the control on screen.
  useEffect(() => {
    if (!focusRequest) return;
    for (const id of focusRequest.ids) {
      if (document.getElementById(id)) {
        focusControl(id);
        return;
      }
    }
  }, [focusRequest]);

  const focus = useCallback((ids: string[]) => setFocusRequest((r) => ({ ids, n: (r?.n ?? 0) + 1 })), []);

  const actions = useMemo<EditorActions>(() => {
    const numberOf = (questionId: string) => {
      const at = locate(store.getSnapshot().template, questionId);
      return at ? `${at.si + 1}.${at.qi + 1}` : '';
    };
    return {
      changeQuestion: (questionId, change) => store.update((t) => updateQuestion(t, questionId, change)),
      changeQuestionShape: (questionId, change) => {
        store.flush();
        store.update((t) => updateQuestion(t, questionId, change));
      },
      toggleQuestion: (questionId, isOpen) =>
        setOpen((prev) => {
          const next = new Set(prev);
          if (isOpen ?? !prev.has(questionId)) next.add(questionId);
          else next.delete(questionId);
          return next;
        }),
      moveQuestion: (questionId, direction) => {
        store.flush();
        store.update((t) => moveQuestion(t, questionId, direction));
        setAnnouncement(`Question moved: it is now question ${numberOf(questionId)}.`);
        const same = questionFieldId(questionId, direction === -1 ? 'up' : 'down');
        const other = questionFieldId(questionId, direction === -1 ? 'down' : 'up');
        focus([same, other, questionFieldId(questionId, 'edit')]);
      },
      removeQuestion: (questionId) => {
        store.flush();
        const before = store.getSnapshot().template;
        const at = locate(before, questionId);
        if (!at) return;
        const section = before.sections[at.si]!;
        const next = section.questions[at.qi + 1] ?? section.questions[at.qi - 1];
        const number = `${at.si + 1}.${at.qi + 1}`;
        store.update((t) => removeQuestion(t, questionId));
        setOpen((prev) => {
          const s = new Set(prev);
          s.delete(questionId);
          return s;
        });
        setAnnouncement(`Question ${number} removed.`);
        focus(
          [next ? questionFieldId(next.id, 'edit') : '', sectionFieldId(section.id, 'add-question')].filter(Boolean),
        );
      },
      addQuestion: (sectionId) => {
        store.flush();
        let added = '';
        store.update((t) => {
          const result = addQuestion(t, sectionId);
          added = result.questionId;
          return result.template;
        });
        if (!added) return;
        setOpen((prev) => new Set(prev).add(added));
        setAnnouncement(`Question ${numberOf(added)} added.`);
        focus([questionFieldId(added, 'text')]);
      },
      changeSection: (sectionId, change) =>
        store.update((t) =>
          updateSection(t, sectionId, (s) => {
            const next = change({ title: s.title, description: s.description });
            return next.title === s.title && next.description === s.description ? s : { ...s, ...next };
          }),
        ),
      moveSection: (sectionId, direction) => {
        store.flush();
        store.update((t) => moveSection(t, sectionId, direction));
        const n = store.getSnapshot().template.sections.findIndex((s) => s.id === sectionId) + 1;
        setAnnouncement(`Section moved: it is now section ${n}.`);
        focus([
          sectionFieldId(sectionId, direction === -1 ? 'up' : 'down'),
          sectionFieldId(sectionId, direction === -1 ? 'down' : 'up'),
          sectionFieldId(sectionId, 'title'),
        ]);
      },
      removeSection: (sectionId) => {
        store.flush();
        const before = store.getSnapshot().template;
        const si = before.sections.findIndex((s) => s.id === sectionId);
        const next = before.sections[si + 1] ?? before.sections[si - 1];
        store.update((t) => removeSection(t, sectionId));
        setAnnouncement(`Section ${si + 1} removed.`);
        focus([next ? sectionFieldId(next.id, 'title') : ADD_SECTION_ID]);
      },
      focus,
    };
  }, [store, focus]);

  const changeTemplate = (change: (t: Template) => Template) => store.update(change);

  // Whatever is left unsaved when the editor closes is saved if it is a valid template.
  useEffect(
    () => () => {
      const snap = store.current();
      if (snap.revision === savedRevision.current) return;
      const parsed = templateSchema.safeParse(snap.template);
      if (parsed.success) api['templateDrafts.save']({ draftId, template: parsed.data }).catch(() => undefined);
    },
    [api, store, draftId],
  );

  const showErrors = (list: EditorError[]) => {
    setErrors(list);
    const withQuestions = list.map((e) => e.questionId).filter((id): id is string => id !== undefined);
    if (withQuestions.length > 0) setOpen((prev) => new Set([...prev, ...withQuestions]));
    setAttempt((n) => n + 1);
  };

  /** Saves the template as it stands; false (with the errors shown) when it cannot be saved. */
  const saveNow = async (force = false): Promise<boolean> => {
    const snap = store.current();
    const parsed = templateSchema.safeParse(snap.template);
    if (!parsed.success) {
      showErrors(parsed.error.issues.map((i) => editorError(snap.template, i.path, i.message)));
      setSaveState({ kind: 'failed' });
      return false;
    }
    if (!force && snap.revision === savedRevision.current && saveState.kind !== 'failed') {
      setErrors([]);
      return true;
    }
    setSaveState({ kind: 'saving' });
    try {
      const saved = await save.mutate({ draftId, template: parsed.data });
      savedRevision.current = snap.revision;
      setSavedRev(snap.revision);
      setVersion(saved.template.version);
      setSavedTitle(saved.template.title);
      setSaveState({ kind: 'saved', at: saved.updatedAt });
      setErrors([]);
      return true;
    } catch (e) {
      setSaveState({ kind: 'failed' });
      if (e instanceof ApiError && e.code === 'VALIDATION') showErrors(serviceErrors(snap.template, e.message));
      else
        showErrors([
          {
            targetId: undefined,
            fieldId: undefined,
            questionId: undefined,
            message: errorMessage(e),
            text: errorMessage(e),
          },
        ]);
      return false;
    }
  };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void saveNow(true);
  };

  const onPreview = async () => {
    if (await saveNow()) navigate(paths.templateEditorPreview(draftId));
  };

  const onPublish = async () => {
    if (!(await saveNow())) return;
    try {
      const published = await publish.mutate({ draftId });
      navigate(paths.templates(), { flash: `Published: ${published.title}, version ${published.version}` });
    } catch (e) {
      showErrors([
        {
          targetId: undefined,
          fieldId: undefined,
          questionId: undefined,
          message: errorMessage(e),
          text: errorMessage(e),
        },
      ]);
    }
  };

  const addNewSection = () => {
    store.flush();
    let added = '';
    store.update((t) => {
      const result = addSection(t);
      added = result.sectionId;
      return result.template;
    });
    setAnnouncement('Section added.');
    focus([sectionFieldId(added, 'title')]);
  };

  // ---------- Derived, memoised so unchanged sections and questions skip re-rendering ----------
  const candidates = useMemo(() => conditionCandidates(template), [template]);
  const dependants = useMemo(() => {
    const map = new Map<string, string[]>();
    template.sections.forEach((s, si) =>
      s.questions.forEach((q, qi) => {
        if (q.showWhen)
          map.set(q.showWhen.questionId, [...(map.get(q.showWhen.questionId) ?? []), `${si + 1}.${qi + 1}`]);
      }),
    );
    return map;
  }, [template]);
  const { fieldErrors, questionErrors } = useMemo(() => {
    const fields = new Map<string, string>();
    const byQuestion = new Map<string, Map<string, string>>();
    for (const e of errors) {
      if (!e.fieldId) continue;
      if (e.questionId) {
        const m = byQuestion.get(e.questionId) ?? new Map<string, string>();
        if (!m.has(e.fieldId)) m.set(e.fieldId, e.message);
        byQuestion.set(e.questionId, m);
      } else if (!fields.has(e.fieldId)) fields.set(e.fieldId, e.message);
    }
    return { fieldErrors: fields, questionErrors: byQuestion };
  }, [errors]);
  const firstPositions = useMemo(() => {
    let n = 0;
    return template.sections.map((s) => {
      const first = n;
      n += s.questions.length;
      return first;
    });
  }, [template]);
  const questionCount =
    firstPositions.length > 0 ? firstPositions.at(-1)! + template.sections.at(-1)!.questions.length : 0;

  // An error summary link to a question that was closed since opens it first.
  const followError = (targetId: string): boolean => {
    if (document.getElementById(targetId)) return false;
    const error = errors.find((e) => e.targetId === targetId);
    if (!error?.questionId) return false;
    actions.toggleQuestion(error.questionId, true);
    focus([targetId]);
    return true;
  };

  const unsaved = revision !== savedRev;
  let statusText: string;
  if (saveState.kind === 'saving') statusText = 'Saving…';
  else if (unsaved) statusText = 'You have changes that are not saved yet.';
  else if (saveState.kind === 'saved') statusText = `Saved at ${timeOfDay(saveState.at)}.`;
  else statusText = 'No changes yet.';
  const busy = save.pending || publish.pending;
  const listed = errors.slice(0, ERRORS_LISTED);

  return (
    <StoreContext.Provider value={store}>
      <Page
        title={`Edit template: ${savedTitle}`}
        caption={draft.basedOnVersion !== null ? `Draft of version ${version}` : 'Draft of a new template'}
        breadcrumbs={[
          { to: paths.auditsList(), text: 'Audits' },
          { to: paths.templates(), text: 'Audit templates' },
        ]}
        hasErrors={errors.length > 0}
        before={
          errors.length > 0 ? (
            <ErrorSummary
              errors={listed.map((e) => ({ targetId: e.targetId, text: e.text }))}
              focusKey={attempt}
              more={errors.length > listed.length ? `…and ${errors.length - listed.length} more` : undefined}
              onFollow={followError}
            />
          ) : null
        }
      >
        <form noValidate onSubmit={onSubmit} className="app-template-editor">
          <div className="app-readable">
            <p className="govuk-body">
              Changes are kept in this draft until you publish it as version {version}. Audits already started keep the
              version they began with. Rewording a question keeps its reference, so re-audits still compare its answers
              with earlier rounds.
            </p>
            <DeferredInput
              id={TEMPLATE_TITLE_ID}
              label="Title"
              labelSize="s"
              error={fieldErrors.get(TEMPLATE_TITLE_ID)}
              value={template.title}
              onCommit={(title) => changeTemplate((t) => ({ ...t, title }))}
            />
            <DeferredTextarea
              id={TEMPLATE_DESCRIPTION_ID}
              label="Description (optional)"
              labelSize="s"
              hint="What the audit looks at and how the sample is chosen. Shown when an audit is started."
              rows={4}
              error={fieldErrors.get(TEMPLATE_DESCRIPTION_ID)}
              value={template.description}
              onCommit={(description) => changeTemplate((t) => ({ ...t, description }))}
            />
            <SelectInput<AuditTheme>
              id={TEMPLATE_THEME_ID}
              label="Theme"
              labelSize="s"
              error={fieldErrors.get(TEMPLATE_THEME_ID)}
              value={template.theme}
              options={THEME_CHOICES}
              onChange={(theme) => changeTemplate((t) => ({ ...t, theme }))}
            />
            <p className="govuk-body-s app-secondary-text">
              Reference <code className="app-template-ref">{template.id}</code> ·{' '}
              {plural(template.sections.length, 'section')} · {plural(questionCount, 'question')}
            </p>
          </div>

          {template.sections.map((s, si) => (
            <SectionEditor
              key={s.id}
              section={s}
              index={si}
              sectionCount={template.sections.length}
              firstPosition={firstPositions[si] ?? 0}
              open={open}
              sectionErrors={fieldErrors}
              questionErrors={questionErrors}
              candidates={candidates}
              dependants={dependants}
              actions={actions}
            />
          ))}

          <div
            className={
              fieldErrors.get(ADD_SECTION_ID) ? 'govuk-form-group govuk-form-group--error' : 'govuk-form-group'
            }
          >
            <ErrorMessage id={`${ADD_SECTION_ID}-error`} message={fieldErrors.get(ADD_SECTION_ID)} />
            <button
              type="button"
              className="govuk-button govuk-button--secondary"
              id={ADD_SECTION_ID}
              onClick={addNewSection}
            >
              Add a section
            </button>
          </div>

          <div className="app-template-bar">
            <p className="govuk-body-s app-template-bar__status" role="status">
              {statusText}
            </p>
            <div className="govuk-button-group app-template-bar__buttons">
              <button type="submit" className="govuk-button" disabled={busy}>
                Save draft
              </button>
              <button
                type="button"
                className="govuk-button govuk-button--secondary"
                disabled={busy}
                onClick={() => void onPreview()}
              >
                Preview
              </button>
              <button
                type="button"
                className="govuk-button govuk-button--secondary"
                disabled={busy}
                onClick={() => void onPublish()}
              >
                Publish as version {version}
              </button>
            </div>
          </div>
        </form>
        <div className="govuk-visually-hidden" role="status" aria-live="polite">
          {announcement}
        </div>
      </Page>
    </StoreContext.Provider>
  );
}
