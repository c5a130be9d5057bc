// The board report as a PDF, drawn with pdfkit (no browser), laid out like the audit sections of a
// board's annual report: why, the sample, strengths, development areas, recommendations, the action
// plan, the trend, the signature, what happened since signing, and how to check the signature. The
// document is tagged and its fonts embedded (accessiblePdf.ts).
import { CHANGE_OVER_ROUNDS_HEADING } from '../../shared/proportions.js';
import { formatShare } from '../../shared/reauditComparison.js';
import { LEARNING_THEME_LABELS, type LearningTheme } from '../../shared/vocabulary.js';
import { accessiblePdf, BLUE, GREY, INK } from './accessiblePdf.js';
import type { ReportAction, ReportModel } from './reportModel.js';
import { DRAFT_LINE, SINCE_SIGNING_LINE, signatureLine, VERIFY_LINES } from './reportWords.js';

const ACTION_HEADER = ['Action', 'Lead agency', 'Owner', 'Due', 'Success measure', 'Status'];
const ACTION_WIDTHS = [0.3, 0.14, 0.13, 0.12, 0.2, 0.11];
const themeLabel = (t: string) => LEARNING_THEME_LABELS[t as LearningTheme] ?? t;

export function renderReportPdf(m: ReportModel, createdAt: Date): Promise<Buffer> {
  const pdf = accessiblePdf({
    title: m.title,
    author: m.boardName,
    subject: `${m.theme} audit`,
    createdAt,
    runningHeader: `${m.boardName} · ${m.title}`,
  });
  const actionRows = (actions: ReportAction[]) =>
    actions.map((a) => [a.text, a.lead, a.owner, a.due, a.successMeasure, a.status]);

  pdf.para(m.boardName, { size: 10, color: GREY });
  pdf.heading(m.title, 1);
  pdf.para(`${m.theme} · round ${m.round} · ${m.templateLine}`, { color: GREY });
  if (m.caseDetailLine) pdf.para(m.caseDetailLine, { bold: true });
  pdf.para(m.personalDataLine, { color: GREY });

  pdf.heading('Summary', 2);
  m.summary.forEach((line) => pdf.para(line));
  pdf.heading('Why the audit', 2);
  pdf.para(m.purpose || 'The purpose of the audit was not recorded.');
  pdf.heading('The sample', 2);
  m.sampleLines.forEach((line) => pdf.para(line));
  if (m.smallSampleNote) pdf.para(m.smallSampleNote, { bold: true });
  // Each group under the heading its own findings state ("In some cases the following …").
  const findingSection = (title: string, groups: ReportModel['strengths'], empty: string) => {
    pdf.heading(title, 2);
    if (groups.length === 0) pdf.para(empty);
    for (const g of groups) {
      pdf.heading(g.heading, 3);
      pdf.bullets(g.items, '');
    }
  };
  findingSection('Strengths', m.strengths, 'No strengths were recorded.');
  findingSection('Development areas', m.developments, 'No development areas were recorded.');
  pdf.heading('Grades by agency', 2);
  if (!m.grades) pdf.para('No grades were recorded.');
  else
    pdf.table(m.grades.header, m.grades.rows, [
      0.32,
      ...m.grades.header.slice(1).map(() => 0.68 / (m.grades!.header.length - 1)),
    ]);
  pdf.heading('Learning themes', 2);
  if (m.themes.length === 0) pdf.para('No learning theme was assessed.');
  else {
    pdf.para(
      'The share of cases meeting the standard for each learning theme the audit tested, with its 95% interval.',
    );
    pdf.table(
      ['Learning theme', 'Cases meeting the standard', '95% interval'],
      m.themes.map((t) => [t.theme, t.share, t.interval]),
      [0.4, 0.35, 0.25],
    );
  }
  pdf.heading('Recommendations', 2);
  pdf.bullets(m.recommendations, 'No recommendations were made.');

  pdf.heading('Action plan', 2);
  if (m.actions.length === 0) pdf.para('There are no actions.');
  else pdf.table(ACTION_HEADER, actionRows(m.actions), ACTION_WIDTHS);

  pdf.heading('Outcomes and impact: the trend against earlier rounds', 2);
  const roundNames = m.trend.rounds.map((r) => r.split(':')[0]!);
  pdf.para(m.trend.label);
  if (m.trend.rounds.length > 1 && m.trend.series.length > 0) {
    pdf.figure(chartAlt(m), 164, (top) => drawChart(pdf.doc, m, pdf.width, top));
    pdf.table(
      ['Learning theme', ...roundNames, CHANGE_OVER_ROUNDS_HEADING],
      m.trend.themes.map((t) => [t.theme, ...t.cells, t.change]),
      [0.22, ...m.trend.rounds.map(() => 0.43 / m.trend.rounds.length), 0.35],
    );
  }
  if (m.trend.rounds.length > 1 && m.trend.rows.length > 0) {
    pdf.table(
      ['Question', ...roundNames],
      m.trend.rows.slice(0, 30).map((r) => [`${r.question}${r.changed ? ' (wording changed)' : ''}`, ...r.shares]),
      [0.55, ...m.trend.rounds.map(() => 0.45 / m.trend.rounds.length)],
    );
  }

  pdf.heading('Signature', 2);
  if (m.signature) {
    pdf.para(signatureLine(m.signature));
    pdf.para(`Safety number, to compare with the one the signer reads out: ${m.signature.safetyNumber}`);
    pdf.para('How anyone can check this signature is explained in the appendix.');
  } else pdf.para(DRAFT_LINE);

  if (m.sinceSigning) {
    pdf.heading(`Since signing: the action plan as at ${m.sinceSigning.asAt}`, 2);
    pdf.para(SINCE_SIGNING_LINE);
    if (m.sinceSigning.actions.length === 0) pdf.para('There are no actions.');
    else
      pdf.table(
        ACTION_HEADER,
        actionRows(
          m.sinceSigning.actions.map((a) => (a.added ? { ...a, text: `${a.text} (added after signing)` } : a)),
        ),
        ACTION_WIDTHS,
      );
  }
  if (m.signature) {
    pdf.heading('Appendix: checking the signature', 2);
    pdf.para(`Key fingerprint (SHA-256 of the signer's public key): ${m.signature.fingerprint}`);
    VERIFY_LINES.forEach((line) => pdf.para(line));
  }
  return pdf.end();
}

/** What the chart shows, in words: the first and last share of each theme. */
function chartAlt(m: ReportModel): string {
  const first = m.trend.rounds[0]!.split(':')[0]!;
  const last = m.trend.rounds[m.trend.rounds.length - 1]!.split(':')[0]!;
  const lines = m.trend.series.map((s) => {
    const known = s.values.filter((v): v is number => v !== null);
    return `${themeLabel(s.label)} ${formatShare(known[0] ?? null)} to ${formatShare(known[known.length - 1] ?? null)}`;
  });
  return `Line chart of the share of cases meeting the standard by learning theme, ${first} to ${last}: ${lines.join('; ')}. The table after the chart gives every value.`;
}

/** A line chart of the share meeting the standard per learning theme across rounds. */
function drawChart(doc: PDFKit.PDFDocument, m: ReportModel, width: number, top: number): void {
  const left = 96;
  const w = width - 200;
  const h = 140;
  const n = m.trend.rounds.length;
  doc.lineWidth(0.5).strokeColor('#b1b4b6');
  for (const pct of [0, 50, 100]) {
    const y = top + h - (pct / 100) * h;
    doc
      .moveTo(left, y)
      .lineTo(left + w, y)
      .stroke();
    doc
      .font('Body')
      .fontSize(8)
      .fillColor(GREY)
      .text(`${pct}%`, left - 34, y - 4, { width: 30, align: 'right' });
  }
  m.trend.rounds.forEach((label, i) => {
    const x = left + (n === 1 ? 0 : (i / (n - 1)) * w);
    doc
      .font('Body')
      .fontSize(7)
      .fillColor(GREY)
      .text(label.split(':')[0]!, x - 25, top + h + 4, { width: 50, align: 'center' });
  });
  const palette = [
    BLUE,
    '#d4351c',
    '#00703c',
    '#f47738',
    '#4c2c92',
    '#28a197',
    '#912b88',
    '#85994b',
    '#5694ca',
    '#b58840',
    '#505a5f',
  ];
  m.trend.series.forEach((s, si) => {
    const colour = palette[si % palette.length]!;
    doc.strokeColor(colour).lineWidth(1.5);
    let started = false;
    s.values.forEach((v, i) => {
      if (v === null) return;
      const x = left + (n === 1 ? 0 : (i / (n - 1)) * w);
      const y = top + h - v * h;
      if (!started) doc.moveTo(x, y);
      else doc.lineTo(x, y);
      started = true;
    });
    doc.stroke();
    // A mark at every value, so a theme measured in one round only still shows.
    s.values.forEach((v, i) => {
      if (v !== null) doc.circle(left + (n === 1 ? 0 : (i / (n - 1)) * w), top + h - v * h, 2.5).fill(colour);
    });
    doc.rect(left + w + 12, top + si * 12, 8, 8).fill(colour);
    doc
      .font('Body')
      .fontSize(7)
      .fillColor(INK)
      .text(themeLabel(s.label), left + w + 24, top + si * 12, { width: 120 });
  });
}
