// A template as an auditor meets it: each section with its questions, numbered as the checklist numbers
// them, with guidance, learning themes and the answer controls (shown, not usable). Notes say which
// agencies each question is asked of and when a question is asked only after a certain answer.
import { memo, useMemo, useState } from 'react';
import { appliesToAgency } from '../../../shared/checklistRules.js';
import type { Question, Template } from '../../../shared/template.js';
import {
  AGENCY_KINDS,
  AGENCY_KIND_LABELS,
  AUDIT_THEME_LABELS,
  LEARNING_THEME_LABELS,
  type AgencyKind,
} from '../../../shared/vocabulary.js';
import { plural } from '../../lib/format.js';
import { questionOptions } from '../../lib/questionOptions.js';
import { ControlledChoiceList } from '../form/index.js';
import { Guidance, guidanceIsHint } from '../Guidance.js';
import { conditionCandidates, describeCondition, type ConditionCandidate } from './editorModel.js';

const FILTER_ID = 'preview-agency';
const noop = () => {};

export function TemplateView({ template }: { template: Template }) {
  const [kind, setKind] = useState<AgencyKind | ''>('');
  const candidates = useMemo(() => conditionCandidates(template), [template]);
  const total = template.sections.reduce((n, s) => n + s.questions.length, 0);
  const shown = template.sections.map((s) => ({
    section: s,
    questions: s.questions.map((q, qi) => ({ q, qi })).filter(({ q }) => kind === '' || appliesToAgency(q, kind)),
  }));
  const shownCount = shown.reduce((n, s) => n + s.questions.length, 0);

  return (
    <>
      <dl className="govuk-summary-list app-readable">
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Theme</dt>
          <dd className="govuk-summary-list__value">{AUDIT_THEME_LABELS[template.theme]}</dd>
        </div>
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Answered</dt>
          <dd className="govuk-summary-list__value">
            {template.scope === 'agency'
              ? 'Once by each agency (a self-assessment)'
              : 'By each agency, for each sampled case'}
          </dd>
        </div>
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Questions</dt>
          <dd className="govuk-summary-list__value">
            {plural(total, 'question')} in {plural(template.sections.length, 'section')}
          </dd>
        </div>
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Reference</dt>
          <dd className="govuk-summary-list__value">
            <code className="app-template-ref">{template.id}</code>
          </dd>
        </div>
      </dl>
      {template.description.trim() ? (
        <p className="govuk-body app-readable app-preserve-lines">{template.description}</p>
      ) : null}

      <div className="govuk-form-group app-template-preview__filter">
        <label className="govuk-label govuk-label--s" htmlFor={FILTER_ID}>
          Show the questions asked of
        </label>
        <select
          id={FILTER_ID}
          className="govuk-select"
          value={kind}
          aria-describedby={`${FILTER_ID}-status`}
          onChange={(e) => setKind(e.currentTarget.value as AgencyKind | '')}
        >
          <option value="">Every agency</option>
          {AGENCY_KINDS.map((k) => (
            <option key={k} value={k}>
              {AGENCY_KIND_LABELS[k]}
            </option>
          ))}
        </select>
        <p className="govuk-body-s app-template-preview__count" id={`${FILTER_ID}-status`} role="status">
          {kind === '' ? `Showing all ${plural(total, 'question')}.` : `Showing ${shownCount} of ${total} questions.`}
        </p>
      </div>

      <div className="app-template-preview">
        {shown.map(({ section, questions }, si) => (
          <section className="app-template-preview__section" key={section.id} aria-labelledby={`preview-section-${si}`}>
            <h2 className="govuk-heading-m" id={`preview-section-${si}`}>
              <span className="app-template-section__number">Section {si + 1}</span>
              {section.title}
            </h2>
            {section.description.trim() ? (
              <p className="govuk-body app-section-description">{section.description}</p>
            ) : null}
            {questions.length === 0 ? (
              <p className="govuk-body app-secondary-text">No questions in this section are asked of this agency.</p>
            ) : (
              questions.map(({ q, qi }) => (
                <PreviewQuestion key={q.id} question={q} number={`${si + 1}.${qi + 1}`} candidates={candidates} />
              ))
            )}
          </section>
        ))}
      </div>
    </>
  );
}

/** One question laid out as the checklist lays it out, with its controls disabled. */
const PreviewQuestion = memo(function PreviewQuestion({
  question: q,
  number,
  candidates,
}: {
  question: Question;
  number: string;
  candidates: ReadonlyArray<ConditionCandidate>;
}) {
  const controlId = `preview-q-${q.id}`;
  const legendId = `${controlId}-legend`;
  const hintId = `${controlId}-hint`;
  const notesId = `${controlId}-notes`;
  const describedBy = [notesId, guidanceIsHint(q.guidance) ? hintId : ''].filter(Boolean).join(' ');
  const themes = q.themes.map((t) => LEARNING_THEME_LABELS[t]).join(', ');
  const asked = q.appliesTo.length === 0 ? 'every agency' : q.appliesTo.map((k) => AGENCY_KIND_LABELS[k]).join(', ');

  let control;
  switch (q.type) {
    case 'grade':
    case 'rag':
    case 'yes_partly_no':
    case 'single_choice':
    case 'multiple_choice':
      control = (
        <ControlledChoiceList
          kind={q.type === 'multiple_choice' ? 'checkboxes' : 'radios'}
          id={controlId}
          name={controlId}
          options={questionOptions(q)}
          selected={[]}
          inline={q.type === 'rag' || q.type === 'yes_partly_no'}
          onToggle={noop}
        />
      );
      break;
    case 'number':
      control = (
        <input id={controlId} className="govuk-input govuk-input--width-10" type="text" aria-labelledby={legendId} />
      );
      break;
    case 'date':
      // The GOV.UK date input, as the checklist asks for a date: day, month and year.
      control = (
        <div className="govuk-date-input" id={controlId} role="group" aria-labelledby={legendId}>
          {(['Day', 'Month', 'Year'] as const).map((part) => (
            <div className="govuk-date-input__item" key={part}>
              <div className="govuk-form-group">
                <label className="govuk-label govuk-date-input__label" htmlFor={`${controlId}-${part.toLowerCase()}`}>
                  {part}
                </label>
                <input
                  id={`${controlId}-${part.toLowerCase()}`}
                  className={`govuk-input govuk-date-input__input govuk-input--width-${part === 'Year' ? 4 : 2}`}
                  type="text"
                  inputMode="numeric"
                />
              </div>
            </div>
          ))}
        </div>
      );
      break;
    case 'text':
      control = <textarea id={controlId} className="govuk-textarea" rows={3} aria-labelledby={legendId} />;
      break;
  }

  return (
    <div className="app-question app-template-preview__question">
      <fieldset className="govuk-fieldset" disabled aria-describedby={describedBy}>
        <legend className="govuk-fieldset__legend" id={legendId}>
          <span className="app-question__number">{number}</span> {q.text}
          {q.required ? null : <span className="app-question__optional"> (optional)</span>}
        </legend>
        <ul className="app-template-preview__notes" id={notesId}>
          <li>Asked of {asked}</li>
          {q.showWhen ? <li>Asked only when {describeCondition(q.showWhen, candidates)}</li> : null}
        </ul>
        {themes ? <p className="app-question__themes">Learning themes: {themes}</p> : null}
        <Guidance id={hintId} text={q.guidance} />
        {q.type === 'multiple_choice' ? <div className="govuk-hint">Select all that apply.</div> : null}
        <div className="app-question__answer">{control}</div>
        <div className="app-question__evidence">
          <label className="govuk-label" htmlFor={`${controlId}-evidence`}>
            Evidence note<span className="govuk-visually-hidden"> for question {number}</span>
          </label>
          <textarea id={`${controlId}-evidence`} className="govuk-textarea" rows={2} />
        </div>
      </fieldset>
    </div>
  );
});
