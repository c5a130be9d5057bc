// The signed record of a challenge panel as an accessible PDF (tagged, Noto Sans embedded, en-GB):
// attendance, then each item's challenge, response, outcome, escalation and agreed follow-up, then
// the signature in plain words with how to check it in an appendix, as the board report does.
import { PANEL_OUTCOME_LABELS, type PanelContent } from '../../shared/panel.js';
import { safetyNumber } from '../../shared/safetyNumber.js';
import { longBoardDate } from '../../shared/today.js';
import { accessiblePdf, GREY } from './accessiblePdf.js';
import { VERIFY_LINES } from './reportWords.js';

export function renderPanelPdf(c: PanelContent): Promise<Buffer> {
  const pdf = accessiblePdf({
    title: c.panel.title,
    author: c.signer.agency,
    subject: 'Challenge panel record',
    // The record's own moment, so the same signed record always gives the same document.
    createdAt: new Date(c.signedAt),
    runningHeader: `${c.panel.title} · challenge panel record`,
  });
  const name = (id: string) => c.agencies.find((a) => a.id === id)?.name ?? 'Unknown agency';

  pdf.heading(c.panel.title, 1);
  pdf.para(
    `Challenge panel on “${c.panel.auditTitle}”, held on ${longBoardDate(c.panel.heldOn)}${
      c.panel.agencyName ? `, with ${c.panel.agencyName}` : ''
    }.`,
    { color: GREY },
  );

  pdf.heading('Attendance', 2);
  pdf.bullets(
    c.panel.attendees.map((a) => `${a.role}, ${name(a.agencyId)}`),
    'No attendance was recorded.',
  );

  pdf.heading('Items', 2);
  if (c.panel.items.length === 0) pdf.para('The panel considered no items.');
  c.panel.items.forEach((item, i) => {
    pdf.heading(`${i + 1}. ${item.subject}`, 3);
    const parts: Array<[string, string]> = [
      ['Challenge', item.challenge],
      [item.responses.length > 0 ? 'Response not attributed to an agency' : 'Response', item.response],
      ...item.responses.map((r): [string, string] => [`Response from ${name(r.agencyId)}`, r.response]),
      ['Outcome', item.outcome ? PANEL_OUTCOME_LABELS[item.outcome] : 'Not recorded'],
      ['Escalation', item.escalation],
      ['Agreed follow-up', item.followUp],
    ];
    for (const [label, text] of parts) {
      if (!text.trim()) continue;
      pdf.para(label, { bold: true, size: 10 });
      pdf.para(text);
    }
  });

  pdf.heading('Signature', 2);
  pdf.para(`Signed by ${c.signer.name}, ${c.signer.role}, ${c.signer.agency}, on ${longBoardDate(c.signedAt)}.`);
  pdf.para(`Safety number: ${safetyNumber(c.signer.fingerprint)}`);

  pdf.heading('Appendix: checking the signature', 2);
  VERIFY_LINES.forEach((line) => pdf.para(line, { size: 10 }));
  return pdf.end();
}
