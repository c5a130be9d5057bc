// Everything the board report says about one audit, gathered once for the PDF and Word writers.
import type { Analysis } from '../../shared/analysis.js';
import { ACTION_STATUS_LABELS } from '../../shared/actionStatus.js';
import type { AuditSummary } from '../../shared/audit.js';
import { PREVALENCE_BUCKET_LABELS } from '../../shared/prevalence.js';
import { formatShare } from '../../shared/reauditComparison.js';
import { AUDIT_THEME_LABELS } from '../../shared/vocabulary.js';
import { analyse } from '../services/auditAnalysis.js';
import type { ServiceContext } from '../services/context.js';
import { londonDate } from '../../shared/today.js';

export interface ReportModel {
  boardName: string;
  title: string;
  theme: string;
  round: number;
  purpose: string;
  templateLine: string;
  sampleLines: string[];
  strengths: string[];
  developments: string[];
  recommendations: string[];
  actions: { text: string; lead: string; owner: string; due: string; status: string }[];
  trend: {
    label: string;
    rows: { question: string; shares: string[]; changed: boolean }[];
    rounds: string[];
    series: { label: string; values: (number | null)[] }[];
  };
  signature: { signer: string; date: string; fingerprint: string; revision: number } | null;
  analysis: Analysis;
}

export function buildReportModel(
  ctx: ServiceContext,
  audit: AuditSummary,
  signature: ReportModel['signature'],
  analysis: Analysis = analyse(ctx, audit),
): ReportModel {
  const findings = ctx.repos.review.findings(audit.id);
  const s = analysis.sample;
  const list = (items: { label: string; count: number }[]) => items.map((i) => `${i.label} ${i.count}`).join(', ');
  const today = londonDate(new Date(ctx.now()));
  const rounds = analysis.comparison.rounds.map((r) => r.label);
  const changedOrAsked = analysis.comparison.questions.filter((q) => q.rounds.some((r) => r.share !== null));
  return {
    boardName: ctx.repos.board.get()?.name ?? '',
    title: audit.title,
    theme: AUDIT_THEME_LABELS[audit.theme],
    round: audit.round,
    purpose: audit.purpose,
    templateLine: `Audit tool: ${audit.templateTitle}, version ${audit.templateVersion}`,
    sampleLines: [
      `${s.cases} cases were audited.`,
      s.ageBands.length ? `Age: ${list(s.ageBands)}.` : '',
      s.genders.length ? `Gender: ${list(s.genders)}.` : '',
      s.ethnicities.length ? `Ethnicity: ${list(s.ethnicities)}.` : '',
      s.disability.length ? `Disability: ${list(s.disability)}.` : '',
      s.planTypes.length ? `Plan: ${list(s.planTypes)}.` : '',
      s.agencies.length ? `Agencies involved: ${list(s.agencies)}.` : '',
    ].filter(Boolean),
    strengths: findings.filter((f) => f.kind === 'strength').map((f) => f.text),
    developments: findings.filter((f) => f.kind === 'development').map((f) => f.text),
    recommendations: ctx.repos.review.recommendations(audit.id).map((r) => r.text),
    actions: ctx.repos.actions.query({ auditId: audit.id, today }).map((a) => ({
      text: a.text,
      lead: a.leadAgencyName,
      owner: a.ownerRole,
      due: a.dueDate,
      status:
        ACTION_STATUS_LABELS[
          a.status !== 'complete' && a.status !== 'verified' && a.dueDate < today ? 'overdue' : a.status
        ],
    })),
    trend: {
      label:
        rounds.length > 1
          ? `Share of cases meeting the standard, by round (${PREVALENCE_BUCKET_LABELS.many_or_most.toLowerCase()} is ${Math.round(audit.thresholds.manyThreshold * 100)}% or more)`
          : 'This is the first round of this audit.',
      rounds,
      rows: changedOrAsked.map((q) => ({
        question: q.text,
        shares: q.rounds.map((r) => formatShare(r.share)),
        changed: q.wordingChanged,
      })),
      series: analysis.comparison.themes
        .filter((t) => t.rounds.some((r) => r.share !== null))
        .map((t) => ({ label: t.theme, values: t.rounds.map((r) => r.share) })),
    },
    signature,
    analysis,
  };
}
