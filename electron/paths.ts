// Where Case Audit keeps its data by default: the OS user-data folder Electron would use for an app
// named "Case Audit", so the desktop app, the CLI and the browser host find the same file.
import { homedir, platform, userInfo } from 'node:os';
import { join } from 'node:path';
import type { ManagedPolicy } from '../shared/policy.js';
import { loadPolicy, policyPath } from './policy.js';

export const APP_DIR_NAME = 'Case Audit';
export const DB_FILE_NAME = 'case-audit.db';

export function userDataDir(env: NodeJS.ProcessEnv = process.env): string {
  switch (platform()) {
    case 'win32':
      return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), APP_DIR_NAME);
    case 'darwin':
      return join(homedir(), 'Library', 'Application Support', APP_DIR_NAME);
    default:
      return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), APP_DIR_NAME);
  }
}

/**
 * `--db PATH` wins, then CASE_AUDIT_DB, then the data folder the organisation's policy names
 * (electron/policy.ts), then the user-data folder.
 */
export function resolveDatabasePath(
  flag: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
  policy: Pick<ManagedPolicy, 'dataFolder'> = loadPolicy(policyPath(env)),
): string {
  // "{user}" in a managed folder is the person's account name, so each user of a machine has their own.
  const managed = policy.dataFolder?.replaceAll('{user}', userInfo().username);
  return flag ?? env.CASE_AUDIT_DB ?? join(managed ?? userDataDir(env), DB_FILE_NAME);
}
