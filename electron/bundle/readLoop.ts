// What the reader's worker thread does with each request: reads (verifies) the bundle and posts the
// result back; the large parts (content.json's bytes, the PDF) are transferred, not copied. One
// bundle at a time, in the order they came: the heap is sized for one (bundleReader.ts), and a worker
// that stops then stopped on the oldest request it holds, which is how its caller knows which file
// to refuse.
import type { MessagePort } from 'node:worker_threads';
import type { ReadReply, ReadRequest } from './bundleReader.js';
import { readBundle, type BundleReading, type VerifyOptions } from './verify.js';

export type Read = (bytes: Uint8Array, options: VerifyOptions) => Promise<BundleReading>;

export function serveReads(port: MessagePort, read: Read = readBundle): void {
  let last: Promise<void> = Promise.resolve();
  port.on('message', (request: ReadRequest) => {
    last = last.then(() => readOne(port, request, read));
  });
}

async function readOne(port: MessagePort, request: ReadRequest, read: Read): Promise<void> {
  try {
    const reading = await read(request.bytes, {
      decryptionKeys: request.decryptionKeys,
      trust: (fp) => (Object.hasOwn(request.trusted, fp) ? request.trusted[fp] : undefined),
    });
    const reply: ReadReply = { id: request.id, reading };
    port.postMessage(reply, reading.ok ? movable([reading.contentBytes, reading.reportPdf]) : []);
  } catch (e) {
    port.postMessage({ id: request.id, error: (e as Error).message } satisfies ReadReply);
  }
}

/** The buffers that can be moved: each once, and never Node's shared pool of small Buffers (still in use here). */
function movable(views: Uint8Array[]): ArrayBuffer[] {
  const out = new Set<ArrayBuffer>();
  for (const v of views) {
    const b = v.buffer;
    if (b instanceof ArrayBuffer && b.byteLength > Buffer.poolSize) out.add(b);
  }
  return [...out];
}
