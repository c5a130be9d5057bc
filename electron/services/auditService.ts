import type { Answer } from '../../shared/answer.js';
import type { Handlers } from '../../shared/contract.js';
import { AppError } from '../../shared/errors.js';
import { checkCaseAgencies, checkCaseReference } from './caseChecks.js';
import type { ServiceContext } from './context.js';
import { answerMap, summariseChecklist } from './checklistSummary.js';
import { getTemplate } from './templateService.js';
import { inBoardOrder } from '../../shared/gradeQuestion.js';

export function auditService(
  ctx: ServiceContext,
): Pick<Handlers, 'audits.list' | 'audits.create' | 'audits.get' | 'cases.add'> {
  const { repos } = ctx;

  function auditOrThrow(id: string) {
    const audit = repos.audits.get(id);
    if (!audit) throw new AppError('NOT_FOUND', 'No such audit.');
    return audit;
  }

  return {
    'audits.list': ({ archived }) =>
      repos.audits
        .list()
        .filter((a) => (archived === 'include' ? true : (a.archivedAt !== null) === (archived === 'only'))),

    'audits.create': (input) =>
      ctx.tx(() => {
        const version = input.templateVersion ?? repos.templates.latestVersion(input.templateId);
        if (version === null) throw new AppError('NOT_FOUND', `No template "${input.templateId}".`);
        // Pinning: the audit keeps this exact version whatever is published later.
        const template = getTemplate(ctx, input.templateId, version);
        const id = ctx.newId();
        repos.audits.insert({
          id,
          title: input.title.trim(),
          theme: template.theme,
          templateId: template.id,
          templateVersion: version,
          now: ctx.now(),
        });
        const created = repos.audits.get(id)!;
        ctx.log('audit', id, 'create', null, {
          title: created.title,
          templateId: created.templateId,
          templateVersion: created.templateVersion,
        });
        return created;
      }),

    'audits.get': ({ auditId }) => {
      const audit = auditOrThrow(auditId);
      const template = getTemplate(ctx, audit.templateId, audit.templateVersion);
      const byChecklist = new Map<string, Answer[]>();
      for (const a of repos.checklists.answersForAudit(auditId)) {
        const list = byChecklist.get(a.checklistId) ?? [];
        list.push(a);
        byChecklist.set(a.checklistId, list);
      }
      const agencies = repos.board.agencies();
      return {
        audit,
        cases: repos.audits.cases(auditId),
        agencies,
        checklists: repos.checklists
          .forAudit(auditId)
          .map((row) => summariseChecklist(row, template, answerMap(byChecklist.get(row.id) ?? []))),
        grades: inBoardOrder(repos.review.grades(auditId), agencies),
        discussions: repos.review.discussions(auditId),
      };
    },

    'cases.add': (input) =>
      ctx.tx(() => {
        const audit = auditOrThrow(input.auditId);
        if (audit.status !== 'in_progress')
          throw new AppError('SIGNED', 'This audit is signed; cases cannot be added.');
        const { reference, flags } = checkCaseReference(ctx, audit.id, input.reference, input.confirmReference);
        const agencyIds = checkCaseAgencies(ctx, input.agencyIds);
        const now = ctx.now();
        const id = ctx.newId();
        repos.audits.insertCase(id, audit.id, { ...input, reference }, flags, now);
        for (const agencyId of agencyIds) repos.checklists.insert(ctx.newId(), id, agencyId, now);
        repos.audits.touch(audit.id, now);
        const created = repos.audits.getCase(id)!;
        ctx.log('case', id, 'create', null, created);
        return created;
      }),
  };
}
