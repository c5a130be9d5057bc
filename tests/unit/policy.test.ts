// The machine-wide policy file: missing, valid, malformed, unknown keys, and where it lives.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadPolicy, policyPath } from '../../electron/policy.js';
import { resolveDatabasePath } from '../../electron/paths.js';
import { STRICTEST_IDLE_LOCK_MINUTES, UNMANAGED } from '../../shared/policy.js';
import { tempDir } from '../helpers/tmp.js';

const temps: Array<() => void> = [];
afterEach(() => temps.splice(0).forEach((c) => c()));
function policyFile(content: string | object): string {
  const { dir, cleanup } = tempDir('case-audit-policy-');
  temps.push(cleanup);
  const path = join(dir, 'policy.json');
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}
const header = { format: 'case-audit-policy', formatVersion: 1 };

describe('the policy loader', () => {
  it('manages nothing when there is no file', () => {
    const { dir, cleanup } = tempDir();
    temps.push(cleanup);
    expect(loadPolicy(join(dir, 'absent.json'))).toEqual(UNMANAGED);
  });

  it('reads a valid file and names the settings it manages', () => {
    const path = policyFile({
      ...header,
      maxIdleLockMinutes: 10,
      allowUnencryptedExport: false,
      defaultAgencies: [{ name: 'Police', kind: 'police' }],
      dataFolder: '/srv/case-audit/{user}',
    });
    const p = loadPolicy(path);
    expect(p).toMatchObject({
      source: path,
      problem: null,
      maxIdleLockMinutes: 10,
      allowUnencryptedExport: false,
      defaultAgencies: [{ name: 'Police', kind: 'police', active: true }],
      dataFolder: '/srv/case-audit/{user}',
      qaRecipientCard: null,
    });
    expect(p.managed).toEqual(['maxIdleLockMinutes', 'allowUnencryptedExport', 'defaultAgencies', 'dataFolder']);
  });

  it('accepts a file saved with a byte-order mark, as Notepad does', () => {
    expect(loadPolicy(policyFile(`\uFEFF${JSON.stringify({ ...header, maxIdleLockMinutes: 3 })}`))).toMatchObject({
      problem: null,
      maxIdleLockMinutes: 3,
    });
  });

  it.each([
    ['not JSON', '{ "maxIdleLockMinutes": 10, }', /not valid JSON/],
    ['a misspelt key', { ...header, maxIdleLockMinute: 10 }, /maxIdleLockMinute/],
    ['a value out of range', { ...header, maxIdleLockMinutes: 900 }, /maxIdleLockMinutes: at most 240 minutes/],
    ['a wrong type', { ...header, allowUnencryptedExport: 'no' }, /allowUnencryptedExport/],
    ['no format', { maxIdleLockMinutes: 10 }, /format/],
    ['a relative data folder', { ...header, dataFolder: 'data' }, /dataFolder: must be an absolute path/],
    ['a broken recipient card', { ...header, qaRecipientCard: { format: 'case-audit-identity' } }, /qaRecipientCard/],
  ])('applies the strictest safe settings for %s, saying what is wrong', (_, content, message) => {
    const path = policyFile(content);
    const p = loadPolicy(path);
    expect(p.source).toBe(path);
    expect(p.problem).toMatch(message);
    expect(p.maxIdleLockMinutes).toBe(STRICTEST_IDLE_LOCK_MINUTES);
    expect(p.allowUnencryptedExport).toBe(false);
    expect(p.dataFolder).toBeNull();
  });

  it('applies the strictest safe settings when the file cannot be read', () => {
    const { dir, cleanup } = tempDir();
    temps.push(cleanup);
    const folder = join(dir, 'policy.json');
    mkdirSync(folder); // a folder where the file should be: EISDIR
    expect(loadPolicy(folder)).toMatchObject({
      problem: expect.stringMatching(/cannot be read/),
      allowUnencryptedExport: false,
    });
  });

  it('looks in the machine-wide folder of each platform, or where CASE_AUDIT_POLICY says', () => {
    expect(policyPath({}, 'linux')).toBe('/etc/case-audit/policy.json');
    expect(policyPath({}, 'darwin')).toBe('/Library/Application Support/Case Audit/policy.json');
    expect(policyPath({ ProgramData: 'C:\\ProgramData' }, 'win32')).toMatch(
      /^C:\\ProgramData.Case Audit.policy\.json$/,
    );
    expect(policyPath({ CASE_AUDIT_POLICY: '/tmp/p.json' }, 'linux')).toBe('/tmp/p.json');
  });

  it('puts the database in the managed data folder, unless --db or CASE_AUDIT_DB says otherwise', () => {
    const managed = { dataFolder: '/srv/case-audit/{user}' };
    expect(resolveDatabasePath(undefined, {}, managed)).toMatch(/^\/srv\/case-audit\/[^/{}]+\/case-audit\.db$/);
    expect(resolveDatabasePath('/x/own.db', {}, managed)).toBe('/x/own.db');
    expect(resolveDatabasePath(undefined, { CASE_AUDIT_DB: '/y/env.db' }, managed)).toBe('/y/env.db');
    expect(resolveDatabasePath(undefined, { XDG_CONFIG_HOME: '/home/a/.config' }, { dataFolder: null })).toBe(
      '/home/a/.config/Case Audit/case-audit.db',
    );
  });
});
