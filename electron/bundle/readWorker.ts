// The worker thread of bundleReader.ts: reads (verifies) bundles with readBundle and posts the result
// back; the large parts (content.json's bytes, the PDF) are transferred, not copied. It writes nothing.
import { parentPort } from 'node:worker_threads';
import type { ReadReply, ReadRequest } from './bundleReader.js';
import { readBundle } from './verify.js';

const port = parentPort;
if (!port) throw new Error('readWorker.js runs as a worker thread');

port.on('message', (request: ReadRequest) => {
  readBundle(request.bytes, {
    decryptionKeys: request.decryptionKeys,
    trust: (fp) => (Object.hasOwn(request.trusted, fp) ? request.trusted[fp] : undefined),
  }).then(
    (reading) => {
      const reply: ReadReply = { id: request.id, reading };
      const transfer = reading.ok ? movable([reading.contentBytes, reading.reportPdf]) : [];
      port.postMessage(reply, transfer);
    },
    (e: unknown) => port.postMessage({ id: request.id, error: (e as Error).message } satisfies ReadReply),
  );
});

/** The buffers that can be moved: each once, and never Node's shared pool of small Buffers (still in use here). */
function movable(views: Uint8Array[]): ArrayBuffer[] {
  const out = new Set<ArrayBuffer>();
  for (const v of views) {
    const b = v.buffer;
    if (b instanceof ArrayBuffer && b.byteLength > Buffer.poolSize) out.add(b);
  }
  return [...out];
}
