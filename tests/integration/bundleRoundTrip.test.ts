import { execFileSync } from 'node:child_process';
import { verify } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkDatabase } from '../../electron/maintenance.js';
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
let auditor: Installation;
let qa: Installation;
let auditId: string;
beforeAll(async () => {
  auditor = await installation(t.dir, 'auditor', {
    name: 'Sam Auditor',
    role: 'Independent auditor',
    agency: 'Independent',
  });
  qa = await installation(t.dir, 'qa', { name: 'QA Chair', role: 'Chair, QA sub-committee', agency: 'Northshire SCP' });
  await introduce(auditor, qa);
  auditId = await completeAudit(auditor.api, 'MASH repeat audit 2017');
  await sign(auditor.api, auditId);
});
afterAll(() => {
  auditor.app.close();
  qa.app.close();
  t.cleanup();
});

describe('signing and the bundle round trip', () => {
  it('freezes the signed revision in the database', async () => {
    const detail = await auditor.api['audits.get']({ auditId });
    expect(detail.audit).toMatchObject({ status: 'signed', revision: 1 });
    const checklistId = detail.checklists[0]!.id;
    expect(() =>
      auditor.app.db.prepare("UPDATE answer SET evidence = 'changed' WHERE checklist_id = ?").run(checklistId),
    ).toThrow(/signed and cannot change/);
    expect(() => auditor.app.db.prepare('DELETE FROM audit_revision').run()).toThrow(/immutable/);
    // The service refuses first, with its own code and words, for a real question and a valid answer.
    const { answers } = await auditor.api['checklists.get']({ checklistId });
    const answered = answers.find((a) => a.value !== null)!;
    await expect(
      auditor.api['answers.save']({ checklistId, questionId: answered.questionId, value: answered.value }),
    ).rejects.toMatchObject({ code: 'SIGNED', message: 'This audit is signed; its answers cannot change.' });
    expect((await auditor.api['checklists.get']({ checklistId })).answers).toEqual(answers);
  });

  it('exports encrypted to the QA sub-committee, imports there exactly, and a second import changes nothing', async () => {
    const exported = await auditor.api['bundles.export']({ auditId });
    expect(exported.encrypted).toBe(true);
    // A JWE in the JSON General serialisation, one wrapped key per recipient.
    expect(JSON.parse(Buffer.from(exported.base64, 'base64').toString('utf8'))).toHaveProperty('recipients.length', 1);
    const result = await qa.api['bundles.import']({ fileName: exported.fileName, base64: exported.base64 });
    expect(result).toMatchObject({ outcome: 'added', revision: 1, superseded: null });

    const mine = await auditor.api['audits.get']({ auditId });
    const theirs = await qa.api['audits.get']({ auditId });
    expect(theirs.audit).toMatchObject({ title: mine.audit.title, status: 'signed', revision: 1, origin: 'imported' });
    // Agencies arrive mapped onto the QA board's own agencies of the same name.
    const named = (d: typeof mine) =>
      d.cases.map((c) => ({
        ...c,
        agencyIds: c.agencyIds.map((id) => d.agencies.find((a) => a.id === id)!.name).sort(),
      }));
    expect(named(theirs)).toEqual(named(mine));
    const answersOf = async (inst: Installation) =>
      (
        await Promise.all(
          (await inst.api['audits.get']({ auditId })).checklists.map((k) =>
            inst.api['checklists.get']({ checklistId: k.id }),
          ),
        )
      ).flatMap((d) => d.answers);
    expect(await answersOf(qa)).toEqual(await answersOf(auditor));
    expect(await qa.api['findings.list']({ auditId })).toEqual(await auditor.api['findings.list']({ auditId }));
    expect((await qa.api['actions.list']({ auditId })).map((a) => a.text)).toEqual(
      (await auditor.api['actions.list']({ auditId })).map((a) => a.text),
    );

    const before = tableCounts(qa.app);
    const again = await qa.api['bundles.import']({ fileName: exported.fileName, base64: exported.base64 });
    expect(again.outcome).toBe('skipped');
    expect(tableCounts(qa.app)).toEqual(before);
    expect(checkDatabase(qa.app.db).ok).toBe(true);
  });

  it('can be verified by a second implementation following docs/bundle-format.md: Node crypto and openssl', async () => {
    const exported = await auditor.api['bundles.export']({ auditId, encrypt: false });
    const files = unzipSync(Buffer.from(exported.base64, 'base64'));
    const manifestBytes = files['manifest.json']!;
    const signature = files['manifest.sig']!;
    const pem = Buffer.from(files['signer.pem']!).toString();
    expect(verify(null, manifestBytes, pem, signature)).toBe(true);
    const manifest = JSON.parse(Buffer.from(manifestBytes).toString()) as {
      signer: { fingerprint: string };
      entries: { path: string; sha256: string }[];
    };
    const { createHash, createPublicKey } = await import('node:crypto');
    for (const e of manifest.entries) expect(createHash('sha256').update(files[e.path]!).digest('hex')).toBe(e.sha256);
    // The fingerprint is SHA-256 of the raw 32-byte public key: the last 32 bytes of the DER key.
    const der = createPublicKey(pem).export({ format: 'der', type: 'spki' });
    expect(createHash('sha256').update(der.subarray(-32)).digest('hex').match(/.{4}/g)!.join(' ')).toBe(
      manifest.signer.fingerprint,
    );

    const dir = join(t.dir, 'openssl');
    mkdirSync(dir);
    for (const name of ['manifest.json', 'manifest.sig', 'signer.pem']) writeFileSync(join(dir, name), files[name]!);
    const out = execFileSync(
      'openssl',
      [
        'pkeyutl',
        '-verify',
        '-pubin',
        '-inkey',
        'signer.pem',
        '-rawin',
        '-in',
        'manifest.json',
        '-sigfile',
        'manifest.sig',
      ],
      { cwd: dir, encoding: 'utf8' },
    );
    expect(out).toContain('Signature Verified Successfully');
    writeFileSync(join(dir, 'manifest.json'), Buffer.concat([Buffer.from(manifestBytes), Buffer.from(' ')]));
    expect(() =>
      execFileSync(
        'openssl',
        [
          'pkeyutl',
          '-verify',
          '-pubin',
          '-inkey',
          'signer.pem',
          '-rawin',
          '-in',
          'manifest.json',
          '-sigfile',
          'manifest.sig',
        ],
        { cwd: dir, stdio: 'pipe' },
      ),
    ).toThrow();
  });
});
