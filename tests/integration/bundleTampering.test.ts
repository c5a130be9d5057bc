// Hostile and damaged bundles: every flipped byte, truncations, re-signing by an unknown key, a
// revoked key, crafted zips, and revisions out of order. Nothing refused may write anything.
import { unzipSync, zipSync } from 'fflate';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readBundle } from '../../electron/bundle/verify.js';
import { canonicalJson } from '../../shared/canonicalJson.js';
import { fingerprintOf, newSigningKeys, publicPem, signBytes } from '../../electron/crypto/keys.js';
import { checkDatabase } from '../../electron/maintenance.js';
import {
  completeAudit,
  exportedBytes,
  installation,
  introduce,
  sign,
  tableCounts,
  type Installation,
} from '../helpers/installations.js';
import { tempDir } from '../helpers/tmp.js';

const t = tempDir();
let auditor: Installation;
let stranger: Installation;
let qa: Installation;
let auditId: string;
let plain: Buffer; // an unencrypted bundle
let sealed: Buffer; // the same, encrypted to QA

beforeAll(async () => {
  auditor = await installation(t.dir, 'auditor', {
    name: 'Sam Auditor',
    role: 'Independent auditor',
    agency: 'Independent',
  });
  stranger = await installation(t.dir, 'stranger', { name: 'Unknown Person', role: 'Auditor', agency: 'Elsewhere' });
  qa = await installation(t.dir, 'qa', { name: 'QA Chair', role: 'Chair', agency: 'Northshire SCP' });
  await introduce(auditor, qa);
  auditId = await completeAudit(auditor.api, 'Small audit', { cases: 1 });
  await sign(auditor.api, auditId);
  plain = await exportedBytes(auditor, auditId);
  sealed = Buffer.from((await auditor.api['bundles.export']({ auditId })).base64, 'base64');
});
afterAll(() => {
  for (const i of [auditor, stranger, qa]) i.app.close();
  t.cleanup();
});

const options = () => {
  const own = qa.app.ctx.repos.identity.own()!;
  return {
    decryptionKeys: [own.encryptionPrivate],
    trust: (fp: string) => qa.app.ctx.repos.identity.trustedByFingerprint(fp),
  };
};
const importBytes = (bytes: Uint8Array, fileName = 'x.caseaudit') =>
  qa.api['bundles.import']({ fileName, base64: Buffer.from(bytes).toString('base64') });

describe('damaged and tampered bundles', () => {
  it('the untouched bundles verify', async () => {
    expect((await readBundle(plain, options())).ok).toBe(true);
    expect((await readBundle(sealed, options())).ok).toBe(true);
  });

  it(`refuses every single flipped byte of a small bundle that changes anything the signature covers`, async () => {
    const refusedBy = new Map<string, number>();
    const original = unzipSync(plain);
    let harmless = 0;
    for (let i = 0; i < plain.length; i++) {
      const copy = Buffer.from(plain);
      copy[i] = copy[i]! ^ 0x01;
      const r = await readBundle(copy, options());
      if (!r.ok) {
        refusedBy.set(r.check, (refusedBy.get(r.check) ?? 0) + 1);
        continue;
      }
      // Accepted only where the flip is a redundant bit of a compressed stream (deflate can encode the
      // same bytes in more than one way): every entry, hence everything signed, must be unchanged.
      const entries = unzipSync(copy);
      expect(Object.keys(entries), `flip at byte ${i}`).toEqual(Object.keys(original));
      for (const [name, data] of Object.entries(original))
        expect(Buffer.from(entries[name]!).equals(Buffer.from(data)), `flip at byte ${i} changed ${name}`).toBe(true);
      harmless++;
    }
    expect(refusedBy.size).toBeGreaterThan(1);
    expect(harmless).toBeLessThan(plain.length / 100);
  }, 120_000);

  it('refuses a sample of flipped bytes of the encrypted bundle, and truncation at every tenth offset, writing nothing', async () => {
    const before = tableCounts(qa.app);
    for (let i = 0; i < sealed.length; i += Math.max(1, Math.floor(sealed.length / 150))) {
      const copy = Buffer.from(sealed);
      copy[i] = copy[i] === 0x41 ? 0x42 : 0x41;
      const r = await importBytes(copy);
      expect(r.outcome, `flip at ${i}`).toBe('refused');
    }
    for (let n = 0; n < plain.length; n += 10) {
      const r = await readBundle(plain.subarray(0, n), options());
      expect(r.ok, `truncated to ${n} bytes`).toBe(false);
    }
    for (let n = 0; n < sealed.length; n += Math.max(10, Math.floor(sealed.length / 200))) {
      expect((await importBytes(sealed.subarray(0, n))).outcome).toBe('refused');
    }
    expect(tableCounts(qa.app)).toEqual(before);
    expect(checkDatabase(qa.app.db).ok).toBe(true);
  }, 120_000);

  it('refuses a bundle encrypted for someone else, and says which check failed', async () => {
    const forStranger = {
      decryptionKeys: [stranger.app.ctx.repos.identity.own()!.encryptionPrivate],
      trust: () => undefined,
    };
    expect(await readBundle(sealed, forStranger)).toMatchObject({ ok: false, check: 'decryption' });
    expect(await readBundle(Buffer.from('hello, not a bundle'), options())).toMatchObject({
      ok: false,
      check: 'container',
    });
    expect(await readBundle(Buffer.alloc(60 * 1024 * 1024), options())).toMatchObject({ ok: false, check: 'size' });
  });

  it('quarantines a bundle re-signed by an unknown key, and refuses a revoked key', async () => {
    const files = unzipSync(plain);
    const manifest = JSON.parse(Buffer.from(files['manifest.json']!).toString()) as Record<string, unknown> & {
      signer: Record<string, unknown>;
    };
    const keys = newSigningKeys();
    manifest.signer = {
      ...manifest.signer,
      name: 'Mallory',
      signingKey: keys.publicJwk,
      fingerprint: fingerprintOf(keys.publicJwk),
    };
    const manifestBytes = Buffer.from(canonicalJson(manifest));
    // Re-signing by another key changes the signer in content.json too, or the content check fails:
    const content = JSON.parse(Buffer.from(files['content.json']!).toString()) as { signer: { fingerprint: string } };
    expect(content.signer.fingerprint).not.toBe(manifest.signer.fingerprint);
    const fixed = new Date('2000-01-01T00:00:00Z');
    const resigned = zipSync(
      {
        'manifest.json': [manifestBytes, { mtime: fixed }],
        'manifest.sig': [signBytes(keys.privatePem, manifestBytes), { mtime: fixed, level: 0 }],
        'signer.pem': [Buffer.from(publicPem(keys.publicJwk)), { mtime: fixed }],
        ...Object.fromEntries(
          Object.entries(files)
            .filter(([n]) => !['manifest.json', 'manifest.sig', 'signer.pem'].includes(n))
            .map(([n, d]) => [n, [d, { mtime: fixed }]]),
        ),
      },
      { level: 6 },
    );
    expect(await importBytes(resigned)).toMatchObject({ outcome: 'refused', check: 'content' });

    // A genuine bundle from a signer QA has never met waits in quarantine, with the fingerprint shown.
    const strangerAudit = await completeAudit(stranger.api, 'Stranger audit', { cases: 1 });
    await sign(stranger.api, strangerAudit);
    const fromStranger = await stranger.api['bundles.export']({ auditId: strangerAudit });
    const before = tableCounts(qa.app);
    const q = await qa.api['bundles.import']({ fileName: fromStranger.fileName, base64: fromStranger.base64 });
    const strangerFp = (await stranger.api['identity.get']({}))!.fingerprint;
    expect(q).toMatchObject({ outcome: 'quarantined', fingerprint: strangerFp });
    expect(tableCounts(qa.app)).toMatchObject({ ...before, quarantine: before.quarantine! + 1 });
    expect(await qa.api['quarantine.list']({})).toHaveLength(1);
    const accepted = await qa.api['quarantine.accept']({
      quarantineId: (q as { quarantineId: string }).quarantineId,
      safetyNumberCompared: true,
    });
    expect(accepted).toMatchObject({ outcome: 'added', auditId: strangerAudit });
    expect(await qa.api['quarantine.list']({})).toHaveLength(0);

    // Enrolling the signer's card afterwards completes the key trusted from the quarantine.
    expect(qa.app.ctx.repos.identity.trustedByFingerprint(strangerFp)!.encryptionPublic).toBe('');
    await qa.api['trust.enrol']({ card: (await stranger.api['identity.card']({})).json, safetyNumberCompared: true });
    expect(qa.app.ctx.repos.identity.trustedByFingerprint(strangerFp)!.encryptionPublic).toContain('X25519');

    // Revoked: later bundles from that key are refused.
    await qa.api['trust.revoke']({ fingerprint: strangerFp, reason: 'Laptop reported lost' });
    await stranger.api['audits.newRevision']({ auditId: strangerAudit });
    await sign(stranger.api, strangerAudit);
    const later = await stranger.api['bundles.export']({ auditId: strangerAudit });
    expect(await qa.api['bundles.import']({ fileName: later.fileName, base64: later.base64 })).toMatchObject({
      outcome: 'refused',
      check: 'revoked',
    });
  });

  it('refuses crafted zips: ../ paths, absolute paths, duplicate names, huge declared sizes', async () => {
    const files = unzipSync(plain);
    const craft = (extra: Record<string, Uint8Array>) => zipSync({ ...files, ...extra });
    expect(await readBundle(craft({ '../evil.json': Buffer.from('x') }), options())).toMatchObject({
      ok: false,
      check: 'entries',
    });
    expect(await readBundle(craft({ '/etc/passwd': Buffer.from('x') }), options())).toMatchObject({
      ok: false,
      check: 'entries',
    });
    expect(await readBundle(craft({ 'templates/../../x-v1.json': Buffer.from('x') }), options())).toMatchObject({
      ok: false,
      check: 'entries',
    });

    // A duplicate name in an otherwise canonical container: signer.pem renamed report.pdf in its
    // local and central headers (same length), so the container is intact but holds report.pdf twice.
    const dup = Buffer.from(plain);
    for (let at = dup.indexOf('signer.pem'); at >= 0; at = dup.indexOf('signer.pem', at + 1))
      dup.write('report.pdf', at, 'latin1');
    expect(await readBundle(dup, options())).toMatchObject({
      ok: false,
      check: 'entries',
      message: expect.stringContaining('twice'),
    });

    // A zip bomb: the headers declare a gigantic size for content.json. Refused before inflating.
    const name = Buffer.from('content.json');
    const declareHuge = (zip: Buffer, signature: number[], sizeAt: number, nameLenAt: number, nameAt: number) => {
      for (let at = zip.indexOf(Buffer.from(signature)); at !== -1; at = zip.indexOf(Buffer.from(signature), at + 4)) {
        const nameLen = zip.readUInt16LE(at + nameLenAt);
        if (zip.subarray(at + nameAt, at + nameAt + nameLen).equals(name)) zip.writeUInt32LE(0xfffffff0, at + sizeAt);
      }
      return zip;
    };
    const local = [0x50, 0x4b, 0x03, 0x04];
    const central = [0x50, 0x4b, 0x01, 0x02];
    const bomb = declareHuge(declareHuge(Buffer.from(plain), local, 22, 26, 30), central, 24, 28, 46);
    expect(await readBundle(bomb, options())).toMatchObject({
      ok: false,
      check: 'size',
      message: expect.stringContaining('declares'),
    });
    // Declared in the central directory only: the entry is inflated no further than its local size says.
    expect(await readBundle(declareHuge(Buffer.from(plain), central, 24, 28, 46), options())).toMatchObject({
      ok: false,
      check: 'container',
    });
  });

  it('handles replayed and out-of-order revisions', async () => {
    const id = await completeAudit(auditor.api, 'Revisions', { cases: 1 });
    await sign(auditor.api, id);
    const r1 = await auditor.api['bundles.export']({ auditId: id });
    await auditor.api['audits.newRevision']({ auditId: id });
    const checklistId = (await auditor.api['audits.get']({ auditId: id })).checklists[0]!.id;
    const detail = await auditor.api['checklists.get']({ checklistId });
    const first = detail.answers[0]!;
    await auditor.api['answers.save']({
      checklistId,
      questionId: first.questionId,
      value: first.value,
      notApplicableReason: first.notApplicableReason,
      evidence: 'Revised after the panel',
    });
    await sign(auditor.api, id);
    const r2 = await auditor.api['bundles.export']({ auditId: id });

    expect(await qa.api['bundles.import']({ fileName: 'r2', base64: r2.base64 })).toMatchObject({
      outcome: 'added',
      revision: 2,
    });
    expect(await qa.api['bundles.import']({ fileName: 'r1', base64: r1.base64 })).toMatchObject({
      outcome: 'recorded_older',
      revision: 1,
    });
    const shown = await qa.api['checklists.get']({ checklistId });
    expect(shown.answers.find((a) => a.questionId === detail.answers[0]!.questionId)!.evidence).toBe(
      'Revised after the panel',
    );
    expect((await qa.api['audits.get']({ auditId: id })).audit.revision).toBe(2);
    const before = tableCounts(qa.app);
    expect((await qa.api['bundles.import']({ fileName: 'r2', base64: r2.base64 })).outcome).toBe('skipped');
    expect((await qa.api['bundles.import']({ fileName: 'r1', base64: r1.base64 })).outcome).toBe('skipped');
    expect(tableCounts(qa.app)).toEqual(before);
  });
});

describe('the round-trip property', () => {
  it('any valid audit round-trips export → import unchanged', async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 0, max: 50 }),
        fc.constantFrom('mash-front-door', 'missing-children', 'child-sexual-exploitation'),
        async (cases, seed, templateId) => {
          const id = await completeAudit(auditor.api, `Property ${n++}`, { cases, seed, templateId });
          await sign(auditor.api, id);
          const b = await auditor.api['bundles.export']({ auditId: id });
          expect((await qa.api['bundles.import']({ fileName: 'p', base64: b.base64 })).outcome).toBe('added');
          const a = auditor.app.ctx.repos.bundles.latestRevision(id)!;
          const q = qa.app.ctx.repos.bundles.latestRevision(id)!;
          expect(q.content).toBe(a.content);
          expect(q.contentHash).toBe(a.contentHash);
          const answers = (inst: Installation) =>
            inst.app.ctx.repos.checklists
              .answersForAudit(id)
              .sort((x, y) => (x.checklistId + x.questionId < y.checklistId + y.questionId ? -1 : 1));
          expect(answers(qa)).toEqual(answers(auditor));
        },
      ),
      { numRuns: 6 },
    );
  }, 120_000);
});
