// Correcting an audit's cases before it is signed: a case's details edited (checked exactly as when it
// was added) or the case removed with everything recorded about it. A signed audit refuses both
// (SIGNED); each change goes in the change log with the record before and after.
import type { AuditCase } from '../../shared/auditCase.js';
import type { ServiceHandlers } from '../../shared/contract.js';
import { AppError, fieldError } from '../../shared/errors.js';
import { checkCaseAgencies, checkCaseReference } from './caseChecks.js';
import type { ServiceContext } from './context.js';

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export function caseCorrectionService(ctx: ServiceContext): Pick<ServiceHandlers, 'cases.update' | 'cases.remove'> {
  const { repos } = ctx;

  /** The case and its audit, refused unless the audit is still being worked on here. */
  function editableCase(caseId: string): AuditCase {
    const found = repos.audits.getCase(caseId);
    if (!found) throw new AppError('NOT_FOUND', 'No such case.');
    const audit = repos.audits.get(found.auditId)!;
    if (audit.status !== 'in_progress' || audit.origin === 'imported')
      throw new AppError('SIGNED', 'This audit is signed; its cases change only in a new revision.');
    return found;
  }

  return {
    'cases.update': (input) =>
      ctx.tx(() => {
        const before = editableCase(input.caseId);
        const { reference, flags } = checkCaseReference(
          ctx,
          before.auditId,
          input.reference,
          input.confirmReference,
          before.id,
        );
        const agencyIds = checkCaseAgencies(ctx, input.agencyIds, new Set(before.agencyIds));
        const dropped = before.agencyIds.filter((id) => !agencyIds.includes(id));
        const added = agencyIds.filter((id) => !before.agencyIds.includes(id));
        const droppedAnswers = dropped.reduce((n, id) => n + repos.removals.answersOfChecklist(before.id, id), 0);
        if (droppedAnswers > 0 && !input.confirm) {
          const names = dropped.map((id) => repos.board.agency(id)?.name ?? id).join(', ');
          throw fieldError(
            'CONFLICT',
            ['confirm'],
            `taking ${names} off the case removes ${plural(droppedAnswers, 'answer')}: confirm to remove them`,
          );
        }
        const now = ctx.now();
        repos.removals.updateCase(before.id, { ...input, reference }, flags);
        for (const agencyId of dropped) repos.removals.removeCaseAgency(before.id, agencyId);
        for (const agencyId of added) repos.checklists.insert(ctx.newId(), before.id, agencyId, now);
        repos.audits.touch(before.auditId, now);
        const after = repos.audits.getCase(before.id)!;
        ctx.log('case', before.id, 'update', before, { ...after, removedAnswers: droppedAnswers });
        return after;
      }),

    'cases.remove': ({ caseId, confirm }) =>
      ctx.tx(() => {
        const before = editableCase(caseId);
        const contents = repos.removals.caseContents(caseId);
        if (contents.answers > 0 && !confirm) {
          throw fieldError(
            'CONFLICT',
            ['confirm'],
            `case "${before.reference}" has ${plural(contents.answers, 'answer')}: confirm to remove the case and its answers`,
          );
        }
        const now = ctx.now();
        // Findings keep the rest of their evidence; the change to each is logged.
        const citing = repos.removals.findingsCiting(before.auditId, caseId);
        for (const f of citing) {
          const caseIds = f.caseIds.filter((id) => id !== caseId);
          repos.removals.setFindingCases(f.id, caseIds, now);
          ctx.log('finding', f.id, 'update', { caseIds: f.caseIds }, { caseIds });
        }
        repos.removals.removeCase(caseId);
        repos.audits.touch(before.auditId, now);
        ctx.log('case', caseId, 'remove', { ...before, contents }, null);
        return {
          removed: true as const,
          caseId,
          auditId: before.auditId,
          reference: before.reference,
          contents,
          findingsUpdated: citing.length,
        };
      }),
  };
}
