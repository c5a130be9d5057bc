import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { FormProvider, useFieldArray, useForm, useFormState } from 'react-hook-form';
import type { TemplateDraft } from '../../shared/templateDraft.js';
import { templateSchema, type Template } from '../../shared/template.js';
import { AUDIT_THEMES, AUDIT_THEME_LABELS } from '../../shared/vocabulary.js';
import { useApi, useApiMutation, useApiQuery } from '../api/hooks.js';
import { ErrorMessage, ErrorSummary, SelectField, TextareaField, TextField } from '../components/form/index.js';
import { LoadFailed } from '../components/LoadFailed.js';
import { Loading } from '../components/Loading.js';
import { Page } from '../components/Page.js';
import {
  applySaveError,
  editorResolver,
  summaryLines,
  type EditorForm,
  type SummaryLine,
} from '../components/template/editorForm.js';
import {
  ADD_SECTION_ID,
  TEMPLATE_DESCRIPTION_ID,
  TEMPLATE_THEME_ID,
  TEMPLATE_TITLE_ID,
  blankQuestion,
  conditionCandidates,
  freeId,
  locate,
  questionFieldId,
  sectionFieldId,
  takenIds,
} from '../components/template/editorModel.js';
import { TemplateFacts, type EditorActions, type Facts } from '../components/template/QuestionEditor.js';
import { SectionEditor, type QuestionArray } from '../components/template/SectionEditor.js';
import { plural, timeOfDay } from '../lib/format.js';
import { focusControl } from '../lib/focus.js';
import { navigate, paths } from '../router.js';

/** How many problems the error summary lists before "and N more". */
const ERRORS_LISTED = 25;
/** How long typing may pause before what is read from the whole template (numbers, conditions) follows it. */
const FACTS_DELAY_MS = 300;
const THEME_CHOICES = AUDIT_THEMES.map((value) => ({ value, label: AUDIT_THEME_LABELS[value] }));

export function TemplateEditor({ draftId }: { draftId: string }) {
  const draft = useApiQuery('templateDrafts.get', { draftId });
  if (draft.error) return <LoadFailed error={draft.error} onRetry={draft.retry} />;
  if (!draft.data) return <Loading what="Loading the draft" />;
  return <EditorView draft={draft.data} />;
}

type SaveState = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved'; at: string } | { kind: 'failed' };

/** The template's shape: how many questions each section has and the conditions' candidates. */
function factsOf(t: Template): Facts & { counts: number[] } {
  return { candidates: conditionCandidates(t), counts: t.sections.map((s) => s.questions.length) };
}

/**
 * The QA sub-committee edits a draft: the template's title, description and theme; its sections; and
 * each question. One react-hook-form form holds the template, checked by the shared template schema;
 * text fields are uncontrolled, so a keystroke re-renders no more than the summary of its question.
 * The draft is saved as a whole (and again on leaving, when it is valid); publishing makes it the
 * template's next version.
 */
function EditorView({ draft }: { draft: TemplateDraft }) {
  const api = useApi();
  const draftId = draft.id;
  const form: EditorForm = useForm<Template, unknown, Template>({
    defaultValues: draft.template,
    resolver: editorResolver,
    mode: 'onSubmit',
    reValidateMode: 'onSubmit',
    shouldFocusError: false,
  });
  const { control, getValues } = form;
  const sections = useFieldArray({ control, name: 'sections', keyName: 'key' });
  const { errors } = useFormState({ control });
  const [questionArrays] = useState(() => new Map<string, QuestionArray>());
  const save = useApiMutation('templateDrafts.save');
  const publish = useApiMutation('templateDrafts.publish');
  // Every change counts up; the count last saved says whether anything is unsaved.
  const revision = useRef(0);
  const savedRevision = useRef(0);
  const [unsaved, setUnsaved] = useState(false);
  const [saveState, setSaveState] = useState<SaveState>({ kind: 'idle' });
  const [savedTitle, setSavedTitle] = useState(draft.template.title);
  const [version, setVersion] = useState(draft.template.version);
  const [open, setOpen] = useState<ReadonlySet<string>>(() => new Set());
  const [attempt, setAttempt] = useState(0);
  const [announcement, setAnnouncement] = useState('');
  const [focusRequest, setFocusRequest] = useState<{ ids: string[]; n: number } | null>(null);
  const [facts, setFacts] = useState(() => factsOf(draft.template));
  const factsTimer = useRef<number | undefined>(undefined);

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

  const refreshFacts = useCallback(() => {
    window.clearTimeout(factsTimer.current);
    factsTimer.current = undefined;
    setFacts(factsOf(getValues()));
  }, [getValues]);
  useEffect(() => () => window.clearTimeout(factsTimer.current), []);

  /** A field changed: the status line says so at once, the whole template's facts follow after a pause. */
  const typed = useCallback(() => {
    revision.current += 1;
    setUnsaved(true);
    window.clearTimeout(factsTimer.current);
    factsTimer.current = window.setTimeout(refreshFacts, FACTS_DELAY_MS);
  }, [refreshFacts]);

  /** A list changed (added, moved, removed): everything follows at once. */
  const changed = useCallback(() => {
    revision.current += 1;
    setUnsaved(true);
    refreshFacts();
  }, [refreshFacts]);

  const { swap: swapSections, remove: removeSectionAt, append: appendSection } = sections;
  const actions = useMemo<EditorActions>(() => {
    const numberOf = (questionId: string) => {
      const at = locate(getValues(), questionId);
      return at ? `${at.si + 1}.${at.qi + 1}` : '';
    };
    const sectionIdAt = (si: number) => getValues(`sections.${si}.id`);
    return {
      toggleQuestion: (questionId, isOpen) =>
        setOpen((prev) => {
          const next = new Set(prev);
          if (isOpen ?? !prev.has(questionId)) next.add(questionId);
          else next.delete(questionId);
          return next;
        }),
      moveQuestion: (si, qi, direction) => {
        const from = questionArrays.get(sectionIdAt(si));
        const question = getValues(`sections.${si}.questions.${qi}`);
        if (!from || !question) return;
        const count = getValues(`sections.${si}.questions`).length;
        const target = qi + direction;
        if (target >= 0 && target < count) from.swap(qi, target);
        else {
          // At the top or bottom of its section a question moves into the section before or after.
          const to = si + direction >= 0 ? questionArrays.get(sectionIdAt(si + direction) ?? '') : undefined;
          if (!to) return;
          from.remove(qi);
          if (direction === -1) to.append(question, { shouldFocus: false });
          else to.prepend(question, { shouldFocus: false });
        }
        changed();
        setAnnouncement(`Question moved: it is now question ${numberOf(question.id)}.`);
        const same = questionFieldId(question.id, direction === -1 ? 'up' : 'down');
        const other = questionFieldId(question.id, direction === -1 ? 'down' : 'up');
        focus([same, other, questionFieldId(question.id, 'edit')]);
      },
      removeQuestion: (si, qi) => {
        const section = getValues(`sections.${si}`);
        const question = section.questions[qi];
        if (!question) return;
        const next = section.questions[qi + 1] ?? section.questions[qi - 1];
        questionArrays.get(section.id)?.remove(qi);
        changed();
        setOpen((prev) => {
          const s = new Set(prev);
          s.delete(question.id);
          return s;
        });
        setAnnouncement(`Question ${si + 1}.${qi + 1} removed.`);
        focus(
          [next ? questionFieldId(next.id, 'edit') : '', sectionFieldId(section.id, 'add-question')].filter(Boolean),
        );
      },
      addQuestion: (si) => {
        const to = questionArrays.get(sectionIdAt(si));
        if (!to) return;
        const added = freeId('question', takenIds(getValues()).questions);
        to.append(blankQuestion(added), { shouldFocus: false });
        changed();
        setOpen((prev) => new Set(prev).add(added));
        setAnnouncement(`Question ${numberOf(added)} added.`);
        focus([questionFieldId(added, 'text')]);
      },
      moveSection: (si, direction) => {
        const target = si + direction;
        const sectionId = sectionIdAt(si);
        if (target < 0 || target >= getValues('sections').length) return;
        swapSections(si, target);
        changed();
        setAnnouncement(`Section moved: it is now section ${target + 1}.`);
        focus([
          sectionFieldId(sectionId, direction === -1 ? 'up' : 'down'),
          sectionFieldId(sectionId, direction === -1 ? 'down' : 'up'),
          sectionFieldId(sectionId, 'title'),
        ]);
      },
      removeSection: (si) => {
        const list = getValues('sections');
        const next = list[si + 1] ?? list[si - 1];
        removeSectionAt(si);
        changed();
        setAnnouncement(`Section ${si + 1} removed.`);
        focus([next ? sectionFieldId(next.id, 'title') : ADD_SECTION_ID]);
      },
      changed,
      focus,
    };
  }, [getValues, questionArrays, swapSections, removeSectionAt, changed, focus]);

  const addNewSection = () => {
    const taken = takenIds(getValues());
    const sectionId = freeId('section', taken.sections);
    appendSection(
      { id: sectionId, title: '', description: '', questions: [blankQuestion(freeId('question', taken.questions))] },
      { shouldFocus: false },
    );
    changed();
    setAnnouncement('Section added.');
    focus([sectionFieldId(sectionId, 'title')]);
  };

  // Whatever is left unsaved when the editor closes is saved if it is a valid template.
  useEffect(
    () => () => {
      if (revision.current === savedRevision.current) return;
      const parsed = templateSchema.safeParse(getValues());
      if (parsed.success) api['templateDrafts.save']({ draftId, template: parsed.data }).catch(() => undefined);
    },
    [api, getValues, draftId],
  );

  /** Shows the problems found: the questions they are in open, and the summary takes focus. */
  const showProblems = (questionIds: string[]) => {
    if (questionIds.length > 0) setOpen((prev) => new Set([...prev, ...questionIds]));
    setAttempt((n) => n + 1);
  };

  /** Saves the template as it stands; false (with the problems shown) when it cannot be saved. */
  const saveNow = async (force = false): Promise<boolean> => {
    let saved = false;
    await form.handleSubmit(
      async (template) => {
        if (!force && revision.current === savedRevision.current && saveState.kind !== 'failed') {
          saved = true;
          return;
        }
        const at = revision.current;
        setSaveState({ kind: 'saving' });
        try {
          const result = await save.mutate({ draftId, template });
          savedRevision.current = at;
          if (revision.current === at) setUnsaved(false);
          setVersion(result.template.version);
          setSavedTitle(result.template.title);
          setSaveState({ kind: 'saved', at: result.updatedAt });
          saved = true;
        } catch (e) {
          setSaveState({ kind: 'failed' });
          showProblems(applySaveError(form, e));
        }
      },
      (found) => {
        setSaveState({ kind: 'failed' });
        const lines = summaryLines(getValues(), found);
        showProblems(lines.flatMap((l) => l.questionId ?? []));
      },
    )();
    return saved;
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
      showProblems(applySaveError(form, e));
    }
  };

  const lines: SummaryLine[] = summaryLines(getValues(), errors);
  const firstPositions = useMemo(() => {
    let n = 0;
    return facts.counts.map((count) => {
      const first = n;
      n += count;
      return first;
    });
  }, [facts]);
  const questionCount = facts.counts.reduce((a, b) => a + b, 0);
  const addSectionError = lines.length > 0 ? errorAt(errors, 'sections') : undefined;

  // An error summary link to a question that was closed since opens it first.
  const followError = (targetId: string): boolean => {
    if (document.getElementById(targetId)) return false;
    const line = lines.find((l) => l.targetId === targetId);
    if (!line?.questionId) return false;
    actions.toggleQuestion(line.questionId, true);
    focus([targetId]);
    return true;
  };

  let statusText: string;
  if (saveState.kind === 'saving') statusText = 'Saving…';
  else if (unsaved) statusText = 'You have changes that are not saved yet.';
  else if (saveState.kind === 'saved') statusText = `Saved at ${timeOfDay(saveState.at)}.`;
  else statusText = 'No changes yet.';
  const busy = save.pending || publish.pending;
  const listed = lines.slice(0, ERRORS_LISTED);

  return (
    <FormProvider {...form}>
      <TemplateFacts.Provider value={facts}>
        <Page
          title={`Edit template: ${savedTitle}`}
          caption={draft.basedOnVersion !== null ? `Draft of version ${version}` : 'Draft of a new template'}
          breadcrumbs={[
            { to: paths.auditsList(), text: 'Audits' },
            { to: paths.templates(), text: 'Audit templates' },
          ]}
          hasErrors={lines.length > 0}
          before={
            lines.length > 0 ? (
              <ErrorSummary
                errors={listed.map((l) => ({ targetId: l.targetId, text: l.text }))}
                focusKey={attempt}
                more={lines.length > listed.length ? `…and ${lines.length - listed.length} more` : undefined}
                onFollow={followError}
              />
            ) : null
          }
        >
          <form
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              void saveNow(true);
            }}
            onChange={typed}
            className="app-template-editor"
          >
            <div className="app-readable">
              <p className="govuk-body">
                Changes are kept in this draft until you publish it as version {version}. Audits already started keep
                the version they began with. Rewording a question keeps its reference, so re-audits still compare its
                answers with earlier rounds.
              </p>
              <TextField name="title" id={TEMPLATE_TITLE_ID} label="Title" labelSize="s" autoComplete="off" />
              <TextareaField
                name="description"
                id={TEMPLATE_DESCRIPTION_ID}
                label="Description (optional)"
                labelSize="s"
                hint="What the audit looks at and how the sample is chosen. Shown when an audit is started."
                rows={4}
              />
              <SelectField name="theme" id={TEMPLATE_THEME_ID} label="Theme" labelSize="s" options={THEME_CHOICES} />
              <p className="govuk-body-s app-secondary-text">
                Reference <code className="app-template-ref">{draft.template.id}</code> ·{' '}
                {plural(facts.counts.length, 'section')} · {plural(questionCount, 'question')}
              </p>
            </div>

            {sections.fields.map((s, si) => (
              <SectionEditor
                key={s.key}
                index={si}
                sectionId={s.id}
                sectionCount={sections.fields.length}
                firstPosition={firstPositions[si] ?? 0}
                open={open}
                actions={actions}
                questionArrays={questionArrays}
              />
            ))}

            <div className={addSectionError ? 'govuk-form-group govuk-form-group--error' : 'govuk-form-group'}>
              <ErrorMessage id={`${ADD_SECTION_ID}-error`} message={addSectionError} />
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
      </TemplateFacts.Provider>
    </FormProvider>
  );
}

/** The message of a list's own problem (at `name` or its "root"). */
function errorAt(errors: object, name: string): string | undefined {
  const e = (errors as Record<string, { message?: string; root?: { message?: string } } | undefined>)[name];
  return e?.message ?? e?.root?.message;
}
