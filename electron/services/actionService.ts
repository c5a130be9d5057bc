// The action plan: SMART actions, their dated progress history (append-only), and verification,
// which needs evidence of impact. "Overdue" is derived from the due date on the day it is viewed.
import type { Action, ActionListItem } from '../../shared/actionPlan.js';
import { canVerify, effectiveStatus } from '../../shared/actionStatus.js';
import type { ServiceHandlers } from '../../shared/contract.js';
import { AppError, fieldError } from '../../shared/errors.js';
import { londonDate } from '../../shared/today.js';
import type { ActionRow } from '../../db/repos/actionRepo.js';
import type { ServiceContext } from './context.js';

type Methods =
  'actions.list' | 'actions.page' | 'actions.get' | 'actions.save' | 'actions.addUpdate' | 'actions.verify';

export function actionService(ctx: ServiceContext): Pick<ServiceHandlers, Methods> {
  const { repos } = ctx;
  const today = () => londonDate(new Date(ctx.now()));

  const toAction = (row: ActionRow, day = today()): Action => ({
    ...row,
    effectiveStatus: effectiveStatus(row, day),
    updates: repos.actions.updates(row.id),
  });
  /** Listed actions with their effective status and latest update (looked up for these rows only). */
  function listItems(rows: readonly ActionRow[], day: string): ActionListItem[] {
    const latest = repos.actions.latestUpdatesOf(rows.map((r) => r.id));
    return rows.map((r) => ({
      ...r,
      effectiveStatus: effectiveStatus(r, day),
      latestUpdate: latest.get(r.id)?.latest ?? null,
      updateCount: latest.get(r.id)?.count ?? 0,
    }));
  }
  function rowOrThrow(id: string): ActionRow {
    const row = repos.actions.get(id);
    if (!row) throw new AppError('NOT_FOUND', 'No such action.');
    return row;
  }

  return {
    'actions.list': (filter) => {
      const day = today();
      return listItems(repos.actions.query({ ...filter, today: day }), day);
    },

    // The tracker's list, a page at a time: the counts and the page are read in one snapshot, so the
    // total always matches the pages. A page past the end answers the last page (docs/architecture.md).
    'actions.page': ({ page, pageSize, ...filter }) =>
      ctx.db
        .transaction(() => {
          const day = today();
          const q = { ...filter, today: day };
          const byStatus = repos.actions.countByEffectiveStatus(q);
          const total = Object.values(byStatus).reduce((a, b) => a + b, 0);
          const pageCount = Math.max(1, Math.ceil(total / pageSize));
          const current = Math.min(page, pageCount);
          const rows = repos.actions.queryPage(q, pageSize, (current - 1) * pageSize);
          return { items: listItems(rows, day), total, page: current, pageSize, pageCount, byStatus };
        })
        .deferred(),

    'actions.get': ({ actionId }) => toAction(rowOrThrow(actionId)),

    'actions.save': (input) =>
      ctx.tx(() => {
        const audit = repos.audits.get(input.auditId);
        if (!audit) throw new AppError('NOT_FOUND', 'No such audit.');
        if (audit.status !== 'in_progress')
          throw new AppError('SIGNED', 'This audit is signed; its action plan changes in a new revision.');
        const lead = repos.board.agency(input.leadAgencyId);
        if (!lead) throw fieldError('VALIDATION', ['leadAgencyId'], 'no such agency');
        if (input.recommendationId) {
          const rec = repos.review.recommendation(input.recommendationId);
          if (!rec || rec.auditId !== audit.id)
            throw fieldError('VALIDATION', ['recommendationId'], 'not a recommendation of this audit');
        }
        const now = ctx.now();
        const fields = {
          recommendationId: input.recommendationId,
          text: input.text,
          leadAgencyId: input.leadAgencyId,
          ownerRole: input.ownerRole,
          dueDate: input.dueDate,
          successMeasure: input.successMeasure,
        };
        if (input.id) {
          const before = rowOrThrow(input.id);
          if (before.auditId !== audit.id) throw new AppError('NOT_FOUND', 'No such action in this audit.');
          repos.actions.update({ id: before.id, ...fields, updatedAt: now });
          ctx.log('action', before.id, 'update', before, fields);
          return toAction(rowOrThrow(before.id));
        }
        const id = ctx.newId();
        repos.actions.insert({
          id,
          auditId: audit.id,
          ...fields,
          status: 'not_started',
          createdAt: now,
          updatedAt: now,
        });
        ctx.log('action', id, 'create', null, fields);
        return toAction(rowOrThrow(id));
      }),

    'actions.addUpdate': ({ actionId, note, status, evidence }) =>
      ctx.tx(() => {
        const before = rowOrThrow(actionId);
        if (before.status === 'verified') throw new AppError('CONFLICT', 'This action is verified and closed.');
        const now = ctx.now();
        const update = { id: ctx.newId(), at: now, author: ctx.actor, note, status, evidence };
        repos.actions.addUpdate(actionId, update);
        repos.actions.setStatus(actionId, status, now);
        ctx.log('action', actionId, 'progress', { status: before.status }, update);
        return toAction(rowOrThrow(actionId));
      }),

    'actions.verify': ({ actionId, impactEvidence, reauditId }) =>
      ctx.tx(() => {
        const row = rowOrThrow(actionId);
        const reason = canVerify({ status: row.status, evidenceOfImpact: impactEvidence, reauditId });
        if (reason) throw new AppError('VALIDATION', reason);
        if (reauditId) {
          const own = repos.audits.get(row.auditId)!;
          const reaudit = repos.audits.get(reauditId);
          if (!reaudit || reaudit.seriesId !== own.seriesId || reaudit.round <= own.round) {
            throw fieldError('VALIDATION', ['reauditId'], 'choose a later round of the same audit');
          }
        }
        const now = ctx.now();
        repos.actions.verify(actionId, impactEvidence.trim(), reauditId, now);
        const note = reauditId ? 'Verified by re-audit' : 'Verified with evidence of impact';
        repos.actions.addUpdate(actionId, {
          id: ctx.newId(),
          at: now,
          author: ctx.actor,
          note,
          status: 'verified',
          evidence: impactEvidence.trim(),
        });
        ctx.log(
          'action',
          actionId,
          'verify',
          { status: row.status },
          { status: 'verified', impactEvidence, reauditId },
        );
        return toAction(rowOrThrow(actionId));
      }),
  };
}
