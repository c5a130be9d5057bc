// The signed record of a challenge panel as a PDF: attendance, and each item's challenge, response,
// outcome, escalation and follow-up.
import PDFDocument from 'pdfkit';
import { PANEL_OUTCOME_LABELS, type PanelContent } from '../../shared/panel.js';

export function renderPanelPdf(c: PanelContent): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 56,
    info: { Title: c.panel.title, Subject: 'Challenge panel record' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (b: Buffer) => chunks.push(b));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  const width = doc.page.width - 112;
  const name = (id: string) => c.agencies.find((a) => a.id === id)?.name ?? 'Unknown agency';
  const line = (label: string, text: string) => {
    if (!text.trim()) return;
    doc.font('Helvetica-Bold').fontSize(10).text(label, { width, continued: false });
    doc.font('Helvetica').fontSize(10).text(text, { width, paragraphGap: 4 });
  };
  doc.font('Helvetica-Bold').fontSize(20).text(c.panel.title, { width });
  doc
    .font('Helvetica')
    .fontSize(11)
    .fillColor('#505a5f')
    .text(
      `Challenge panel on "${c.panel.auditTitle}", held ${c.panel.heldOn}${c.panel.agencyName ? `, with ${c.panel.agencyName}` : ''}`,
      { width },
    );
  doc.fillColor('#0b0c0c').moveDown();
  doc.font('Helvetica-Bold').fontSize(13).text('Attendance');
  for (const a of c.panel.attendees)
    doc
      .font('Helvetica')
      .fontSize(10)
      .text(`•  ${a.role}, ${name(a.agencyId)}`, { width });
  c.panel.items.forEach((item, i) => {
    if (doc.y > doc.page.height - 160) doc.addPage();
    doc
      .moveDown()
      .font('Helvetica-Bold')
      .fontSize(12)
      .text(`${i + 1}. ${item.subject}`, { width });
    line('Challenge', item.challenge);
    line('Response', item.response);
    line('Outcome', item.outcome ? PANEL_OUTCOME_LABELS[item.outcome] : 'Not recorded');
    line('Escalation', item.escalation);
    line('Agreed follow-up', item.followUp);
  });
  doc.moveDown().font('Helvetica-Bold').fontSize(13).text('Signature');
  doc
    .font('Helvetica')
    .fontSize(10)
    .text(
      `Signed by ${c.signer.name}, ${c.signer.role}, ${c.signer.agency}, on ${c.signedAt.slice(0, 10)}. Key fingerprint: ${c.signer.fingerprint}. Verify the bundle as docs/bundle-format.md describes.`,
      { width },
    );
  doc.end();
  return done;
}
