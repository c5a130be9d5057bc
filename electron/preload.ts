// The sandboxed preload: exposes window.caseAudit with one function per contract method, each a call on
// the single RPC channel, and `on` for the app's own events. Nothing else crosses: no ipcRenderer, no
// channel names chosen by the page. Bundled to one CommonJS file (a sandboxed preload cannot load ES
// modules) by electron/vite.preload.config.ts; it imports nothing with zod, to stay small.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import {
  APP_EVENTS,
  BRIDGE_GLOBAL,
  RPC_CHANNEL,
  type AppEvent,
  type BridgeMethods,
  type CaseAuditBridge,
} from '../shared/bridge.js';
import { METHOD_NAMES } from '../shared/methodNames.js';

function isAppEvent(name: unknown): name is AppEvent {
  return typeof name === 'string' && (APP_EVENTS as readonly string[]).includes(name);
}

// Validation of inputs and outputs happens in the main process; here each name only becomes a call.
const methods = Object.fromEntries(
  METHOD_NAMES.map((name) => [
    name,
    (input: unknown): Promise<unknown> => ipcRenderer.invoke(RPC_CHANNEL, name, input),
  ]),
) as BridgeMethods;

const bridge: CaseAuditBridge = {
  ...methods,
  on(event, callback) {
    if (!isAppEvent(event)) throw new Error(`Unknown event "${String(event)}".`);
    if (typeof callback !== 'function') throw new TypeError('The callback must be a function.');
    // The IPC event object (with its sender) never reaches the page: only the payload does.
    const listener = (_event: IpcRendererEvent, payload: unknown) => callback(payload);
    ipcRenderer.on(event, listener);
    return () => {
      ipcRenderer.removeListener(event, listener);
    };
  },
};

contextBridge.exposeInMainWorld(BRIDGE_GLOBAL, bridge);
