// Writing a generated audit in bulk: every row through the repositories' own prepared statements
// (db/repos), or for the answers one prepared INSERT … SELECT per batch, against the real schema and
// its triggers, in one transaction per audit. Going through
// answers.save one answer at a time would take hours at the scale model; this takes seconds. Nothing
// here writes the change log: generated data is not anyone's edit.
import type { Answer } from '../shared/answer.js';
import type { ActionStatus } from '../shared/actionStatus.js';
import type { ActionUpdate } from '../shared/actionPlan.js';
import type { CaseDescriptor } from '../shared/auditCase.js';
import type { CaseGrade, Discussion, Finding, Recommendation } from '../shared/review.js';
import type { ServiceContext } from '../electron/services/context.js';
import { DEFAULT_PREVALENCE_THRESHOLDS } from '../shared/prevalence.js';

export interface GeneratedAudit {
  audit: {
    id: string;
    title: string;
    theme: string;
    templateId: string;
    templateVersion: number;
    seriesId: string;
    round: number;
    purpose: string;
    createdAt: string;
    updatedAt: string;
  };
  cases: Array<Omit<CaseDescriptor, 'agencyIds'> & { id: string; createdAt: string }>;
  checklists: Array<{ id: string; caseId: string; agencyId: string; createdAt: string; completedAt: string }>;
  answers: Answer[];
  grades: CaseGrade[];
  discussions: Discussion[];
  findings: Finding[];
  recommendations: Recommendation[];
  actions: Array<{
    id: string;
    recommendationId: string | null;
    text: string;
    leadAgencyId: string;
    ownerRole: string;
    dueDate: string;
    successMeasure: string;
    status: ActionStatus;
    createdAt: string;
    updatedAt: string;
  }>;
}

/** Rows written for one audit, by table (what the import benchmark counts too). */
export function rowCount(a: GeneratedAudit): number {
  return (
    1 +
    a.cases.length +
    a.checklists.length +
    a.answers.length +
    a.grades.length +
    a.discussions.length +
    a.findings.length +
    a.recommendations.length +
    a.actions.length
  );
}

/** Writes one audit with everything in it, in one IMMEDIATE transaction. */
export function writeAudit(ctx: ServiceContext, a: GeneratedAudit): void {
  const { repos } = ctx;
  ctx.tx(() => {
    const x = a.audit;
    repos.audits.insert({
      id: x.id,
      title: x.title,
      theme: x.theme,
      templateId: x.templateId,
      templateVersion: x.templateVersion,
      seriesId: x.seriesId,
      round: x.round,
      now: x.createdAt,
    });
    repos.audits.updateSettings(x.id, x.purpose, DEFAULT_PREVALENCE_THRESHOLDS, x.createdAt);
    for (const c of a.cases) repos.audits.insertCase(c.id, x.id, c, [], c.createdAt);
    for (const k of a.checklists) {
      repos.checklists.insert(k.id, k.caseId, k.agencyId, k.createdAt);
      repos.checklists.setCompleted(k.id, k.completedAt, k.completedAt);
    }
    // Answers in batches of one statement each, rows from a JSON array: a statement that fires the
    // search triggers makes the full-text index write out what it holds, so row by row is slow.
    const answers = ctx.db.prepare<
      [string]
    >(`INSERT INTO answer (checklist_id, question_id, value, not_applicable_reason, evidence, updated_at)
      SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4, value ->> 5 FROM json_each(?)`);
    for (let i = 0; i < a.answers.length; i += 5000) {
      answers.run(
        JSON.stringify(
          a.answers
            .slice(i, i + 5000)
            .map((x) => [
              x.checklistId,
              x.questionId,
              JSON.stringify(x.value),
              x.notApplicableReason,
              x.evidence,
              x.updatedAt,
            ]),
        ),
      );
    }
    for (const g of a.grades) repos.review.setGrade(g);
    for (const d of a.discussions) repos.review.saveDiscussion(d);
    for (const f of a.findings) repos.review.insertFinding(f);
    for (const r of a.recommendations) repos.review.insertRecommendation(r);
    for (const act of a.actions) repos.actions.insert({ ...act, auditId: x.id });
    repos.audits.touch(x.id, x.updatedAt);
  });
}

export interface GeneratedProgress {
  actionId: string;
  updates: ActionUpdate[];
  /** The stored status after the updates (never 'verified': that is `verified`). */
  status: ActionStatus;
  verified: { evidence: string; at: string } | null;
}

/** The QA sub-committee's tracking of one audit's actions: progress history, status, verification. */
export function writeProgress(ctx: ServiceContext, progress: readonly GeneratedProgress[]): void {
  const { repos } = ctx;
  ctx.tx(() => {
    for (const p of progress) {
      for (const u of p.updates) repos.actions.addUpdate(p.actionId, u);
      const last = p.updates[p.updates.length - 1];
      if (last) repos.actions.setStatus(p.actionId, p.status, last.at);
      if (p.verified) repos.actions.verify(p.actionId, p.verified.evidence, null, p.verified.at);
    }
  });
}
