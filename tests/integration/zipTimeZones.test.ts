// A bundle's zip carries one fixed time whatever the writer's time zone: bundles exported by the real
// CLI under four TZ settings each verify under every other. Bundles from earlier versions, which wrote
// that time as the writer's clock read it (as fflate does), still verify anywhere; any other time is
// refused as altered. Subprocesses run the CLI from dist/ (built before the tests).
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/tmp.js';

const ROOT = join(import.meta.dirname, '..', '..');
const CLI = join(ROOT, 'bin', 'case-audit.js');
const ZONES = ['Europe/London', 'America/New_York', 'Australia/Sydney', 'Europe/Paris'];
const t = tempDir();
const pass = join(t.dir, 'pass.txt');
const demoDb = join(t.dir, 'demo.db');
const run = (tz: string, ...args: string[]) =>
  spawnSync(process.execPath, [CLI, ...args, '--passphrase-file', pass], {
    encoding: 'utf8',
    timeout: 120_000,
    env: { ...process.env, TZ: tz },
  });
const bundle = (tz: string) => join(t.dir, `${tz.replace('/', '-')}.caseaudit`);
// 2000-01-01 00:00 as MS-DOS date and time (the local headers' time field, at offset 10).
const FIXED = ((2000 - 1980) << 25) | (1 << 21) | (1 << 16);

let auditId: string;
beforeAll(() => {
  writeFileSync(pass, 'a long enough demo passphrase');
  const demo = run('UTC', 'demo', '--db', demoDb, '--json');
  expect(demo.status, demo.stderr).toBe(0);
  auditId = (JSON.parse(demo.stdout) as { auditId: string }).auditId;
  for (const tz of ZONES) {
    const exp = run(tz, 'export', '--db', demoDb, '--audit', auditId, '--out', bundle(tz), '--no-encrypt');
    expect(exp.status, exp.stderr).toBe(0);
  }
}, 180_000);
afterAll(() => t.cleanup());

describe('zip times independent of the time zone', () => {
  it('writes the same fixed time in every zone (London, New York, Sydney, Paris)', () => {
    for (const tz of ZONES) expect(readFileSync(bundle(tz)).readUInt32LE(10), tz).toBe(FIXED);
  });

  it('verifies a bundle written in each zone when read in every other', () => {
    for (const reader of ZONES) {
      const v = run(reader, 'verify', ...ZONES.map(bundle));
      expect(v.status, `${reader}: ${v.stdout}`).toBe(0);
      expect(v.stdout.trim().split('\n')).toHaveLength(ZONES.length);
      for (const line of v.stdout.trim().split('\n')) expect(line, reader).toMatch(/^VERIFIED: /);
    }
  });

  it('still verifies a bundle written in local time by an earlier version, and refuses any other time', () => {
    // The earlier writer's layout is fflate's zipSync with the fixed time, which fflate writes as
    // the writer's clock reads it: here Sydney's (11:00 on 1 January 2000).
    const legacy = join(t.dir, 'legacy-sydney.caseaudit');
    const rezip = `
      import { unzipSync, zipSync } from 'fflate';
      import { readFileSync, writeFileSync } from 'node:fs';
      const files = unzipSync(readFileSync(process.argv[1]));
      const mtime = new Date('2000-01-01T00:00:00Z');
      writeFileSync(process.argv[2], zipSync(Object.fromEntries(Object.entries(files).map(([n, d]) =>
        [n, [d, { mtime, level: n === 'manifest.sig' ? 0 : 6 }]]))));`;
    const made = spawnSync(process.execPath, ['--input-type=module', '-e', rezip, bundle('Europe/London'), legacy], {
      encoding: 'utf8',
      cwd: ROOT,
      env: { ...process.env, TZ: 'Australia/Sydney' },
    });
    expect(made.status, made.stderr).toBe(0);
    expect(readFileSync(legacy).readUInt32LE(10)).not.toBe(FIXED);
    for (const reader of ['America/New_York', 'Europe/Paris']) {
      const v = run(reader, 'verify', legacy);
      expect(v.stdout, reader).toMatch(/^VERIFIED: legacy-sydney\.caseaudit/);
    }

    const altered = Buffer.from(readFileSync(bundle('Europe/Paris')));
    altered.writeUInt32LE(((2010 - 1980) << 25) | (1 << 21) | (1 << 16), 10);
    const alteredPath = join(t.dir, 'altered-time.caseaudit');
    writeFileSync(alteredPath, altered);
    const v = run('UTC', 'verify', alteredPath);
    expect(v.status).toBe(1);
    expect(v.stdout).toMatch(/^REFUSED \(container\): altered-time\.caseaudit: the file was altered/);
  });
});
