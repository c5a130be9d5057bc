// Where Case Audit keeps its data by default: the OS user-data folder Electron would use for an app
// named "Case Audit", so the desktop app, the CLI and the browser host find the same file.
import { homedir, platform } from 'node:os';
import { join } from 'node:path';

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

/** `--db PATH` wins, then CASE_AUDIT_DB, then the user-data folder. */
export function resolveDatabasePath(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  return flag ?? env.CASE_AUDIT_DB ?? join(userDataDir(env), DB_FILE_NAME);
}
