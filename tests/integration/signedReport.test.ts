// The signed record never changes: the report of a signed revision reads as it did when it was
// signed, whatever is recorded afterwards (progress, panel follow-ups, a renamed agency or board);
// what came later is printed after the signature, in its own dated part.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docxText, pdfText } from '../helpers/documents.js';
import { completeAudit, installation, sign, type Installation } from '../helpers/installations.js';
import { tempDir } from '../helpers/tmp.js';

const t = tempDir();
let inst: Installation;
let auditId: string;
let signedPdf: string;

const FOLLOW_UP = 'Send the monthly results to the panel.';

beforeAll(async () => {
  inst = await installation(t.dir, 'signed-report', {
    name: 'Signing Auditor',
    role: 'Independent auditor',
    agency: 'Independent',
  });
  auditId = await completeAudit(inst.api, 'Front door audit', { cases: 3, seed: 5 });
  await sign(inst.api, auditId);
  signedPdf = await pdfText(inst.app.ctx.repos.bundles.latestRevision(auditId)!.report);

  // After signing: a challenge panel adds a follow-up action, the QA sub-committee records progress,
  // and the board renames an agency.
  const board = (await inst.api['board.get']({}))!;
  const police = board.agencies.find((a) => a.name === 'Police')!;
  const panel = await inst.api['panels.create']({
    auditId,
    agencyId: police.id,
    title: 'Police challenge panel',
    heldOn: '2026-11-20',
  });
  const withItem = await inst.api['panels.addItem']({ panelId: panel.id, subject: 'Voice of the child' });
  await inst.api['panels.addFollowUp']({
    itemId: withItem.items[0]!.id,
    text: FOLLOW_UP,
    leadAgencyId: police.id,
    ownerRole: 'Detective Inspector',
    dueDate: '2027-02-28',
    successMeasure: 'Three months of results received',
  });
  const signedAction = (await inst.api['actions.list']({ auditId })).find((a) => a.text !== FOLLOW_UP)!;
  await inst.api['actions.addUpdate']({
    actionId: signedAction.id,
    note: 'Work started at the team meeting.',
    status: 'on_track',
  });
  await inst.api['agencies.save']({
    agencies: board.agencies.map((a) => ({
      id: a.id,
      name: a.id === police.id ? 'Constabulary' : a.name,
      kind: a.kind,
      active: a.active,
    })),
  });
}, 120_000);
afterAll(() => {
  inst.app.close();
  t.cleanup();
});

// The running header and page numbers are artifacts, not content: the signed part is compared without them.
const content = (text: string) =>
  text
    .replace(/Page \d+ of \d+/g, '')
    .replace(/Northshire Safeguarding Children Partnership · Front door audit/g, '')
    .replace(/\s+/g, ' ');

const before = (text: string, marker: string) => {
  const at = text.indexOf(marker);
  expect(at, `"${marker}" in the report`).toBeGreaterThan(0);
  return text.slice(0, at);
};

describe('the report of a signed revision', () => {
  it('was drawn at signing from what was signed, with the signature in plain words', () => {
    expect(signedPdf).toMatch(
      /Signed by Signing Auditor, Independent auditor, Independent on \d{1,2} [A-Z][a-z]+ \d{4}/,
    );
    expect(signedPdf).toContain('3 cases were audited.');
    expect(signedPdf).not.toContain('Since signing');
    // How to verify is an appendix, not part of the signature block.
    expect(before(signedPdf, 'Appendix: checking the signature')).not.toContain('openssl');
  });

  it('reads the same up to its signature when drawn again after later work', async () => {
    const again = await pdfText(
      Buffer.from((await inst.api['reports.audit']({ auditId, format: 'pdf' })).base64, 'base64'),
    );
    const signedPart = content(before(signedPdf, 'Appendix: checking the signature'));
    expect(content(before(again, 'Since signing: the action plan as at'))).toBe(signedPart);
    expect(signedPart).not.toContain(FOLLOW_UP);
    expect(signedPart).not.toContain('Constabulary');
    expect(signedPart).toContain('Not yet started');
  });

  it('shows what came later after the signature: the follow-up and the progress, dated', async () => {
    const again = await pdfText(
      Buffer.from((await inst.api['reports.audit']({ auditId, format: 'pdf' })).base64, 'base64'),
    );
    const since = again.slice(again.indexOf('Since signing: the action plan as at'));
    expect(since).toMatch(/^Since signing: the action plan as at \d{1,2} [A-Z][a-z]+ \d{4}/);
    expect(since).toContain(`${FOLLOW_UP} (added after signing)`);
    expect(since).toContain('On track');
    expect(since.indexOf('Appendix: checking the signature')).toBeGreaterThan(since.indexOf(FOLLOW_UP));
  });

  it('does the same in the Word document', async () => {
    const docx = await docxText(
      Buffer.from((await inst.api['reports.audit']({ auditId, format: 'docx' })).base64, 'base64'),
    );
    const signedPart = before(docx, 'Since signing: the action plan as at');
    expect(signedPart).toContain('Signed by Signing Auditor');
    expect(signedPart).not.toContain(FOLLOW_UP);
    expect(docx.slice(signedPart.length)).toContain(`${FOLLOW_UP} (added after signing)`);
  });

  it('is a draft again, without the old signature, once a new revision is started', async () => {
    await inst.api['audits.newRevision']({ auditId });
    const draft = await pdfText(
      Buffer.from((await inst.api['reports.audit']({ auditId, format: 'pdf' })).base64, 'base64'),
    );
    expect(draft).toContain('This report is a draft: this revision of the audit has not been signed.');
    expect(draft).not.toContain('Signed by');
    expect(draft).toContain(FOLLOW_UP);
  });
});
