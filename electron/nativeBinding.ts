// Where the Electron-ABI build of the SQLite module lives. node_modules keeps the Node build the CLI,
// the browser host and the tests use; bin/electron-native.js builds Electron's own copy beside it.
import { existsSync } from 'node:fs';
import { join, sep } from 'node:path';

export const NATIVE_MODULE = 'better-sqlite3-multiple-ciphers';
export const NATIVE_FILE = 'better_sqlite3.node';

/** dist/native/electron-<version>/better_sqlite3.node under the project (or packaged app) root. */
export function electronBindingPath(root: string, electronVersion: string): string {
  return join(root, 'dist', 'native', `electron-${electronVersion}`, NATIVE_FILE);
}

/**
 * The binding the Electron main process should load: the path bin/start.js passes in
 * CASE_AUDIT_NATIVE_BINDING, else the built copy for this Electron version (in a packaged app, from
 * app.asar.unpacked, since a .node file cannot be loaded from inside an archive), else undefined.
 */
export function findElectronBinding(
  root: string,
  electronVersion: string,
  env: NodeJS.ProcessEnv = process.env,
): string | undefined {
  const given = env.CASE_AUDIT_NATIVE_BINDING;
  if (given) return given;
  const built = electronBindingPath(root, electronVersion).replace(
    `${sep}app.asar${sep}`,
    `${sep}app.asar.unpacked${sep}`,
  );
  return existsSync(built) ? built : undefined;
}
