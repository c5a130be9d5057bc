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
});
