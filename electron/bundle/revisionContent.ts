// What a signature covers: the audit, its sample, every answer, grades, the discussion, findings,
// recommendations and the action plan, as one canonical JSON document.
import type { RevisionContent } from '../../shared/bundle.js';
import type { Identity } from '../../shared/identity.js';
import type { ServiceContext } from '../services/context.js';
import { smallSampleThreshold } from '../services/smallSample.js';

export function buildRevisionContent(
  ctx: ServiceContext,
  auditId: string,
  revision: number,
  signer: Identity,
  signedAt: string,
): RevisionContent {
  const { repos } = ctx;
  const audit = repos.audits.get(auditId)!;
  const cases = repos.audits.cases(auditId);
  const actions = repos.actions.query({ auditId, today: signedAt.slice(0, 10) });
  const discussions = repos.review.discussions(auditId);
  const referenced = new Set([
    ...cases.flatMap((c) => c.agencyIds),
    ...actions.map((a) => a.leadAgencyId),
    ...discussions.flatMap((d) => d.attendees.map((a) => a.agencyId)),
  ]);
  return {
    audit: {
      id: audit.id,
      title: audit.title,
      theme: audit.theme,
      templateId: audit.templateId,
      templateVersion: audit.templateVersion,
      seriesId: audit.seriesId,
      round: audit.round,
      purpose: audit.purpose,
      thresholds: { ...audit.thresholds, smallSample: smallSampleThreshold(ctx) },
      createdAt: audit.createdAt,
    },
    revision,
    board: { name: repos.board.get()?.name ?? '' },
    agencies: repos.board.agencies().filter((a) => referenced.has(a.id)),
    cases,
    checklists: repos.checklists
      .forAudit(auditId)
      .map((k) => ({ id: k.id, caseId: k.caseId, agencyId: k.agencyId, completedAt: k.completedAt })),
    answers: repos.checklists
      .answersForAudit(auditId)
      .sort((a, b) => (a.checklistId + a.questionId < b.checklistId + b.questionId ? -1 : 1)),
    grades: repos.review.grades(auditId),
    discussions,
    findings: repos.review.findings(auditId),
    recommendations: repos.review.recommendations(auditId),
    actions: actions.map((a) => ({
      id: a.id,
      recommendationId: a.recommendationId,
      text: a.text,
      leadAgencyId: a.leadAgencyId,
      ownerRole: a.ownerRole,
      dueDate: a.dueDate,
      successMeasure: a.successMeasure,
      status: a.status,
    })),
    signedAt,
    signer: { fingerprint: signer.fingerprint, name: signer.name, role: signer.role, agency: signer.agency },
  };
}
