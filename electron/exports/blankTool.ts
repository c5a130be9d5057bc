// A template version as a printable blank audit tool, for an agency that will not install anything:
// every section and question numbered as the app numbers them, with its guidance, who answers it,
// when it is asked, the choices to tick and ruled room for the answer and the evidence note. Made as a
// tagged PDF (accessiblePdf.ts) and as a Word document from one model, so both say the same.
import { HeadingLevel, type Paragraph, type Table as DocxTable } from 'docx';
import { templateNumbers } from '../../shared/questionNumbers.js';
import type { Question, Template } from '../../shared/template.js';
import {
  AGENCY_KIND_LABELS,
  AUDIT_THEME_LABELS,
  GRADE_LABELS,
  GRADES,
  LEARNING_THEME_LABELS,
  RAG_LABELS,
  RAG_RATINGS,
  YES_PARTLY_NO,
  YES_PARTLY_NO_LABELS,
} from '../../shared/vocabulary.js';
import { accessiblePdf, GREY } from '../report/accessiblePdf.js';
import { h, p, table, wordDocument } from '../report/wordParts.js';

/** One piece of the tool, in reading order; both documents draw the same list. */
export type ToolPart =
  | { kind: 'heading'; level: 1 | 2 | 3; text: string }
  | { kind: 'para'; text: string; quiet?: boolean }
  /** A grid to write in: a header row, then rows whose empty cells are left for the pen. */
  | { kind: 'grid'; header: string[]; rows: string[][]; widths: number[] };

/** A row with room for a line of handwriting. */
const LINE = ' \n ';

function choices(q: Question): string[] {
  switch (q.type) {
    case 'grade':
      return GRADES.map((g) => GRADE_LABELS[g]);
    case 'rag':
      return RAG_RATINGS.map((r) => RAG_LABELS[r]);
    case 'yes_partly_no':
      return YES_PARTLY_NO.map((v) => YES_PARTLY_NO_LABELS[v]);
    case 'single_choice':
    case 'multiple_choice':
      return (q.options ?? []).map((o) => o.label);
    default:
      return [];
  }
}

function answerArea(q: Question): ToolPart[] {
  const options = choices(q);
  if (options.length > 0) {
    const tick = q.type === 'multiple_choice' ? 'Tick all that apply' : 'Tick one';
    return [{ kind: 'grid', header: [tick, 'Answer'], rows: options.map((o) => ['', o]), widths: [0.22, 0.78] }];
  }
  if (q.type === 'number') {
    const range =
      q.min !== undefined && q.max !== undefined
        ? ` (from ${q.min} to ${q.max})`
        : q.min !== undefined
          ? ` (${q.min} or more)`
          : q.max !== undefined
            ? ` (${q.max} or less)`
            : '';
    return [{ kind: 'grid', header: [`Number${range}`], rows: [[LINE]], widths: [1] }];
  }
  if (q.type === 'date') return [{ kind: 'grid', header: ['Date (day, month, year)'], rows: [[LINE]], widths: [1] }];
  return [{ kind: 'grid', header: ['Answer'], rows: [[LINE], [LINE], [LINE]], widths: [1] }];
}

export function blankToolParts(t: Template): ToolPart[] {
  const numbers = templateNumbers(t);
  const byId = new Map(t.sections.flatMap((s) => s.questions).map((q) => [q.id, q]));
  const perCase = t.scope === 'case';
  const parts: ToolPart[] = [
    { kind: 'heading', level: 1, text: toolTitle(t) },
    { kind: 'para', text: `${AUDIT_THEME_LABELS[t.theme]} · template “${t.id}”, version ${t.version}`, quiet: true },
  ];
  if (t.description) parts.push({ kind: 'para', text: t.description });
  parts.push(
    { kind: 'heading', level: 2, text: 'How to complete this audit tool' },
    {
      kind: 'para',
      text: perCase
        ? 'Complete one copy for each case and agency. Write the case reference only: never a child’s or family member’s name, address or date of birth.'
        : 'Complete one copy for your agency.',
    },
    {
      kind: 'para',
      text:
        'Answer every question marked “Required” that applies to your agency, in the order given; some questions are ' +
        'asked only after a given answer to an earlier one, as each says. Where a question does not apply, answer ' +
        '“Not applicable” and say why. Put the evidence for each answer (what the records show, with dates) in its ' +
        'evidence note. The lead auditor enters the answers into Case Audit, where the numbering is the same.',
    },
    {
      kind: 'grid',
      header: ['Detail', 'Write here'],
      rows: [
        ...(perCase ? [['Case reference (no names)', LINE]] : []),
        ['Agency', LINE],
        ['Role of the person completing it (not a name)', LINE],
        ['Date completed', LINE],
      ],
      widths: [0.4, 0.6],
    },
  );
  for (const s of t.sections) {
    parts.push({
      kind: 'heading',
      level: 2,
      text: `Section ${numbers.sections.get(s.id)} of ${numbers.sectionCount}: ${s.title}`,
    });
    if (s.description) parts.push({ kind: 'para', text: s.description });
    for (const q of s.questions) {
      parts.push({ kind: 'heading', level: 3, text: `${numbers.questions.get(q.id)} ${q.text}` });
      const who = q.appliesTo.length === 0 ? 'every agency' : q.appliesTo.map((k) => AGENCY_KIND_LABELS[k]).join(', ');
      const meta = [q.required ? 'Required' : 'Optional', `Answered by: ${who}`];
      if (q.themes.length > 0)
        meta.push(`Learning themes: ${q.themes.map((x) => LEARNING_THEME_LABELS[x]).join(', ')}`);
      parts.push({ kind: 'para', text: meta.join(' · '), quiet: true });
      if (q.showWhen) {
        const earlier = byId.get(q.showWhen.questionId);
        const labels = earlier ? answerLabels(earlier, q.showWhen.anyOf) : q.showWhen.anyOf;
        parts.push({
          kind: 'para',
          text: `Answer only if question ${numbers.questions.get(q.showWhen.questionId) ?? q.showWhen.questionId} was answered ${labels.map((l) => `“${l}”`).join(' or ')}.`,
        });
      }
      if (q.guidance) parts.push({ kind: 'para', text: `Guidance: ${q.guidance}` });
      parts.push(...answerArea(q));
      parts.push({ kind: 'grid', header: ['Evidence note'], rows: [[LINE], [LINE]], widths: [1] });
      if (q.type !== 'yes_partly_no')
        parts.push({ kind: 'grid', header: ['If not applicable, why'], rows: [[LINE]], widths: [1] });
    }
  }
  return parts;
}

function answerLabels(q: Question, codes: readonly string[]): string[] {
  const all = choices(q);
  const values =
    q.type === 'grade'
      ? GRADES
      : q.type === 'rag'
        ? RAG_RATINGS
        : q.type === 'yes_partly_no'
          ? YES_PARTLY_NO
          : (q.options ?? []).map((o) => o.value);
  return codes.map((c) => all[(values as readonly string[]).indexOf(c)] ?? c);
}

export const toolTitle = (t: Pick<Template, 'title'>) => `${t.title}: blank audit tool`;

export async function renderBlankToolPdf(t: Template, boardName: string, createdAt: Date): Promise<Buffer> {
  const pdf = accessiblePdf({
    title: toolTitle(t),
    author: boardName,
    subject: 'Blank audit tool',
    createdAt,
    runningHeader: `${toolTitle(t)} · version ${t.version}`,
  });
  if (boardName) pdf.para(boardName, { size: 10, color: GREY });
  for (const part of blankToolParts(t)) {
    if (part.kind === 'heading') pdf.heading(part.text, part.level);
    else if (part.kind === 'para') pdf.para(part.text, part.quiet ? { size: 10, color: GREY } : {});
    else pdf.table(part.header, part.rows, part.widths);
  }
  return pdf.end();
}

const LEVELS = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 } as const;

export function renderBlankToolDocx(t: Template, boardName: string): Promise<Buffer> {
  const children: (Paragraph | DocxTable)[] = boardName ? [p(boardName)] : [];
  for (const part of blankToolParts(t)) {
    if (part.kind === 'heading') children.push(h(part.text, LEVELS[part.level]));
    else if (part.kind === 'para') children.push(p(part.text));
    else children.push(table(part.header, part.rows), p(''));
  }
  return wordDocument(toolTitle(t), 'Blank audit tool', children);
}
