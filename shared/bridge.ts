// What the Electron preload exposes on `window.caseAudit`: one function per contract method, each
// resolving to a result envelope (errors cannot cross contextBridge as typed exceptions), and `on`.
import type { Input, Method, Output } from './contract.js';
import type { RpcResult } from './errors.js';

export const BRIDGE_GLOBAL = 'caseAudit';
/** The single IPC channel every contract call travels on. */
export const RPC_CHANNEL = 'rpc';
/** Events the main process pushes to the window. */
// 'bundle.opened': a .caseaudit file opened from the desktop (electron/fileOpen.ts's OpenedBundle).
export const APP_EVENTS = ['app.locked', 'progress', 'bundle.opened'] as const;
export type AppEvent = (typeof APP_EVENTS)[number];

export type BridgeMethods = { [M in Method]: (input: Input<M>) => Promise<RpcResult<Output<M>>> };

export type CaseAuditBridge = BridgeMethods & {
  on(event: AppEvent, callback: (payload: unknown) => void): () => void;
};
