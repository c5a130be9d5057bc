// The QA sub-committee's consolidated report across the audits of a period: each audit's headline
// findings and the state of every action plan, for the board.
import { personalDataStatement } from '../../shared/exportPersonalData.js';
import { HeadingLevel } from 'docx';
import { ACTION_STATUS_LABELS, effectiveStatus } from '../../shared/actionStatus.js';
import { londonDate, longBoardDate } from '../../shared/today.js';
import { markedIfSmall } from '../../shared/prevalence.js';
import { AUDIT_THEME_LABELS } from '../../shared/vocabulary.js';
import { smallSampleFor } from '../services/smallSample.js';
import type { AuditSummary } from '../../shared/audit.js';
import { noPause, type Step } from '../jobs/jobRunner.js';
import type { ServiceContext } from '../services/context.js';
import { accessiblePdf, GREY } from './accessiblePdf.js';
import { bullets, h, p, table, wordDocument } from './wordParts.js';

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
    const smallSample = smallSampleFor(ctx, a);
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
      strengths: findings.filter((f) => f.kind === 'strength').map((f) => markedIfSmall(f.text, smallSample)),
      developments: findings.filter((f) => f.kind === 'development').map((f) => markedIfSmall(f.text, smallSample)),
      actions,
    });
  }
  return { boardName: ctx.repos.board.get()?.name ?? '', from, to, audits, totals };
}

const periodTitle = (m: ConsolidatedModel) =>
  `Quality assurance report, ${longBoardDate(m.from)} to ${longBoardDate(m.to)}`;
const auditHeading = (a: ConsolidatedModel['audits'][number]) =>
  `${a.title}: ${a.theme}, round ${a.round}, ${a.status.toLowerCase()}, ${a.cases === 1 ? '1 case' : `${a.cases} cases`}`;
const statusRows = (counts: Record<string, number>) => Object.entries(counts).map(([k, v]) => [k, String(v)]);
const NO_AUDITS = 'No audits were active in this period.';
const FINDINGS_SHOWN = 8;

/** The consolidated report as a tagged PDF with embedded fonts (accessiblePdf.ts). */
export function renderConsolidatedPdf(m: ConsolidatedModel, createdAt = new Date()): Promise<Buffer> {
  const pdf = accessiblePdf({
    title: periodTitle(m),
    author: m.boardName,
    subject: 'Quality assurance report',
    createdAt,
    runningHeader: `${m.boardName} · ${periodTitle(m)}`,
  });
  pdf.para(m.boardName, { size: 10, color: GREY });
  pdf.heading(periodTitle(m), 1);
  pdf.para(personalDataStatement('consolidatedReport'), { color: GREY });
  pdf.heading('Actions across all audits', 2);
  const totals = statusRows(m.totals);
  if (totals.length === 0) pdf.para('No actions.');
  else pdf.table(['Status', 'Actions'], totals, [0.6, 0.4]);
  for (const a of m.audits) {
    pdf.heading(auditHeading(a), 2);
    pdf.heading('Strengths', 3);
    pdf.bullets(a.strengths.slice(0, FINDINGS_SHOWN), 'No strengths were recorded.');
    pdf.heading('Development areas', 3);
    pdf.bullets(a.developments.slice(0, FINDINGS_SHOWN), 'No development areas were recorded.');
    const acts = Object.entries(a.actions);
    pdf.para(`Actions: ${acts.length ? acts.map(([k, v]) => `${k} ${v}`).join(', ') : 'none'}`);
  }
  if (m.audits.length === 0) pdf.para(NO_AUDITS);
  return pdf.end();
}

/** The same report as an editable Word document. */
export function renderConsolidatedDocx(m: ConsolidatedModel): Promise<Buffer> {
  const children = [
    p(m.boardName),
    h(periodTitle(m), HeadingLevel.HEADING_1),
    p(personalDataStatement('consolidatedReport')),
    h('Actions across all audits', HeadingLevel.HEADING_2),
    Object.keys(m.totals).length ? table(['Status', 'Actions'], statusRows(m.totals)) : p('No actions.'),
    ...m.audits.flatMap((a) => [
      h(auditHeading(a), HeadingLevel.HEADING_2),
      h('Strengths', HeadingLevel.HEADING_3),
      ...bullets(a.strengths.slice(0, FINDINGS_SHOWN), 'No strengths were recorded.'),
      h('Development areas', HeadingLevel.HEADING_3),
      ...bullets(a.developments.slice(0, FINDINGS_SHOWN), 'No development areas were recorded.'),
      p(
        `Actions: ${
          Object.entries(a.actions)
            .map(([k, v]) => `${k} ${v}`)
            .join(', ') || 'none'
        }`,
      ),
    ]),
    ...(m.audits.length === 0 ? [p(NO_AUDITS)] : []),
  ];
  return wordDocument(periodTitle(m), 'Quality assurance report', children, `${m.boardName} · ${periodTitle(m)}`);
}
