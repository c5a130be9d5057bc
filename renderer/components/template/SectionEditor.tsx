import { memo, useLayoutEffect, useState } from 'react';
import { get, useFieldArray, useFormContext, useFormState, useWatch, type UseFieldArrayReturn } from 'react-hook-form';
import type { Template } from '../../../shared/template.js';
import { sentence } from '../../lib/format.js';
import { ErrorMessage, TextareaField, TextField } from '../form/index.js';
import { ConfirmPanel } from './EditorFields.js';
import { sectionFieldId } from './editorModel.js';
import { QuestionEditor, type EditorActions } from './QuestionEditor.js';

export type QuestionArray = UseFieldArrayReturn<Template, `sections.${number}.questions`, 'key'>;

interface Props {
  index: number;
  sectionId: string;
  sectionCount: number;
  /** Place of the section's first question in the whole template. */
  firstPosition: number;
  open: ReadonlySet<string>;
  actions: EditorActions;
  /** Where the section's list of questions is kept for the editor (moving a question between sections). */
  questionArrays: Map<string, QuestionArray>;
}

/** One section: its title and description, its questions, and buttons to add, move and remove. */
export const SectionEditor = memo(function SectionEditor({
  index,
  sectionId,
  sectionCount,
  firstPosition,
  open,
  actions,
  questionArrays,
}: Props) {
  const [confirming, setConfirming] = useState(false);
  const { control } = useFormContext<Template>();
  const questions = useFieldArray({ control, name: `sections.${index}.questions`, keyName: 'key' });
  useLayoutEffect(() => {
    questionArrays.set(sectionId, questions);
  });
  useLayoutEffect(() => () => void questionArrays.delete(sectionId), [questionArrays, sectionId]);
  const { errors } = useFormState({ control, name: `sections.${index}.questions` });
  const listError = get(errors, `sections.${index}.questions`) as
    { message?: string; root?: { message?: string } } | undefined;
  const addMessage = listError?.message ?? listError?.root?.message;
  const addError = addMessage ? sentence(addMessage) : undefined;
  const n = index + 1;
  const id = (field: Parameters<typeof sectionFieldId>[1]) => sectionFieldId(sectionId, field);
  const last = index === sectionCount - 1;
  const count = questions.fields.length;

  return (
    <section className="app-template-section" aria-labelledby={id('heading')}>
      <SectionHeading index={index} headingId={id('heading')} />
      <div className="app-template-section__fields">
        <TextField
          name={`sections.${index}.title`}
          id={id('title')}
          label={`Title of section ${n}`}
          autoComplete="off"
        />
        <TextareaField
          name={`sections.${index}.description`}
          id={id('description')}
          label={`Description of section ${n} (optional)`}
          rows={2}
        />
        <ul className="app-template-question__actions">
          {index > 0 ? (
            <li>
              <button
                type="button"
                className="app-link-button"
                id={id('up')}
                onClick={() => actions.moveSection(index, -1)}
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
                onClick={() => actions.moveSection(index, 1)}
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
            onConfirm={() => actions.removeSection(index)}
            onCancel={() => {
              setConfirming(false);
              actions.focus([id('remove')]);
            }}
          />
        ) : null}
      </div>

      <div className="app-template-section__questions">
        {questions.fields.map((q, qi) => {
          const position = firstPosition + qi;
          return (
            <QuestionEditor
              key={q.key}
              si={index}
              qi={qi}
              questionId={q.id}
              number={`${n}.${qi + 1}`}
              position={position}
              canMoveUp={position > 0}
              canMoveDown={!(last && qi === count - 1)}
              open={open.has(q.id)}
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
          onClick={() => actions.addQuestion(index)}
        >
          Add a question<span className="govuk-visually-hidden"> to section {n}</span>
        </button>
      </div>
    </section>
  );
});

function SectionHeading({ index, headingId }: { index: number; headingId: string }) {
  const title = useWatch<Template, `sections.${number}.title`>({ name: `sections.${index}.title` });
  return (
    <h2 className="govuk-heading-m app-template-section__title" id={headingId}>
      <span className="app-template-section__number">Section {index + 1}</span>
      {title?.trim() ? title : 'Untitled section'}
    </h2>
  );
}
