import { memo, useState } from 'react';
import { QUESTION_TYPES, type Question, type QuestionOption, type QuestionType } from '../../../shared/template.js';
import {
  AGENCY_KINDS,
  AGENCY_KIND_LABELS,
  LEARNING_THEMES,
  LEARNING_THEME_LABELS,
} from '../../../shared/vocabulary.js';
import { ErrorMessage } from '../form/index.js';
import { CheckboxGroup, ConfirmPanel, DeferredInput, DeferredTextarea, SelectInput } from './EditorFields.js';
import {
  QUESTION_TYPE_LABELS,
  QUESTION_TYPE_SHORT,
  blankOption,
  checkboxId,
  describeCondition,
  isChoiceType,
  optionFieldId,
  questionFieldId,
  shorten,
  withType,
  type ConditionCandidate,
} from './editorModel.js';

/** What the editor's parts may do to the template (stable for the editor's lifetime). */
export interface EditorActions {
  changeQuestion: (questionId: string, change: (q: Question) => Question) => void;
  /** A change that moves controls around (options added or removed): typed text is committed first. */
  changeQuestionShape: (questionId: string, change: (q: Question) => Question) => void;
  toggleQuestion: (questionId: string, open?: boolean) => void;
  moveQuestion: (questionId: string, direction: -1 | 1) => void;
  removeQuestion: (questionId: string) => void;
  addQuestion: (sectionId: string) => void;
  changeSection: (
    sectionId: string,
    change: (s: { title: string; description: string }) => { title: string; description: string },
  ) => void;
  moveSection: (sectionId: string, direction: -1 | 1) => void;
  removeSection: (sectionId: string) => void;
  focus: (ids: string[]) => void;
}

export const NO_ERRORS: ReadonlyMap<string, string> = new Map();
export const NO_CANDIDATES: ReadonlyArray<ConditionCandidate> = [];

interface Props {
  question: Question;
  number: string;
  /** Place in the whole template: conditions may depend only on earlier questions. */
  position: number;
  canMoveUp: boolean;
  canMoveDown: boolean;
  open: boolean;
  /** Inline error messages by control id. */
  errors: ReadonlyMap<string, string>;
  /** Questions a condition can depend on (given when open or when the question has a condition). */
  candidates: ReadonlyArray<ConditionCandidate>;
  /** Numbers of questions whose condition depends on this one (for the removal warning). */
  dependants: readonly string[];
  actions: EditorActions;
}

const TYPE_CHOICES = QUESTION_TYPES.map((value) => ({ value, label: QUESTION_TYPE_LABELS[value] }));
const AGENCY_ITEMS = AGENCY_KINDS.map((value) => ({ value, label: AGENCY_KIND_LABELS[value] }));
const THEME_ITEMS = LEARNING_THEMES.map((value) => ({ value, label: LEARNING_THEME_LABELS[value] }));

function appliesSummary(q: Question): string {
  if (q.appliesTo.length === 0) return 'Every agency';
  return q.appliesTo.map((k) => AGENCY_KIND_LABELS[k]).join(', ');
}

/**
 * One question in the editor: a heading with what it asks and a summary line, buttons to edit, move
 * and remove it, and (when open) every field of the question. Memoised: only the question that
 * changed re-renders.
 */
export const QuestionEditor = memo(function QuestionEditor({
  question: q,
  number,
  position,
  canMoveUp,
  canMoveDown,
  open,
  errors,
  candidates,
  dependants,
  actions,
}: Props) {
  const [confirming, setConfirming] = useState(false);
  const id = (field: Parameters<typeof questionFieldId>[1]) => questionFieldId(q.id, field);
  const hidden = <span className="govuk-visually-hidden"> question {number}</span>;
  const hasErrors = errors.size > 0;
  const set = (change: (q: Question) => Question) => actions.changeQuestion(q.id, change);

  return (
    <div className={hasErrors ? 'app-template-question app-template-question--error' : 'app-template-question'}>
      <h3 className="govuk-heading-s app-template-question__title" id={id('heading')}>
        <span className="app-question__number">{number}</span>{' '}
        {q.text.trim() ? q.text : <span className="app-secondary-text">New question (no wording yet)</span>}
      </h3>
      <p className="govuk-body-s app-template-question__meta">
        {QUESTION_TYPE_SHORT[q.type]}
        {isChoiceType(q.type) && q.options ? ` (${q.options.length} options)` : ''} ·{' '}
        {q.required ? 'Required' : 'Optional'} · {appliesSummary(q)}
        {q.showWhen ? ` · Asked only when ${describeCondition(q.showWhen, candidates)}` : ''}
      </p>
      <ul className="app-template-question__actions">
        <li>
          <button
            type="button"
            className="app-link-button"
            id={id('edit')}
            aria-expanded={open}
            aria-controls={open ? id('panel') : undefined}
            onClick={() => actions.toggleQuestion(q.id)}
          >
            {open ? 'Close' : 'Edit'}
            {hidden}
          </button>
        </li>
        {canMoveUp ? (
          <li>
            <button
              type="button"
              className="app-link-button"
              id={id('up')}
              onClick={() => actions.moveQuestion(q.id, -1)}
            >
              Move up{hidden}
            </button>
          </li>
        ) : null}
        {canMoveDown ? (
          <li>
            <button
              type="button"
              className="app-link-button"
              id={id('down')}
              onClick={() => actions.moveQuestion(q.id, 1)}
            >
              Move down{hidden}
            </button>
          </li>
        ) : null}
        <li>
          <button
            type="button"
            className="app-link-button"
            id={id('remove')}
            aria-expanded={confirming}
            onClick={() => setConfirming(true)}
          >
            Remove{hidden}
          </button>
        </li>
      </ul>
      {confirming ? (
        <ConfirmPanel
          id={`${id('remove')}-confirm`}
          question={`Remove question ${number}?`}
          confirmText="Yes, remove it"
          onConfirm={() => actions.removeQuestion(q.id)}
          onCancel={() => {
            setConfirming(false);
            actions.focus([id('remove')]);
          }}
        >
          {dependants.length > 0 ? (
            <p className="govuk-body">
              {dependants.length === 1 ? `Question ${dependants[0]} is` : `Questions ${dependants.join(', ')} are`}{' '}
              asked only after an answer to this one: change{' '}
              {dependants.length === 1 ? 'its condition' : 'their conditions'} too.
            </p>
          ) : null}
        </ConfirmPanel>
      ) : null}

      {open ? (
        <div className="app-template-question__panel" id={id('panel')}>
          <DeferredTextarea
            id={id('text')}
            label={`Question ${number}`}
            labelSize="s"
            rows={2}
            error={errors.get(id('text'))}
            value={q.text}
            onCommit={(text) => set((cur) => ({ ...cur, text }))}
          />
          <SelectInput<QuestionType>
            id={id('type')}
            label="Type of answer"
            labelSize="s"
            error={errors.get(id('type'))}
            value={q.type}
            options={TYPE_CHOICES}
            onChange={(type) => actions.changeQuestionShape(q.id, (cur) => withType(cur, type))}
          />
          {isChoiceType(q.type) ? (
            <OptionsEditor question={q} errors={errors} actions={actions} number={number} />
          ) : null}
          <DeferredTextarea
            id={id('guidance')}
            label="Guidance for auditors (optional)"
            labelSize="s"
            hint="Shown under the question. Guidance of more than a short sentence folds away under ‘Guidance’."
            rows={3}
            error={errors.get(id('guidance'))}
            value={q.guidance}
            onCommit={(guidance) => set((cur) => ({ ...cur, guidance }))}
          />
          <div className="govuk-form-group">
            <div className="govuk-checkboxes">
              <div className="govuk-checkboxes__item">
                <input
                  className="govuk-checkboxes__input"
                  id={id('required')}
                  type="checkbox"
                  checked={q.required}
                  aria-describedby={`${id('required')}-hint`}
                  onChange={(e) => {
                    const required = e.currentTarget.checked;
                    set((cur) => ({ ...cur, required }));
                  }}
                />
                <label className="govuk-label govuk-checkboxes__label" htmlFor={id('required')}>
                  An answer is required
                </label>
                <div className="govuk-hint govuk-checkboxes__hint" id={`${id('required')}-hint`}>
                  A checklist cannot be marked complete until required questions are answered.
                </div>
              </div>
            </div>
          </div>
          <CheckboxGroup
            id={id('applies')}
            legend="Which agencies answer this question?"
            hint="Leave every box unticked to ask every agency."
            error={errors.get(id('applies'))}
            items={AGENCY_ITEMS}
            selected={q.appliesTo}
            columns
            onChange={(values) => set((cur) => ({ ...cur, appliesTo: values as Question['appliesTo'] }))}
          />
          <CheckboxGroup
            id={id('themes')}
            legend="Learning themes this question tests (optional)"
            hint="Findings and the dashboard group answers by these themes."
            error={errors.get(id('themes'))}
            items={THEME_ITEMS}
            selected={q.themes}
            columns
            onChange={(values) => set((cur) => ({ ...cur, themes: values as Question['themes'] }))}
          />
          <ConditionEditor question={q} position={position} candidates={candidates} errors={errors} actions={actions} />
          <button
            type="button"
            className="govuk-button govuk-button--secondary app-template-question__close"
            onClick={() => {
              actions.toggleQuestion(q.id, false);
              actions.focus([id('edit')]);
            }}
          >
            Close{hidden}
          </button>
        </div>
      ) : null}
    </div>
  );
});

const MEETS_CHOICES = [
  { value: 'yes', label: 'Meets the standard' },
  { value: 'no', label: 'Falls short of it' },
  { value: 'neutral', label: 'Neither (neutral)' },
] as const;
type Meets = (typeof MEETS_CHOICES)[number]['value'];

function meetsOf(o: QuestionOption): Meets {
  return o.meetsStandard === true ? 'yes' : o.meetsStandard === false ? 'no' : 'neutral';
}

function withMeets(o: QuestionOption, meets: Meets): QuestionOption {
  const { meetsStandard: _, ...rest } = o;
  return meets === 'neutral' ? rest : { ...rest, meetsStandard: meets === 'yes' };
}

function OptionsEditor({
  question: q,
  number,
  errors,
  actions,
}: {
  question: Question;
  number: string;
  errors: ReadonlyMap<string, string>;
  actions: EditorActions;
}) {
  const options = q.options ?? [];
  const headingId = `${questionFieldId(q.id, 'add-option')}-heading`;
  const groupError = errors.get(questionFieldId(q.id, 'add-option'));
  const setOption = (index: number, change: (o: QuestionOption) => QuestionOption) =>
    actions.changeQuestion(q.id, (cur) => ({
      ...cur,
      options: (cur.options ?? []).map((o, i) => (i === index ? change(o) : o)),
    }));

  return (
    <div
      className={groupError ? 'app-template-options govuk-form-group--error' : 'app-template-options'}
      role="group"
      aria-labelledby={headingId}
    >
      <h4 className="govuk-heading-s" id={headingId}>
        Answer options<span className="govuk-visually-hidden"> for question {number}</span>
      </h4>
      <p className="govuk-hint">
        Options that meet the standard count as strengths in the findings; those that do not count as areas for
        development. The stored value (lower-case letters, digits and dashes) is what exports and conditions use.
      </p>
      <ErrorMessage id={`${questionFieldId(q.id, 'add-option')}-error`} message={groupError} />
      {options.map((o, i) => (
        <fieldset className="govuk-fieldset app-template-option" key={i}>
          <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">Option {i + 1}</legend>
          <div className="app-template-option__fields">
            <DeferredInput
              id={optionFieldId(q.id, i, 'label')}
              label="Label"
              error={errors.get(optionFieldId(q.id, i, 'label'))}
              value={o.label}
              onCommit={(label) => setOption(i, (cur) => ({ ...cur, label }))}
            />
            <DeferredInput
              id={optionFieldId(q.id, i, 'value')}
              label="Stored value"
              width="width-10"
              error={errors.get(optionFieldId(q.id, i, 'value'))}
              value={o.value}
              onCommit={(value) => setOption(i, (cur) => ({ ...cur, value }))}
            />
            <SelectInput<Meets>
              id={optionFieldId(q.id, i, 'meets')}
              label="Counts as"
              error={errors.get(optionFieldId(q.id, i, 'meets'))}
              value={meetsOf(o)}
              options={MEETS_CHOICES}
              onChange={(meets) => setOption(i, (cur) => withMeets(cur, meets))}
            />
          </div>
          <button
            type="button"
            className="app-link-button"
            id={optionFieldId(q.id, i, 'remove')}
            onClick={() => {
              actions.changeQuestionShape(q.id, (cur) => ({
                ...cur,
                options: (cur.options ?? []).filter((_, j) => j !== i),
              }));
              actions.focus([
                optionFieldId(q.id, i, 'remove'),
                optionFieldId(q.id, i - 1, 'remove'),
                questionFieldId(q.id, 'add-option'),
              ]);
            }}
          >
            Remove option {i + 1}
            <span className="govuk-visually-hidden"> of question {number}</span>
          </button>
        </fieldset>
      ))}
      <button
        type="button"
        className="govuk-button govuk-button--secondary"
        id={questionFieldId(q.id, 'add-option')}
        onClick={() => {
          actions.changeQuestionShape(q.id, (cur) => ({
            ...cur,
            options: [...(cur.options ?? []), blankOption(cur.options ?? [])],
          }));
          actions.focus([optionFieldId(q.id, options.length, 'label')]);
        }}
      >
        Add an option<span className="govuk-visually-hidden"> to question {number}</span>
      </button>
    </div>
  );
}

function ConditionEditor({
  question: q,
  position,
  candidates,
  errors,
  actions,
}: {
  question: Question;
  position: number;
  candidates: ReadonlyArray<ConditionCandidate>;
  errors: ReadonlyMap<string, string>;
  actions: EditorActions;
}) {
  const earlier = candidates.filter((c) => c.position < position && c.id !== q.id);
  const current = q.showWhen?.questionId ?? '';
  const target = earlier.find((c) => c.id === current);
  const stale = current !== '' && !target;
  const selectId = questionFieldId(q.id, 'condition');
  const answersId = questionFieldId(q.id, 'condition-answers');
  const choices = [
    { value: '', label: 'Always' },
    ...earlier.map((c) => ({
      value: c.id,
      label: `Only after an answer to ${c.number}: ${shorten(c.text || '(no wording yet)', 70)}`,
    })),
    ...(stale ? [{ value: current, label: `Only after an answer to “${current}” (not an earlier question)` }] : []),
  ];
  const answerItems = target
    ? [
        ...target.answers,
        ...(q.showWhen?.anyOf ?? [])
          .filter((v) => !target.answers.some((a) => a.value === v))
          .map((v) => ({ value: v, label: `${v} (no longer an answer)` })),
      ]
    : [];

  return (
    <>
      <SelectInput<string>
        id={selectId}
        label="When is this question asked?"
        labelSize="s"
        hint={
          earlier.length === 0
            ? 'No earlier question has a fixed set of answers, so this question is always asked.'
            : 'It can depend on the answer to an earlier question with a fixed set of answers.'
        }
        error={errors.get(selectId)}
        value={current}
        options={choices}
        onChange={(questionId) =>
          actions.changeQuestion(q.id, (cur) => {
            const { showWhen: _, ...rest } = cur;
            return questionId === '' ? rest : { ...rest, showWhen: { questionId, anyOf: [] } };
          })
        }
      />
      {target && q.showWhen ? (
        <CheckboxGroup
          id={answersId}
          legend={`Ask it when the answer to ${target.number} is`}
          error={errors.get(answersId) ?? errors.get(checkboxId(answersId, 0))}
          items={answerItems}
          selected={q.showWhen.anyOf}
          onChange={(anyOf) =>
            actions.changeQuestion(q.id, (cur) =>
              cur.showWhen ? { ...cur, showWhen: { ...cur.showWhen, anyOf } } : cur,
            )
          }
        />
      ) : null}
    </>
  );
}
