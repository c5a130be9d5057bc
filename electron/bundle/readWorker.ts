// The worker thread of bundleReader.ts: reads (verifies) bundles one at a time (readLoop.ts). It
// writes nothing.
import { parentPort } from 'node:worker_threads';
import { serveReads } from './readLoop.js';

if (!parentPort) throw new Error('readWorker.js runs as a worker thread');
serveReads(parentPort);
