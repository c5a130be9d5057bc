// Runs the real browser host (`case-audit serve`) as a child process for end-to-end tests: on a given
// database file, on a free port, with a passphrase file; reads the address it prints; stops it.
import { spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../helpers/tmp.js';

const ROOT = join(import.meta.dirname, '..', '..');
const READY = /Case Audit is running at (\S+)/;

export interface E2eHost {
  /** The address to open, with its per-run token (http://127.0.0.1:PORT/#token=…). */
  url: string;
  stop(): Promise<void>;
}

export interface E2eWorkspace {
  dir: string;
  dbPath: string;
  passphraseFile: string;
  cleanup(): void;
}

/** A temporary folder holding the database and the passphrase file the host reads. */
export function e2eWorkspace(): E2eWorkspace {
  const { dir, cleanup } = tempDir('case-audit-e2e-');
  const passphraseFile = join(dir, 'passphrase.txt');
  writeFileSync(passphraseFile, 'an e2e passphrase for case audit\n', { mode: 0o600 });
  return { dir, dbPath: join(dir, 'e2e.db'), passphraseFile, cleanup };
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
}

export async function startHost(workspace: E2eWorkspace, timeoutMs = 60_000): Promise<E2eHost> {
  const env = { ...process.env };
  delete env.CASE_AUDIT_DB;
  delete env.CASE_AUDIT_PASSPHRASE_FILE;
  const child = spawn(
    process.execPath,
    [
      join(ROOT, 'bin', 'case-audit.js'),
      'serve',
      '--db',
      workspace.dbPath,
      '--port',
      '0',
      '--passphrase-file',
      workspace.passphraseFile,
    ],
    { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stdout = '';
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));

  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the host did not start within ${timeoutMs} ms.\nstdout: ${stdout}\nstderr: ${stderr}`));
    }, timeoutMs);
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      const match = READY.exec(stdout);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(
        new Error(`the host exited (${code ?? signal}) before it was ready.\nstdout: ${stdout}\nstderr: ${stderr}`),
      );
    });
  });

  return {
    url,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const done = exited(child);
      const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), 10_000));
      if ((await Promise.race([done, timeout])) === 'timeout') {
        child.kill('SIGKILL');
        await done;
      }
    },
  };
}
