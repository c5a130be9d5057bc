// The service process's entry. Under Electron it is a utilityProcess and talks over
// `process.parentPort`; under Node (the browser host, the tests) it is forked with an IPC channel
// and talks over `process.send`. Both carry structured-cloned messages, so runServices.ts sees the
// same objects either way. Nothing here imports electron.
import { runServices, type ParentPort } from './runServices.js';

interface ElectronParentPort {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (event: { data: unknown }) => void): void;
}

function electronPort(port: ElectronParentPort): { port: ParentPort; flush: () => Promise<void> } {
  return {
    port: {
      post: (m) => port.postMessage(m),
      onMessage: (listener) => port.on('message', (e) => listener(e.data)),
    },
    flush: () => new Promise((done) => setImmediate(done)),
  };
}

function nodePort(): { port: ParentPort; flush: () => Promise<void> } {
  let sent: Promise<void> = Promise.resolve();
  return {
    port: {
      post: (m) => {
        // Each message is on its way once its callback runs; exiting earlier could drop it.
        sent = sent.then(
          () =>
            new Promise<void>((done) => (process.connected ? process.send!(m, undefined, {}, () => done()) : done())),
        );
      },
      onMessage: (listener) => process.on('message', listener),
    },
    flush: () => sent,
  };
}

const electron = (process as { parentPort?: ElectronParentPort }).parentPort;
if (!electron && !process.send) {
  console.error('The service process is started by Case Audit itself (utilityProcess or fork), not directly.');
  process.exit(2);
}
const { port, flush } = electron ? electronPort(electron) : nodePort();

const stop = runServices(port, (code) => {
  void flush().then(() => process.exit(code));
});

// Ctrl+C in a terminal reaches the whole process group: the parent decides when the services stop.
process.on('SIGINT', () => {});
// Forked under Node: a parent that has gone (even by SIGKILL) leaves no orphan holding the database.
process.on('disconnect', () => {
  stop();
  process.exit(0);
});
