// Reading bundles on a worker thread, so that a bulk import verifies the next bundle (decrypting,
// inflating, hashing, checking the signature, decoding and validating content.json: about a fifth of
// an import's time) on the second core while the main thread writes the current one to the database
// (docs/performance.md). The checks are readBundle's own (verify.ts), run in the worker unchanged;
// whatever passes them is written by the main thread only (importBundle.ts), which checks the signer's
// trust again against the database at that moment.
//
// Where the worker cannot start (its script is missing, as under the test runner, which runs the
// TypeScript sources) or dies, the bundle is read on the calling thread instead: the same checks and
// results, only not in parallel.
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
 * The worker's heap is kept small: without a limit it grew with garbage from bundle after bundle and
 * the import's peak memory rose from about 250 to 325 MB at the scale model. A bundle too large for
 * it stops the worker (out of memory), and that bundle is read on the calling thread instead.
 */
const DEFAULT_LIMITS = { maxOldGenerationSizeMb: 64, maxYoungGenerationSizeMb: 4 };

export function workerBundleReader(
  script: URL = DEFAULT_SCRIPT,
  limits: { maxOldGenerationSizeMb: number; maxYoungGenerationSizeMb: number } = DEFAULT_LIMITS,
): BundleReader {
  const inline = inlineBundleReader();
  let broken = !existsSync(fileURLToPath(script));
  let worker: Worker | null = null;
  let answered = false;
  let nextId = 1;
  let idle: NodeJS.Timeout | null = null;
  const pending = new Map<
    number,
    { bytes: Uint8Array; input: ReadInput; resolve: (r: BundleReading) => void; reject: (e: Error) => void }
  >();

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

  // A worker that fails before its first answer never will (missing script, a loader that cannot
  // read it): read on this thread from now on. One that fails later is replaced at the next read.
  // Either way the reads it held are done again here, so no caller is left waiting.
  const fail = (error: Error) => {
    if (!answered) broken = true;
    endWorker();
    const waiting = [...pending.values()];
    pending.clear();
    for (const p of waiting) inline.read(p.bytes, p.input).then(p.resolve, () => p.reject(error));
  };

  const start = (): Worker => {
    const w = new Worker(script, { resourceLimits: limits });
    w.on('message', (reply: ReadReply) => {
      answered = true;
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
      if (worker === w) fail(e);
    });
    w.on('exit', (code) => {
      if (worker === w) fail(new Error(`the bundle reader stopped (exit code ${code})`));
    });
    return w;
  };

  return {
    get threaded() {
      return !broken;
    },
    read(bytes, input) {
      if (broken) return inline.read(bytes, input);
      stopIdleTimer();
      try {
        worker ??= start();
      } catch {
        broken = true;
        return inline.read(bytes, input);
      }
      const id = nextId++;
      const request: ReadRequest = {
        id,
        bytes,
        decryptionKeys: [...input.decryptionKeys],
        trusted: { ...input.trusted },
      };
      return new Promise<BundleReading>((resolve, reject) => {
        pending.set(id, { bytes, input, resolve, reject });
        // Referenced while it has work (a process waiting for a reading must not exit), not while idle.
        worker!.ref();
        // The bytes are copied, not transferred: a quarantined bundle is stored from the caller's copy.
        worker!.postMessage(request);
      });
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
