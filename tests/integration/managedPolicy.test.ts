// What the organisation's policy enforces in the services themselves, not only on the screens: the
// longest idle lock, encrypted-only export, and what the installation reports as managed.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openApp } from '../../electron/app.js';
import { idleLockMinutes } from '../../electron/services/settingsService.js';
import { policyFromFile, strictestPolicy, type ManagedPolicy } from '../../shared/policy.js';
import { apiOver } from '../helpers/client.js';
import { completeAudit, installation, sign, type Installation } from '../helpers/installations.js';
import { tempDir } from '../helpers/tmp.js';
import { join } from 'node:path';

let temp: { dir: string; cleanup: () => void };
beforeEach(() => {
  temp = tempDir();
});
afterEach(() => temp.cleanup());

const managed = (policy: Partial<Parameters<typeof policyFromFile>[1]>): ManagedPolicy =>
  policyFromFile('/etc/case-audit/policy.json', { format: 'case-audit-policy', formatVersion: 1, ...policy });

function open(policy: ManagedPolicy, name = 'managed') {
  const app = openApp(join(temp.dir, `${name}.db`), { key: Buffer.alloc(32, 7), dailyBackup: false, policy });
  return { app, api: apiOver(app.dispatch) };
}

describe('a managed installation', () => {
  it('refuses an idle lock longer than the organisation allows, naming the field, and changes nothing', async () => {
    const { app, api } = open(managed({ maxIdleLockMinutes: 10 }));
    try {
      await api['settings.setIdleLock']({ minutes: 10 });
      const refused = await api['settings.setIdleLock']({ minutes: 30 }).then(
        () => null,
        (e: unknown) => e,
      );
      expect(refused).toMatchObject({
        code: 'VALIDATION',
        issues: [{ path: ['minutes'], message: 'your organisation allows an idle lock of at most 10 minutes' }],
      });
      // The session's idle timer reads the same value (electron/session.ts).
      expect(idleLockMinutes(app.ctx)).toBe(10);
    } finally {
      app.close();
    }
  });

  it('applies the limit to a longer idle lock chosen before the policy came', async () => {
    const first = open(managed({}), 'before');
    await first.api['settings.setIdleLock']({ minutes: 60 });
    first.app.close();
    const again = open(managed({ maxIdleLockMinutes: 5 }), 'before');
    try {
      expect(idleLockMinutes(again.app.ctx)).toBe(5);
    } finally {
      again.app.close();
    }
  });

  it('reports what it manages, and why when its file was unusable', async () => {
    const { app, api } = open(strictestPolicy('/etc/case-audit/policy.json', 'the policy file is not valid JSON'));
    try {
      expect(await api['settings.policy']({})).toMatchObject({
        source: '/etc/case-audit/policy.json',
        problem: 'the policy file is not valid JSON',
        maxIdleLockMinutes: 5,
        allowUnencryptedExport: false,
        managed: ['maxIdleLockMinutes', 'allowUnencryptedExport'],
      });
    } finally {
      app.close();
    }
  });
});

describe('encrypted-only export', () => {
  let auditor: Installation;
  afterEach(() => auditor?.app.close());

  it('refuses an unencrypted bundle, and one with no recipient to encrypt to, when the policy says so', async () => {
    auditor = await installation(temp.dir, 'auditor', { name: 'Sam Auditor', role: 'Auditor', agency: 'Ind' });
    const auditId = await completeAudit(auditor.api, 'Managed export');
    await sign(auditor.api, auditId);
    // Unmanaged, a bundle with no recipient goes out unencrypted.
    expect((await auditor.api['bundles.export']({ auditId, encrypt: false })).encrypted).toBe(false);
    auditor.app.close();

    const app = openApp(auditor.path, {
      key: Buffer.alloc(32, 'auditor'.length),
      dailyBackup: false,
      policy: managed({ allowUnencryptedExport: false }),
    });
    auditor = { ...auditor, app, api: apiOver(app.dispatch) };
    for (const encrypt of [false, undefined]) {
      await expect(
        auditor.api['bundles.export']({ auditId, ...(encrypt === undefined ? {} : { encrypt }) }),
      ).rejects.toMatchObject({
        code: 'VALIDATION',
        issues: [{ path: ['encrypt'], message: expect.stringMatching(/only encrypted bundles/) }],
      });
    }
  });
});
