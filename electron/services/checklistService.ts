import { answerProblem, checklistProgress } from '../../shared/checklistRules.js';
import type { Handlers } from '../../shared/contract.js';
import { AppError, fieldError } from '../../shared/errors.js';
import { allQuestions } from '../../shared/template.js';
import type { ServiceContext } from './context.js';
import { answerMap, summariseChecklist } from './checklistSummary.js';
import { gradeFollowsAnswer } from './oneGrade.js';
import { getTemplate } from './templateService.js';

export function checklistService(
  ctx: ServiceContext,
): Pick<Handlers, 'checklists.get' | 'checklists.complete' | 'checklists.reopen' | 'answers.save'> {
  const { repos } = ctx;

  function load(checklistId: string) {
    const row = repos.checklists.get(checklistId);
    if (!row) throw new AppError('NOT_FOUND', 'No such checklist.');
    const audit = repos.audits.get(row.auditId)!;
    const template = getTemplate(ctx, audit.templateId, audit.templateVersion);
    return { row, audit, template };
  }

  function summary(checklistId: string) {
    const { row, template } = load(checklistId);
    return summariseChecklist(row, template, answerMap(repos.checklists.answers(checklistId)));
  }

  function assertEditable(status: string) {
    if (status !== 'in_progress') throw new AppError('SIGNED', 'This audit is signed; its answers cannot change.');
  }

  return {
    'checklists.get': ({ checklistId }) => {
      const { row, audit, template } = load(checklistId);
      const answers = repos.checklists.answers(checklistId);
      return {
        checklist: summariseChecklist(row, template, answerMap(answers)),
        audit,
        auditCase: repos.audits.getCase(row.caseId)!,
        template,
        answers,
      };
    },

    'answers.save': (input) =>
      ctx.tx(() => {
        const { row, audit, template } = load(input.checklistId);
        assertEditable(audit.status);
        const question = allQuestions(template).find((q) => q.id === input.questionId);
        if (!question)
          throw fieldError('VALIDATION', ['questionId'], `"${input.questionId}" is not a question of this template`);
        if (question.appliesTo.length > 0 && !question.appliesTo.includes(row.agencyKind)) {
          throw fieldError('VALIDATION', ['questionId'], `"${input.questionId}" does not apply to ${row.agencyName}`);
        }
        const problem = answerProblem(question, input.value);
        if (problem) throw fieldError('VALIDATION', ['value'], problem);
        const now = ctx.now();
        const answer = {
          checklistId: row.id,
          questionId: question.id,
          value: input.value,
          notApplicableReason: input.value === 'na' ? input.notApplicableReason : '',
          evidence: input.evidence,
          updatedAt: now,
        };
        // The checklist's answers are read once, without their evidence notes: what changes is known,
        // so the progress and the summary are worked out from them rather than read back (autosave
        // runs on every answer). Only the answer being replaced is read whole, for the change log.
        const answers = repos.checklists.answerValues(row.id);
        const before = repos.checklists.answer(row.id, question.id) ?? null;
        repos.checklists.saveAnswer(answer);
        // The reply and the log are of the answer as stored, read back in the same transaction, so what
        // is acknowledged is what the database holds.
        const stored = repos.checklists.answer(row.id, question.id)!;
        ctx.log('answer', `${row.id}/${question.id}`, before ? 'update' : 'create', before, stored);
        gradeFollowsAnswer(ctx, template, row, stored);
        repos.checklists.touch(row.id, now);
        repos.audits.touch(audit.id, now);
        const after = new Map(answers).set(question.id, stored);
        // A change can hide or reveal required questions: a completed checklist that is no longer
        // complete goes back to in progress rather than claiming completeness it lacks.
        const progress = checklistProgress(template, row.agencyKind, after);
        let completedAt = row.completedAt;
        if (row.completedAt && progress.missing.length > 0) {
          repos.checklists.setCompleted(row.id, null, now);
          ctx.log('checklist', row.id, 'reopen', { completedAt: row.completedAt }, { completedAt: null });
          completedAt = null;
        }
        return {
          answer: stored,
          checklist: summariseChecklist({ ...row, completedAt, updatedAt: now }, template, after),
        };
      }),

    'checklists.complete': ({ checklistId }) =>
      ctx.tx(() => {
        const { row, audit, template } = load(checklistId);
        assertEditable(audit.status);
        const progress = checklistProgress(template, row.agencyKind, answerMap(repos.checklists.answers(checklistId)));
        if (progress.missing.length > 0) {
          const list = progress.missing
            .slice(0, 5)
            .map((q) => `"${q.text}"`)
            .join('; ');
          throw new AppError(
            'VALIDATION',
            `${progress.missing.length} required question${progress.missing.length === 1 ? ' is' : 's are'} not answered: ${list}${progress.missing.length > 5 ? '; …' : ''}`,
          );
        }
        const now = ctx.now();
        repos.checklists.setCompleted(checklistId, now, now);
        repos.audits.touch(audit.id, now);
        ctx.log('checklist', checklistId, 'complete', { completedAt: row.completedAt }, { completedAt: now });
        return summary(checklistId);
      }),

    'checklists.reopen': ({ checklistId }) =>
      ctx.tx(() => {
        const { row, audit } = load(checklistId);
        assertEditable(audit.status);
        const now = ctx.now();
        repos.checklists.setCompleted(checklistId, null, now);
        ctx.log('checklist', checklistId, 'reopen', { completedAt: row.completedAt }, { completedAt: null });
        return summary(checklistId);
      }),
  };
}
