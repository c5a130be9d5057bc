// The property: for any sequence of genuine and hostile bundles, no row of an audit changes except
// through a verified revision of that audit, added by its pinned signer, following on from the
// revision before it. Each run imports a sequence into a fresh QA installation and compares every
// audit's rows before and after each import.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportOutcome } from '../../shared/bundle.js';
import { checkDatabase } from '../../electron/maintenance.js';
import { readBundle } from '../../electron/bundle/verify.js';
import { asNewAudit, craftRevision, replaceIds, signedRevision } from '../helpers/craftBundles.js';
import {
  completeAudit,
  exportedBytes,
  installation,
  reviseActionText,
  sign,
  type Installation,
} from '../helpers/installations.js';
import { tempDir } from '../helpers/tmp.js';

const t = tempDir();
let A: Installation;
let B: Installation;
let S: Installation;
let cards: string[];

interface Pooled {
  name: string;
  bytes: Buffer;
  auditId: string;
  revision: number;
  /** Genuine: exported by the auditor's own installation. Hostile ones must never be added. */
  genuine: boolean;
}
let base: Buffer; // imported first in every run: the audit hostile bundles aim at
let pool: Pooled[] = [];

/** Every row of every audit here, by audit: what may change only through that audit's revisions. */
function rowsByAudit(qa: Installation): Map<string, string> {
  const db = qa.app.db;
  const out = new Map<string, string>();
  const ids = (db.prepare('SELECT id FROM audit ORDER BY id').all() as { id: string }[]).map((r) => r.id);
  const q = (sql: string, id: string) => db.prepare(sql).all(id);
  for (const id of ids)
    out.set(
      id,
      JSON.stringify([
        q('SELECT * FROM audit WHERE id = ?', id),
        q('SELECT * FROM audit_case WHERE audit_id = ? ORDER BY id', id),
        q('SELECT k.* FROM checklist k JOIN audit_case c ON c.id = k.case_id WHERE c.audit_id = ? ORDER BY k.id', id),
        q(
          `SELECT a.* FROM answer a JOIN checklist k ON k.id = a.checklist_id JOIN audit_case c ON c.id = k.case_id
           WHERE c.audit_id = ? ORDER BY a.checklist_id, a.question_id`,
          id,
        ),
        q(
          'SELECT g.* FROM case_grade g JOIN audit_case c ON c.id = g.case_id WHERE c.audit_id = ? ORDER BY g.case_id',
          id,
        ),
        q('SELECT d.* FROM case_discussion d JOIN audit_case c ON c.id = d.case_id WHERE c.audit_id = ?', id),
        q('SELECT * FROM finding WHERE audit_id = ? ORDER BY id', id),
        q('SELECT * FROM recommendation WHERE audit_id = ? ORDER BY id', id),
        q('SELECT * FROM action WHERE audit_id = ? ORDER BY id', id),
      ]),
    );
  return out;
}

type Link = { revision: number; contentHash: string; previousHash: string | null; signer: string };
/** Every audit's signed history here, without contents: rows are only ever added to it. */
function histories(qa: Installation): Map<string, Link[]> {
  const rows = qa.app.db
    .prepare(
      `SELECT audit_id AS auditId, revision, content_hash AS contentHash, previous_hash AS previousHash,
       signer_fingerprint AS signer FROM audit_revision ORDER BY audit_id, revision`,
    )
    .all() as (Link & { auditId: string })[];
  const out = new Map<string, Link[]>();
  for (const { auditId, ...link } of rows) out.set(auditId, [...(out.get(auditId) ?? []), link]);
  return out;
}

beforeAll(async () => {
  A = await installation(t.dir, 'auditorA', { name: 'Ann Auditor', role: 'Auditor', agency: 'Independent' });
  B = await installation(t.dir, 'auditorB', { name: 'Bob Auditor', role: 'Auditor', agency: 'Independent' });
  S = await installation(t.dir, 'stranger', { name: 'Stranger', role: 'Auditor', agency: 'Elsewhere' });
  cards = [(await A.api['identity.card']({})).json, (await B.api['identity.card']({})).json];

  const baseId = await completeAudit(A.api, 'Base audit', { cases: 1, seed: 1 });
  await sign(A.api, baseId);
  base = await exportedBytes(A, baseId);
  // P: three genuine revisions by A; Q by A and R by B, one each.
  const P = await completeAudit(A.api, 'Audit P', { cases: 1, seed: 2 });
  await sign(A.api, P);
  const p1 = await exportedBytes(A, P);
  await reviseActionText(A, P, 'Second revision of the first action');
  const p2 = await exportedBytes(A, P);
  await reviseActionText(A, P, 'Third revision of the first action');
  const p3 = await exportedBytes(A, P);
  const Q = await completeAudit(A.api, 'Audit Q', { cases: 1, seed: 3 });
  await sign(A.api, Q);
  const R = await completeAudit(B.api, 'Audit R', { cases: 1, seed: 4 });
  await sign(B.api, R);
  const genuine = (name: string, bytes: Buffer, auditId: string, revision: number): Pooled => ({
    name,
    bytes,
    auditId,
    revision,
    genuine: true,
  });
  pool = [
    genuine('P r1', p1, P, 1),
    genuine('P r2', p2, P, 2),
    genuine('P r3', p3, P, 3),
    genuine('Q r1', await exportedBytes(A, Q), Q, 1),
    genuine('R r1', await exportedBytes(B, R), R, 1),
  ];

  // Hostile: built from the genuine revisions, signed by real keys.
  const b1 = signedRevision(A, baseId);
  const pr1 = signedRevision(A, P, 1);
  const revised = (c: typeof pr1.content, revision: number, evidence: string) => {
    const next = structuredClone(c);
    next.revision = revision;
    next.answers[0]!.evidence = evidence;
    return next;
  };
  const hostile = async (name: string, signer: Installation, c: typeof pr1.content, prev: string | null) => ({
    name,
    bytes: (await craftRevision(signer, c, prev, A)).bytes,
    auditId: c.audit.id,
    revision: c.revision,
    genuine: false,
  });
  const reuse = (from: typeof b1.content, list: 'actions' | 'cases' | 'findings') => {
    const w = asNewAudit(signedRevision(A, Q).content);
    return replaceIds(w, { [w[list][0]!.id]: from[list][0]!.id });
  };
  const invalid = revised(b1.content, 2, 'valid evidence');
  invalid.answers[0]!.value = 'maybe';
  pool.push(
    await hostile('B signs P r2', B, revised(pr1.content, 2, 'by B'), pr1.contentHash),
    await hostile('S signs P r2', S, revised(pr1.content, 2, 'by S'), pr1.contentHash),
    await hostile('A forges P r999', A, revised(pr1.content, 999, 'forged'), pr1.contentHash),
    await hostile('A signs P r2 with a wrong previous hash', A, revised(pr1.content, 2, 'wrong'), 'a'.repeat(64)),
    await hostile('A reuses a Base action id', A, reuse(b1.content, 'actions'), null),
    await hostile('B reuses a Base case id', B, reuse(b1.content, 'cases'), null),
    await hostile('A reuses a Base finding id', A, reuse(b1.content, 'findings'), null),
    await hostile('A signs Base r2 with an invalid answer', A, invalid, b1.contentHash),
    await hostile('S signs Base r2', S, revised(b1.content, 2, 'by S'), b1.contentHash),
    await hostile('B signs Base r2', B, revised(b1.content, 2, 'by B'), b1.contentHash),
  );
}, 180_000);
afterAll(() => {
  for (const i of [A, B, S]) i.app.close();
  t.cleanup();
});

describe('the import property', () => {
  it('no row of an audit changes except through a verified, pinned, chained revision of that audit', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(fc.integer({ min: 0, max: 14 }), { minLength: 1, maxLength: 8 }), async (picks) => {
        const qa = await installation(t.dir, `qa${run++}`, { name: 'QA', role: 'Chair', agency: 'SCP' });
        try {
          for (const card of cards) await qa.api['trust.enrol']({ card, safetyNumberCompared: true });
          const send = (bytes: Buffer): Promise<ImportOutcome> =>
            qa.api['bundles.import']({ fileName: 'b.caseaudit', base64: bytes.toString('base64') });
          expect((await send(base)).outcome).toBe('added');
          // What the model expects of genuine revisions: the revision shown of each audit.
          const shown = new Map<string, number>();
          for (const i of picks) {
            const b = pool[i % pool.length]!;
            const before = rowsByAudit(qa);
            const historyBefore = histories(qa);
            const latestBefore = qa.app.ctx.repos.bundles.latestRevisionHash(b.auditId);
            const outcome = await send(b.bytes);
            const after = rowsByAudit(qa);
            const changed = [...new Set([...before.keys(), ...after.keys()])].filter(
              (id) => before.get(id) !== after.get(id),
            );
            const label = `${b.name}: ${JSON.stringify(outcome)}`;
            // The history: nothing changed or removed; added to only by this bundle's own audit, when
            // added or recorded as older; and each stored revision names the one stored before it.
            const historyAfter = histories(qa);
            for (const [id, links] of historyAfter) {
              const was = historyBefore.get(id) ?? [];
              for (const l of was) expect(links, label).toContainEqual(l);
              if (links.length > was.length) {
                expect(id, label).toBe(b.auditId);
                expect(['added', 'recorded_older'], label).toContain(outcome.outcome);
              }
              for (let k = 1; k < links.length; k++)
                if (links[k]!.revision === links[k - 1]!.revision + 1)
                  expect(links[k]!.previousHash, label).toBe(links[k - 1]!.contentHash);
                else expect.fail(`${label}: a gap in the history of ${id}`);
            }
            if (outcome.outcome !== 'added') {
              expect(changed, label).toEqual([]);
              continue;
            }
            expect(changed, label).toEqual([outcome.auditId]);
            expect(outcome.auditId, label).toBe(b.auditId);
            // Added: by the audit's pinned signer, following on from the revision that was shown.
            const { manifest } = await readManifest(b.bytes);
            const pin = qa.app.ctx.repos.bundles.pin(b.auditId)!;
            expect(pin.signerFingerprint, label).toBe(manifest.signer.fingerprint);
            if (latestBefore) {
              expect(b.revision, label).toBe(latestBefore.revision + 1);
              expect(manifest.previousRevisionHash, label).toBe(latestBefore.contentHash);
            } else expect(manifest.previousRevisionHash === null, label).toBe(b.revision === 1);
            // A hostile bundle signed by a trusted key can only start an audit that is not here yet
            // (its first revision here pins that key); it never changes one that is.
            if (!b.genuine) expect(latestBefore, `${label} (a hostile bundle changed an audit here)`).toBeUndefined();
            shown.set(b.auditId, b.revision);
          }
          // Genuine revisions were not held back: each audit shows the highest revision that followed on.
          for (const [auditId, revision] of shown)
            expect(qa.app.ctx.repos.audits.get(auditId)!.revision).toBe(revision);
          expect(checkDatabase(qa.app.db).ok).toBe(true);
        } finally {
          qa.app.close();
        }
      }),
      { numRuns: 12 },
    );
  }, 240_000);
});

async function readManifest(bytes: Buffer) {
  const r = await readBundle(bytes, { decryptionKeys: [], trust: () => undefined });
  if (!r.ok) throw new Error(r.message);
  return { manifest: r.manifest };
}
