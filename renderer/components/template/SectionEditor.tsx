import { memo, useState } from 'react';
import type { Section } from '../../../shared/template.js';
import { ErrorMessage } from '../form/index.js';
import { ConfirmPanel, DeferredInput, DeferredTextarea } from './EditorFields.js';
import { sectionFieldId, type ConditionCandidate } from './editorModel.js';
import { NO_CANDIDATES, NO_ERRORS, QuestionEditor, type EditorActions } from './QuestionEditor.js';

interface Props {
  section: Section;
  index: number;
  sectionCount: number;
  /** Place of the section's first question in the whole template. */
  firstPosition: number;
  open: ReadonlySet<string>;
  /** Inline errors of the section's own fields, by control id. */
  sectionErrors: ReadonlyMap<string, string>;
  /** Inline errors of each question, by question id. */
  questionErrors: ReadonlyMap<string, ReadonlyMap<string, string>>;
  candidates: ReadonlyArray<ConditionCandidate>;
  dependants: ReadonlyMap<string, readonly string[]>;
  actions: EditorActions;
}

const NONE: readonly string[] = [];

/** One section: its title and description, its questions, and buttons to add, move and remove. */
export const SectionEditor = memo(function SectionEditor({
  section,
  index,
  sectionCount,
  firstPosition,
  open,
  sectionErrors,
  questionErrors,
  candidates,
  dependants,
  actions,
}: Props) {
  const [confirming, setConfirming] = useState(false);
  const n = index + 1;
  const id = (field: Parameters<typeof sectionFieldId>[1]) => sectionFieldId(section.id, field);
  const last = index === sectionCount - 1;
  const addError = sectionErrors.get(id('add-question'));
  const count = section.questions.length;

  return (
    <section className="app-template-section" aria-labelledby={id('heading')}>
      <h2 className="govuk-heading-m app-template-section__title" id={id('heading')}>
        <span className="app-template-section__number">Section {n}</span>
        {section.title.trim() ? section.title : 'Untitled section'}
      </h2>
      <div className="app-template-section__fields">
        <DeferredInput
          id={id('title')}
          label={`Title of section ${n}`}
          error={sectionErrors.get(id('title'))}
          value={section.title}
          onCommit={(title) => actions.changeSection(section.id, (s) => ({ ...s, title }))}
        />
        <DeferredTextarea
          id={id('description')}
          label={`Description of section ${n} (optional)`}
          rows={2}
          error={sectionErrors.get(id('description'))}
          value={section.description}
          onCommit={(description) => actions.changeSection(section.id, (s) => ({ ...s, description }))}
        />
        <ul className="app-template-question__actions">
          {index > 0 ? (
            <li>
              <button
                type="button"
                className="app-link-button"
                id={id('up')}
                onClick={() => actions.moveSection(section.id, -1)}
              >
                Move section<span className="govuk-visually-hidden"> {n}</span> up
              </button>
            </li>
          ) : null}
          {!last ? (
            <li>
              <button
                type="button"
                className="app-link-button"
                id={id('down')}
                onClick={() => actions.moveSection(section.id, 1)}
              >
                Move section<span className="govuk-visually-hidden"> {n}</span> down
              </button>
            </li>
          ) : null}
          {sectionCount > 1 ? (
            <li>
              <button
                type="button"
                className="app-link-button"
                id={id('remove')}
                aria-expanded={confirming}
                onClick={() => setConfirming(true)}
              >
                Remove section<span className="govuk-visually-hidden"> {n}</span>
              </button>
            </li>
          ) : null}
        </ul>
        {confirming ? (
          <ConfirmPanel
            id={`${id('remove')}-confirm`}
            question={`Remove section ${n} and its ${count === 1 ? 'question' : `${count} questions`}?`}
            confirmText="Yes, remove the section"
            onConfirm={() => actions.removeSection(section.id)}
            onCancel={() => {
              setConfirming(false);
              actions.focus([id('remove')]);
            }}
          />
        ) : null}
      </div>

      <div className="app-template-section__questions">
        {section.questions.map((q, qi) => {
          const position = firstPosition + qi;
          const isOpen = open.has(q.id);
          return (
            <QuestionEditor
              key={q.id}
              question={q}
              number={`${n}.${qi + 1}`}
              position={position}
              canMoveUp={position > 0}
              canMoveDown={!(last && qi === count - 1)}
              open={isOpen}
              errors={questionErrors.get(q.id) ?? NO_ERRORS}
              candidates={isOpen || q.showWhen ? candidates : NO_CANDIDATES}
              dependants={dependants.get(q.id) ?? NONE}
              actions={actions}
            />
          );
        })}
      </div>
      <div className={addError ? 'govuk-form-group govuk-form-group--error' : 'govuk-form-group'}>
        <ErrorMessage id={`${id('add-question')}-error`} message={addError} />
        <button
          type="button"
          className="govuk-button govuk-button--secondary"
          id={id('add-question')}
          aria-describedby={addError ? `${id('add-question')}-error` : undefined}
          onClick={() => actions.addQuestion(section.id)}
        >
          Add a question<span className="govuk-visually-hidden"> to section {n}</span>
        </button>
      </div>
    </section>
  );
});
