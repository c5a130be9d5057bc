// An agency's grade for a case is one value: the grades page and the checklist's grade question (when
// its template has one for the agency's kind) show and change the same grade.
import { allQuestions, type Question, type Template } from './template.js';
import { GRADES, type AgencyKind, type Grade } from './vocabulary.js';

/** The first grade question of the template that the agency is asked, if any. */
export function gradeQuestionFor(template: Template, kind: AgencyKind): Question | undefined {
  return allQuestions(template).find(
    (q) => q.type === 'grade' && (q.appliesTo.length === 0 || q.appliesTo.includes(kind)),
  );
}

export const isGrade = (value: unknown): value is Grade => GRADES.includes(value as Grade);

/**
 * Grades case by case (in the order given), each case's overall grade first and then its agencies'
 * in the board's order: the order the grades page and the checklists list them in.
 */
export function inBoardOrder<G extends { caseId: string; agencyId: string | null }>(
  grades: readonly G[],
  agencies: readonly { id: string }[],
): G[] {
  const caseAt = new Map<string, number>();
  for (const g of grades) if (!caseAt.has(g.caseId)) caseAt.set(g.caseId, caseAt.size);
  const agencyAt = new Map(agencies.map((a, i) => [a.id, i]));
  const at = (g: G) => (g.agencyId === null ? -1 : (agencyAt.get(g.agencyId) ?? agencies.length));
  return [...grades].sort((a, b) => caseAt.get(a.caseId)! - caseAt.get(b.caseId)! || at(a) - at(b));
}
