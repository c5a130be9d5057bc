// Signing draws the report between reading the audit and writing the signed revision. Whatever is
// written meanwhile is noticed: a change to the audit refuses the signing, anything else does not.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { completeAudit, installation, type Installation } from '../helpers/installations.js';
import { tempDir } from '../helpers/tmp.js';

const t = tempDir();
let auditor: Installation;
beforeAll(async () => {
  auditor = await installation(t.dir, 'auditor', { name: 'Sam Auditor', role: 'Auditor', agency: 'Independent' });
}, 60_000);
afterAll(() => {
  auditor.app.close();
  t.cleanup();
});

/** Starts signing; `meanwhile` runs while the report is being drawn (signing's first wait). */
async function signWith(auditId: string, meanwhile: () => unknown) {
  const { contentHash } = await auditor.api['audits.signingPreview']({ auditId });
  // Called on the handlers directly: everything before the report is drawn runs synchronously here.
  const signing = auditor.app.handlers['audits.sign']({ auditId, contentHash });
  await meanwhile();
  return signing;
}

describe('signing while something else writes', () => {
  it('refuses when the audit changed while its report was drawn, and signs nothing', async () => {
    const auditId = await completeAudit(auditor.api, 'Raced audit', { cases: 1 });
    const [checklist] = (await auditor.api['audits.get']({ auditId })).checklists;
    const detail = await auditor.api['checklists.get']({ checklistId: checklist!.id });
    const answer = detail.answers[0]!;
    await expect(
      signWith(auditId, () =>
        auditor.app.handlers['answers.save']({
          checklistId: checklist!.id,
          questionId: answer.questionId,
          value: answer.value,
          notApplicableReason: answer.notApplicableReason,
          evidence: `${answer.evidence} (added while signing)`,
        }),
      ),
    ).rejects.toThrow(/changed while it was being signed/);
    expect((await auditor.api['audits.get']({ auditId })).audit).toMatchObject({ status: 'in_progress', revision: 0 });
  });

  it('signs when what was written meanwhile is not part of the audit', async () => {
    const auditId = await completeAudit(auditor.api, 'Quiet audit', { cases: 1 });
    const signed = await signWith(auditId, () => auditor.api['settings.setIdleLock']({ minutes: 9 }));
    expect(signed).toMatchObject({ status: 'signed', revision: 1 });
  });

  it('after a preview, a change before signing refuses it; signing right after the preview signs it as it was shown', async () => {
    const auditId = await completeAudit(auditor.api, 'Previewed audit', { cases: 1 });
    const [checklist] = (await auditor.api['audits.get']({ auditId })).checklists;
    const answer = (await auditor.api['checklists.get']({ checklistId: checklist!.id })).answers[0]!;
    const { contentHash } = await auditor.api['audits.signingPreview']({ auditId });
    // Changed after the preview was shown: the preview kept by the service is not what is signed.
    await auditor.api['answers.save']({
      checklistId: checklist!.id,
      questionId: answer.questionId,
      value: answer.value,
      notApplicableReason: answer.notApplicableReason,
      evidence: `${answer.evidence} (changed after the preview)`,
    });
    await expect(auditor.api['audits.sign']({ auditId, contentHash })).rejects.toThrow(/changed after you reviewed it/);

    // Something else written after the preview: built again, the same, signed.
    const again = await auditor.api['audits.signingPreview']({ auditId });
    await auditor.api['settings.setIdleLock']({ minutes: 11 });
    expect(await auditor.api['audits.sign']({ auditId, contentHash: again.contentHash })).toMatchObject({
      status: 'signed',
      revision: 1,
    });

    // Straight after its preview: the revision holds what the preview hashed, stamped when signed.
    await auditor.api['audits.newRevision']({ auditId });
    const third = await auditor.api['audits.signingPreview']({ auditId });
    await new Promise((resolve) => setTimeout(resolve, 5));
    const before = new Date().toISOString();
    await auditor.api['audits.sign']({ auditId, contentHash: third.contentHash });
    const stored = auditor.app.ctx.repos.bundles.revision(auditId, 2)!;
    const content = JSON.parse(stored.content) as { signedAt: string };
    expect(content.signedAt >= before).toBe(true);
    const { createHash } = await import('node:crypto');
    const { canonicalJson } = await import('../../shared/canonicalJson.js');
    const substance = createHash('sha256')
      .update(canonicalJson({ ...content, signedAt: '' }))
      .digest('hex');
    expect(substance).toBe(third.contentHash);
    expect(createHash('sha256').update(stored.content).digest('hex')).toBe(stored.contentHash);
  });
});
