// Board reports: one audit as PDF or Word, and the consolidated QA report for a period.
import type { RevisionContent } from '../../shared/bundle.js';
import type { ServiceHandlers } from '../../shared/contract.js';
import { AppError } from '../../shared/errors.js';
import type { AuditSummary } from '../../shared/audit.js';
import { buildConsolidated, renderConsolidatedPdf } from '../report/consolidated.js';
import { renderReportDocx } from '../report/reportDocx.js';
import { buildReportModel, type ReportModel } from '../report/reportModel.js';
import { renderReportPdf } from '../report/reportPdf.js';
import type { ServiceContext } from './context.js';

const slug = (s: string) =>
  s
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase()
    .slice(0, 60) || 'report';

/** The signature block: from the latest signed revision, if the audit has one. */
export function signatureOf(ctx: ServiceContext, audit: AuditSummary): ReportModel['signature'] {
  const latest = ctx.repos.bundles.latestRevision(audit.id);
  if (!latest) return null;
  const c = JSON.parse(latest.content) as RevisionContent;
  return {
    signer: `${c.signer.name}, ${c.signer.role}, ${c.signer.agency}`,
    date: c.signedAt,
    fingerprint: c.signer.fingerprint,
    revision: c.revision,
  };
}

export async function auditReport(ctx: ServiceContext, auditId: string, format: 'pdf' | 'docx') {
  const audit = ctx.repos.audits.get(auditId);
  if (!audit) throw new AppError('NOT_FOUND', 'No such audit.');
  const model = buildReportModel(ctx, audit, signatureOf(ctx, audit));
  const bytes = format === 'pdf' ? await renderReportPdf(model, new Date(ctx.now())) : await renderReportDocx(model);
  return { fileName: `${slug(audit.title)}.${format}`, bytes };
}

export function reportService(ctx: ServiceContext): Pick<ServiceHandlers, 'reports.audit' | 'reports.consolidated'> {
  return {
    'reports.audit': async ({ auditId, format }) => {
      const { fileName, bytes } = await auditReport(ctx, auditId, format);
      return { fileName, base64: bytes.toString('base64') };
    },
    'reports.consolidated': async ({ from, to }) => {
      if (from > to) throw new AppError('VALIDATION', 'to: the end of the period is before its start');
      const bytes = await renderConsolidatedPdf(buildConsolidated(ctx, from, to));
      return { fileName: `qa-report-${from}-to-${to}.pdf`, base64: bytes.toString('base64') };
    },
  };
}
