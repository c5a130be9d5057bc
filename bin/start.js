#!/usr/bin/env node
// `npm start`: the desktop app where Electron's binary is installed; elsewhere the browser host, with
// one line saying why. Arguments (e.g. `--db PATH`) are passed on to whichever starts.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { ensureElectronBinding } from './electron-native.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);

/** The Electron executable, or null: the npm package resolves to its path, or throws when the binary was never downloaded. */
function electronBinary() {
  try {
    const path = createRequire(import.meta.url)('electron');
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

function run(command, argv, env = process.env) {
  const child = spawn(command, argv, { stdio: 'inherit', env });
  // Ctrl+C reaches the child from the terminal itself; a SIGTERM sent only to us is passed on.
  process.on('SIGINT', () => {});
  process.on('SIGTERM', () => child.kill('SIGTERM'));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
  child.on('error', (e) => {
    console.error(`start: could not run ${command}: ${e.message}`);
    process.exit(1);
  });
}

const binary = electronBinary();
if (!binary) {
  console.log(
    'Electron is not installed on this machine (its binary cannot be downloaded here); starting the browser host instead.',
  );
  run(process.execPath, [fileURLToPath(new URL('./case-audit.js', import.meta.url)), 'serve', ...args]);
} else {
  let binding;
  try {
    binding = await ensureElectronBinding();
  } catch (e) {
    console.error(`start: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  }
  run(binary, [root, ...args], { ...process.env, CASE_AUDIT_NATIVE_BINDING: binding });
}
