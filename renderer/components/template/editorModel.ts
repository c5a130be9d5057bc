// The template editor's pure parts: how new parts are made, the ids of the editor's controls,
// and how a validation problem (at "sections[1].questions[0].options") becomes an error message
// that names the question and links to the control it is about.
import {
  answerValuesFor,
  type Question,
  type QuestionOption,
  type QuestionType,
  type Template,
} from '../../../shared/template.js';
import { formatPath } from '../../../shared/validationPath.js';
import { sentence } from '../../lib/format.js';
import { questionOptions } from '../../lib/questionOptions.js';

export const QUESTION_TYPE_LABELS: Record<QuestionType, string> = {
  yes_partly_no: 'Yes, partly, no or not applicable',
  grade: 'Grade (outstanding to inadequate)',
  rag: 'RAG rating (red, amber or green)',
  single_choice: 'One choice from a list',
  multiple_choice: 'Any number of choices from a list',
  number: 'Number',
  date: 'Date',
  text: 'Written answer',
};

/** Short names for the summary line under each question. */
export const QUESTION_TYPE_SHORT: Record<QuestionType, string> = {
  yes_partly_no: 'Yes / partly / no',
  grade: 'Grade',
  rag: 'RAG rating',
  single_choice: 'One choice',
  multiple_choice: 'Several choices',
  number: 'Number',
  date: 'Date',
  text: 'Written answer',
};

export function isChoiceType(type: QuestionType): boolean {
  return type === 'single_choice' || type === 'multiple_choice';
}

// ---------- Ids of the editor's controls (what error summary links point at) ----------

export const TEMPLATE_TITLE_ID = 'template-title';
export const TEMPLATE_DESCRIPTION_ID = 'template-description';
export const TEMPLATE_THEME_ID = 'template-theme';
export const ADD_SECTION_ID = 'template-add-section';

export const sectionFieldId = (
  sectionId: string,
  field: 'heading' | 'title' | 'description' | 'add-question' | 'up' | 'down' | 'remove',
) => `section-${sectionId}-${field}`;

export type QuestionField =
  | 'heading'
  | 'edit'
  | 'panel'
  | 'up'
  | 'down'
  | 'remove'
  | 'text'
  | 'type'
  | 'guidance'
  | 'required'
  | 'applies'
  | 'themes'
  | 'condition'
  | 'condition-answers'
  | 'add-option';

export const questionFieldId = (questionId: string, field: QuestionField) => `question-${questionId}-${field}`;

export const optionFieldId = (questionId: string, index: number, field: 'label' | 'value' | 'meets' | 'remove') =>
  `question-${questionId}-option-${index}-${field}`;

/** The id of the n-th checkbox of a group whose first checkbox has `groupId`. */
const checkboxId = (groupId: string, index: number) => (index === 0 ? groupId : `${groupId}-${index}`);

// ---------- Making new parts ----------

export function takenIds(t: Template): { sections: Set<string>; questions: Set<string> } {
  return {
    sections: new Set(t.sections.map((s) => s.id)),
    questions: new Set(t.sections.flatMap((s) => s.questions.map((q) => q.id))),
  };
}

/** `base-1`, `base-2`, … the first not in `taken`. */
export function freeId(base: string, taken: ReadonlySet<string>): string {
  for (let n = 1; ; n++) {
    const id = `${base}-${n}`;
    if (!taken.has(id)) return id;
  }
}

export function blankQuestion(id: string): Question {
  return { id, text: '', type: 'yes_partly_no', guidance: '', required: true, appliesTo: [], themes: [] };
}

export function blankOption(taken: ReadonlyArray<QuestionOption>): QuestionOption {
  return { value: freeId('option', new Set(taken.map((o) => o.value))), label: '' };
}

/** A question given a new type: choice types get two blank options; others lose options and limits. */
export function withType(q: Question, type: QuestionType): Question {
  if (q.type === type) return q;
  const { options, min, max, ...rest } = q;
  const next: Question = { ...rest, type };
  if (isChoiceType(type)) {
    const kept = options && options.length > 0 ? options : [];
    const filled = [...kept];
    while (filled.length < 2) filled.push(blankOption(filled));
    next.options = filled;
  }
  if (type === 'number') {
    if (min !== undefined) next.min = min;
    if (max !== undefined) next.max = max;
  }
  return next;
}

// ---------- Reading the template ----------

export function locate(t: Template, questionId: string): { si: number; qi: number } | null {
  for (let si = 0; si < t.sections.length; si++) {
    const qi = t.sections[si]!.questions.findIndex((q) => q.id === questionId);
    if (qi !== -1) return { si, qi };
  }
  return null;
}

/** Questions later in the template whose condition depends on `questionId`, by number. */
export function dependants(t: Template, questionId: string): string[] {
  const out: string[] = [];
  t.sections.forEach((s, si) =>
    s.questions.forEach((q, qi) => {
      if (q.showWhen?.questionId === questionId) out.push(`${si + 1}.${qi + 1}`);
    }),
  );
  return out;
}

// ---------- Conditions ----------

export interface Answer {
  value: string;
  label: string;
}

/** An earlier question a condition can depend on: one with a fixed set of answers. */
export interface ConditionCandidate {
  id: string;
  number: string;
  text: string;
  /** The question's place in the whole template: only earlier questions can be chosen. */
  position: number;
  answers: Answer[];
}

export function conditionCandidates(t: Template): ConditionCandidate[] {
  const out: ConditionCandidate[] = [];
  let position = 0;
  t.sections.forEach((s, si) =>
    s.questions.forEach((q, qi) => {
      if (answerValuesFor(q) !== null) {
        out.push({
          id: q.id,
          number: `${si + 1}.${qi + 1}`,
          text: q.text,
          position,
          answers: questionOptions(q).map((o) => ({ value: o.value, label: o.label || o.value })),
        });
      }
      position++;
    }),
  );
  return out;
}

/** "1.2 is Yes or Partly" */
export function describeCondition(
  showWhen: NonNullable<Question['showWhen']>,
  candidates: ReadonlyArray<ConditionCandidate>,
): string {
  const target = candidates.find((c) => c.id === showWhen.questionId);
  if (!target) return `question “${showWhen.questionId}” has certain answers`;
  const labels = showWhen.anyOf.map((v) => target.answers.find((a) => a.value === v)?.label ?? v);
  const list = labels.length <= 1 ? (labels[0] ?? 'answered') : `${labels.slice(0, -1).join(', ')} or ${labels.at(-1)}`;
  return `${target.number} is ${list}`;
}

export function shorten(text: string, max = 90): string {
  const t = text.trim().replace(/\s+/g, ' ');
  return t.length <= max ? t : `${t.slice(0, max - 1).trimEnd()}…`;
}

// ---------- Validation problems as error messages ----------

export interface EditorError {
  /** The control the error summary links to, when there is one. */
  targetId: string | undefined;
  /** The question to open so the control is on screen. */
  questionId: string | undefined;
  /** What the inline message sits under: a control id (see the *FieldId helpers). */
  fieldId: string | undefined;
  /** The inline message, without the question's number. */
  message: string;
  /** Where the control is ("Question 1.3"), empty for the template's own fields. */
  where: string;
  /** The error summary's text: the message with where it is ("Question 1.3: …"). */
  text: string;
}

const EMPTY = /^too small: expected string to have >=1 characters?$/i;
const TOO_LONG = /^too big: expected string to have <=(\d+) characters?$/i;

function plainMessage(message: string, what: string, emptyText: string): string {
  if (EMPTY.test(message.trim())) return emptyText;
  const long = TOO_LONG.exec(message.trim());
  if (long) return `${what} must be ${long[1]} characters or fewer`;
  return sentence(message);
}

/**
 * Turns one problem (a path into the template and zod's or the service's message) into an editor
 * error. Paths may start with "template." (the service's input); indexes are read against `t`.
 */
export function editorError(t: Template, rawPath: ReadonlyArray<PropertyKey>, message: string): EditorError {
  const path = rawPath[0] === 'template' ? rawPath.slice(1) : rawPath;
  const [p0, p1, p2, p3, p4, p5, p6] = path;
  const plain = (what: string, empty: string) => plainMessage(message, what, empty);
  const make = (
    where: string,
    fieldId: string | undefined,
    text: string,
    questionId?: string,
    targetId: string | undefined = fieldId,
  ): EditorError => ({ targetId, fieldId, questionId, where, message: text, text: summaryText(where, text) });

  if (p0 === 'title') return make('', TEMPLATE_TITLE_ID, plain('The title', 'Enter a title for the template'));
  if (p0 === 'description') return make('', TEMPLATE_DESCRIPTION_ID, plain('The description', 'Enter a description'));
  if (p0 === 'theme') return make('', TEMPLATE_THEME_ID, plain('The theme', 'Choose a theme'));
  if (p0 === 'sections' && typeof p1 === 'number') {
    const section = t.sections[p1];
    if (!section) return make('', ADD_SECTION_ID, sentence(message));
    const where = `Section ${p1 + 1}`;
    if (p2 === 'title' || p2 === 'id') {
      return make(
        where,
        sectionFieldId(section.id, 'title'),
        plain('The section title', 'Enter a title for the section'),
      );
    }
    if (p2 === 'description')
      return make(where, sectionFieldId(section.id, 'description'), plain('The description', 'Enter a description'));
    if (p2 === 'questions' && typeof p3 === 'number') {
      const q = section.questions[p3];
      if (!q) return make(where, sectionFieldId(section.id, 'add-question'), sentence(message));
      const qWhere = `Question ${p1 + 1}.${p3 + 1}`;
      const at = (field: QuestionField) => questionFieldId(q.id, field);
      switch (p4) {
        case 'text':
        case 'id':
          return make(qWhere, at('text'), plain('The question', 'Enter the question'), q.id);
        case 'type':
          return make(qWhere, at('type'), plain('The type', 'Choose the type of answer'), q.id);
        case 'guidance':
          return make(qWhere, at('guidance'), plain('The guidance', 'Enter the guidance'), q.id);
        case 'appliesTo':
          return make(qWhere, at('applies'), plain('The agencies', 'Choose the agencies'), q.id);
        case 'themes':
          return make(qWhere, at('themes'), plain('The themes', 'Choose the themes'), q.id);
        case 'options': {
          if (typeof p5 === 'number') {
            const n = p5 + 1;
            const field = p6 === 'value' ? 'value' : p6 === 'meetsStandard' ? 'meets' : 'label';
            let text: string;
            if (field === 'value')
              text = EMPTY.test(message.trim())
                ? `Enter a value for option ${n}`
                : `Option ${n} value: ${lower(sentence(message))}`;
            else if (field === 'meets') text = `Option ${n}: ${lower(sentence(message))}`;
            else text = plain(`The label of option ${n}`, `Enter a label for option ${n}`);
            return make(qWhere, optionFieldId(q.id, p5, field), text, q.id);
          }
          return make(qWhere, at('add-option'), sentence(message), q.id);
        }
        case 'showWhen':
          if (p5 === 'anyOf' && typeof p6 !== 'number') {
            return make(
              qWhere,
              at('condition-answers'),
              'Choose at least one answer that shows this question',
              q.id,
              checkboxId(at('condition-answers'), 0),
            );
          }
          return make(qWhere, at('condition'), sentence(message), q.id);
        default:
          return make(qWhere, at('text'), sentence(message), q.id);
      }
    }
    if (p2 === 'questions') {
      const text = /too small/i.test(message) ? 'Add at least one question, or remove the section' : sentence(message);
      return make(where, sectionFieldId(section.id, 'add-question'), text);
    }
    return make(where, sectionFieldId(section.id, 'title'), sentence(message));
  }
  if (p0 === 'sections') {
    const text = /too small/i.test(message) ? 'Add at least one section' : sentence(message);
    return make('', ADD_SECTION_ID, text);
  }
  return make('', undefined, sentence(path.length > 0 ? `${formatPath(path)}: ${message}` : message));
}

/** The error summary's text of a message shown at a control `where` is. */
export function summaryText(where: string, message: string): string {
  return where ? `${where}: ${lower(message)}` : message;
}

// "Enter …" and "A choice …" go lower case after "Question 1.2: "; "MASH …" stays as it is.
function lower(text: string): string {
  return /^[A-Z](?:[a-z]|\s)/.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text;
}
