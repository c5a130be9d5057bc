import { createContext, memo, useContext, useEffect, useReducer, useRef, useState, type ChangeEvent } from 'react';
import { get, useFieldArray, useFormContext, useFormState, useWatch, type FieldPath } from 'react-hook-form';
import { QUESTION_TYPES, type Question, type QuestionType, type Template } from '../../../shared/template.js';
import {
  AGENCY_KINDS,
  AGENCY_KIND_LABELS,
  LEARNING_THEMES,
  LEARNING_THEME_LABELS,
} from '../../../shared/vocabulary.js';
import { sentence } from '../../lib/format.js';
import { CheckboxField, CheckboxesField, ErrorMessage, TextareaField, TextField } from '../form/index.js';
import { ConfirmPanel, SelectInput } from './EditorFields.js';
import {
  QUESTION_TYPE_LABELS,
  QUESTION_TYPE_SHORT,
  blankOption,
  dependants,
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
  toggleQuestion: (questionId: string, open?: boolean) => void;
  moveQuestion: (si: number, qi: number, direction: -1 | 1) => void;
  removeQuestion: (si: number, qi: number) => void;
  addQuestion: (si: number) => void;
  moveSection: (si: number, direction: -1 | 1) => void;
  removeSection: (si: number) => void;
  /** Tells the editor a list changed (the status line, the numbers, the conditions). */
  changed: () => void;
  focus: (ids: string[]) => void;
}

/** What is read from the whole template, kept up to date by the editor a moment after each change. */
export interface Facts {
  /** Questions a condition can depend on. */
  candidates: ReadonlyArray<ConditionCandidate>;
}

export const TemplateFacts = createContext<Facts>({ candidates: [] });

interface Props {
  si: number;
  qi: number;
  questionId: string;
  number: string;
  /** Place in the whole template: conditions may depend only on earlier questions. */
  position: number;
  canMoveUp: boolean;
  canMoveDown: boolean;
  open: boolean;
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
 * and remove it, and (when open) every field of the question, each bound to the form by its path.
 * Memoised: typing re-renders only the summary of the question typed in.
 */
export const QuestionEditor = memo(function QuestionEditor({
  si,
  qi,
  questionId,
  number,
  position,
  canMoveUp,
  canMoveDown,
  open,
  actions,
}: Props) {
  const [confirming, setConfirming] = useState(false);
  const [wordingShown, showWording] = useReducer((n: number) => n + 1, 0);
  const wordingTimer = useRef<number | undefined>(undefined);
  useEffect(() => () => window.clearTimeout(wordingTimer.current), []);
  const { control } = useFormContext<Template>();
  const at = `sections.${si}.questions.${qi}` as const;
  const { errors } = useFormState({ control, name: at });
  const id = (field: Parameters<typeof questionFieldId>[1]) => questionFieldId(questionId, field);
  const hidden = <span className="govuk-visually-hidden"> question {number}</span>;
  const hasErrors = get(errors, at) !== undefined;
  const wordingTyped = (e: ChangeEvent<HTMLDivElement>) => {
    if ((e.target as HTMLElement).id !== id('text')) return;
    window.clearTimeout(wordingTimer.current);
    wordingTimer.current = window.setTimeout(showWording, HEADING_DELAY_MS);
  };

  return (
    <div className={hasErrors ? 'app-template-question app-template-question--error' : 'app-template-question'}>
      <QuestionSummary at={at} headingId={id('heading')} number={number} wordingShown={wordingShown} />
      <ul className="app-template-question__actions">
        <li>
          <button
            type="button"
            className="app-link-button"
            id={id('edit')}
            aria-expanded={open}
            aria-controls={open ? id('panel') : undefined}
            onClick={() => actions.toggleQuestion(questionId)}
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
              onClick={() => actions.moveQuestion(si, qi, -1)}
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
              onClick={() => actions.moveQuestion(si, qi, 1)}
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
          onConfirm={() => actions.removeQuestion(si, qi)}
          onCancel={() => {
            setConfirming(false);
            actions.focus([id('remove')]);
          }}
        >
          <DependantsWarning questionId={questionId} />
        </ConfirmPanel>
      ) : null}

      {open ? (
        <div className="app-template-question__panel" id={id('panel')} onChange={wordingTyped}>
          <TextareaField name={`${at}.text`} id={id('text')} label={`Question ${number}`} labelSize="s" rows={2} />
          <TypeSelect at={at} id={id('type')} />
          <OptionsEditor at={at} questionId={questionId} number={number} actions={actions} />
          <TextareaField
            name={`${at}.guidance`}
            id={id('guidance')}
            label="Guidance for auditors (optional)"
            labelSize="s"
            hint="Shown under the question. Guidance of more than a short sentence folds away under ‘Guidance’."
            rows={3}
          />
          <CheckboxField
            name={`${at}.required`}
            id={id('required')}
            label="An answer is required"
            hint="A checklist cannot be marked complete until required questions are answered."
          />
          <CheckboxesField
            name={`${at}.appliesTo`}
            id={id('applies')}
            legend="Which agencies answer this question?"
            legendSize="s"
            hint="Leave every box unticked to ask every agency."
            options={AGENCY_ITEMS}
            className="app-template-columns"
          />
          <CheckboxesField
            name={`${at}.themes`}
            id={id('themes')}
            legend="Learning themes this question tests (optional)"
            legendSize="s"
            hint="Findings and the dashboard group answers by these themes."
            options={THEME_ITEMS}
            className="app-template-columns"
          />
          <ConditionEditor at={at} questionId={questionId} position={position} />
          <button
            type="button"
            className="govuk-button govuk-button--secondary app-template-question__close"
            onClick={() => {
              actions.toggleQuestion(questionId, false);
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

type QuestionPath = `sections.${number}.questions.${number}`;

/** How long typing in a question's wording may pause before its heading shows the new words. */
const HEADING_DELAY_MS = 300;

/**
 * The heading (what the question asks) and the summary line. The summary follows the question's
 * other fields at once; a new wording shows after a pause in typing (`wordingShown` counts the
 * pauses): a heading that grows or wraps lays out the whole page again, too slow for every keystroke
 * in a long template, and nothing here watches the wording, so typing it copies no form values.
 */
function QuestionSummary({
  at,
  headingId,
  number,
  wordingShown,
}: {
  at: QuestionPath;
  headingId: string;
  number: string;
  wordingShown: number;
}) {
  const { getValues } = useFormContext<Template>();
  useWatch<Template>({
    name: [`${at}.type`, `${at}.options`, `${at}.required`, `${at}.appliesTo`, `${at}.showWhen`],
  });
  void wordingShown;
  const q = getValues(at);
  if (!q) return null;
  return (
    <>
      <h3 className="govuk-heading-s app-template-question__title" id={headingId}>
        <span className="app-question__number">{number}</span>{' '}
        {q.text.trim() ? q.text : <span className="app-secondary-text">New question (no wording yet)</span>}
      </h3>
      <p className="govuk-body-s app-template-question__meta">
        {QUESTION_TYPE_SHORT[q.type]}
        {isChoiceType(q.type) && q.options ? ` (${q.options.length} options)` : ''} ·{' '}
        {q.required ? 'Required' : 'Optional'} · {appliesSummary(q)}
        {q.showWhen ? <ConditionSummary showWhen={q.showWhen} /> : null}
      </p>
    </>
  );
}

function ConditionSummary({ showWhen }: { showWhen: NonNullable<Question['showWhen']> }) {
  const { candidates } = useContext(TemplateFacts);
  return <>{` · Asked only when ${describeCondition(showWhen, candidates)}`}</>;
}

/** Which later questions are asked only after an answer to this one (read when removal is asked). */
function DependantsWarning({ questionId }: { questionId: string }) {
  const { getValues } = useFormContext<Template>();
  const [list] = useState(() => dependants(getValues(), questionId));
  if (list.length === 0) return null;
  return (
    <p className="govuk-body">
      {list.length === 1 ? `Question ${list[0]} is` : `Questions ${list.join(', ')} are`} asked only after an answer to
      this one: change {list.length === 1 ? 'its condition' : 'their conditions'} too.
    </p>
  );
}

function useFieldError(name: FieldPath<Template>): string | undefined {
  const { control } = useFormContext<Template>();
  const { errors } = useFormState({ control, name });
  const error = get(errors, name) as { message?: string; root?: { message?: string } } | undefined;
  const message = error?.message ?? error?.root?.message;
  return message ? sentence(message) : undefined;
}

/** The type of answer; choosing another changes the options too (choice types get two blank ones). */
function TypeSelect({ at, id }: { at: QuestionPath; id: string }) {
  const { getValues, setValue } = useFormContext<Template>();
  const type = useWatch<Template, `${QuestionPath}.type`>({ name: `${at}.type` });
  const error = useFieldError(`${at}.type`);
  return (
    <SelectInput<QuestionType>
      id={id}
      label="Type of answer"
      labelSize="s"
      error={error}
      value={type}
      options={TYPE_CHOICES}
      onChange={(next) => setValue(at, withType(getValues(at), next))}
    />
  );
}

const MEETS_CHOICES = [
  { value: 'yes', label: 'Meets the standard' },
  { value: 'no', label: 'Falls short of it' },
  { value: 'neutral', label: 'Neither (neutral)' },
] as const;
type Meets = (typeof MEETS_CHOICES)[number]['value'];

function meetsOf(meetsStandard: boolean | undefined): Meets {
  return meetsStandard === true ? 'yes' : meetsStandard === false ? 'no' : 'neutral';
}

function OptionsEditor({
  at,
  questionId,
  number,
  actions,
}: {
  at: QuestionPath;
  questionId: string;
  number: string;
  actions: EditorActions;
}) {
  const type = useWatch<Template, `${QuestionPath}.type`>({ name: `${at}.type` });
  if (!isChoiceType(type)) return null;
  return <OptionsList at={at} questionId={questionId} number={number} actions={actions} />;
}

function OptionsList({
  at,
  questionId,
  number,
  actions,
}: {
  at: QuestionPath;
  questionId: string;
  number: string;
  actions: EditorActions;
}) {
  const { control, getValues } = useFormContext<Template>();
  const options = useFieldArray({ control, name: `${at}.options`, keyName: 'key' });
  const addId = questionFieldId(questionId, 'add-option');
  const headingId = `${addId}-heading`;
  const groupError = useFieldError(`${at}.options`);

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
      <ErrorMessage id={`${addId}-error`} message={groupError} />
      {options.fields.map((field, i) => (
        <fieldset className="govuk-fieldset app-template-option" key={field.key}>
          <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">Option {i + 1}</legend>
          <div className="app-template-option__fields">
            <TextField
              name={`${at}.options.${i}.label`}
              id={optionFieldId(questionId, i, 'label')}
              label="Label"
              autoComplete="off"
            />
            <TextField
              name={`${at}.options.${i}.value`}
              id={optionFieldId(questionId, i, 'value')}
              label="Stored value"
              width="10"
              autoComplete="off"
              spellCheck={false}
            />
            <MeetsSelect name={`${at}.options.${i}.meetsStandard`} id={optionFieldId(questionId, i, 'meets')} />
          </div>
          <button
            type="button"
            className="app-link-button"
            id={optionFieldId(questionId, i, 'remove')}
            onClick={() => {
              options.remove(i);
              actions.changed();
              actions.focus([
                optionFieldId(questionId, i, 'remove'),
                optionFieldId(questionId, i - 1, 'remove'),
                addId,
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
        id={addId}
        onClick={() => {
          options.append(blankOption(getValues(`${at}.options`) ?? []), { shouldFocus: false });
          actions.changed();
          actions.focus([optionFieldId(questionId, options.fields.length, 'label')]);
        }}
      >
        Add an option<span className="govuk-visually-hidden"> to question {number}</span>
      </button>
    </div>
  );
}

type MeetsPath = `${QuestionPath}.options.${number}.meetsStandard`;

function MeetsSelect({ name, id }: { name: MeetsPath; id: string }) {
  const { setValue } = useFormContext<Template>();
  const meets = useWatch<Template, MeetsPath>({ name });
  const error = useFieldError(name);
  return (
    <SelectInput<Meets>
      id={id}
      label="Counts as"
      error={error}
      value={meetsOf(meets)}
      options={MEETS_CHOICES}
      onChange={(next) => setValue(name, next === 'neutral' ? undefined : next === 'yes')}
    />
  );
}

function ConditionEditor({ at, questionId, position }: { at: QuestionPath; questionId: string; position: number }) {
  const { setValue } = useFormContext<Template>();
  const { candidates } = useContext(TemplateFacts);
  const showWhen = useWatch<Template, `${QuestionPath}.showWhen`>({ name: `${at}.showWhen` });
  const conditionError = useFieldError(`${at}.showWhen.questionId`);
  const answerError = useFirstAnswerError(`${at}.showWhen.anyOf`);
  const selectError = conditionError ?? answerError;
  const earlier = candidates.filter((c) => c.position < position && c.id !== questionId);
  const current = showWhen?.questionId ?? '';
  const target = earlier.find((c) => c.id === current);
  const stale = current !== '' && !target;
  const selectId = questionFieldId(questionId, 'condition');
  const answersId = questionFieldId(questionId, 'condition-answers');
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
        ...(showWhen?.anyOf ?? [])
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
        error={selectError}
        value={current}
        options={choices}
        onChange={(chosen) => setValue(`${at}.showWhen`, chosen === '' ? undefined : { questionId: chosen, anyOf: [] })}
      />
      {target && showWhen ? (
        <CheckboxesField
          name={`${at}.showWhen.anyOf`}
          id={answersId}
          legend={`Ask it when the answer to ${target.number} is`}
          legendSize="s"
          options={answerItems}
        />
      ) : null}
    </>
  );
}

/** The first problem with one of a condition's answers (it is shown at the condition's select). */
function useFirstAnswerError(name: FieldPath<Template>): string | undefined {
  const { control } = useFormContext<Template>();
  const { errors } = useFormState({ control, name });
  const list = get(errors, name) as unknown;
  if (!Array.isArray(list)) return undefined;
  const first = (list as Array<{ message?: string } | undefined>).find((e) => e?.message);
  return first?.message ? sentence(first.message) : undefined;
}
