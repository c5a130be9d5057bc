// Reading bundles on a worker thread, so that a bulk import verifies the next bundle (decrypting,
// inflating, hashing, checking the signature, decoding and validating content.json: about a fifth of
// an import's time) on the second core while the main thread writes the current one to the database
// (docs/performance.md). The checks are readBundle's own (verify.ts), run in the worker unchanged;
// whatever passes them is written by the main thread only (importBundle.ts), which checks the signer's
// trust again against the database at that moment.
//
// Where the worker cannot start (its script is missing, as under the test runner, which runs the
// TypeScript sources), bundles are read on the calling thread instead: the same checks and results,
// only not in parallel. A worker that stops while reading a bundle (out of memory, or any other
// death) refuses that file only; the next is read by a new worker.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { TrustInfo } from './verify.js';
import { readBundle, type BundleReading, type VerifyOptions } from './verify.js';

/** What the worker is asked: plain data (keys and the trust list as it is now). */
export interface ReadRequest {
  id: number;
  bytes: Uint8Array;
  decryptionKeys: string[];
  trusted: Record<string, TrustInfo>;
}
export interface ReadReply {
  id: number;
  reading?: BundleReading;
  error?: string;
}

export interface ReadInput {
  decryptionKeys: readonly string[];
  /** Every trusted fingerprint with its revocation, as the database has them now. */
  trusted: Readonly<Record<string, TrustInfo>>;
}

export interface BundleReader {
  read(bytes: Uint8Array, input: ReadInput): Promise<BundleReading>;
  /** Whether reads run on the worker thread (false once it could not start). */
  readonly threaded: boolean;
  close(): Promise<void>;
}

const verifyOptions = (input: ReadInput): VerifyOptions => ({
  decryptionKeys: input.decryptionKeys,
  trust: (fp) => (Object.hasOwn(input.trusted, fp) ? input.trusted[fp] : undefined),
});

/** Reads on the calling thread. */
export function inlineBundleReader(): BundleReader {
  return {
    read: (bytes, input) => readBundle(bytes, verifyOptions(input)),
    threaded: false,
    close: () => Promise.resolve(),
  };
}

const DEFAULT_SCRIPT = new URL('./readWorker.js', import.meta.url);
/** An idle worker ends after this long (it holds its own heap); the next read starts another. */
const IDLE_MS = 10_000;

/** Structured cloning turns Buffers into plain Uint8Arrays: make them Buffers again, as read here (no copy). */
const asBuffer = (v: Uint8Array) => Buffer.from(v.buffer, v.byteOffset, v.byteLength);
function revive(reading: BundleReading): BundleReading {
  if (!reading.ok) return reading;
  return { ...reading, reportPdf: asBuffer(reading.reportPdf), contentBytes: asBuffer(reading.contentBytes) };
}

/**
 * The worker's heap. A cap keeps it small (without one it grew with garbage from bundle after bundle,
 * and the import's peak memory rose from about 250 to 325 MB at the scale model), and it must hold the
 * most expensive content a bundle may carry: JSON.parse cannot be stopped halfway, so a worker that
 * reaches its cap inside it takes the whole process down. The bundle limits bound that cost (8 MiB of
 * JSON with at most 400,000 values, shared/bundle.ts); the worst text within them was measured at
 * under 48 MB of heap (docs/bundle-format.md, "Limits"), so this is twice that.
 */
export const READER_HEAP_LIMITS = { maxOldGenerationSizeMb: 96, maxYoungGenerationSizeMb: 4 };

/** The refusal of a file whose reading stopped the worker (it ran out of memory, or died). */
export function readerStopped(reason: string): BundleReading {
  return {
    ok: false,
    check: 'size',
    message: `the bundle could not be read within the reader's memory (${reason}); nothing was written`,
  };
}

interface Pending {
  request: ReadRequest;
  input: ReadInput;
  resolve: (r: BundleReading) => void;
  reject: (e: Error) => void;
}

export function workerBundleReader(
  script: URL = DEFAULT_SCRIPT,
  limits: { maxOldGenerationSizeMb: number; maxYoungGenerationSizeMb: number } = READER_HEAP_LIMITS,
): BundleReader {
  const inline = inlineBundleReader();
  let broken = !existsSync(fileURLToPath(script));
  let worker: Worker | null = null;
  let nextId = 1;
  let idle: NodeJS.Timeout | null = null;
  // In the order sent: the worker reads one at a time, so the first is the one it is reading.
  const pending = new Map<number, Pending>();

  const stopIdleTimer = () => {
    if (idle) clearTimeout(idle);
    idle = null;
  };
  const endWorker = () => {
    stopIdleTimer();
    const w = worker;
    worker = null;
    if (w) void w.terminate();
  };

  // A worker that fails before it is online never started (missing script, a loader that cannot read
  // it): read on this thread from now on, the same checks. One that stops while reading (out of
  // memory, or any other death) is not retried here, where the same bundle could stop the process:
  // that file is refused, and the reads waiting behind it go to a new worker.
  const fail = (error: Error, started: boolean) => {
    endWorker();
    const waiting = [...pending.values()];
    pending.clear();
    if (!started) {
      broken = true;
      for (const p of waiting) inline.read(p.request.bytes, p.input).then(p.resolve, () => p.reject(error));
      return;
    }
    const [current, ...rest] = waiting;
    const oom = (error as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY';
    current?.resolve(readerStopped(oom ? 'it ran out of memory' : `the reader stopped: ${error.message}`));
    for (const p of rest) send(p);
  };

  const start = (): Worker => {
    const w = new Worker(script, { resourceLimits: limits });
    let started = false;
    w.on('online', () => {
      started = true;
    });
    w.on('message', (reply: ReadReply) => {
      const p = pending.get(reply.id);
      if (!p) return;
      pending.delete(reply.id);
      if (reply.reading) p.resolve(revive(reply.reading));
      else p.reject(new Error(reply.error ?? 'the bundle reader failed'));
      if (pending.size === 0) {
        w.unref();
        stopIdleTimer();
        idle = setTimeout(endWorker, IDLE_MS);
        idle.unref();
      }
    });
    w.on('error', (e) => {
      if (worker === w) fail(e, started);
    });
    w.on('exit', (code) => {
      if (worker === w) fail(new Error(`exit code ${code}`), started);
    });
    return w;
  };

  const send = (p: Pending) => {
    if (broken) {
      inline.read(p.request.bytes, p.input).then(p.resolve, p.reject);
      return;
    }
    stopIdleTimer();
    try {
      worker ??= start();
    } catch {
      broken = true;
      inline.read(p.request.bytes, p.input).then(p.resolve, p.reject);
      return;
    }
    pending.set(p.request.id, p);
    // Referenced while it has work (a process waiting for a reading must not exit), not while idle.
    worker.ref();
    // The bytes are copied, not transferred: a quarantined bundle is stored from the caller's copy.
    worker.postMessage(p.request);
  };

  return {
    get threaded() {
      return !broken;
    },
    read(bytes, input) {
      if (broken) return inline.read(bytes, input);
      const request: ReadRequest = {
        id: nextId++,
        bytes,
        decryptionKeys: [...input.decryptionKeys],
        trusted: { ...input.trusted },
      };
      return new Promise<BundleReading>((resolve, reject) => send({ request, input, resolve, reject }));
    },
    close: async () => {
      stopIdleTimer();
      const w = worker;
      worker = null;
      for (const p of pending.values()) p.reject(new Error('the bundle reader was closed'));
      pending.clear();
      if (w) await w.terminate();
    },
  };
}
