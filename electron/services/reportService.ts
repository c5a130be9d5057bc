// Board reports: one audit as PDF or Word, and the consolidated QA report for a period.
import type { RevisionContent } from '../../shared/bundle.js';
import type { ServiceHandlers } from '../../shared/contract.js';
import { AppError, fieldError } from '../../shared/errors.js';
import { safetyNumber } from '../../shared/safetyNumber.js';
import type { AuditSummary } from '../../shared/audit.js';
import { buildConsolidated, renderConsolidatedDocx, renderConsolidatedPdf } from '../report/consolidated.js';
import { renderReportDocx } from '../report/reportDocx.js';
import { buildReportModel, type ReportModel, type ReportOptions } from '../report/reportModel.js';
import {
  buildYearlyEvidence,
  renderYearlyEvidenceCsv,
  renderYearlyEvidenceDocx,
  renderYearlyEvidencePdf,
} from '../report/yearlyEvidence.js';
import { renderReportPdf } from '../report/reportPdf.js';
import { noPause, type Step } from '../jobs/jobRunner.js';
import { analyse } from './auditAnalysis.js';
import type { ServiceContext } from './context.js';

const slug = (s: string) =>
  s
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase()
    .slice(0, 60) || 'report';

/** The signature block of a revision. */
export function signatureOf(c: RevisionContent): NonNullable<ReportModel['signature']> {
  return {
    signer: `${c.signer.name}, ${c.signer.role}, ${c.signer.agency}`,
    date: c.signedAt,
    fingerprint: c.signer.fingerprint,
    safetyNumber: safetyNumber(c.signer.fingerprint),
    revision: c.revision,
  };
}

/**
 * The revision the audit stands at, if it is signed: its report is drawn from what was signed. An
 * audit reopened for a new revision is a draft again, and its report says so.
 */
export function signedRevisionOf(ctx: ServiceContext, audit: AuditSummary): RevisionContent | null {
  if (audit.status !== 'signed') return null;
  const latest = ctx.repos.bundles.latestRevision(audit.id);
  if (!latest || latest.revision !== audit.revision) return null;
  return JSON.parse(latest.content) as RevisionContent;
}

export const REPORT_STAGES = {
  analysing: 'Analysing the answers',
  gathering: 'Gathering the findings and actions',
  pdf: 'Writing the PDF',
  docx: 'Writing the Word document',
  csv: 'Writing the figures (CSV)',
} as const;

/** The audit, or NOT_FOUND: checked before a report job starts, so a wrong id fails at once. */
export function auditToReport(ctx: ServiceContext, auditId: string): AuditSummary {
  const audit = ctx.repos.audits.get(auditId);
  if (!audit) throw new AppError('NOT_FOUND', 'No such audit.');
  return audit;
}

export function checkPeriod(from: string, to: string): void {
  if (from > to) throw fieldError('VALIDATION', ['to'], 'the end of the period is before its start');
}

/**
 * The board report of one audit, in three steps: the analysis of the answers, the rest of the
 * model (findings, recommendations, actions, signature), then the document. Reads only.
 */
export async function auditReport(
  ctx: ServiceContext,
  auditId: string,
  format: 'pdf' | 'docx',
  step: Step = noPause,
  options: ReportOptions = {},
): Promise<{ fileName: string; bytes: Buffer }> {
  auditToReport(ctx, auditId);
  await step(0, 3, REPORT_STAGES.analysing);
  // Read after each pause: the audit may have changed meanwhile.
  let audit = auditToReport(ctx, auditId);
  const analysis = analyse(ctx, audit);
  await step(1, 3, REPORT_STAGES.gathering);
  audit = auditToReport(ctx, auditId);
  const signed = signedRevisionOf(ctx, audit);
  const model = buildReportModel(ctx, audit, signed && signatureOf(signed), analysis, signed, options);
  await step(2, 3, REPORT_STAGES[format]);
  const bytes = format === 'pdf' ? await renderReportPdf(model, new Date(ctx.now())) : await renderReportDocx(model);
  const suffix = options.caseDetail === false ? '-without-case-detail' : '';
  return { fileName: `${slug(audit.title)}${suffix}.${format}`, bytes };
}

/**
 * The QA sub-committee's consolidated report for a period: one step per audit of the period, then
 * one for the PDF. Reads only.
 */
export async function consolidatedReport(
  ctx: ServiceContext,
  from: string,
  to: string,
  step: Step = noPause,
  format: 'pdf' | 'docx' = 'pdf',
): Promise<{ fileName: string; bytes: Buffer }> {
  checkPeriod(from, to);
  const model = await buildConsolidated(ctx, from, to, step, 1);
  await step(model.audits.length, model.audits.length + 1, REPORT_STAGES[format]);
  const bytes =
    format === 'pdf' ? await renderConsolidatedPdf(model, new Date(ctx.now())) : await renderConsolidatedDocx(model);
  return { fileName: `qa-report-${from}-to-${to}.${format}`, bytes };
}

/** The evidence for the partnership's yearly report for a period: one step per audit, then the file. Reads only. */
export async function yearlyEvidenceReport(
  ctx: ServiceContext,
  from: string,
  to: string,
  step: Step = noPause,
  format: 'pdf' | 'docx' | 'csv' = 'pdf',
): Promise<{ fileName: string; bytes: Buffer }> {
  checkPeriod(from, to);
  const model = await buildYearlyEvidence(ctx, from, to, step, 1);
  const total = ctx.repos.audits.list().length + 1;
  await step(total - 1, total, REPORT_STAGES[format]);
  const bytes =
    format === 'pdf'
      ? await renderYearlyEvidencePdf(model, new Date(ctx.now()))
      : format === 'docx'
        ? await renderYearlyEvidenceDocx(model)
        : renderYearlyEvidenceCsv(model);
  return { fileName: `yearly-report-evidence-${from}-to-${to}.${format}`, bytes };
}

export function reportService(
  ctx: ServiceContext,
): Pick<ServiceHandlers, 'reports.audit' | 'reports.consolidated' | 'reports.yearlyEvidence'> {
  return {
    'reports.audit': async ({ auditId, format, caseDetail }) => {
      const { fileName, bytes } = await auditReport(ctx, auditId, format, noPause, { caseDetail });
      return { fileName, base64: bytes.toString('base64') };
    },
    'reports.yearlyEvidence': async ({ from, to, format }) => {
      const { fileName, bytes } = await yearlyEvidenceReport(ctx, from, to, noPause, format);
      return { fileName, base64: bytes.toString('base64') };
    },
    'reports.consolidated': async ({ from, to, format }) => {
      const { fileName, bytes } = await consolidatedReport(ctx, from, to, noPause, format);
      return { fileName, base64: bytes.toString('base64') };
    },
  };
}
