import { verify as verifySignature } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalJson } from '../../shared/canonicalJson.js';
import { publicPem } from '../../electron/crypto/keys.js';
import {
  completeAudit,
  installation,
  introduce,
  sign,
  tableCounts,
  type Installation,
} from '../helpers/installations.js';
import { tempDir } from '../helpers/tmp.js';

const t = tempDir();
let chair: Installation;
let other: Installation;
let auditId: string;
beforeAll(async () => {
  chair = await installation(t.dir, 'chair', {
    name: 'Independent Chair',
    role: 'Independent chair',
    agency: 'Northshire SCP',
  });
  other = await installation(t.dir, 'board', {
    name: 'Board Manager',
    role: 'Business manager',
    agency: 'Northshire SCP',
  });
  await introduce(chair, other);
  auditId = await completeAudit(chair.api, 'CSE audit 2017', { cases: 2 });
  await sign(chair.api, auditId);
  // The other installation holds the audit too (a panel is imported only where its audit is).
  const b = await chair.api['bundles.export']({ auditId });
  await other.api['trust.enrol']({ card: (await chair.api['identity.card']({})).json, safetyNumberCompared: true });
  expect((await other.api['bundles.import']({ fileName: 'a', base64: b.base64 })).outcome).toBe('added');
}, 120_000);
afterAll(() => {
  chair.app.close();
  other.app.close();
  t.cleanup();
});

describe('challenge panels', () => {
  it('records challenge, response and outcome, escalates, turns follow-up into actions, signs, and round-trips as a bundle', async () => {
    const board = (await chair.api['board.get']({}))!;
    const police = board.agencies.find((a) => a.name === 'Police')!;
    const findings = await chair.api['findings.list']({ auditId });
    let panel = await chair.api['panels.create']({
      auditId,
      agencyId: police.id,
      title: 'CSE audit challenge panel',
      heldOn: '2026-11-20',
    });
    expect(panel.items.map((i) => i.subject)).toEqual(expect.arrayContaining(findings.map((f) => f.text)));
    panel = await chair.api['panels.update']({
      panelId: panel.id,
      title: panel.title,
      heldOn: panel.heldOn,
      attendees: [{ role: 'Detective Inspector', agencyId: police.id }],
    });
    panel = await chair.api['panels.addItem']({ panelId: panel.id, subject: 'Use of the CSE risk assessment tool' });

    const blocked = await chair.api['panels.signingPreview']({ panelId: panel.id });
    expect(blocked.blockers.some((b) => b.includes('has no outcome'))).toBe(true);

    const [first, ...rest] = panel.items;
    await chair.api['panels.saveItem']({
      itemId: first!.id,
      challenge: 'How do you know referrals are screened?',
      response: 'Monthly dip sampling.',
      outcome: 'not_assured',
      escalation: '',
      followUp: 'Share dip-sample results',
    });
    expect((await chair.api['panels.signingPreview']({ panelId: panel.id })).blockers).toContain(
      'item 1 is not assured: record the escalation',
    );
    await chair.api['panels.saveItem']({
      itemId: first!.id,
      challenge: 'How do you know referrals are screened?',
      response: 'Monthly dip sampling.',
      outcome: 'not_assured',
      escalation: 'Stage 2: letter from the chair to the chief superintendent',
      followUp: 'Share dip-sample results',
    });
    for (const item of rest)
      await chair.api['panels.saveItem']({
        itemId: item.id,
        challenge: 'Evidence?',
        response: 'Provided.',
        outcome: 'assured',
      });

    const before = (await chair.api['actions.list']({ auditId })).length;
    panel = await chair.api['panels.addFollowUp']({
      itemId: first!.id,
      text: 'Send the monthly CSE dip-sample results to the QA sub-committee.',
      leadAgencyId: police.id,
      ownerRole: 'Detective Inspector',
      dueDate: '2027-02-28',
      successMeasure: 'Three months of results received',
    });
    expect(panel.items[0]!.actionId).toBeTruthy();
    const actions = await chair.api['actions.list']({ auditId });
    expect(actions).toHaveLength(before + 1); // the audit is signed, yet its plan grows by the follow-up
    await expect(
      chair.api['panels.addFollowUp']({
        itemId: first!.id,
        text: 'Again',
        leadAgencyId: police.id,
        ownerRole: 'x',
        dueDate: '2027-02-28',
        successMeasure: 'y',
      }),
    ).rejects.toThrow(/already has its follow-up/);

    const preview = await chair.api['panels.signingPreview']({ panelId: panel.id });
    expect(preview.blockers).toEqual([]);
    expect(preview.outcomes).toMatchObject({ not_assured: 1 });
    const signed = await chair.api['panels.sign']({ panelId: panel.id, contentHash: preview.contentHash });
    expect(signed.status).toBe('signed');
    await expect(
      chair.api['panels.saveItem']({ itemId: first!.id, challenge: 'x', response: 'y', outcome: 'assured' }),
    ).rejects.toThrow(/signed/);
    expect(() =>
      chair.app.db.prepare('UPDATE panel_item SET challenge = ? WHERE id = ?').run('forged', first!.id),
    ).toThrow(/immutable/);

    // The stored signature verifies over the canonical record with the chair's public key.
    const row = chair.app.db.prepare('SELECT content, signature FROM panel WHERE id = ?').get(panel.id) as {
      content: string;
      signature: string;
    };
    const own = chair.app.ctx.repos.identity.own()!;
    expect(
      verifySignature(
        null,
        Buffer.from(canonicalJson(JSON.parse(row.content))),
        publicPem(JSON.parse(own.signingPublic)),
        Buffer.from(row.signature, 'base64url'),
      ),
    ).toBe(true);

    const exported = await chair.api['panels.export']({ panelId: panel.id });
    expect(exported.encrypted).toBe(true);
    const counts = tableCounts(other.app);
    const imported = await other.api['bundles.import']({ fileName: exported.fileName, base64: exported.base64 });
    expect(imported).toMatchObject({ outcome: 'added' });
    const there = await other.api['panels.get']({ panelId: panel.id });
    expect(there).toMatchObject({ status: 'signed', title: 'CSE audit challenge panel' });
    expect(there.items.map((i) => [i.outcome, i.escalation])).toEqual(
      signed.items.map((i) => [i.outcome, i.escalation]),
    );
    expect((await other.api['bundles.import']({ fileName: exported.fileName, base64: exported.base64 })).outcome).toBe(
      'skipped',
    );
    expect(tableCounts(other.app).audit).toBe(counts.audit);
  });
});
