// The QA sub-committee's consolidated report across the audits of a period: each audit's headline
// findings and the state of every action plan, for the board.
import PDFDocument from 'pdfkit';
import { ACTION_STATUS_LABELS, effectiveStatus } from '../../shared/actionStatus.js';
import { londonDate } from '../../shared/today.js';
import { AUDIT_THEME_LABELS } from '../../shared/vocabulary.js';
import type { AuditSummary } from '../../shared/audit.js';
import { noPause, type Step } from '../jobs/jobRunner.js';
import type { ServiceContext } from '../services/context.js';

export const STAGE_READING_AUDITS = 'Reading the audits';

export interface ConsolidatedModel {
  boardName: string;
  from: string;
  to: string;
  audits: {
    title: string;
    theme: string;
    round: number;
    status: string;
    cases: number;
    strengths: string[];
    developments: string[];
    actions: Record<string, number>;
  }[];
  totals: Record<string, number>;
}

/** The audits active in the period (last changed within it), oldest first. */
export function auditsInPeriod(ctx: ServiceContext, from: string, to: string): AuditSummary[] {
  return ctx.repos.audits
    .list()
    .filter((a) => a.updatedAt.slice(0, 10) >= from && a.updatedAt.slice(0, 10) <= to)
    .sort((a, b) => (a.createdAt < b.createdAt ? -1 : 1));
}

/**
 * Reads the period's audits one at a time: `step` is called before each (done = audits read so far,
 * of `total` steps), so a job shows progress per audit and can be cancelled between two audits. The
 * caller's `total` counts the steps after the audits too (writing the PDF).
 */
export async function buildConsolidated(
  ctx: ServiceContext,
  from: string,
  to: string,
  step: Step = noPause,
  stepsAfter = 0,
): Promise<ConsolidatedModel> {
  const today = londonDate(new Date(ctx.now()));
  const totals: Record<string, number> = {};
  const period = auditsInPeriod(ctx, from, to);
  const total = period.length + stepsAfter;
  const audits: ConsolidatedModel['audits'] = [];
  for (const [i, listed] of period.entries()) {
    await step(i, total, STAGE_READING_AUDITS);
    // Read again after the pause: it may have changed meanwhile.
    const a = ctx.repos.audits.get(listed.id) ?? listed;
    const findings = ctx.repos.review.findings(a.id);
    const actions: Record<string, number> = {};
    for (const x of ctx.repos.actions.query({ auditId: a.id, today })) {
      const label = ACTION_STATUS_LABELS[effectiveStatus(x, today)];
      actions[label] = (actions[label] ?? 0) + 1;
      totals[label] = (totals[label] ?? 0) + 1;
    }
    audits.push({
      title: a.title,
      theme: AUDIT_THEME_LABELS[a.theme],
      round: a.round,
      status: a.origin === 'imported' ? 'Imported' : a.status === 'signed' ? 'Signed' : 'In progress',
      cases: a.caseCount,
      strengths: findings.filter((f) => f.kind === 'strength').map((f) => f.text),
      developments: findings.filter((f) => f.kind === 'development').map((f) => f.text),
      actions,
    });
  }
  return { boardName: ctx.repos.board.get()?.name ?? '', from, to, audits, totals };
}

export function renderConsolidatedPdf(m: ConsolidatedModel): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 56,
    info: { Title: `Quality assurance report ${m.from} to ${m.to}` },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (b: Buffer) => chunks.push(b));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  const width = doc.page.width - 112;
  doc.font('Helvetica').fontSize(10).fillColor('#505a5f').text(m.boardName);
  doc
    .font('Helvetica-Bold')
    .fontSize(20)
    .fillColor('#0b0c0c')
    .text(`Quality assurance report, ${m.from} to ${m.to}`, { width });
  doc.moveDown().font('Helvetica-Bold').fontSize(13).text('Actions across all audits');
  const totals = Object.entries(m.totals);
  doc
    .font('Helvetica')
    .fontSize(10)
    .text(totals.length ? totals.map(([k, v]) => `${k}: ${v}`).join('   ') : 'No actions.', { width });
  for (const a of m.audits) {
    if (doc.y > doc.page.height - 180) doc.addPage();
    doc
      .moveDown()
      .font('Helvetica-Bold')
      .fontSize(13)
      .text(`${a.title} (${a.theme}, round ${a.round}, ${a.status.toLowerCase()}, ${a.cases} cases)`, { width });
    doc.font('Helvetica-Bold').fontSize(10).text('Strengths');
    for (const s of a.strengths.slice(0, 8)) doc.font('Helvetica').fontSize(10).text(`•  ${s}`, { width });
    doc.font('Helvetica-Bold').fontSize(10).text('Development areas');
    for (const s of a.developments.slice(0, 8)) doc.font('Helvetica').fontSize(10).text(`•  ${s}`, { width });
    const acts = Object.entries(a.actions);
    doc
      .font('Helvetica')
      .fontSize(10)
      .text(`Actions: ${acts.length ? acts.map(([k, v]) => `${k} ${v}`).join(', ') : 'none'}`, { width });
  }
  if (m.audits.length === 0)
    doc.moveDown().font('Helvetica').fontSize(11).text('No audits were active in this period.');
  doc.end();
  return done;
}
