// The small-sample threshold is the board's setting: drafts use it as it is now, a signed revision
// the one recorded in it when it was signed (so its report never changes), and a bundle signed before
// the threshold was recorded still imports, read with the default of 5.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfText } from '../helpers/documents.js';
import { asNewAudit, craftRevision, lastSeq, logSince, signedRevision } from '../helpers/craftBundles.js';
import { auditorAndQa, completeAudit, sign, type Installation } from '../helpers/installations.js';
import { tempDir } from '../helpers/tmp.js';

const t = tempDir();
let auditor: Installation;
let qa: Installation;

beforeAll(async () => {
  ({ auditor, qa } = await auditorAndQa(t.dir));
}, 120_000);
afterAll(() => {
  auditor.app.close();
  qa.app.close();
  t.cleanup();
});

const reportText = async (inst: Installation, auditId: string) =>
  pdfText(Buffer.from((await inst.api['reports.audit']({ auditId, format: 'pdf' })).base64, 'base64'));

describe('the small-sample threshold', () => {
  it('is 5 until the board sets it, and a change is logged', async () => {
    expect(await auditor.api['settings.smallSample']({})).toEqual({ threshold: 5 });
    const seq = lastSeq(auditor);
    expect(await auditor.api['settings.setSmallSample']({ threshold: 8 })).toEqual({ threshold: 8 });
    expect(await auditor.api['settings.smallSample']({})).toEqual({ threshold: 8 });
    expect(logSince(auditor, seq)).toMatchObject([
      { entity: 'setting', entityId: 'smallSample', action: 'update', before: 5, after: 8 },
    ]);
  });

  it.each([
    [1, 'at least 2 cases'],
    [31, 'at most 30 cases'],
    [4.5, 'whole number'],
    ['5', 'whole number'],
  ])('refuses %j, saying why', async (threshold, words) => {
    const r = await auditor.app.dispatch('settings.setSmallSample', { threshold });
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: expect.stringContaining(words) },
    });
    expect(await auditor.api['settings.smallSample']({})).toEqual({ threshold: 8 });
  });

  it('marks a draft’s shares with the setting as it is now, in the analysis and the dashboard', async () => {
    const auditId = await completeAudit(auditor.api, 'Draft audit', { cases: 6, seed: 3 });
    await auditor.api['settings.setSmallSample']({ threshold: 7 });
    const analysis = await auditor.api['audits.analysis']({ auditId });
    expect(analysis.smallSampleThreshold).toBe(7);
    expect(analysis.suggestions.length).toBeGreaterThan(0);
    for (const s of analysis.suggestions) expect(s.smallSample).toBe(s.casesAssessed < 7);
    await auditor.api['settings.setSmallSample']({ threshold: 2 });
    const after = await auditor.api['audits.analysis']({ auditId });
    for (const s of after.suggestions) expect(s.smallSample).toBe(s.casesAssessed < 2);
    expect((await auditor.api['dashboard.get']({})).smallSampleThreshold).toBe(2);
  });

  it('applies to a signed revision as recorded when it was signed, whatever the board sets later', async () => {
    await auditor.api['settings.setSmallSample']({ threshold: 8 });
    const auditId = await completeAudit(auditor.api, 'Signed audit', { cases: 6, seed: 5 });
    await sign(auditor.api, auditId);
    expect(signedRevision(auditor, auditId).content.audit.thresholds.smallSample).toBe(8);
    const signedPdf = await pdfText(auditor.app.ctx.repos.bundles.latestRevision(auditId)!.report);
    expect(signedPdf).toContain('every share in this report is a small sample');

    await auditor.api['settings.setSmallSample']({ threshold: 3 });
    expect((await auditor.api['audits.analysis']({ auditId })).smallSampleThreshold).toBe(8);
    const again = await reportText(auditor, auditId);
    expect(again).toContain('every share in this report is a small sample');
    expect(again.match(/small sample/g)?.length).toBe(signedPdf.match(/small sample/g)?.length);

    // A new revision is a draft again: the setting as it is now applies.
    await auditor.api['audits.newRevision']({ auditId });
    expect((await auditor.api['audits.analysis']({ auditId })).smallSampleThreshold).toBe(3);
    expect(await reportText(auditor, auditId)).not.toContain('every share in this report is a small sample');
  });

  it('is read as 5 for a bundle signed before it was recorded, which still imports', async () => {
    await auditor.api['settings.setSmallSample']({ threshold: 8 });
    const auditId = await completeAudit(auditor.api, 'Older audit', { cases: 6, seed: 9 });
    await sign(auditor.api, auditId);
    const genuine = signedRevision(auditor, auditId);
    const { smallSample, ...older } = genuine.content.audit.thresholds;
    expect(smallSample).toBe(8);
    const content = asNewAudit({ ...genuine.content, audit: { ...genuine.content.audit, thresholds: older } });
    const { bytes } = await craftRevision(auditor, content, null, auditor);

    await qa.api['settings.setSmallSample']({ threshold: 9 });
    const outcome = await qa.api['bundles.import']({ fileName: 'older.caseaudit', base64: bytes.toString('base64') });
    expect(outcome).toMatchObject({ outcome: 'added', auditId: content.audit.id });
    const imported = await qa.api['audits.get']({ auditId: content.audit.id });
    expect(imported.audit.thresholds).toEqual(older);
    expect((await qa.api['audits.analysis']({ auditId: content.audit.id })).smallSampleThreshold).toBe(5);

    // And one that records it is read with what it records, not the importing board's setting.
    const recorded = asNewAudit(genuine.content);
    const withIt = await craftRevision(auditor, recorded, null, auditor);
    const second = await qa.api['bundles.import']({
      fileName: 'recorded.caseaudit',
      base64: withIt.bytes.toString('base64'),
    });
    expect(second).toMatchObject({ outcome: 'added' });
    expect((await qa.api['audits.get']({ auditId: recorded.audit.id })).audit.thresholds).toEqual(older);
    expect((await qa.api['audits.analysis']({ auditId: recorded.audit.id })).smallSampleThreshold).toBe(8);
  });
});
