// Putting audits away: archiving takes one out of the working lists (it stays in history, search and
// reports, signed or not), and deleting removes an audit that was never signed, every row of it in one
// transaction. Each is in the change log.
import type { AuditSummary } from '../../shared/audit.js';
import type { ServiceHandlers } from '../../shared/contract.js';
import { AppError, fieldError } from '../../shared/errors.js';
import type { ServiceContext } from './context.js';

type Methods = 'audits.archive' | 'audits.unarchive' | 'audits.delete';

export function auditArchiveService(ctx: ServiceContext): Pick<ServiceHandlers, Methods> {
  const { repos } = ctx;

  function auditOrThrow(id: string): AuditSummary {
    const audit = repos.audits.get(id);
    if (!audit) throw new AppError('NOT_FOUND', 'No such audit.');
    return audit;
  }

  function setArchived(auditId: string, archive: boolean): AuditSummary {
    return ctx.tx(() => {
      const before = auditOrThrow(auditId);
      // Archiving twice (or unarchiving an audit in use) changes nothing and logs nothing.
      if ((before.archivedAt !== null) === archive) return before;
      const archivedAt = archive ? ctx.now() : null;
      repos.removals.setArchived(auditId, archivedAt);
      ctx.log('audit', auditId, archive ? 'archive' : 'unarchive', { archivedAt: before.archivedAt }, { archivedAt });
      return auditOrThrow(auditId);
    });
  }

  return {
    'audits.archive': ({ auditId }) => setArchived(auditId, true),
    'audits.unarchive': ({ auditId }) => setArchived(auditId, false),

    'audits.delete': ({ auditId, confirm }) =>
      ctx.tx(() => {
        const audit = auditOrThrow(auditId);
        const blocks = repos.removals.auditDeletionBlocks(audit);
        if (audit.revision > 0 || audit.origin === 'imported' || blocks.signedRevisions > 0)
          throw new AppError('SIGNED', 'This audit has been signed: a signed audit is kept. Archive it instead.');
        if (blocks.signedPanels > 0)
          throw new AppError('SIGNED', 'A signed challenge panel record belongs to this audit: archive it instead.');
        if (blocks.laterRounds > 0)
          throw new AppError('CONFLICT', 'A later round of this audit has been started: delete that round first.');
        if (blocks.verifiedElsewhere > 0 || blocks.citedByOtherPanels > 0)
          throw new AppError('CONFLICT', 'Records of other audits refer to this one: archive it instead.');
        const cases = repos.audits.cases(auditId);
        const answers = cases.reduce((n, c) => n + repos.removals.caseContents(c.id).answers, 0);
        if (!confirm) {
          throw fieldError(
            'CONFLICT',
            ['confirm'],
            `deleting "${audit.title}" removes its ${cases.length} case${cases.length === 1 ? '' : 's'} and ${answers} answer${answers === 1 ? '' : 's'}, and cannot be undone: confirm to delete it`,
          );
        }
        repos.removals.deleteAudit(auditId);
        ctx.log(
          'audit',
          auditId,
          'delete',
          {
            title: audit.title,
            templateId: audit.templateId,
            templateVersion: audit.templateVersion,
            cases: cases.map((c) => ({ id: c.id, reference: c.reference })),
            answers,
          },
          null,
        );
        return { deleted: true as const, auditId, title: audit.title, cases: cases.length, answers };
      }),
  };
}
