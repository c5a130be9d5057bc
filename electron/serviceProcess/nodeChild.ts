// The service process under plain Node (the browser host, the tests): child_process.fork with
// structured-clone framing ('advanced' serialization), the same objects Electron's utilityProcess
// carries, so the protocol the desktop app uses is the one exercised here.
import { fork } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../version.js';
import {
  startServiceProcess,
  type ServiceChild,
  type ServiceProcess,
  type ServiceProcessOptions,
} from './supervisor.js';

/**
 * The compiled entry, whether the caller runs from dist/ or from the TypeScript sources (the tests):
 * a child runs JavaScript, so `npm run build` comes first.
 */
export function serviceEntry(): string {
  return join(projectRoot(), 'dist', 'electron', 'serviceProcess', 'child.js');
}

export function forkServiceChild(entry = serviceEntry()): ServiceChild {
  if (!existsSync(entry)) throw new Error(`the service process is not built (${entry}): run \`npm run build\``);
  // No execArgv: the parent's flags (a test runner's loaders, an inspector port) are not the child's.
  const child = fork(entry, [], {
    serialization: 'advanced',
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    execArgv: [],
  });
  child.on('error', (e) => console.error('[case-audit] service process:', e.message));
  return {
    get pid() {
      return child.pid;
    },
    post: (message) => {
      if (child.connected)
        child.send(
          message,
          (e) => e && console.error('[case-audit] could not send to the service process:', e.message),
        );
    },
    onMessage: (listener) => child.on('message', listener),
    // 'close' comes after 'exit' once the IPC channel has delivered everything the child sent.
    onExit: (listener) => child.once('close', (code, signal) => listener(code, signal)),
    kill: () => child.kill('SIGKILL'),
  };
}

/** The service process forked under Node, supervised (restarted after a crash). */
export function startNodeServiceProcess(options: Omit<ServiceProcessOptions, 'spawn'>): Promise<ServiceProcess> {
  return startServiceProcess({ ...options, spawn: () => forkServiceChild() });
}
