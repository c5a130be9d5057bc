// The board report as a PDF, drawn with pdfkit (no browser), laid out like the audit sections of a
// board's annual report: why, the sample, strengths, development areas, recommendations, the action
// plan, the trend, and how to check the signature.
import PDFDocument from 'pdfkit';
import { LEARNING_THEME_LABELS, type LearningTheme } from '../../shared/vocabulary.js';
import type { ReportModel } from './reportModel.js';
import { DRAFT_LINE, SINCE_SIGNING_LINE, signatureLine, VERIFY_LINES } from './reportWords.js';

const INK = '#0b0c0c';
const GREY = '#505a5f';
const BLUE = '#1d70b8';

export function renderReportPdf(m: ReportModel, createdAt: Date): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 56,
    info: { Title: m.title, Author: m.boardName, Subject: `${m.theme} audit`, CreationDate: createdAt },
    compress: true,
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  const width = doc.page.width - 112;

  const heading = (text: string) => {
    if (doc.y > doc.page.height - 140) doc.addPage();
    doc.moveDown(0.8).font('Helvetica-Bold').fontSize(14).fillColor(INK).text(text, { width });
    doc.moveDown(0.3).font('Helvetica').fontSize(11);
  };
  const para = (text: string) =>
    doc.font('Helvetica').fontSize(11).fillColor(INK).text(text, { width, paragraphGap: 4 });
  const bullets = (items: string[], empty: string) => {
    if (items.length === 0) return para(empty);
    for (const item of items)
      doc.font('Helvetica').fontSize(11).fillColor(INK).text(`•  ${item}`, { width, indent: 0, paragraphGap: 3 });
  };

  doc.font('Helvetica').fontSize(10).fillColor(GREY).text(m.boardName, { width });
  doc.font('Helvetica-Bold').fontSize(22).fillColor(INK).text(m.title, { width });
  doc
    .font('Helvetica')
    .fontSize(11)
    .fillColor(GREY)
    .text(`${m.theme} · round ${m.round} · ${m.templateLine}`, { width });

  heading('Why the audit');
  para(m.purpose || 'The purpose of the audit was not recorded.');
  heading('The sample');
  m.sampleLines.forEach(para);
  heading('In many or most cases the following strengths were found');
  bullets(m.strengths, 'No strengths were recorded.');
  heading('In some cases the following development areas were found');
  bullets(m.developments, 'No development areas were recorded.');
  heading('Recommendations');
  bullets(m.recommendations, 'No recommendations were made.');

  const COLS = [0.42, 0.18, 0.16, 0.12, 0.12].map((f) => f * width);
  const row = (cells: string[], bold: boolean) => {
    if (doc.y > doc.page.height - 100) doc.addPage();
    const top = doc.y;
    let x = 56;
    let bottom = top;
    cells.forEach((cell, i) => {
      doc
        .font(bold ? 'Helvetica-Bold' : 'Helvetica')
        .fontSize(9)
        .fillColor(INK)
        .text(cell, x, top, { width: COLS[i]! - 6 });
      bottom = Math.max(bottom, doc.y);
      x += COLS[i]!;
    });
    doc
      .moveTo(56, bottom + 3)
      .lineTo(56 + width, bottom + 3)
      .strokeColor('#b1b4b6')
      .lineWidth(0.5)
      .stroke();
    doc.y = bottom + 6;
    doc.x = 56;
  };
  const actionTable = (actions: { text: string; lead: string; owner: string; due: string; status: string }[]) => {
    row(['Action', 'Lead agency', 'Owner', 'Due', 'Status'], true);
    for (const a of actions) row([a.text, a.lead, a.owner, a.due, a.status], false);
  };

  heading('Action plan');
  if (m.actions.length === 0) para('There are no actions.');
  else actionTable(m.actions);

  heading('Outcomes and impact: the trend against earlier rounds');
  para(m.trend.label);
  if (m.trend.rounds.length > 1 && m.trend.series.length > 0) drawChart(doc, m, width);
  if (m.trend.rounds.length > 1) {
    for (const r of m.trend.rows.slice(0, 30))
      para(`${r.question}${r.changed ? ' (wording changed)' : ''}: ${r.shares.join(' → ')}`);
  }

  heading('Signature');
  if (m.signature) {
    para(signatureLine(m.signature));
    para(`Key fingerprint: ${m.signature.fingerprint}`);
    para('How anyone can check this signature is explained in the appendix.');
  } else para(DRAFT_LINE);

  if (m.sinceSigning) {
    heading(`Since signing: the action plan as at ${m.sinceSigning.asAt}`);
    para(SINCE_SIGNING_LINE);
    if (m.sinceSigning.actions.length === 0) para('There are no actions.');
    else
      actionTable(m.sinceSigning.actions.map((a) => (a.added ? { ...a, text: `${a.text} (added after signing)` } : a)));
  }
  if (m.signature) {
    heading('Appendix: checking the signature');
    VERIFY_LINES.forEach(para);
  }
  doc.end();
  return done;
}

/** A line chart of the share meeting the standard per learning theme across rounds. */
function drawChart(doc: PDFKit.PDFDocument, m: ReportModel, width: number): void {
  if (doc.y > doc.page.height - 260) doc.addPage();
  const left = 96;
  const top = doc.y + 10;
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
      .font('Helvetica')
      .fontSize(8)
      .fillColor(GREY)
      .text(`${pct}%`, left - 34, y - 4, { width: 30, align: 'right' });
  }
  m.trend.rounds.forEach((label, i) => {
    const x = left + (n === 1 ? 0 : (i / (n - 1)) * w);
    doc
      .font('Helvetica')
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
    doc.rect(left + w + 12, top + si * 12, 8, 8).fill(colour);
    doc
      .font('Helvetica')
      .fontSize(7)
      .fillColor(INK)
      .text(LEARNING_THEME_LABELS[s.label as LearningTheme] ?? s.label, left + w + 24, top + si * 12, { width: 120 });
  });
  doc.x = 56;
  doc.y = top + h + 24;
}
