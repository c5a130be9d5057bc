import type { AnswerMap } from '../../shared/checklistRules.js';
import { checklistProgress, deriveStatus } from '../../shared/checklistRules.js';
import type { ChecklistSummary } from '../../shared/audit.js';
import type { Answer } from '../../shared/answer.js';
import type { Template } from '../../shared/template.js';
import type { ChecklistRow } from '../../db/repos/checklistRepo.js';

export function answerMap(answers: readonly Answer[]): AnswerMap {
  return new Map(answers.map((a) => [a.questionId, a]));
}

export function summariseChecklist(row: ChecklistRow, template: Template, answers: AnswerMap): ChecklistSummary {
  const progress = checklistProgress(template, row.agencyKind, answers);
  return {
    id: row.id,
    caseId: row.caseId,
    caseReference: row.caseReference,
    agencyId: row.agencyId,
    agencyName: row.agencyName,
    agencyKind: row.agencyKind,
    status: deriveStatus(progress, row.completedAt !== null),
    answered: progress.answered,
    required: progress.required,
    updatedAt: row.updatedAt,
    completedAt: row.completedAt,
  };
}
