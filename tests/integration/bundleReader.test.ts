// Bundles read (verified) on a worker thread while the one before is written: the same readings as on
// the calling thread, writes in the order the bundles came, trust looked up again at writing.
// The worker runs the compiled script (dist/, built by `npm run build` before the tests run).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inlineBundleReader, workerBundleReader } from '../../electron/bundle/bundleReader.js';
import { readInput } from '../../electron/bundle/importBundle.js';
import { importFiles } from '../../electron/bundle/importFiles.js';
import {
  auditorAndQa,
  completeAudit,
  installation,
  introduce,
  sign,
  type Installation,
} from '../helpers/installations.js';
import { READ_WORKER, requireBuiltReadWorker } from '../helpers/readWorker.js';
import { tempDir } from '../helpers/tmp.js';

const t = tempDir();
let auditor: Installation;
let qa: Installation;
let auditId: string;
let r1: Buffer;
let r2: Buffer;
let other: Buffer;
// The same revisions not encrypted, for installations the auditor did not encrypt to.
let r1Plain: Buffer;
let r2Plain: Buffer;
const exported = async (id: string, encrypt = true) =>
  Buffer.from((await auditor.api['bundles.export']({ auditId: id, encrypt })).base64, 'base64');

beforeAll(async () => {
  requireBuiltReadWorker();
  ({ auditor, qa } = await auditorAndQa(t.dir));
  auditId = await completeAudit(auditor.api, 'Neglect audit 2024');
  await sign(auditor.api, auditId);
  r1 = await exported(auditId);
  r1Plain = await exported(auditId, false);
  await auditor.api['audits.newRevision']({ auditId });
  await sign(auditor.api, auditId);
  r2 = await exported(auditId);
  r2Plain = await exported(auditId, false);
  const second = await completeAudit(auditor.api, 'Exploitation audit 2024', { seed: 11 });
  await sign(auditor.api, second);
  other = await exported(second);
});
afterAll(() => {
  auditor.app.close();
  qa.app.close();
  t.cleanup();
});

describe('reading bundles on a worker thread', () => {
  it('gives the same reading as the calling thread, for a good bundle and for an altered one', async () => {
    const reader = workerBundleReader(READ_WORKER);
    try {
      const input = readInput(qa.app.ctx);
      const threaded = await reader.read(r1, input);
      const reading = await reader.read(r1Plain, input); // one more on the same worker
      expect(reading.ok).toBe(true);
      expect(reader.threaded).toBe(true);
      const inline = await inlineBundleReader().read(r1, input);
      expect(threaded.ok).toBe(true);
      expect(threaded).toEqual(inline);
      if (threaded.ok) expect(Buffer.isBuffer(threaded.reportPdf)).toBe(true);

      const altered = Buffer.from(r1);
      const at = Math.floor(altered.length / 2);
      altered[at] = altered[at]! ^ 0x01;
      const refused = await reader.read(altered, input);
      expect(refused).toEqual(await inlineBundleReader().read(altered, input));
      expect(refused.ok).toBe(false);
    } finally {
      await reader.close();
    }
  });

  it('reads on the calling thread when the worker script cannot be found, with the same result', async () => {
    const reader = workerBundleReader(new URL('./no-such-worker.js', READ_WORKER));
    const input = readInput(qa.app.ctx);
    const reading = await reader.read(r1, input);
    expect(reader.threaded).toBe(false);
    expect(reading).toEqual(await inlineBundleReader().read(r1, input));
    await reader.close();
  });

  it('reads on the calling thread when the worker cannot start, with the same result', async () => {
    // A heap far too small to start in: the worker stops before it is online, and every bundle is read
    // here instead (one that stops it while reading is refused: bundleLimits.test.ts).
    const reader = workerBundleReader(READ_WORKER, { maxOldGenerationSizeMb: 1, maxYoungGenerationSizeMb: 1 });
    const input = readInput(qa.app.ctx);
    const reading = await reader.read(r2, input);
    expect(reader.threaded).toBe(false);
    expect(reading.ok).toBe(true);
    expect(reading).toEqual(await inlineBundleReader().read(r2, input));
    await reader.close();
  });

  it('imports files in their order, each verified while the one before is written', async () => {
    const reader = workerBundleReader(READ_WORKER);
    const seen: string[] = [];
    try {
      const outcomes = await importFiles(
        qa.app.ctx,
        [
          { name: 'r1.caseaudit', load: () => r1 },
          {
            name: 'missing.caseaudit',
            load: () => {
              throw new Error('ENOENT: no such file');
            },
          },
          { name: 'r2.caseaudit', load: () => r2 },
          { name: 'other.caseaudit', load: () => other },
        ],
        reader,
        (i, o) => {
          seen.push(`${i}:${o.outcome}`);
        },
      );
      // Revision 1 is written before revision 2 (otherwise it would be kept as an older revision).
      expect(outcomes.map((o) => o.outcome)).toEqual(['added', 'refused', 'added', 'added']);
      expect(outcomes[2]).toMatchObject({ revision: 2, superseded: 1 });
      expect(outcomes[1]).toMatchObject({
        check: 'container',
        message: expect.stringMatching(/could not be read.*ENOENT/),
      });
      expect(seen).toEqual(['0:added', '1:refused', '2:added', '3:added']);
      expect((await qa.api['audits.get']({ auditId })).audit.revision).toBe(2);
    } finally {
      await reader.close();
    }
  });

  it("looks up the signer's trust again when writing: a key revoked after reading is refused", async () => {
    const fresh = await installation(t.dir, 'qa2', { name: 'QA Two', role: 'Chair', agency: 'Northshire SCP' });
    try {
      await introduce(auditor, fresh);
      const reader = workerBundleReader(READ_WORKER);
      const input = readInput(fresh.app.ctx); // trusted at this moment
      const reading = reader.read(r1Plain, input);
      const fingerprint = (await fresh.api['trust.list']({}))[0]!.fingerprint;
      await fresh.api['trust.revoke']({ fingerprint, reason: 'laptop lost' });
      const { importReading } = await import('../../electron/bundle/importBundle.js');
      const outcome = importReading(fresh.app.ctx, await reading, r1Plain, 'r1.caseaudit');
      expect(outcome).toMatchObject({ outcome: 'refused', check: 'revoked' });
      expect(fresh.app.db.prepare('SELECT count(*) AS n FROM audit').get()).toEqual({ n: 0 });
      await reader.close();
    } finally {
      fresh.app.close();
    }
  });

  it('bundles.import writes in the order the calls came, even when they overlap', async () => {
    const fresh = await installation(t.dir, 'qa3', { name: 'QA Three', role: 'Chair', agency: 'Northshire SCP' });
    try {
      await introduce(auditor, fresh);
      // The large revision 2 follows revision 1 at once, as the import screen sends them.
      const [a, b] = await Promise.all([
        fresh.api['bundles.import']({ fileName: 'r1.caseaudit', base64: r1Plain.toString('base64') }),
        fresh.api['bundles.import']({ fileName: 'r2.caseaudit', base64: r2Plain.toString('base64') }),
      ]);
      expect(a).toMatchObject({ outcome: 'added', revision: 1 });
      expect(b).toMatchObject({ outcome: 'added', revision: 2, superseded: 1 });
    } finally {
      fresh.app.close();
    }
  });
});
