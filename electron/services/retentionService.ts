// Retention: the periods the partnership sets, the review of what is past its period, legal holds,
// and the deletion a person confirms. A deleted audit leaves the database, its search index and free
// pages; its deletion is in the change log with ids and counts only (docs/retention.md).
import { rmSync } from 'node:fs';
import { listBackups } from '../../db/backup.js';
import type { AuditActivity } from '../../db/repos/retentionRepo.js';
import type { ServiceHandlers } from '../../shared/contract.js';
import { AppError, fieldError } from '../../shared/errors.js';
import { addMonths, subtractMonths, RETENTION_KINDS, type RetentionSettings } from '../../shared/retention.js';
import type { ServiceContext } from './context.js';

type Methods =
  | 'retention.settings'
  | 'retention.setSettings'
  | 'retention.review'
  | 'retention.delete'
  | 'legalHold.set'
  | 'legalHold.release';

type AuditKind = 'working' | 'signed' | 'received';
const kindOf = (a: AuditActivity): AuditKind =>
  a.origin === 'imported' ? 'received' : a.revision > 0 ? 'signed' : 'working';
const WHAT: Record<AuditKind, string> = {
  working: 'working data of an audit never signed',
  signed: 'a signed audit',
  received: 'an audit received in a bundle',
};

export function retentionService(ctx: ServiceContext): Pick<ServiceHandlers, Methods> {
  const { repos } = ctx;

  function assess(periods: RetentionSettings, asOf: string) {
    return repos.retention.activity().map((a) => {
      const kind = kindOf(a);
      const dueSince = addMonths(a.lastActivityAt, periods[kind]);
      return {
        auditId: a.id,
        title: a.title,
        kind,
        lastActivityAt: a.lastActivityAt,
        dueSince,
        due: dueSince <= asOf,
        why: `${WHAT[kind]}, last changed ${a.lastActivityAt.slice(0, 10)}: kept for ${periods[kind]} months, until ${dueSince.slice(0, 10)}`,
      };
    });
  }

  const oldBackups = (periods: RetentionSettings, asOf: string) => {
    const before = subtractMonths(asOf, periods.backups);
    return listBackups(ctx.databasePath).filter((b) => b.createdAt < before);
  };

  return {
    'retention.settings': () => repos.retention.periods(),
    'retention.setSettings': (input) =>
      ctx.tx(() => {
        const before = repos.retention.periods();
        const now = ctx.now();
        for (const kind of RETENTION_KINDS) {
          if (before[kind] !== input[kind]) repos.retention.setPeriod(kind, input[kind], now);
        }
        const after = repos.retention.periods();
        if (RETENTION_KINDS.some((k) => before[k] !== after[k]))
          ctx.log('setting', 'retention', 'update', before, after);
        return after;
      }),

    'retention.review': () => {
      const asOf = ctx.now();
      const periods = repos.retention.periods();
      const holds = new Map(repos.retention.openHolds().map((h) => [h.auditId, h]));
      const due = assess(periods, asOf).filter((a) => a.due);
      const strip = ({ due: _due, ...a }: (typeof due)[number]) => a;
      const olderThan = subtractMonths(asOf, periods.changeLog);
      return {
        asOf,
        audits: due.filter((a) => !holds.has(a.auditId)).map(strip),
        held: due.filter((a) => holds.has(a.auditId)).map((a) => ({ ...strip(a), hold: holds.get(a.auditId)! })),
        changeLog: { records: repos.retention.changeLogOlderThan(olderThan), olderThan },
        backups: oldBackups(periods, asOf).map((b) => ({ name: b.name, createdAt: b.createdAt })),
      };
    },

    'legalHold.set': ({ auditId, reason }) =>
      ctx.tx(() => {
        if (!repos.audits.get(auditId)) throw new AppError('NOT_FOUND', 'No such audit.');
        if (repos.retention.openHold(auditId))
          throw new AppError('CONFLICT', 'This audit is already under a legal hold.');
        repos.retention.hold(ctx.newId(), auditId, reason, ctx.actor, ctx.now());
        const hold = repos.retention.openHold(auditId)!;
        ctx.log('legal_hold', auditId, 'set', null, hold);
        return hold;
      }),

    'legalHold.release': ({ auditId, reason }) =>
      ctx.tx(() => {
        const hold = repos.retention.openHold(auditId);
        if (!hold) throw new AppError('NOT_FOUND', 'This audit is not under a legal hold.');
        const at = ctx.now();
        repos.retention.release(auditId, reason, ctx.actor, at);
        ctx.log('legal_hold', auditId, 'release', hold, { releasedBy: ctx.actor, releasedAt: at, reason });
        return { auditId, releasedBy: ctx.actor, releasedAt: at };
      }),

    'retention.delete': ({ auditIds, changeLog, backups, confirm }) => {
      const asOf = ctx.now();
      const periods = repos.retention.periods();
      const result = ctx.tx(() => {
        const byId = new Map(assess(periods, asOf).map((a) => [a.auditId, a]));
        const unknown = auditIds.filter((id) => !byId.has(id));
        if (unknown.length > 0) throw new AppError('NOT_FOUND', `No such audit: ${unknown.join(', ')}.`);
        const chosen = auditIds.map((id) => byId.get(id)!);
        const held = chosen.filter((a) => repos.retention.openHold(a.auditId));
        if (held.length > 0)
          throw fieldError(
            'CONFLICT',
            ['auditIds'],
            `under a legal hold, so not deleted: ${held.map((a) => `"${a.title}"`).join(', ')}`,
          );
        const early = chosen.filter((a) => !a.due);
        if (early.length > 0)
          throw fieldError(
            'CONFLICT',
            ['auditIds'],
            `not yet past the retention period: ${early.map((a) => `"${a.title}" (kept until ${a.dueSince.slice(0, 10)})`).join(', ')}`,
          );
        for (const a of chosen) {
          const b = repos.removals.auditDeletionBlocks({ id: a.auditId, seriesId: '', round: 0 });
          if (b.verifiedElsewhere > 0 || b.citedByOtherPanels > 0)
            throw fieldError(
              'CONFLICT',
              ['auditIds'],
              `records of other audits refer to "${a.title}": delete those first`,
            );
        }
        const trimBefore = subtractMonths(asOf, periods.changeLog);
        const logRecords = changeLog ? repos.retention.changeLogOlderThan(trimBefore) : 0;
        const files = backups ? oldBackups(periods, asOf) : [];
        if (!confirm)
          throw fieldError(
            'CONFLICT',
            ['confirm'],
            `this deletes ${chosen.length} audit${chosen.length === 1 ? '' : 's'}, ${logRecords} change-log records and ${files.length} backups for good: confirm to delete them`,
          );
        const audits = chosen.map((a) => {
          const revisions = repos.retention.revisions(a.auditId);
          const rows = repos.retention.deleteAudit(a.auditId);
          // Ids and counts only: the deleted content is not copied into the log.
          ctx.log('audit', a.auditId, 'retention.delete', null, {
            kind: a.kind,
            dueSince: a.dueSince,
            revisions,
            rows,
          });
          return { auditId: a.auditId, kind: a.kind, revisions, rows };
        });
        const changeLogRecords = changeLog ? repos.retention.trimChangeLog(trimBefore, asOf) : 0;
        if (changeLogRecords > 0)
          ctx.log('change_log', 'retention', 'trim', null, { before: trimBefore, records: changeLogRecords });
        for (const f of files) ctx.log('backup', f.name, 'retention.delete', null, { createdAt: f.createdAt });
        return { audits, changeLogRecords, files };
      });
      for (const f of result.files) {
        rmSync(f.file, { force: true });
        rmSync(`${f.file}.keys`, { force: true });
      }
      if (result.audits.length > 0 || result.changeLogRecords > 0) repos.retention.compact();
      return {
        audits: result.audits,
        changeLogRecords: result.changeLogRecords,
        backups: result.files.map((f) => f.name),
      };
    },
  };
}
