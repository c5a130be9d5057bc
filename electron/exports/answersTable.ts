// An audit's answers as a table: one row per question each agency's checklist asks (those its
// agency kind and the earlier answers make visible), by case, agency and the template's order, with
// the answer in words, the evidence note and the agency's grade for the case.
import type { Answer } from '../../shared/answer.js';
import { answerMeaning } from '../../shared/answerMeaning.js';
import type { AuditCase } from '../../shared/auditCase.js';
import { visibleQuestions } from '../../shared/checklistRules.js';
import { templateNumbers } from '../../shared/questionNumbers.js';
import type { CaseGrade } from '../../shared/review.js';
import type { Template } from '../../shared/template.js';
import { GRADE_LABELS, LEARNING_THEME_LABELS, type AgencyKind } from '../../shared/vocabulary.js';
import { answerText, MEANING_LABELS } from './answerText.js';
import type { Table } from './table.js';

export interface AnswersSource {
  template: Template;
  cases: readonly Pick<AuditCase, 'id' | 'reference'>[];
  checklists: ReadonlyArray<{
    id: string;
    caseId: string;
    agencyId: string;
    agencyName: string;
    agencyKind: AgencyKind;
    completedAt: string | null;
  }>;
  answers: readonly Answer[];
  grades: readonly CaseGrade[];
}

export function answersTable(s: AnswersSource): Table {
  const numbers = templateNumbers(s.template);
  const sectionOf = new Map<string, { n: number; title: string }>();
  for (const sec of s.template.sections)
    for (const q of sec.questions) sectionOf.set(q.id, { n: numbers.sections.get(sec.id)!, title: sec.title });
  const byChecklist = new Map<string, Map<string, Answer>>();
  for (const a of s.answers) {
    let m = byChecklist.get(a.checklistId);
    if (!m) byChecklist.set(a.checklistId, (m = new Map()));
    m.set(a.questionId, a);
  }
  const grade = new Map(s.grades.map((g) => [`${g.caseId}\n${g.agencyId ?? ''}`, g]));
  const caseOrder = new Map(s.cases.map((c, i) => [c.id, i]));
  const reference = new Map(s.cases.map((c) => [c.id, c.reference]));
  const checklists = [...s.checklists].sort(
    (a, b) =>
      (caseOrder.get(a.caseId) ?? 0) - (caseOrder.get(b.caseId) ?? 0) ||
      a.agencyName.localeCompare(b.agencyName, 'en-GB'),
  );

  const rows: Table['rows'][number][] = [];
  for (const k of checklists) {
    const answers = byChecklist.get(k.id) ?? new Map<string, Answer>();
    const g = grade.get(`${k.caseId}\n${k.agencyId}`);
    for (const q of visibleQuestions(s.template, k.agencyKind, answers)) {
      const a = answers.get(q.id);
      const section = sectionOf.get(q.id)!;
      rows.push([
        reference.get(k.caseId) ?? '',
        k.agencyName,
        `${section.n}. ${section.title}`,
        numbers.questions.get(q.id)!,
        q.text,
        answerText(q, a?.value) || null,
        q.type === 'number' && typeof a?.value === 'number' ? a.value : null,
        q.type === 'date' && typeof a?.value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(a.value) ? a.value : null,
        a?.notApplicableReason || null,
        a?.evidence || null,
        MEANING_LABELS[answerMeaning(q, a)],
        q.themes.map((t) => LEARNING_THEME_LABELS[t]).join('; ') || null,
        g ? GRADE_LABELS[g.grade] : null,
        g?.rationale || null,
        k.completedAt ? 'Complete' : 'In progress',
      ]);
    }
  }
  return {
    sheet: 'Answers',
    personalData: 'answersTable',
    columns: [
      { header: 'Case', type: 'text' },
      { header: 'Agency', type: 'text' },
      { header: 'Section', type: 'text' },
      { header: 'Question number', type: 'text' },
      { header: 'Question', type: 'text' },
      { header: 'Answer', type: 'text' },
      { header: 'Answer (number)', type: 'number' },
      { header: 'Answer (date)', type: 'date' },
      { header: 'Why not applicable', type: 'text' },
      { header: 'Evidence note', type: 'text' },
      { header: 'Assessment', type: 'text' },
      { header: 'Learning themes', type: 'text' },
      { header: "Agency's grade for the case", type: 'text' },
      { header: 'Grade rationale', type: 'text' },
      { header: 'Checklist', type: 'text' },
    ],
    rows,
  };
}
