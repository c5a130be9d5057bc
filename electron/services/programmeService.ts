// The audit programme: planned audits for the partnership's year (added, changed, removed and started,
// each in the change log), what happened against the plan, and the re-audits signed audits fall due for.
import type { ServiceHandlers } from '../../shared/contract.js';
import { AppError, fieldError } from '../../shared/errors.js';
import {
  DEFAULT_REAUDIT_MONTHS,
  entryWindow,
  programmeStanding,
  programmeYearOf,
  quarterOf,
  reauditDueOn,
  reauditMonthsSchema,
  yearWindow,
  type PlannedAudit,
  type ReauditDue,
} from '../../shared/programme.js';
import { londonDate } from '../../shared/today.js';
import type { PlannedAuditRow, PlannedAuditWrite } from '../../db/repos/programmeRepo.js';
import type { ServiceContext } from './context.js';
import { auditService } from './auditService.js';
import { reviewService } from './reviewService.js';
import { getTemplate } from './templateService.js';

type Methods =
  | 'programme.list'
  | 'programme.save'
  | 'programme.remove'
  | 'programme.start'
  | 'programme.settings'
  | 'programme.setSettings';

export function reauditMonths(ctx: ServiceContext): number {
  const parsed = reauditMonthsSchema.safeParse(ctx.repos.settings.get('reauditMonths'));
  return parsed.success ? parsed.data : DEFAULT_REAUDIT_MONTHS;
}

export function todayInLondon(ctx: ServiceContext): string {
  return londonDate(new Date(ctx.now()));
}

/** Every signed audit in use with no later round yet, and when its re-audit is due (shared/programme.ts's rule). */
export function reauditsDue(ctx: ServiceContext, today: string): ReauditDue[] {
  const months = reauditMonths(ctx);
  const planned = ctx.repos.programme.plannedReaudits();
  return ctx.repos.programme
    .signedAwaitingReaudit()
    .map((a) => {
      const firstSignedOn = londonDate(new Date(a.firstSignedAt));
      const dueOn = reauditDueOn({ firstSignedOn, actionDueDates: a.actionDueDates, months });
      return {
        auditId: a.auditId,
        title: a.title,
        theme: a.theme,
        round: a.round,
        firstSignedOn,
        dueOn,
        overdue: dueOn < today,
        plannedId: planned.get(a.auditId) ?? null,
      };
    })
    .sort((x, y) => x.dueOn.localeCompare(y.dueOn) || x.auditId.localeCompare(y.auditId));
}

function present(row: PlannedAuditRow, today: string): PlannedAudit {
  const window = entryWindow(row);
  return {
    ...row,
    listedQuarter: row.quarter ?? quarterOf(window.from),
    window,
    ...programmeStanding({ window, audit: row.audit }, today),
  };
}

/** What the change log keeps of a planned audit: the plan itself. */
function logged(p: PlannedAuditRow) {
  return {
    year: p.year,
    title: p.title,
    theme: p.theme,
    templateId: p.templateId,
    templateVersion: p.templateVersion,
    quarter: p.quarter,
    startsOn: p.startsOn,
    endsOn: p.endsOn,
    sampleSize: p.sampleSize,
    leadAuditor: p.leadAuditor,
    agencyIds: p.agencies.map((a) => a.id),
    reauditOf: p.reauditOf?.auditId ?? null,
    auditId: p.audit?.id ?? null,
  };
}

export function programmeService(ctx: ServiceContext): Pick<ServiceHandlers, Methods> {
  const { repos } = ctx;
  const audits = auditService(ctx);
  const review = reviewService(ctx);

  function plannedOrThrow(id: string): PlannedAuditRow {
    const p = repos.programme.get(id);
    if (!p) throw new AppError('NOT_FOUND', 'No such planned audit.');
    return p;
  }
  /** The plan of a signed audit is the record of what was planned: it stays as it was. */
  function notSigned(p: PlannedAuditRow, doing: string): void {
    if (p.audit && p.audit.revision > 0)
      throw new AppError('SIGNED', `"${p.audit.title}" has been signed: its planned audit cannot be ${doing}.`);
  }

  return {
    'programme.list': ({ year }) => {
      const today = todayInLondon(ctx);
      const y = year ?? programmeYearOf(today);
      const window = yearWindow(y);
      // Created at from the day before in UTC, then by the date in London (an audit made at 00:30 BST on 1 April).
      const since = `${window.from.slice(0, 4)}-03-31T00:00:00.000Z`;
      return {
        year: y,
        window,
        today,
        reauditMonths: reauditMonths(ctx),
        entries: repos.programme.list(y).map((p) => present(p, today)),
        reauditsDue: reauditsDue(ctx, today),
        unplanned: repos.programme.notInProgramme(since).filter((a) => {
          const day = londonDate(new Date(a.createdAt));
          return day >= window.from && day <= window.to;
        }),
      };
    },

    'programme.save': (input) =>
      ctx.tx(() => {
        const before = input.id ? plannedOrThrow(input.id) : null;
        if (before) notSigned(before, 'changed');
        const version = input.templateVersion ?? repos.templates.latestVersion(input.templateId);
        if (version === null) throw fieldError('NOT_FOUND', ['templateId'], `no template "${input.templateId}"`);
        const template = getTemplate(ctx, input.templateId, version);
        if (before?.audit && (before.templateId !== template.id || before.templateVersion !== version))
          throw fieldError(
            'CONFLICT',
            ['templateId'],
            'the audit has been started with its template: the template cannot be changed now',
          );
        const agencies = new Map(repos.board.agencies().map((a) => [a.id, a]));
        input.agencyIds.forEach((id, i) => {
          if (!agencies.has(id)) throw fieldError('VALIDATION', ['agencyIds', i], 'not an agency of this partnership');
        });
        const agencyIds = [...new Set(input.agencyIds)];
        if (input.reauditOf) {
          const of = repos.audits.get(input.reauditOf);
          if (!of) throw fieldError('NOT_FOUND', ['reauditOf'], 'no such audit');
          if (of.revision === 0) throw fieldError('VALIDATION', ['reauditOf'], 'only a signed audit can be re-audited');
          if (of.templateId !== template.id)
            throw fieldError(
              'VALIDATION',
              ['templateId'],
              `a re-audit uses the template of "${of.title}", so its rounds stay comparable`,
            );
        }
        const id = before?.id ?? ctx.newId();
        const row: PlannedAuditWrite = {
          id,
          year: input.year,
          title: input.title.trim(),
          theme: template.theme,
          templateId: template.id,
          templateVersion: version,
          quarter: input.quarter,
          startsOn: input.startsOn,
          endsOn: input.endsOn,
          sampleSize: input.sampleSize,
          leadAuditor: input.leadAuditor.trim(),
          reauditOf: input.reauditOf,
        };
        const now = ctx.now();
        if (before) repos.programme.update(row, agencyIds, now);
        else repos.programme.insert(row, agencyIds, now);
        const after = plannedOrThrow(id);
        // Saving what is already saved changes nothing and logs nothing.
        const was = before ? JSON.stringify(logged(before)) : null;
        if (was !== JSON.stringify(logged(after)))
          ctx.log('planned_audit', id, before ? 'update' : 'create', before ? logged(before) : null, logged(after));
        return present(after, todayInLondon(ctx));
      }),

    'programme.remove': ({ plannedId }) =>
      ctx.tx(() => {
        const before = plannedOrThrow(plannedId);
        notSigned(before, 'removed');
        repos.programme.remove(plannedId);
        ctx.log('planned_audit', plannedId, 'remove', logged(before), null);
        return { removed: true as const, plannedId, title: before.title };
      }),

    // The audit is made as audits.create or audits.startReaudit make it, in the same transaction.
    'programme.start': ({ plannedId }) =>
      ctx.tx(() => {
        const planned = plannedOrThrow(plannedId);
        if (planned.audit) throw new AppError('CONFLICT', `"${planned.title}" has already been started.`);
        const audit = planned.reauditOf
          ? review['audits.startReaudit']({
              auditId: planned.reauditOf.auditId,
              title: planned.title,
              templateVersion: planned.templateVersion,
            })
          : audits['audits.create']({
              title: planned.title,
              templateId: planned.templateId,
              templateVersion: planned.templateVersion,
            });
        // Both handlers are synchronous; the handler type allows a promise.
        if (audit instanceof Promise) throw new AppError('INTERNAL', 'The audit could not be started.');
        const started = audit;
        repos.programme.setAudit(plannedId, started.id, ctx.now());
        ctx.log('planned_audit', plannedId, 'start', { auditId: null }, { auditId: started.id });
        return { planned: present(plannedOrThrow(plannedId), todayInLondon(ctx)), auditId: started.id };
      }),

    'programme.settings': () => ({ reauditMonths: reauditMonths(ctx) }),
    'programme.setSettings': ({ reauditMonths: months }) =>
      ctx.tx(() => {
        const before = reauditMonths(ctx);
        if (before !== months) {
          repos.settings.put('reauditMonths', months, ctx.now());
          ctx.log('setting', 'reauditMonths', 'update', before, months);
        }
        return { reauditMonths: months };
      }),
  };
}
