// The auditor's judgements: grades, the multi-agency discussion, findings and recommendations, the
// audit's purpose and thresholds, the analysis, and starting a re-audit.
import type { ServiceHandlers } from '../../shared/contract.js';
import { AppError, fieldError } from '../../shared/errors.js';
import type { AuditSummary } from '../../shared/audit.js';
import { allQuestions } from '../../shared/template.js';
import { analyse } from './auditAnalysis.js';
import type { ServiceContext } from './context.js';
import { answerFollowsGrade } from './oneGrade.js';
import { getTemplate } from './templateService.js';

type Methods =
  | 'audits.update'
  | 'audits.startReaudit'
  | 'audits.analysis'
  | 'grades.set'
  | 'discussions.save'
  | 'findings.list'
  | 'findings.save'
  | 'findings.addMany'
  | 'findings.remove'
  | 'recommendations.list'
  | 'recommendations.save'
  | 'recommendations.remove';

export function reviewService(ctx: ServiceContext): Pick<ServiceHandlers, Methods> {
  const { repos } = ctx;

  function audit(id: string): AuditSummary {
    const a = repos.audits.get(id);
    if (!a) throw new AppError('NOT_FOUND', 'No such audit.');
    return a;
  }
  function editableAudit(id: string): AuditSummary {
    const a = audit(id);
    if (a.status !== 'in_progress')
      throw new AppError('SIGNED', 'This audit is signed; change it by starting a new revision.');
    return a;
  }
  function caseOf(caseId: string) {
    const c = repos.audits.getCase(caseId);
    if (!c) throw fieldError('NOT_FOUND', ['caseId'], 'no such case');
    editableAudit(c.auditId);
    return c;
  }
  /** Evidence links must point inside the same audit. */
  function checkEvidence(a: AuditSummary, caseIds: readonly string[], questionIds: readonly string[]) {
    const cases = new Set(repos.audits.cases(a.id).map((c) => c.id));
    caseIds.forEach((id, i) => {
      if (!cases.has(id)) throw fieldError('VALIDATION', ['caseIds', i], `not a case of this audit`);
    });
    const questions = new Set(allQuestions(getTemplate(ctx, a.templateId, a.templateVersion)).map((q) => q.id));
    questionIds.forEach((id, i) => {
      if (!questions.has(id))
        throw fieldError('VALIDATION', ['questionIds', i], `"${id}" is not a question of this audit's template`);
    });
  }

  return {
    'audits.update': ({ auditId, purpose, thresholds }) =>
      ctx.tx(() => {
        const before = editableAudit(auditId);
        repos.audits.updateSettings(auditId, purpose ?? before.purpose, thresholds ?? before.thresholds, ctx.now());
        const after = audit(auditId);
        ctx.log(
          'audit',
          auditId,
          'update',
          { purpose: before.purpose, thresholds: before.thresholds },
          { purpose: after.purpose, thresholds: after.thresholds },
        );
        return after;
      }),

    'audits.startReaudit': ({ auditId, title, templateVersion }) =>
      ctx.tx(() => {
        const previous = audit(auditId);
        const rounds = repos.audits.series(previous.seriesId);
        const last = rounds[rounds.length - 1]!;
        const version = templateVersion ?? repos.templates.latestVersion(previous.templateId)!;
        if (version < last.templateVersion) {
          throw fieldError(
            'VALIDATION',
            ['templateVersion'],
            `a re-audit uses version ${last.templateVersion} or newer, so rounds stay comparable`,
          );
        }
        const template = getTemplate(ctx, previous.templateId, version);
        const id = ctx.newId();
        repos.audits.insert({
          id,
          title,
          theme: template.theme,
          templateId: template.id,
          templateVersion: version,
          seriesId: previous.seriesId,
          round: last.round + 1,
          now: ctx.now(),
        });
        // The new round keeps the purpose and thresholds, so its findings are read the same way.
        repos.audits.updateSettings(id, previous.purpose, previous.thresholds, ctx.now());
        ctx.log('audit', id, 'create', null, {
          title,
          seriesId: previous.seriesId,
          round: last.round + 1,
          templateVersion: version,
        });
        return audit(id);
      }),

    'audits.analysis': ({ auditId }) => analyse(ctx, audit(auditId)),

    'grades.set': (input) =>
      ctx.tx(() => {
        const c = caseOf(input.caseId);
        if (input.agencyId !== null && !c.agencyIds.includes(input.agencyId)) {
          throw fieldError('VALIDATION', ['agencyId'], 'that agency is not involved in this case');
        }
        const before =
          repos.review.grades(c.auditId).find((g) => g.caseId === c.id && g.agencyId === input.agencyId) ?? null;
        const grade = { ...input, rationale: input.rationale.trim(), updatedAt: ctx.now() };
        repos.review.setGrade(grade);
        // Read back, so the reply is what was stored.
        const stored = repos.review.grades(c.auditId).find((g) => g.caseId === c.id && g.agencyId === input.agencyId)!;
        ctx.log('grade', `${c.id}/${input.agencyId ?? 'overall'}`, before ? 'update' : 'create', before, stored);
        // The checklist's grade question holds the same value.
        if (grade.agencyId !== null) {
          const a = audit(c.auditId);
          answerFollowsGrade(ctx, getTemplate(ctx, a.templateId, a.templateVersion), {
            ...grade,
            agencyId: grade.agencyId,
          });
        }
        return stored;
      }),

    'discussions.save': (input) =>
      ctx.tx(() => {
        const c = caseOf(input.caseId);
        input.attendees.forEach((a, i) => {
          if (!repos.board.agency(a.agencyId))
            throw fieldError('VALIDATION', ['attendees', i, 'agencyId'], `no such agency`);
        });
        const before = repos.review.discussions(c.auditId).find((d) => d.caseId === c.id) ?? null;
        const discussion = { ...input, updatedAt: ctx.now() };
        repos.review.saveDiscussion(discussion);
        const stored = repos.review.discussions(c.auditId).find((d) => d.caseId === c.id)!;
        ctx.log('discussion', c.id, before ? 'update' : 'create', before, stored);
        return stored;
      }),

    'findings.list': ({ auditId }) => repos.review.findings(audit(auditId).id),

    'findings.save': (input) =>
      ctx.tx(() => {
        const a = editableAudit(input.auditId);
        checkEvidence(a, input.caseIds, input.questionIds);
        const now = ctx.now();
        if (input.id) {
          const before = repos.review.finding(input.id);
          if (!before || before.auditId !== a.id) throw new AppError('NOT_FOUND', 'No such finding in this audit.');
          const after = { ...before, ...input, id: before.id, origin: before.origin, updatedAt: now };
          repos.review.updateFinding(after);
          ctx.log('finding', after.id, 'update', before, after);
          return repos.review.finding(after.id)!;
        }
        const created = { ...input, id: ctx.newId(), createdAt: now, updatedAt: now };
        repos.review.insertFinding(created);
        ctx.log('finding', created.id, 'create', null, created);
        return repos.review.finding(created.id)!;
      }),

    'findings.addMany': ({ auditId, findings }) =>
      ctx.tx(() => {
        const a = editableAudit(auditId);
        const now = ctx.now();
        return findings.map((input, i) => {
          try {
            checkEvidence(a, input.caseIds, input.questionIds);
          } catch (e) {
            // Name which of the findings is wrong; nothing is added (the transaction rolls back).
            if (e instanceof AppError)
              throw new AppError(e.code, `findings[${i}]: ${e.message}`, {
                issues: e.issues.map((issue) => ({ ...issue, path: ['findings', i, ...issue.path] })),
              });
            throw e;
          }
          const created = { ...input, auditId: a.id, id: ctx.newId(), createdAt: now, updatedAt: now };
          repos.review.insertFinding(created);
          ctx.log('finding', created.id, 'create', null, created);
          return repos.review.finding(created.id)!;
        });
      }),

    'findings.remove': ({ findingId }) =>
      ctx.tx(() => {
        const f = repos.review.finding(findingId);
        if (!f) throw new AppError('NOT_FOUND', 'No such finding.');
        editableAudit(f.auditId);
        const citing = repos.review.recommendations(f.auditId).filter((r) => r.findingIds.includes(findingId));
        if (citing.length > 0)
          throw new AppError('CONFLICT', 'A recommendation rests on this finding: change the recommendation first.');
        repos.review.deleteFinding(findingId);
        ctx.log('finding', findingId, 'remove', f, null);
        return { removed: true as const };
      }),

    'recommendations.list': ({ auditId }) => repos.review.recommendations(audit(auditId).id),

    'recommendations.save': (input) =>
      ctx.tx(() => {
        const a = editableAudit(input.auditId);
        const findings = new Set(repos.review.findings(a.id).map((f) => f.id));
        input.findingIds.forEach((id, i) => {
          if (!findings.has(id)) throw fieldError('VALIDATION', ['findingIds', i], `not a finding of this audit`);
        });
        const now = ctx.now();
        if (input.id) {
          const before = repos.review.recommendation(input.id);
          if (!before || before.auditId !== a.id)
            throw new AppError('NOT_FOUND', 'No such recommendation in this audit.');
          const after = { ...before, text: input.text, findingIds: input.findingIds, updatedAt: now };
          repos.review.updateRecommendation(after);
          ctx.log('recommendation', after.id, 'update', before, after);
          return repos.review.recommendation(after.id)!;
        }
        const created = { ...input, id: ctx.newId(), createdAt: now, updatedAt: now };
        repos.review.insertRecommendation(created);
        ctx.log('recommendation', created.id, 'create', null, created);
        return repos.review.recommendation(created.id)!;
      }),

    'recommendations.remove': ({ recommendationId }) =>
      ctx.tx(() => {
        const r = repos.review.recommendation(recommendationId);
        if (!r) throw new AppError('NOT_FOUND', 'No such recommendation.');
        editableAudit(r.auditId);
        if (repos.actions.query({ auditId: r.auditId, today: '0000-00-00' }).some((x) => x.recommendationId === r.id)) {
          throw new AppError('CONFLICT', 'Actions follow from this recommendation: move or change them first.');
        }
        repos.review.deleteRecommendation(recommendationId);
        ctx.log('recommendation', recommendationId, 'remove', r, null);
        return { removed: true as const };
      }),
  };
}
