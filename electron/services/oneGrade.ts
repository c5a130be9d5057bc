// Keeps an agency's grade for a case one value: the case_grade row the grades page, the reports and
// the dashboard read, and the answer to the checklist's grade question, written together in the same
// transaction whichever of the two was saved (each change logged as itself). Agencies whose template
// has no grade question keep the grade in case_grade alone, as the overall grade always does.
import type { Answer } from '../../shared/answer.js';
import { checklistProgress } from '../../shared/checklistRules.js';
import { gradeQuestionFor, isGrade } from '../../shared/gradeQuestion.js';
import type { Template } from '../../shared/template.js';
import type { ChecklistRow } from '../../db/repos/checklistRepo.js';
import type { ServiceContext } from './context.js';

/** After the checklist's grade question was answered: the grades page's grade follows it. */
export function gradeFollowsAnswer(ctx: ServiceContext, template: Template, row: ChecklistRow, answer: Answer): void {
  if (gradeQuestionFor(template, row.agencyKind)?.id !== answer.questionId) return;
  const { repos } = ctx;
  const auditId = repos.audits.getCase(row.caseId)!.auditId;
  const before = repos.review.grades(auditId).find((g) => g.caseId === row.caseId && g.agencyId === row.agencyId);
  const entityId = `${row.caseId}/${row.agencyId}`;
  if (!isGrade(answer.value)) {
    if (!before) return;
    repos.review.removeGrade(row.caseId, row.agencyId);
    ctx.log('grade', entityId, 'delete', before, null);
    return;
  }
  const grade = {
    caseId: row.caseId,
    agencyId: row.agencyId,
    grade: answer.value,
    rationale: answer.evidence.trim(),
    updatedAt: answer.updatedAt,
  };
  if (before && before.grade === grade.grade && before.rationale === grade.rationale) return;
  repos.review.setGrade(grade);
  ctx.log('grade', entityId, before ? 'update' : 'create', before ?? null, grade);
}

/** After the grades page set an agency's grade: the checklist's grade question is answered with it. */
export function answerFollowsGrade(
  ctx: ServiceContext,
  template: Template,
  grade: { caseId: string; agencyId: string; grade: string; rationale: string; updatedAt: string },
): void {
  const { repos } = ctx;
  const kase = repos.audits.getCase(grade.caseId)!;
  const row = repos.checklists
    .forAudit(kase.auditId)
    .find((k) => k.caseId === grade.caseId && k.agencyId === grade.agencyId);
  if (!row) return;
  const question = gradeQuestionFor(template, row.agencyKind);
  if (!question) return;
  const before = repos.checklists.answer(row.id, question.id) ?? null;
  if (before && before.value === grade.grade && before.evidence === grade.rationale) return;
  repos.checklists.saveAnswer({
    checklistId: row.id,
    questionId: question.id,
    value: grade.grade,
    notApplicableReason: '',
    evidence: grade.rationale,
    updatedAt: grade.updatedAt,
  });
  const stored = repos.checklists.answer(row.id, question.id)!;
  ctx.log('answer', `${row.id}/${question.id}`, before ? 'update' : 'create', before, stored);
  repos.checklists.touch(row.id, grade.updatedAt);
  // As with any answer: a completed checklist the change leaves incomplete goes back to in progress.
  const progress = checklistProgress(template, row.agencyKind, repos.checklists.answerValues(row.id));
  if (row.completedAt && progress.missing.length > 0) {
    repos.checklists.setCompleted(row.id, null, grade.updatedAt);
    ctx.log('checklist', row.id, 'reopen', { completedAt: row.completedAt }, { completedAt: null });
  }
}
