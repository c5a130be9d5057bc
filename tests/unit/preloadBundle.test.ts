// The built preload exposes exactly one function per contract method, plus `on`, and nothing else.
// Electron cannot run here, so the bundle runs in node:vm with stand-ins for contextBridge and
// ipcRenderer that record what it does: the only honest way to exercise it without the binary.
// It reads the build output (`npm run build` runs before the tests; `npm run build:preload` alone).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { APP_EVENTS, BRIDGE_GLOBAL, RPC_CHANNEL } from '../../shared/bridge.js';
import { METHOD_NAMES } from '../../shared/methodNames.js';

const BUNDLE = join(import.meta.dirname, '..', '..', 'dist', 'preload', 'preload.cjs');
const NOT_BUILT = 'dist/preload/preload.cjs is not built: run `npm run build:preload` (npm test builds it first).';

type Listener = (event: unknown, payload: unknown) => void;

interface Loaded {
  source: string;
  required: string[];
  exposed: Array<{ name: string; api: Record<string, unknown> }>;
  invocations: unknown[][];
  listeners: Map<string, Listener[]>;
}

function load(): Loaded {
  const source = readFileSync(BUNDLE, 'utf8');
  const loaded: Loaded = { source, required: [], exposed: [], invocations: [], listeners: new Map() };
  const ipcRenderer = {
    invoke: (...args: unknown[]) => {
      loaded.invocations.push(args);
      return Promise.resolve({ ok: true, value: 'answer' });
    },
    on: (channel: string, listener: Listener) => {
      loaded.listeners.set(channel, [...(loaded.listeners.get(channel) ?? []), listener]);
    },
    removeListener: (channel: string, listener: Listener) => {
      loaded.listeners.set(
        channel,
        (loaded.listeners.get(channel) ?? []).filter((l) => l !== listener),
      );
    },
  };
  const contextBridge = {
    exposeInMainWorld: (name: string, api: Record<string, unknown>) => loaded.exposed.push({ name, api }),
  };
  const fakeRequire = (id: string) => {
    loaded.required.push(id);
    if (id === 'electron') return { contextBridge, ipcRenderer };
    throw new Error(`the preload may require only electron, not ${id}`);
  };
  const wrapper = runInNewContext(
    `(function (require, module, exports) {\n${source}\n})`,
    {},
    { filename: BUNDLE },
  ) as (require: (id: string) => unknown, module: { exports: object }, exports: object) => void;
  const module = { exports: {} };
  wrapper(fakeRequire, module, module.exports);
  return loaded;
}

describe('the preload bundle', () => {
  const built = existsSync(BUNDLE);
  const loaded = built ? load() : null;
  const api = () => loaded!.exposed[0]!.api;

  it('is one CommonJS file that requires only electron and carries no zod', ({ skip }) => {
    skip(!built, NOT_BUILT);
    expect(loaded!.source).toContain('require("electron")');
    expect(loaded!.source).not.toMatch(/zod/i);
    expect(loaded!.source).not.toMatch(/^\s*import[\s{*]|\bimport\(/m); // no ES module syntax (method names like "bundles.import" are fine)
    expect(loaded!.required).toEqual(['electron']);
  });

  it(`exposes window.${BRIDGE_GLOBAL} once, with exactly the contract's methods and on`, ({ skip }) => {
    skip(!built, NOT_BUILT);
    expect(loaded!.exposed.map((e) => e.name)).toEqual([BRIDGE_GLOBAL]);
    // A difference here after a contract change means the bundle is stale: rebuild it.
    expect(Object.keys(api()).sort()).toEqual([...METHOD_NAMES, 'on'].sort());
    for (const value of Object.values(api())) expect(typeof value).toBe('function');
  });

  it('turns each method into one call on the rpc channel and hands back its result', async ({ skip }) => {
    skip(!built, NOT_BUILT);
    for (const name of METHOD_NAMES) {
      const input = { probe: name };
      const result = await (api()[name] as (i: unknown) => Promise<unknown>)(input);
      expect(result).toEqual({ ok: true, value: 'answer' });
      expect(loaded!.invocations.at(-1)).toEqual([RPC_CHANNEL, name, input]);
    }
    expect(loaded!.invocations).toHaveLength(METHOD_NAMES.length);
  });

  it('subscribes to app events only, passes the payload alone, and unsubscribes', ({ skip }) => {
    skip(!built, NOT_BUILT);
    const on = api().on as (event: string, cb: (...args: unknown[]) => void) => () => void;
    for (const event of APP_EVENTS) {
      const received: unknown[][] = [];
      const off = on(event, (...args) => received.push(args));
      const registered = loaded!.listeners.get(event) ?? [];
      expect(registered).toHaveLength(1);
      registered[0]!({ sender: 'the IPC event must not reach the page' }, { step: 1 });
      expect(received).toEqual([[{ step: 1 }]]);
      off();
      expect(loaded!.listeners.get(event)).toEqual([]);
    }
  });

  it('refuses other channels and non-function callbacks', ({ skip }) => {
    skip(!built, NOT_BUILT);
    const on = api().on as (event: unknown, cb: unknown) => () => void;
    for (const event of [RPC_CHANNEL, '__proto__', 'constructor', 'ipc-message', '', 42]) {
      expect(() => on(event, () => {})).toThrow(/Unknown event/);
    }
    expect(() => on(APP_EVENTS[0], 'not a function')).toThrow(/callback must be a function/);
    expect(loaded!.listeners.has(RPC_CHANNEL)).toBe(false);
  });
});
