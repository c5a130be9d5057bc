// What a validly signed bundle may change: only its own audit's (or panel's) rows, only as the next
// revision of an audit pinned to its signer, only with content that passes the rules of local entry,
// and every change in the change log. Hostile bundles are made from genuine exports, re-signed with
// real keys (tests/helpers/craftBundles.ts), so the import's own checks are what refuse them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportOutcome, RevisionContent } from '../../shared/bundle.js';
import type { PanelContent } from '../../shared/panel.js';
import { templateSchema } from '../../shared/template.js';
import { checkDatabase } from '../../electron/maintenance.js';
import {
  asNewAudit,
  craftPanel,
  craftRevision,
  dump,
  lastSeq,
  logSince,
  replaceIds,
  signedRevision,
} from '../helpers/craftBundles.js';
import {
  completeAudit,
  exportedBytes,
  installation,
  introduce,
  reviseActionText,
  sign,
  type Installation,
} from '../helpers/installations.js';
import { tempDir } from '../helpers/tmp.js';

const t = tempDir();
let A: Installation; // the auditor whose audits QA imported first
let B: Installation; // a second auditor, also trusted by QA
let S: Installation; // a stranger QA has never met
let qa: Installation;
let X: string; // A's audit, imported at QA
let W: string; // another audit of A's, signed but not imported: the material for hostile bundles
let fpA: string;
let fpB: string;
let fpS: string;
let housingAudit: string; // an audit imported with an agency of a new name

const importInto = (inst: Installation, bytes: Uint8Array, fileName = 'x.caseaudit') =>
  inst.api['bundles.import']({ fileName, base64: Buffer.from(bytes).toString('base64') });

/** A complete audit with grades and a discussion for every case, signed. */
async function fullAudit(inst: Installation, title: string, seed: number): Promise<string> {
  const id = await completeAudit(inst.api, title, { cases: 2, seed });
  for (const c of (await inst.api['audits.get']({ auditId: id })).cases) {
    await inst.api['grades.set']({ caseId: c.id, agencyId: null, grade: 'good', rationale: 'Timely, child-centred' });
    await inst.api['discussions.save']({
      caseId: c.id,
      heldOn: '2026-11-02',
      attendees: [{ role: 'Team manager', agencyId: c.agencyIds[0]! }],
      agreed: 'The referral was handled well.',
      disagreements: '',
    });
  }
  await sign(inst.api, id);
  return id;
}

/** Imports `bytes` at QA and checks that nothing at all was written (the change log included). */
async function refusedWithNothingWritten(bytes: Uint8Array): Promise<Extract<ImportOutcome, { outcome: 'refused' }>> {
  const before = dump(qa);
  const outcome = await importInto(qa, bytes);
  expect(outcome.outcome, JSON.stringify(outcome)).toBe('refused');
  expect(dump(qa)).toEqual(before);
  return outcome as Extract<ImportOutcome, { outcome: 'refused' }>;
}

beforeAll(async () => {
  A = await installation(t.dir, 'auditorA', {
    name: 'Ann Auditor',
    role: 'Independent auditor',
    agency: 'Independent',
  });
  B = await installation(t.dir, 'auditorB', {
    name: 'Bob Auditor',
    role: 'Independent auditor',
    agency: 'Independent',
  });
  S = await installation(t.dir, 'stranger', { name: 'Unknown Person', role: 'Auditor', agency: 'Elsewhere' });
  qa = await installation(t.dir, 'qa', { name: 'QA Chair', role: 'Chair', agency: 'Northshire SCP' });
  await introduce(A, qa);
  await introduce(B, qa);
  fpA = A.app.ctx.repos.identity.own()!.fingerprint;
  fpB = B.app.ctx.repos.identity.own()!.fingerprint;
  fpS = S.app.ctx.repos.identity.own()!.fingerprint;
  X = await fullAudit(A, 'Audit X', 3);
  W = await fullAudit(A, 'Audit W', 11);
  const first = await importInto(qa, await exportedBytes(A, X));
  expect(first, JSON.stringify(first)).toMatchObject({ outcome: 'added', auditId: X });
}, 120_000);
afterAll(() => {
  for (const i of [A, B, S, qa]) i.app.close();
  t.cleanup();
});

describe('ownership: an import writes only its own audit’s rows', () => {
  const tables = [
    ['cases', 'case'],
    ['checklists', 'checklist'],
    ['findings', 'finding'],
    ['recommendations', 'recommendation'],
    ['actions', 'action'],
  ] as const;
  for (const [list, word] of tables) {
    it(`refuses a new audit that reuses the id of a ${word} of another audit, writing nothing`, async () => {
      const x = signedRevision(A, X).content;
      const w = signedRevision(A, W).content;
      const hostile = replaceIds(w, { [w[list][0]!.id]: x[list][0]!.id });
      const refused = await refusedWithNothingWritten((await craftRevision(A, hostile, null, A)).bytes);
      expect(refused.check).toBe('ownership');
      expect(refused.message).toContain(
        `content.${list}[0].id: the ${word} "${x[list][0]!.id}" belongs to the audit "Audit X"`,
      );
    });
  }

  it('refuses a second trusted signer’s new audit that reuses an action id: the action keeps its text', async () => {
    const x = signedRevision(A, X).content;
    const w = signedRevision(A, W).content;
    const hostile = replaceIds(w, {
      [w.actions[0]!.id]: x.actions[0]!.id,
      [W]: 'b0000000-0000-4000-8000-000000000001',
    });
    hostile.actions[0]!.text = 'Close the MASH';
    const before = qa.app.ctx.repos.actions.get(x.actions[0]!.id);
    const refused = await refusedWithNothingWritten((await craftRevision(B, hostile, null, A)).bytes);
    expect(refused).toMatchObject({ check: 'ownership', message: expect.stringContaining('content.actions[0].id') });
    expect(qa.app.ctx.repos.actions.get(x.actions[0]!.id)).toEqual(before);
    expect(before!.text).not.toBe('Close the MASH');
  });

  it('refuses ids of an audit created at QA (in progress, not locked by signing)', async () => {
    const board = (await qa.api['board.get']({}))!;
    const local = await qa.api['audits.create']({ title: 'QA’s own audit', templateId: 'mash-front-door' });
    const kase = await qa.api['cases.add']({
      auditId: local.id,
      reference: 'QA-001',
      ageBand: '5-9',
      gender: 'female',
      ethnicity: 'white',
      disability: 'no',
      planType: 'child_in_need',
      agencyIds: [board.agencies[0]!.id],
    });
    const w = signedRevision(A, W).content;
    const refused = await refusedWithNothingWritten(
      (await craftRevision(A, replaceIds(w, { [w.cases[0]!.id]: kase.id }), null, A)).bytes,
    );
    expect(refused.message).toContain('belongs to the audit "QA’s own audit"');
    // The same audit's own id is refused as the audit's (it is not an imported audit).
    const over = await refusedWithNothingWritten(
      (await craftRevision(A, replaceIds(w, { [W]: local.id }), null, A)).bytes,
    );
    expect(over).toMatchObject({ check: 'conflict', message: expect.stringContaining('created on this installation') });
  });

  it('refuses answers, grades and discussions that point into another audit (they are keyed by its checklists and cases)', async () => {
    const x = signedRevision(A, X).content;
    const w = signedRevision(A, W).content;
    const intoX = structuredClone(w);
    intoX.answers[0]!.checklistId = x.checklists[0]!.id;
    expect((await refusedWithNothingWritten((await craftRevision(A, intoX, null, A)).bytes)).message).toMatch(
      /^content\.answers\[0\]\.checklistId: "[^"]+" is not a checklist of this revision/,
    );
    const grade = structuredClone(w);
    grade.grades[0]!.caseId = x.cases[0]!.id;
    expect((await refusedWithNothingWritten((await craftRevision(A, grade, null, A)).bytes)).message).toContain(
      'content.grades[0].caseId',
    );
    const discussion = structuredClone(w);
    discussion.discussions[0]!.caseId = x.cases[0]!.id;
    expect((await refusedWithNothingWritten((await craftRevision(A, discussion, null, A)).bytes)).message).toContain(
      'content.discussions[0].caseId',
    );
    const finding = structuredClone(w);
    finding.findings[0]!.auditId = X;
    expect((await refusedWithNothingWritten((await craftRevision(A, finding, null, A)).bytes)).message).toContain(
      'content.findings[0].auditId: the finding belongs to another audit',
    );
  });

  it('maps an agency id that is taken here by another agency onto a new agency, leaving the one here alone', async () => {
    const board = (await qa.api['board.get']({}))!;
    const police = board.agencies.find((a) => a.name === 'Police')!;
    const w = asNewAudit(signedRevision(A, W).content);
    const social = w.agencies.find((a) => a.name === "Children's social care")!;
    const hostile = replaceIds(w, { [social.id]: police.id });
    hostile.agencies.find((a) => a.id === police.id)!.name = 'Northshire Housing Trust';
    const seq = lastSeq(qa);
    expect(await importInto(qa, (await craftRevision(A, hostile, null, A)).bytes)).toMatchObject({ outcome: 'added' });
    const after = (await qa.api['board.get']({}))!;
    expect(after.agencies.find((a) => a.id === police.id)).toEqual(police);
    const housing = after.agencies.find((a) => a.name === 'Northshire Housing Trust')!;
    expect(housing.id).not.toBe(police.id);
    const checklists = qa.app.ctx.repos.checklists.forAudit(hostile.audit.id);
    expect(checklists.filter((k) => k.agencyId === housing.id)).toHaveLength(
      hostile.checklists.filter((k) => k.agencyId === police.id).length,
    );
    expect(checklists.some((k) => k.agencyId === police.id)).toBe(
      hostile.checklists.some((k) => hostile.agencies.find((a) => a.id === k.agencyId)?.name === 'Police'),
    );
    housingAudit = hostile.audit.id;
    expect(logSince(qa, seq).filter((r) => r.entity === 'agency')).toEqual([
      expect.objectContaining({ entityId: housing.id, action: 'create' }),
    ]);
  });

  it('refuses a template that differs from the version here', async () => {
    const w = asNewAudit(signedRevision(A, W).content);
    const template = templateSchema.parse(A.app.ctx.repos.templates.get(w.audit.templateId, w.audit.templateVersion));
    const bytes = (await craftRevision(A, w, null, A, { templates: [{ ...template, title: 'Quietly changed' }] }))
      .bytes;
    expect(await refusedWithNothingWritten(bytes)).toMatchObject({
      check: 'templates',
      message: `template ${template.id} version ${template.version} differs from the one here`,
    });
  });

  it('panels: refuses reused panel and item ids and a finding of another audit, writing nothing', async () => {
    // A genuine panel record on audit X, held by A as chair, exported and imported at QA.
    let panel = await A.api['panels.create']({
      auditId: X,
      agencyId: null,
      title: 'Challenge panel',
      heldOn: '2026-11-20',
    });
    const board = (await A.api['board.get']({}))!;
    panel = await A.api['panels.update']({
      panelId: panel.id,
      title: panel.title,
      heldOn: panel.heldOn,
      attendees: [{ role: 'Head of service', agencyId: board.agencies[0]!.id }],
    });
    for (const item of panel.items)
      await A.api['panels.saveItem']({
        itemId: item.id,
        challenge: 'Evidence?',
        response: 'Provided.',
        outcome: 'assured',
      });
    const preview = await A.api['panels.signingPreview']({ panelId: panel.id });
    expect(preview.blockers).toEqual([]);
    panel = await A.api['panels.sign']({ panelId: panel.id, contentHash: preview.contentHash });
    const exported = await A.api['panels.export']({ panelId: panel.id, encrypt: false });
    expect(await qa.api['bundles.import']({ fileName: exported.fileName, base64: exported.base64 })).toMatchObject({
      outcome: 'added',
    });
    const record = JSON.parse(A.app.ctx.repos.panels.signedRecord(panel.id)!.content) as PanelContent;
    const x = signedRevision(A, X).content;
    const template = { id: x.audit.templateId, version: x.audit.templateVersion };

    const otherPanel = 'c0000000-0000-4000-8000-00000000000c';
    const reusedItem = replaceIds(record, { [panel.id]: otherPanel });
    reusedItem.panel.items = [{ ...reusedItem.panel.items[0]!, id: record.panel.items[0]!.id, challenge: 'Changed' }];
    expect(await refusedWithNothingWritten(await craftPanel(A, reusedItem, template, A))).toMatchObject({
      check: 'ownership',
      message: expect.stringContaining('content.panel.items[0].id: the item'),
    });
    const samePanel = structuredClone(record);
    samePanel.panel.title = 'Rewritten';
    expect(await refusedWithNothingWritten(await craftPanel(A, samePanel, template, A))).toMatchObject({
      check: 'ownership',
      message: expect.stringContaining('content.panel.id'),
    });
    const wFinding = qa.app.ctx.repos.review.findings(housingAudit)[0]!;
    const crossAudit = replaceIds(record, { [panel.id]: otherPanel });
    crossAudit.panel.items = crossAudit.panel.items.map((i, n) => ({
      ...i,
      id: `d0000000-0000-4000-8000-00000000000${n}`,
      findingId: n === 0 ? wFinding.id : i.findingId,
    }));
    expect(await refusedWithNothingWritten(await craftPanel(A, crossAudit, template, A))).toMatchObject({
      check: 'ownership',
      message: 'content.panel.items[0].findingId: the finding belongs to another audit here',
    });
  });

  it('the database still checks out', () => {
    expect(checkDatabase(qa.app.db).ok).toBe(true);
  });
});

describe('pinning: an audit belongs to the key that signed its first revision here', () => {
  /** Revision 2 of X's content, with one evidence note changed, signed by `signer`. */
  async function revision2Of(signer: Installation, auditId: string, evidence: string) {
    const r1 = signedRevision(A, auditId);
    const next: RevisionContent = structuredClone(r1.content);
    next.revision = 2;
    next.answers[0]!.evidence = evidence;
    return craftRevision(signer, next, r1.contentHash, A);
  }

  it('quarantines a second trusted signer’s revision of A’s audit, naming both keys; accepting needs the explicit decision', async () => {
    const before = dump(qa);
    const seq = lastSeq(qa);
    const q = await importInto(qa, (await revision2Of(B, X, 'Rewritten by B')).bytes);
    expect(q).toMatchObject({ outcome: 'quarantined', fingerprint: fpB });
    expect(q.message).toContain(fpA);
    expect(q.message).toContain(fpB);
    // Only the quarantine and its record changed.
    expect({ ...dump(qa), quarantine: [], change_log: [] }).toEqual({ ...before, quarantine: [], change_log: [] });
    expect(logSince(qa, seq)).toEqual([
      expect.objectContaining({
        entity: 'quarantine',
        action: 'add',
        after: expect.objectContaining({ reason: 'different_signer', pinned: fpA, fingerprint: fpB }),
      }),
    ]);
    const listed = (await qa.api['quarantine.list']({})).find((i) => i.signerFingerprint === fpB)!;
    expect(listed).toMatchObject({ auditId: X, reason: 'different_signer', pinnedFingerprint: fpA });
    const quarantineId = (q as { quarantineId: string }).quarantineId;

    const waiting = dump(qa);
    await expect(qa.api['quarantine.accept']({ quarantineId, safetyNumberCompared: true })).rejects.toThrow(
      new RegExp(`acceptDifferentSigner: .*${fpB}.*pinned to the key ${fpA}`),
    );
    expect(dump(qa)).toEqual(waiting);

    const accepting = lastSeq(qa);
    const accepted = await qa.api['quarantine.accept']({
      quarantineId,
      safetyNumberCompared: true,
      acceptDifferentSigner: true,
    });
    expect(accepted).toMatchObject({ outcome: 'added', auditId: X, revision: 2, superseded: 1 });
    expect(qa.app.ctx.repos.bundles.pin(X)).toMatchObject({ signerFingerprint: fpB, pinnedRevision: 2 });
    const log = logSince(qa, accepting);
    expect(log.find((r) => r.action === 'signer_change')).toMatchObject({
      entity: 'audit',
      entityId: X,
      before: { signer: fpA },
      after: expect.objectContaining({ signer: fpB, revision: 2 }),
    });
    expect(log.find((r) => r.entity === 'quarantine')).toMatchObject({
      action: 'accept',
      after: expect.objectContaining({ differentSigner: { pinned: fpA, accepted: fpB } }),
    });
    expect(log.find((r) => r.entity === 'audit' && r.action === 'import')).toBeDefined();
    expect(checkDatabase(qa.app.db).ok).toBe(true);

    // B, now the audit's signer, drops a finding that the signed panel record on X discusses: the
    // revision is added and the finding stays (the panel record cannot change), with a log record.
    const discussed = qa.app.db
      .prepare(
        'SELECT i.finding_id AS id FROM panel_item i JOIN panel p ON p.id = i.panel_id WHERE p.audit_id = ? AND i.finding_id IS NOT NULL',
      )
      .get(X) as { id: string };
    const r2 = signedRevision(qa, X, 2);
    const r3 = structuredClone(r2.content);
    r3.revision = 3;
    r3.findings = r3.findings.filter((f) => f.id !== discussed.id);
    r3.recommendations = r3.recommendations.map((r) => ({
      ...r,
      findingIds: r.findingIds.filter((id) => id !== discussed.id),
    }));
    const dropping = lastSeq(qa);
    expect(await importInto(qa, (await craftRevision(B, r3, r2.contentHash, A)).bytes)).toMatchObject({
      outcome: 'added',
      revision: 3,
    });
    expect(qa.app.ctx.repos.review.finding(discussed.id)).toBeDefined();
    expect(logSince(qa, dropping).filter((r) => r.entity === 'finding')).toEqual([
      expect.objectContaining({ entityId: discussed.id, action: 'kept_for_panel' }),
    ]);
    expect(checkDatabase(qa.app.db).ok).toBe(true);
    // A's own revision 2 now is a fork of the revision 2 here.
    expect(await refusedWithNothingWritten((await revision2Of(A, X, 'By A')).bytes)).toMatchObject({ check: 'chain' });
  });

  it('an unknown key’s revision of an imported audit waits, and accepting it from the quarantine needs the decision', async () => {
    const Y = await fullAudit(A, 'Audit Y', 5);
    expect(await importInto(qa, await exportedBytes(A, Y))).toMatchObject({ outcome: 'added' });
    const q = await importInto(qa, (await revision2Of(S, Y, 'Rewritten by a stranger')).bytes);
    expect(q).toMatchObject({ outcome: 'quarantined', fingerprint: fpS });
    expect(q.message).toContain(fpA);
    const quarantineId = (q as { quarantineId: string }).quarantineId;
    const waiting = dump(qa);
    await expect(qa.api['quarantine.accept']({ quarantineId, safetyNumberCompared: true })).rejects.toThrow(
      /acceptDifferentSigner/,
    );
    expect(dump(qa)).toEqual(waiting);
    expect(qa.app.ctx.repos.identity.trustedByFingerprint(fpS)).toBeUndefined();
    expect(qa.app.ctx.repos.bundles.latestRevisionHash(Y)!.revision).toBe(1);
    await qa.api['quarantine.reject']({ quarantineId });
  });

  it('refuses a revision naming another board than the audit’s', async () => {
    const Z = await fullAudit(A, 'Audit Z', 6);
    expect(await importInto(qa, await exportedBytes(A, Z))).toMatchObject({ outcome: 'added' });
    const r1 = signedRevision(A, Z);
    const next = structuredClone(r1.content);
    next.revision = 2;
    next.board.name = 'Southshire Safeguarding Children Partnership';
    const refused = await refusedWithNothingWritten((await craftRevision(A, next, r1.contentHash, A)).bytes);
    expect(refused).toMatchObject({ check: 'ownership', message: expect.stringContaining('content.board.name') });
  });
});

describe('chaining: revisions follow on, each naming the one before', () => {
  let V: string;
  let r1: ReturnType<typeof signedRevision>;
  const revision = async (n: number, previous: string | null, evidence = `revision ${n}`) => {
    const c = structuredClone(r1.content);
    c.revision = n;
    c.answers[0]!.evidence = evidence;
    return (await craftRevision(A, c, previous, A)).bytes;
  };

  beforeAll(async () => {
    V = await fullAudit(A, 'Audit V', 8);
    expect(await importInto(qa, await exportedBytes(A, V))).toMatchObject({ outcome: 'added' });
    r1 = signedRevision(A, V);
  });

  it('refuses a wrong and a missing previous hash', async () => {
    expect(await refusedWithNothingWritten(await revision(2, 'f'.repeat(64)))).toMatchObject({
      check: 'chain',
      message: expect.stringMatching(
        /^revision 2 names ffffffffffff… as its previous revision, but revision 1 here is/,
      ),
    });
    expect(await refusedWithNothingWritten(await revision(2, null))).toMatchObject({
      check: 'chain',
      message: 'revision 2 names no previous revision (previousRevisionHash is missing)',
    });
  });

  it('refuses skipped and forged revision numbers; the genuine next revision is then shown', async () => {
    expect(await refusedWithNothingWritten(await revision(3, r1.contentHash))).toMatchObject({
      check: 'chain',
      message:
        'revision 3 does not follow on from revision 1 here: revision 2 is missing (revisions are imported in order)',
    });
    expect(await refusedWithNothingWritten(await revision(999, r1.contentHash))).toMatchObject({ check: 'chain' });
    // The genuine revision 2, signed and exported by A's own installation.
    const actionId = await reviseActionText(A, V, 'Brief every MASH social worker in person by the end of March.');
    const seq = lastSeq(qa);
    expect(await importInto(qa, await exportedBytes(A, V))).toMatchObject({
      outcome: 'added',
      revision: 2,
      superseded: 1,
    });
    expect((await qa.api['audits.get']({ auditId: V })).audit.revision).toBe(2);
    // The action's new text is in the change log, with the text it replaced.
    const log = logSince(qa, seq);
    expect(log.find((r) => r.entity === 'action')).toMatchObject({
      entityId: actionId,
      action: 'import_update',
      before: expect.objectContaining({ text: r1.content.actions.find((a) => a.id === actionId)!.text }),
      after: expect.objectContaining({
        text: 'Brief every MASH social worker in person by the end of March.',
        revision: 2,
      }),
    });
    const r2 = signedRevision(A, V, 2);
    expect(log.find((r) => r.entity === 'audit' && r.action === 'import')).toMatchObject({
      before: { revision: 1, contentHash: r1.contentHash },
      after: expect.objectContaining({ revision: 2, contentHash: r2.contentHash, previousHash: r1.contentHash }),
    });
    expect(checkDatabase(qa.app.db).ok).toBe(true);
    // A forged revision 3 that does not name revision 2 cannot hide it.
    expect(await refusedWithNothingWritten(await revision(3, r1.contentHash))).toMatchObject({ check: 'chain' });
    // A different revision 2 (a fork) is refused; revision 1 again changes nothing.
    expect(await refusedWithNothingWritten(await revision(2, r1.contentHash, 'a fork'))).toMatchObject({
      check: 'chain',
      message: 'a different revision 2 of this audit was imported before',
    });
  });

  it('records an older revision only where it chains into the history here', async () => {
    const U = await fullAudit(A, 'Audit U', 9);
    const u1 = await exportedBytes(A, U);
    await reviseActionText(A, U, 'A second revision');
    const u2 = await exportedBytes(A, U);
    expect(await importInto(qa, u2)).toMatchObject({ outcome: 'added', revision: 2, superseded: null });
    // A revision 1 that revision 2 does not name is refused, the genuine one is recorded.
    const forged = structuredClone(signedRevision(A, U, 1).content);
    forged.answers[0]!.evidence = 'Not what revision 2 follows on from';
    expect(await refusedWithNothingWritten((await craftRevision(A, forged, null, A)).bytes)).toMatchObject({
      check: 'chain',
      message: expect.stringContaining('revision 2 here names'),
    });
    expect(await importInto(qa, u1)).toMatchObject({ outcome: 'recorded_older', revision: 1 });
    expect((await qa.api['audits.get']({ auditId: U })).audit.revision).toBe(2);
    // A revision 1 with a previous hash cannot be the first.
    const first = asNewAudit(signedRevision(A, W).content);
    expect(await refusedWithNothingWritten((await craftRevision(A, first, r1.contentHash, A)).bytes)).toMatchObject({
      check: 'chain',
      message: 'revision 1 names a previous revision (previousRevisionHash must be null)',
    });
  });
});

describe('content is checked as local entry checks it', () => {
  const fresh = () => asNewAudit(signedRevision(A, W).content);
  const template = (c: RevisionContent) =>
    templateSchema.parse(A.app.ctx.repos.templates.get(c.audit.templateId, c.audit.templateVersion));
  const refusedContent = async (c: RevisionContent) => {
    const refused = await refusedWithNothingWritten((await craftRevision(A, c, null, A)).bytes);
    expect(refused.check).toBe('content');
    return refused.message;
  };

  it('refuses an answer to a question the template does not have', async () => {
    const c = fresh();
    c.answers[3]!.questionId = 'no-such-question';
    expect(await refusedContent(c)).toContain(
      `content.answers[3].questionId: "no-such-question" is not a question of template ${c.audit.templateId}`,
    );
  });

  it('refuses an option the question does not offer', async () => {
    const c = fresh();
    const questions = new Map(
      template(c)
        .sections.flatMap((s) => s.questions)
        .map((q) => [q.id, q]),
    );
    const i = c.answers.findIndex((a) => questions.get(a.questionId)?.type === 'yes_partly_no');
    c.answers[i]!.value = 'maybe';
    expect(await refusedContent(c)).toContain(
      `content.answers[${i}].value: "maybe" is not an answer to question ${c.answers[i]!.questionId}: choose one of: yes, partly, no, na`,
    );
  });

  it('refuses "not applicable" without its reason on a required question of a completed checklist', async () => {
    const c = fresh();
    const questions = new Map(
      template(c)
        .sections.flatMap((s) => s.questions)
        .map((q) => [q.id, q]),
    );
    const i = c.answers.findIndex((a) => {
      const q = questions.get(a.questionId);
      return q?.type === 'yes_partly_no' && q.required && !q.showWhen;
    });
    c.answers[i]!.value = 'na';
    c.answers[i]!.notApplicableReason = '';
    const k = c.checklists.findIndex((x) => x.id === c.answers[i]!.checklistId);
    expect(await refusedContent(c)).toContain(
      `content.checklists[${k}]: marked complete, but the required question ${c.answers[i]!.questionId} is not answered`,
    );
    // A reason kept on an answer that is not "not applicable" is refused too (local entry drops it).
    const d = fresh();
    d.answers[0]!.notApplicableReason = 'smuggled text';
    expect(await refusedContent(d)).toContain('content.answers[0].notApplicableReason');
  });

  it('refuses a named case reference whose flags were cleared, and takes it with the flag the auditor confirmed', async () => {
    const c = fresh();
    c.cases[0]!.reference = 'Jane Smith';
    c.cases[0]!.referenceFlags = [];
    expect(await refusedContent(c)).toBe(
      'content.cases[0].referenceFlags: "Jane Smith" looks like a personal name, but the case does not carry the flag looks_like_name',
    );
    c.cases[0]!.referenceFlags = ['looks_like_name'];
    expect(await importInto(qa, (await craftRevision(A, c, null, A)).bytes)).toMatchObject({ outcome: 'added' });
    expect(qa.app.ctx.repos.audits.cases(c.audit.id)[0]).toMatchObject({
      reference: 'Jane Smith',
      referenceFlags: ['looks_like_name'],
    });
  });

  it('the database still checks out, with every import in the change log', () => {
    expect(checkDatabase(qa.app.db).ok).toBe(true);
    const imports = qa.app.db.prepare("SELECT count(*) AS n FROM imported_bundle WHERE outcome = 'added'").get() as {
      n: number;
    };
    const logged = qa.app.db
      .prepare("SELECT count(*) AS n FROM change_log WHERE action = 'import' AND entity IN ('audit', 'panel')")
      .get() as { n: number };
    expect(logged.n).toBe(imports.n);
  });
});

describe('text the database cannot hold exactly', () => {
  it.each(['findings', 'actions'] as const)(
    'refuses a signed revision whose %s text holds half a surrogate pair, naming where, writing nothing',
    async (list) => {
      const w = asNewAudit(signedRevision(A, W).content);
      const item = w[list][0]!;
      (w[list] as { text: string }[])[0] = { ...item, text: `${item.text} \ud83d` };
      const refused = await refusedWithNothingWritten((await craftRevision(A, w, null, A)).bytes);
      expect(refused.check).toBe('content');
      expect(refused.message).toContain(`content.json: ${list}[0].text: contains a character that cannot be stored`);
    },
  );
});
