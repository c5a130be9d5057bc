// The packaging configuration as electron-builder itself reads and validates it (its own loader and
// JSON schema, from its package), every file it names present, and the icons made from the one
// source image and up to date.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/tmp.js';

const ROOT = join(import.meta.dirname, '..', '..');
const require = createRequire(import.meta.url);
const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config.js') as {
  getConfig: (projectDir: string, configPath: string | null, configFromOptions: unknown) => Promise<Config>;
  validateConfiguration: (config: Config, debugLogger: unknown) => Promise<void>;
};
const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };

interface Config {
  directories: { buildResources: string; output: string };
  publish: unknown;
  npmRebuild: boolean;
  fileAssociations: Array<{ ext: string; icon: string; mimeType: string }>;
  win: { target: string[]; icon: string };
  msi: { perMachine: boolean };
  nsis: { deleteAppDataOnUninstall: boolean };
  mac: { target: string[]; icon: string; entitlements: string; entitlementsInherit: string; hardenedRuntime: boolean };
  linux: { target: string[]; icon: string };
  [key: string]: unknown;
}

const load = () => getConfig(ROOT, join(ROOT, 'electron-builder.yml'), null);

/** Width and height from a PNG's IHDR chunk. */
function pngSize(bytes: Buffer): [number, number] {
  expect(bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

describe('electron-builder.yml', () => {
  it('is valid against electron-builder’s own configuration schema', async () => {
    const config = await load();
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
    // The same validator refuses a misspelt option, so the check above can fail.
    await expect(
      validateConfiguration({ ...config, nsis: { ...config.nsis, perMachin: true } } as Config, new DebugLogger(false)),
    ).rejects.toThrow(/configuration\.nsis/);
  });

  it('builds every target the issue names, with nothing reaching the network', async () => {
    const c = await load();
    expect(c.win.target).toEqual(['msi', 'nsis']);
    expect(c.msi.perMachine).toBe(true);
    expect(c.nsis.deleteAppDataOnUninstall).toBe(false);
    expect(c.mac.target).toEqual(['dmg']);
    expect(c.mac.hardenedRuntime).toBe(true);
    expect(c.linux.target).toEqual(['AppImage', 'deb']);
    expect(c.publish).toBeNull();
    expect(c.npmRebuild).toBe(false);
    expect(c.fileAssociations).toEqual([expect.objectContaining({ ext: 'caseaudit' })]);
  });

  it('names only files that exist', async () => {
    const c = await load();
    expect(existsSync(join(ROOT, c.directories.buildResources))).toBe(true);
    for (const file of [c.win.icon, c.mac.icon, c.mac.entitlements, c.mac.entitlementsInherit])
      expect(existsSync(join(ROOT, file)), file).toBe(true);
    expect(readdirSync(join(ROOT, c.linux.icon)).length).toBeGreaterThan(0);
    // A file association's icon is named without its extension: .ico on Windows, .icns on macOS.
    for (const a of c.fileAssociations)
      for (const ext of ['.ico', '.icns']) expect(existsSync(join(ROOT, a.icon + ext)), a.icon + ext).toBe(true);
    const plist = readFileSync(join(ROOT, c.mac.entitlements), 'utf8');
    expect(plist).toContain('<key>com.apple.security.cs.allow-jit</key>');
    expect(plist).not.toContain('com.apple.security.network');
  });
});

describe('the icons', () => {
  it('are made by scripts/make-icons.mjs from build/icon.svg in every size, and the committed ones are up to date', () => {
    const { dir, cleanup } = tempDir('case-audit-icons-');
    try {
      const r = spawnSync(process.execPath, [join(ROOT, 'scripts', 'make-icons.mjs'), '--out', dir], {
        encoding: 'utf8',
      });
      expect(r.status, r.stderr).toBe(0);
      for (const size of [16, 24, 32, 48, 64, 128, 256, 512, 1024]) {
        const made = readFileSync(join(dir, 'icons', `${size}x${size}.png`));
        expect(pngSize(made)).toEqual([size, size]);
        expect(made.equals(readFileSync(join(ROOT, 'build', 'icons', `${size}x${size}.png`))), `${size} px`).toBe(true);
      }
      expect(pngSize(readFileSync(join(dir, 'icon.png')))).toEqual([1024, 1024]);

      // ICO: a directory of entries, each a PNG here; Windows needs 16 to 256 px.
      const ico = readFileSync(join(dir, 'icon.ico'));
      expect(ico.readUInt16LE(2)).toBe(1); // type 1: icon
      const sizes = Array.from({ length: ico.readUInt16LE(4) }, (_, i) => ico[6 + i * 16] || 256);
      for (const size of [16, 32, 48, 256]) expect(sizes).toContain(size);
      expect(ico.equals(readFileSync(join(ROOT, 'build', 'icon.ico')))).toBe(true);

      // ICNS: "icns", then typed chunks; ic10 is the 1024 px (512@2x) image macOS asks of an app.
      const icns = readFileSync(join(dir, 'icon.icns'));
      expect(icns.subarray(0, 4).toString('latin1')).toBe('icns');
      const types: string[] = [];
      for (let at = 8; at < icns.length; at += icns.readUInt32BE(at + 4))
        types.push(icns.subarray(at, at + 4).toString('latin1'));
      for (const type of ['ic07', 'ic08', 'ic09', 'ic10']) expect(types).toContain(type);
      expect(icns.equals(readFileSync(join(ROOT, 'build', 'icon.icns')))).toBe(true);
    } finally {
      cleanup();
    }
  });
});
