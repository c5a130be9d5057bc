// Bounded reading: bundles over a limit (content bombs of several sizes, sizes that lie, JSON too
// costly to parse), signed by a trusted key and by one nobody knows, are refused as such before the
// trust decision, with the limit and the entry named, and write nothing; the most expensive content
// within the limits is read by the real worker within its heap; a worker that stops while reading
// refuses that file only, and the import goes on with the next.
// The worker runs the compiled script (dist/, built by `npm run build` before the tests run).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { READER_HEAP_LIMITS, workerBundleReader } from '../../electron/bundle/bundleReader.js';
import { readInput } from '../../electron/bundle/importBundle.js';
import { importFiles } from '../../electron/bundle/importFiles.js';
import { MAX_CONTENT_BYTES, MAX_JSON_DEPTH, MAX_JSON_VALUES, MAX_REPORT_BYTES } from '../../shared/bundle.js';
import {
  craftBundle,
  filler,
  installationSigner,
  strangerSigner,
  stringBomb,
  type Payload,
  type Signer,
} from '../helpers/bombs.js';
import {
  auditorAndQa,
  completeAudit,
  exportedBytes,
  installation,
  introduce,
  sign,
  tableCounts,
  type Installation,
} from '../helpers/installations.js';
import { READ_WORKER, requireBuiltReadWorker } from '../helpers/readWorker.js';
import { tempDir } from '../helpers/tmp.js';

const STOPPING_WORKER = new URL('../fixtures/stoppingReadWorker.mjs', import.meta.url);
const MiB = 1024 * 1024;
const t = tempDir();
let auditor: Installation;
let qa: Installation;
let auditId: string;
let plain: Buffer;
let r2: Buffer;
let genuineContent: string;
let signers: Record<'trusted' | 'unknown', Signer>;

beforeAll(async () => {
  requireBuiltReadWorker();
  ({ auditor, qa } = await auditorAndQa(t.dir));
  auditId = await completeAudit(auditor.api, 'Neglect audit 2024', { cases: 1 });
  await sign(auditor.api, auditId);
  plain = await exportedBytes(auditor, auditId);
  await auditor.api['audits.newRevision']({ auditId });
  await sign(auditor.api, auditId);
  r2 = await exportedBytes(auditor, auditId);
  genuineContent = auditor.app.ctx.repos.bundles.latestRevision(auditId)!.content;
  signers = { trusted: installationSigner(auditor), unknown: strangerSigner() };
});
afterAll(() => {
  auditor.app.close();
  qa.app.close();
  t.cleanup();
});

const importBytes = (bytes: Uint8Array) =>
  qa.api['bundles.import']({ fileName: 'hostile.caseaudit', base64: Buffer.from(bytes).toString('base64') });

describe('bundles over a limit', () => {
  it.each([10, 40, 200])(
    'refuses content.json of %i MiB before inflating it, signed by a trusted or an unknown key, and writes nothing',
    async (mib) => {
      for (const who of ['trusted', 'unknown'] as const) {
        const bomb = craftBundle(plain, signers[who], { 'content.json': stringBomb(mib) });
        expect(bomb.length).toBeLessThan(plain.length + mib * 1200); // about 1 KiB deflated per MiB
        const before = tableCounts(qa.app);
        const outcome = await importBytes(bomb);
        expect(outcome, who).toEqual({
          outcome: 'refused',
          check: 'size',
          message: `the entry "content.json" declares ${mib * MiB + 16} bytes; it may hold at most ${MAX_CONTENT_BYTES} (8 MiB)`,
        });
        expect(tableCounts(qa.app)).toEqual(before);
      }
    },
  );

  it('refuses a bomb whose headers declare a small size once inflating passes it, and writes nothing', async () => {
    for (const who of ['trusted', 'unknown'] as const) {
      for (const declared of [4096, MAX_CONTENT_BYTES]) {
        const bomb = craftBundle(plain, signers[who], { 'content.json': stringBomb(40) }, { 'content.json': declared });
        const before = tableCounts(qa.app);
        expect(await importBytes(bomb)).toEqual({
          outcome: 'refused',
          check: 'size',
          message: `the entry "content.json" inflates to more than the ${declared} bytes it declares`,
        });
        expect(tableCounts(qa.app)).toEqual(before);
      }
    }
  });

  it('refuses a report, a manifest or templates over their limits, naming the entry', async () => {
    const before = tableCounts(qa.app);
    const report = craftBundle(plain, signers.unknown, {
      'report.pdf': { prefix: '%PDF-1.7\n', chunk: filler(MiB, ' '), times: 9, suffix: '%%EOF' },
    });
    expect(await importBytes(report)).toMatchObject({
      outcome: 'refused',
      check: 'size',
      message: expect.stringMatching(
        new RegExp(`^the entry "report.pdf" declares \\d+ bytes; it may hold at most ${MAX_REPORT_BYTES} \\(8 MiB\\)$`),
      ),
    });
    const template = templateEntry();
    const bigTemplate = craftBundle(plain, signers.trusted, {
      [template]: { prefix: '{"x":"', chunk: filler(MiB), times: 2, suffix: '"}' },
    });
    expect(await importBytes(bigTemplate)).toMatchObject({
      check: 'size',
      message: expect.stringContaining(`the entry "${template}" declares`),
    });
    expect(tableCounts(qa.app)).toEqual(before);
  });

  it('refuses JSON within the byte limit that would cost too much to parse: too many values, too deep', async () => {
    const before = tableCounts(qa.app);
    for (const who of ['trusted', 'unknown'] as const) {
      const values = craftBundle(plain, signers[who], {
        'content.json': { prefix: '[', chunk: Buffer.from('{},'.repeat(1000)), times: 2000, suffix: '{}]' },
      });
      expect(await importBytes(values)).toEqual({
        outcome: 'refused',
        check: 'size',
        message: `content.json is too large to read: the bundle's JSON entries together hold more than ${MAX_JSON_VALUES} values (objects, arrays, strings, numbers), the most a bundle may`,
      });
      const deep = craftBundle(plain, signers[who], {
        'content.json': Buffer.from('['.repeat(MAX_JSON_DEPTH + 1) + ']'.repeat(MAX_JSON_DEPTH + 1)),
      });
      expect(await importBytes(deep)).toEqual({
        outcome: 'refused',
        check: 'size',
        message: `content.json nests more than ${MAX_JSON_DEPTH} levels deep, more than a bundle may`,
      });
    }
    expect(tableCounts(qa.app)).toEqual(before);
  });
});

describe('an encrypted bundle too costly to parse', () => {
  it('refuses a JWE in JSON form with a million values before parsing it, and writes nothing', async () => {
    const before = tableCounts(qa.app);
    const jwe = Buffer.from(
      `{"protected":"e30","iv":"AA","ciphertext":"AA","tag":"AA","recipients":[${'{},'.repeat(1_000_000)}{}]}`,
    );
    expect(await importBytes(jwe)).toEqual({
      outcome: 'refused',
      check: 'container',
      message: 'the encrypted bundle holds more JSON than a JWE may (at most 10000 values)',
    });
    expect(tableCounts(qa.app)).toEqual(before);
  });
});

/** The template entry of the genuine bundle. */
function templateEntry(): string {
  const m = /templates\/[a-z0-9._-]+-v\d+\.json/.exec(plain.toString('latin1'));
  return m![0];
}

describe('the most expensive content within the limits', () => {
  // Each is as costly as the limits allow in one way: the most values (empty objects cost the most
  // heap per byte), the most bytes (as a two-byte string, twice its UTF-8 length), or the most issues
  // for the schema to find (an answer list of bad items; zod is asked to stop at the first).
  const worst = (): Record<string, Payload> => {
    const values = MAX_JSON_VALUES - 10_000; // the manifest and template hold a few thousand
    const objects = Buffer.from('{},'.repeat(1000));
    const content = JSON.parse(genuineContent) as Record<string, unknown>;
    delete content.answers;
    return {
      objects: { prefix: '[', chunk: objects, times: values / 1000, suffix: '{}]' },
      'objects and a long string': {
        prefix: `[${'{},'.repeat(values / 2)}"`,
        chunk: Buffer.from('\u2019'.repeat(1000)), // 3,000 bytes of UTF-8
        times: Math.floor((MAX_CONTENT_BYTES - (values / 2) * 3 - 3) / 3000),
        suffix: '"]',
      },
      'bad answers': {
        prefix: '{"answers":[',
        chunk: Buffer.from('0,'.repeat(1000)),
        times: (values - 5000) / 1000,
        suffix: `0],${JSON.stringify(content).slice(1)}`,
      },
    };
  };

  it('is read by the real worker within half its heap, and refused as content', async () => {
    const half = {
      maxOldGenerationSizeMb: READER_HEAP_LIMITS.maxOldGenerationSizeMb / 2,
      maxYoungGenerationSizeMb: READER_HEAP_LIMITS.maxYoungGenerationSizeMb,
    };
    for (const limits of [READER_HEAP_LIMITS, half]) {
      const reader = workerBundleReader(READ_WORKER, limits);
      try {
        for (const [name, payload] of Object.entries(worst())) {
          const bundle = craftBundle(plain, signers.unknown, { 'content.json': payload });
          const reading = await reader.read(bundle, readInput(qa.app.ctx));
          expect(reader.threaded).toBe(true);
          expect(reading, `${name} with ${limits.maxOldGenerationSizeMb} MB`).toMatchObject({
            ok: false,
            check: 'content',
          });
        }
      } finally {
        await reader.close();
      }
    }
  });
});

describe('a worker that stops while reading', () => {
  it('refuses that file (out of memory, or exited), writes nothing, and reads the next with a new worker', async () => {
    const fresh = await installation(t.dir, 'qa-stop', { name: 'QA Two', role: 'Chair', agency: 'Northshire SCP' });
    await introduce(auditor, fresh);
    const reader = workerBundleReader(STOPPING_WORKER, { maxOldGenerationSizeMb: 24, maxYoungGenerationSizeMb: 4 });
    try {
      const seen: string[] = [];
      const outcomes = await importFiles(
        fresh.app.ctx,
        [
          { name: 'r1.caseaudit', load: () => plain },
          { name: 'oom.caseaudit', load: () => Buffer.from('OOM: a file the reader cannot survive') },
          { name: 'exit.caseaudit', load: () => Buffer.from('EXIT') },
          { name: 'r2.caseaudit', load: () => r2 },
        ],
        reader,
        (i, o) => {
          seen.push(`${i}:${o.outcome}`);
          if (i === 1) expect(tableCounts(fresh.app)).toMatchObject({ audit: 1, audit_revision: 1 });
        },
      );
      expect(outcomes).toEqual([
        expect.objectContaining({ outcome: 'added', revision: 1 }),
        {
          outcome: 'refused',
          check: 'size',
          message:
            "the bundle could not be read within the reader's memory (it ran out of memory); nothing was written",
        },
        {
          outcome: 'refused',
          check: 'size',
          message:
            "the bundle could not be read within the reader's memory (the reader stopped: exit code 3); nothing was written",
        },
        expect.objectContaining({ outcome: 'added', revision: 2, superseded: 1 }),
      ]);
      expect(seen).toEqual(['0:added', '1:refused', '2:refused', '3:added']);
      expect(reader.threaded).toBe(true);
      expect(tableCounts(fresh.app)).toMatchObject({ audit: 1, audit_revision: 2, quarantine: 0 });
    } finally {
      await reader.close();
      fresh.app.close();
    }
  }, 60_000);
});
