import { memo, useCallback, useEffect, useRef, useState } from 'react';
import type { AnswerValue } from '../../shared/answer.js';
import type { Output } from '../../shared/contract.js';
import { answerProblem } from '../../shared/checklistRules.js';
import type { Question } from '../../shared/template.js';
import { LEARNING_THEME_LABELS } from '../../shared/vocabulary.js';
import { sameDraft, type AnswerDraft } from '../lib/answerDraft.js';
import { sentence } from '../lib/format.js';
import { notApplicableReasonId, questionControlId, questionOptions } from '../lib/questionOptions.js';
import { useAnswerSaver } from '../lib/useAnswerSaver.js';
import { ControlledChoiceList, ErrorMessage } from './form/index.js';
import { Guidance, guidanceIsHint } from './Guidance.js';
import { PersonalDataWarning } from './personalData/index.js';
import { SaveStatus } from './SaveStatus.js';

/** Text fields save this long after typing stops (and at once when the field loses focus). */
export const TEXT_SAVE_DELAY_MS = 600;

interface Props {
  checklistId: string;
  question: Question;
  number: string;
  /** The answer when the question appears; later changes are the field's own. */
  initial: AnswerDraft | undefined;
  disabled: boolean;
  /** Called as soon as an answer is given (before it is saved), so the checklist can update. */
  onCommit: (questionId: string, draft: AnswerDraft) => void;
  onSaved: (result: Output<'answers.save'>) => void;
}

interface Local {
  value: AnswerValue;
  /** What is typed in a number, date or text answer, as typed. */
  text: string;
  reason: string;
  evidence: string;
}

function initialLocal(q: Question, a: AnswerDraft | undefined): Local {
  const value = a?.value ?? null;
  const text = value === null || Array.isArray(value) ? '' : String(value);
  return { value, text, reason: a?.notApplicableReason ?? '', evidence: a?.evidence ?? '' };
}

/** The answer a question's local state stands for, or why it cannot be saved yet. */
function toDraft(q: Question, local: Local): { draft: AnswerDraft } | { problem: string } {
  let value: AnswerValue = local.value;
  if (q.type === 'number') {
    const t = local.text.trim();
    if (t === '') value = null;
    else {
      const n = Number(t.replace(/,/g, ''));
      if (!Number.isFinite(n)) return { problem: 'Enter a number' };
      value = n;
    }
  } else if (q.type === 'date' || q.type === 'text') {
    value = local.text === '' ? null : local.text;
  } else if (q.type === 'multiple_choice' && Array.isArray(value) && value.length === 0) {
    value = null;
  }
  const problem = answerProblem(q, value);
  if (problem) return { problem: sentence(problem) };
  return { draft: { value, notApplicableReason: value === 'na' ? local.reason : '', evidence: local.evidence } };
}

/**
 * One checklist question as a fieldset: the answer control for its type, a reason when "Not
 * applicable" is chosen, an evidence note, and a save status line. Choices save at once; typed text
 * saves after a pause and on blur. Typing changes only this component's state.
 */
export const QuestionField = memo(function QuestionField({
  checklistId,
  question: q,
  number,
  initial,
  disabled,
  onCommit,
  onSaved,
}: Props) {
  const [local, setLocal] = useState<Local>(() => initialLocal(q, initial));
  const [problem, setProblem] = useState<string | null>(null);
  const localRef = useRef(local);
  const committed = useRef<AnswerDraft | undefined>(initial);
  const timer = useRef<number | undefined>(undefined);
  const { state, save, retry } = useAnswerSaver(checklistId, q.id, onSaved);

  const flush = useCallback(() => {
    if (timer.current !== undefined) {
      window.clearTimeout(timer.current);
      timer.current = undefined;
    }
    const result = toDraft(q, localRef.current);
    if ('problem' in result) {
      setProblem(result.problem);
      return;
    }
    setProblem(null);
    if (sameDraft(committed.current, result.draft)) return;
    committed.current = result.draft;
    onCommit(q.id, result.draft);
    save(result.draft);
  }, [q, onCommit, save]);

  const flushRef = useRef(flush);
  useEffect(() => {
    flushRef.current = flush;
  }, [flush]);

  // Leaving the section (or the screen) saves whatever was typed but not yet saved.
  useEffect(
    () => () => {
      if (timer.current !== undefined) flushRef.current();
    },
    [],
  );

  const update = (patch: Partial<Local>, when: 'now' | 'later') => {
    const next = { ...localRef.current, ...patch };
    localRef.current = next;
    setLocal(next);
    if (when === 'now') flush();
    else {
      if (timer.current !== undefined) window.clearTimeout(timer.current);
      timer.current = window.setTimeout(flush, TEXT_SAVE_DELAY_MS);
    }
  };

  const controlId = questionControlId(q.id);
  const legendId = `${controlId}-legend`;
  const hintId = `${controlId}-hint`;
  const errorId = `${controlId}-error`;
  const statusId = `${controlId}-status`;
  const hasHint = guidanceIsHint(q.guidance);
  const describedBy =
    [hasHint ? hintId : '', q.type === 'multiple_choice' ? `${controlId}-select-all` : '', problem ? errorId : '']
      .filter(Boolean)
      .join(' ') || undefined;
  const options = questionOptions(q);
  const selected = Array.isArray(local.value) ? local.value : local.value === null ? [] : [String(local.value)];

  let control;
  switch (q.type) {
    case 'grade':
    case 'rag':
    case 'yes_partly_no':
    case 'single_choice':
    case 'multiple_choice': {
      const multiple = q.type === 'multiple_choice';
      const reasonId = notApplicableReasonId(q.id);
      const reason = (
        <div className="govuk-form-group">
          <label className="govuk-label" htmlFor={reasonId}>
            Why is this not applicable?
          </label>
          <div className="govuk-hint" id={`${reasonId}-hint`}>
            "Not applicable" counts as an answer only with its reason.
          </div>
          <textarea
            id={reasonId}
            className="govuk-textarea"
            rows={2}
            value={local.reason}
            aria-describedby={`${reasonId}-hint`}
            onChange={(e) => update({ reason: e.currentTarget.value }, 'later')}
            onBlur={flush}
          />
          <PersonalDataWarning text={local.reason} fieldId={reasonId} />
        </div>
      );
      control = (
        <ControlledChoiceList
          kind={multiple ? 'checkboxes' : 'radios'}
          id={controlId}
          name={controlId}
          options={
            q.type === 'yes_partly_no'
              ? options.map((o) => (o.value === 'na' ? { ...o, conditional: reason } : o))
              : options
          }
          selected={selected}
          inline={q.type === 'rag' || q.type === 'yes_partly_no'}
          onToggle={(value, checked) => {
            if (multiple) {
              const set = new Set(selected);
              if (checked) set.add(value);
              else set.delete(value);
              // Keep the template's order of options.
              update({ value: options.map((o) => o.value).filter((v) => set.has(v)) }, 'now');
            } else if (checked) update({ value }, 'now');
          }}
        />
      );
      break;
    }
    case 'number':
    case 'date':
      control = (
        <input
          id={controlId}
          className={`govuk-input${q.type === 'number' ? ' govuk-input--width-10' : ''}${problem ? ' govuk-input--error' : ''}`}
          {...(q.type === 'number'
            ? { type: 'text', inputMode: 'decimal', spellCheck: false, autoComplete: 'off' }
            : { type: 'date' })}
          aria-labelledby={legendId}
          aria-describedby={describedBy}
          aria-invalid={problem ? true : undefined}
          value={local.text}
          onChange={(e) => update({ text: e.currentTarget.value }, 'later')}
          onBlur={flush}
        />
      );
      break;
    case 'text':
      control = (
        <textarea
          id={controlId}
          className="govuk-textarea"
          rows={4}
          aria-labelledby={legendId}
          aria-describedby={describedBy}
          value={local.text}
          onChange={(e) => update({ text: e.currentTarget.value }, 'later')}
          onBlur={flush}
        />
      );
      break;
  }
  const textWarning = q.type === 'text' ? <PersonalDataWarning text={local.text} fieldId={controlId} /> : null;

  const themes = q.themes.map((t) => LEARNING_THEME_LABELS[t]).join(', ');
  const evidenceId = `${controlId}-evidence`;

  return (
    <div className={problem ? 'app-question govuk-form-group--error' : 'app-question'} id={`question-${q.id}`}>
      <fieldset className="govuk-fieldset" disabled={disabled} aria-describedby={describedBy}>
        <legend className="govuk-fieldset__legend" id={legendId}>
          <span className="app-question__number">{number}</span> {q.text}
          {q.required ? null : <span className="app-question__optional"> (optional)</span>}
        </legend>
        {themes ? <p className="app-question__themes">Learning themes: {themes}</p> : null}
        <Guidance id={hintId} text={q.guidance} />
        {q.type === 'multiple_choice' ? (
          <div className="govuk-hint" id={`${controlId}-select-all`}>
            Select all that apply.
          </div>
        ) : null}
        <ErrorMessage id={errorId} message={problem ?? undefined} />
        <div className="app-question__answer">
          {control}
          {textWarning}
        </div>
        <div className="app-question__evidence">
          <label className="govuk-label" htmlFor={evidenceId}>
            Evidence note<span className="govuk-visually-hidden"> for question {number}</span>
          </label>
          <textarea
            id={evidenceId}
            className="govuk-textarea"
            rows={2}
            value={local.evidence}
            onChange={(e) => update({ evidence: e.currentTarget.value }, 'later')}
            onBlur={flush}
          />
          <PersonalDataWarning text={local.evidence} fieldId={evidenceId} />
        </div>
        <SaveStatus id={statusId} state={state} onRetry={retry} />
      </fieldset>
    </div>
  );
});
