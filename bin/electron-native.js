#!/usr/bin/env node
// Builds Electron's own copy of the SQLite native module into dist/native/electron-<version>/.
// node_modules keeps the Node build that the CLI, the browser host and the tests load, so this never
// rebuilds in place (no postinstall, no electron-rebuild): it compiles a copy in a temporary folder.
// Used by bin/start.js, and run by hand before packaging: `npm run build && node bin/electron-native.js`.
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(import.meta.url);

/** The Electron version in node_modules (its package.json is there even when its binary is not). */
export function electronVersion() {
  return JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')).version;
}

function nodeGypScript() {
  try {
    return require.resolve('node-gyp/bin/node-gyp.js');
  } catch {
    // npm bundles node-gyp next to the node binary on most installs.
    const bundled = join(
      dirname(process.execPath),
      '..',
      'lib',
      'node_modules',
      'npm',
      'node_modules',
      'node-gyp',
      'bin',
      'node-gyp.js',
    );
    if (existsSync(bundled)) return bundled;
    throw new Error('node-gyp is not available: install it with `npm install --global node-gyp`.');
  }
}

/** The path of the Electron build of the module, compiling it first when it is missing. */
export async function ensureElectronBinding({ log = console.log } = {}) {
  // The folder layout is defined once, in electron/nativeBinding.ts (built to dist by `npm run build`).
  const conventions = join(root, 'dist', 'electron', 'nativeBinding.js');
  if (!existsSync(conventions)) throw new Error('The project is not built yet: run `npm run build` first.');
  const { electronBindingPath, NATIVE_MODULE } = await import(pathToFileURL(conventions).href);

  const version = electronVersion();
  const target = electronBindingPath(root, version);
  if (existsSync(target)) return target;

  log(`Building the SQLite module for Electron ${version} (once; this takes a few minutes)...`);
  const source = dirname(require.resolve(`${NATIVE_MODULE}/package.json`));
  const work = mkdtempSync(join(tmpdir(), 'case-audit-native-'));
  try {
    // A clean copy of the sources, without the Node build or anything installed inside the module.
    const skip = new Set([join(source, 'build'), join(source, 'node_modules')]);
    cpSync(source, work, { recursive: true, filter: (path) => !skip.has(path) });
    const result = spawnSync(
      process.execPath,
      [
        nodeGypScript(),
        'rebuild',
        '--release',
        `--target=${version}`,
        `--arch=${process.arch}`,
        '--dist-url=https://electronjs.org/headers',
        '--runtime=electron',
      ],
      { cwd: work, stdio: 'inherit' },
    );
    if (result.status !== 0) throw new Error(`node-gyp could not build the SQLite module for Electron ${version}.`);
    const release = join(work, 'build', 'Release');
    mkdirSync(dirname(target), { recursive: true });
    for (const file of readdirSync(release).filter((name) => name.endsWith('.node'))) {
      copyFileSync(join(release, file), join(dirname(target), file));
    }
    if (!existsSync(target)) throw new Error(`The build did not produce ${target}.`);
    return target;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    console.log(await ensureElectronBinding());
  } catch (e) {
    console.error(`electron-native: ${e instanceof Error ? e.message : String(e)}`);
    process.exitCode = 1;
  }
}
