// An identity's keys surviving a lost laptop (a passphrase-encrypted backup restored on a second
// installation), bundles encrypted to several recipients at once, and rotating the QA key.
import { join } from 'node:path';
import { CompactEncrypt, compactDecrypt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp } from '../../electron/app.js';
import { publicKeyObject, type OkpJwk } from '../../electron/crypto/keys.js';
import { apiOver } from '../helpers/client.js';
import { setUpBoard } from '../helpers/fixtures.js';
import { completeAudit, installation, sign, tableCounts, type Installation } from '../helpers/installations.js';
import { tempDir } from '../helpers/tmp.js';

const t = tempDir();
const open: Installation[] = [];
const PASS = 'plum lantern quarry 7';
const PBES2 = { keyManagementAlgorithms: ['PBES2-HS512+A256KW'], maxPBES2Count: 1_000_000 };

async function inst(name: string, person = { name, role: 'QA member', agency: 'Northshire SCP' }) {
  const i = await installation(t.dir, name, person);
  open.push(i);
  return i;
}
/** A new laptop: a database and board, but no identity yet. */
async function newLaptop(name: string): Promise<Installation> {
  const path = join(t.dir, `${name}.db`);
  const app = openApp(path, { key: Buffer.alloc(32, 9), actor: name, dailyBackup: false });
  const api = apiOver(app.dispatch);
  await setUpBoard(api);
  const i = { app, api, path };
  open.push(i);
  return i;
}
const card = async (i: Installation) => (await i.api['identity.card']({})).json;
const enrol = async (into: Installation, of: Installation, asRecipient = false) =>
  into.api['trust.enrol']({ card: await card(of), asRecipient, safetyNumberCompared: true });
const fingerprint = async (i: Installation) => (await i.api['identity.get']({}))!.fingerprint;
const importInto = (i: Installation, b: { fileName: string; base64: string }) =>
  i.api['bundles.import']({ fileName: b.fileName, base64: b.base64 });
const recipientsOf = (b: { base64: string }) =>
  (JSON.parse(Buffer.from(b.base64, 'base64').toString('utf8')) as { recipients: { header: { kid: string } }[] })
    .recipients;

let auditor: Installation;
let qa: Installation[];
let auditCount = 0;
async function signedBundle(from: Installation = auditor) {
  const id = await completeAudit(from.api, `Audit ${++auditCount}`, { cases: 1, seed: auditCount });
  await sign(from.api, id);
  return from.api['bundles.export']({ auditId: id });
}

beforeAll(async () => {
  auditor = await inst('auditor', { name: 'Sam Auditor', role: 'Independent auditor', agency: 'Independent' });
  qa = [await inst('qa-chair'), await inst('qa-member'), await inst('escrow')];
  for (const q of qa) {
    await enrol(q, auditor);
    await enrol(auditor, q, true);
  }
}, 60_000);
afterAll(() => {
  open.forEach((i) => i.app.close());
  t.cleanup();
});

describe('bundles to several recipients', () => {
  it('encrypts one bundle to every recipient, and each of them imports it', async () => {
    expect((await auditor.api['recipients.list']({})).map((r) => r.name).sort()).toEqual([
      'escrow',
      'qa-chair',
      'qa-member',
    ]);
    const bundle = await signedBundle();
    expect(bundle.encrypted).toBe(true);
    expect(recipientsOf(bundle)).toHaveLength(3);
    for (const q of qa) expect(await importInto(q, bundle)).toMatchObject({ outcome: 'added' });

    // An installation that is not a recipient is told so, and nothing is written.
    const outsider = await inst('outsider');
    await enrol(outsider, auditor);
    const before = tableCounts(outsider.app);
    expect(await importInto(outsider, bundle)).toMatchObject({
      outcome: 'refused',
      check: 'decryption',
      message: expect.stringMatching(/encrypted for another recipient.*names 3 recipients.*holds none/),
    });
    expect(tableCounts(outsider.app)).toEqual(before);
  });

  it('still reads an older bundle in the compact serialisation', async () => {
    const plain = await auditor.api['bundles.export']({
      auditId: (await auditor.api['audits.list']({}))[0]!.id,
      encrypt: false,
    });
    const qaKey = JSON.parse(await card(qa[0]!)).encryptionKey as OkpJwk;
    const compact = await new CompactEncrypt(Buffer.from(plain.base64, 'base64'))
      .setProtectedHeader({ alg: 'ECDH-ES+A256KW', enc: 'A256GCM', cty: 'application/vnd.case-audit.bundle+zip' })
      .encrypt(publicKeyObject(qaKey));
    const fresh = await newLaptopWithIdentityOf(qa[0]!, 'qa-chair-compact');
    await enrol(fresh, auditor);
    expect(
      await importInto(fresh, { fileName: 'old.caseaudit', base64: Buffer.from(compact).toString('base64') }),
    ).toMatchObject({
      outcome: 'added',
    });
  });

  it('retires a recipient: later bundles are not encrypted to it', async () => {
    const keep = [await fingerprint(qa[0]!), await fingerprint(qa[1]!)];
    const list = await auditor.api['trust.setRecipients']({ fingerprints: keep });
    expect(
      list
        .filter((k) => k.isRecipient)
        .map((k) => k.fingerprint)
        .sort(),
    ).toEqual([...keep].sort());
    const bundle = await signedBundle();
    expect(recipientsOf(bundle)).toHaveLength(2);
    expect(await importInto(qa[2]!, bundle)).toMatchObject({ outcome: 'refused', check: 'decryption' });
    expect(await importInto(qa[1]!, bundle)).toMatchObject({ outcome: 'added' });
    // The escrow key stays trusted (its card enrolled), only no longer a recipient.
    await auditor.api['trust.setRecipients']({ fingerprints: [...keep, await fingerprint(qa[2]!)] });
    await expect(auditor.api['trust.setRecipients']({ fingerprints: ['0000 '.repeat(15) + '0000'] })).rejects.toThrow(
      /no usable trusted key/,
    );
  });
});

/** Restores `from`'s identity on a new laptop through a backup file. */
async function newLaptopWithIdentityOf(from: Installation, name: string): Promise<Installation> {
  const backup = await from.api['identity.exportBackup']({ passphrase: PASS });
  const laptop = await newLaptop(name);
  await laptop.api['identity.importBackup']({ backup: backup.text, passphrase: PASS });
  return laptop;
}

describe('identity backup', () => {
  it('restores the identity on a second installation: bundles open there and it signs as the same key', async () => {
    const bundle = await signedBundle();
    const backup = await qa[0]!.api['identity.exportBackup']({ passphrase: PASS });
    expect(backup).toMatchObject({ fingerprint: await fingerprint(qa[0]!), encryptionKeys: 1 });
    expect(backup.fileName).toBe('qa-chair-identity-backup.jwe');
    expect(backup.text).not.toContain(PASS);
    // The header docs/security.md states: PBES2 with 310,000 iterations and a 16-byte salt.
    const header = JSON.parse(Buffer.from(backup.text.split('.')[0]!, 'base64url').toString()) as { p2s: string };
    expect(header).toEqual({
      alg: 'PBES2-HS512+A256KW',
      enc: 'A256GCM',
      cty: 'jwk-set+json',
      p2c: 310_000,
      p2s: expect.any(String),
    });
    expect(Buffer.from(header.p2s, 'base64url')).toHaveLength(16);
    // An installation with another identity refuses it, and keeps its own.
    await expect(qa[1]!.api['identity.importBackup']({ backup: backup.text, passphrase: PASS })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringMatching(/already has another identity/),
    });

    const laptop = await newLaptop('qa-chair-new');
    const restored = await laptop.api['identity.importBackup']({ backup: backup.text, passphrase: PASS });
    expect(restored).toMatchObject({ restored: 'new', identity: await qa[0]!.api['identity.get']({}) });
    expect(await laptop.api['identity.card']({})).toMatchObject({ card: { fingerprint: await fingerprint(qa[0]!) } });

    // The trust list is not in the identity backup: enrol the auditor again, then the bundle opens.
    await enrol(laptop, auditor);
    expect(await importInto(laptop, bundle)).toMatchObject({ outcome: 'added' });

    // It signs with the same fingerprint: an installation that trusts the old card accepts its bundles.
    const signed = await signedBundle(laptop);
    expect(await importInto(auditor, { ...signed })).toMatchObject({ outcome: 'added' });
    const second = await laptop.api['identity.importBackup']({ backup: backup.text, passphrase: PASS });
    expect(second).toMatchObject({ restored: 'merged', keysAdded: 0 });
  });

  it('refuses a wrong passphrase with a clear message, writing nothing', async () => {
    const backup = await qa[1]!.api['identity.exportBackup']({ passphrase: PASS });
    const laptop = await newLaptop('wrong-passphrase');
    const before = tableCounts(laptop.app);
    await expect(
      laptop.api['identity.importBackup']({ backup: backup.text, passphrase: 'plum lantern quarry 8' }),
    ).rejects.toMatchObject({ code: 'UNAUTHORISED', message: expect.stringMatching(/backup passphrase is wrong/) });
    expect(await laptop.api['identity.get']({})).toBeNull();
    expect(tableCounts(laptop.app)).toEqual(before);
    await expect(qa[1]!.api['identity.exportBackup']({ passphrase: 'short' })).rejects.toMatchObject({
      code: 'VALIDATION',
    });
  });

  it('refuses a malformed backup by what is wrong with it, writing nothing', async () => {
    const laptop = await newLaptop('malformed');
    const before = tableCounts(laptop.app);
    const enc = (payload: unknown, header: Record<string, unknown> = {}) =>
      new CompactEncrypt(Buffer.from(JSON.stringify(payload)))
        .setProtectedHeader({ alg: 'PBES2-HS512+A256KW', enc: 'A256GCM', cty: 'jwk-set+json', ...header })
        .setKeyManagementParameters({ p2c: 100_000 })
        .encrypt(Buffer.from(PASS));
    const good = await qa[1]!.api['identity.exportBackup']({ passphrase: PASS });
    const cases: [string, RegExp][] = [
      ['{"keys": []}', /not a JWE in compact serialisation/],
      [good.text.replace(/^[^.]+/, Buffer.from('{"alg":"dir","enc":"A256GCM"}').toString('base64url')), /header: alg/],
      [await enc({ keys: [] }), /keys: must hold the signing key/],
      [await enc({ keys: [{ kty: 'OKP' }, { kty: 'OKP' }], caseAudit: {} }), /The identity backup is not valid: keys/],
    ];
    for (const [text, message] of cases)
      await expect(laptop.api['identity.importBackup']({ backup: text, passphrase: PASS })).rejects.toMatchObject({
        code: 'VALIDATION',
        message: expect.stringMatching(message),
      });
    // A well-formed key whose private half is another key's.
    const other = await qa[2]!.api['identity.exportBackup']({ passphrase: PASS });
    const payloadOf = async (text: string) =>
      JSON.parse(Buffer.from((await compactDecrypt(text.trim(), Buffer.from(PASS), PBES2)).plaintext).toString()) as {
        keys: { d: string }[];
      };
    const mixed = await payloadOf(good.text);
    mixed.keys[1]!.d = (await payloadOf(other.text)).keys[1]!.d;
    await expect(laptop.api['identity.importBackup']({ backup: await enc(mixed), passphrase: PASS })).rejects.toThrow(
      /does not match its public half/,
    );
    expect(await laptop.api['identity.get']({})).toBeNull();
    expect(tableCounts(laptop.app)).toEqual(before);
  });
});

describe('rotating the QA key', () => {
  it('keeps the old key: bundles made for it still import, here and on a restored laptop', async () => {
    const qaChair = qa[0]!;
    const forOldKey = await signedBundle();
    const rotated = await qaChair.api['identity.rotateEncryptionKey']({});
    expect(rotated.keys.map((k) => k.current)).toEqual([true, false]);
    expect(rotated.identity.fingerprint).toBe(await fingerprint(qaChair));
    // The auditor still has the old card: the bundle is made for the old key, which QA kept.
    const stillOld = await signedBundle();
    expect(await importInto(qaChair, forOldKey)).toMatchObject({ outcome: 'added' });
    expect(await importInto(qaChair, stillOld)).toMatchObject({ outcome: 'added' });

    // The new card replaces the encryption key the auditor encrypts to (same signing key, self-signed).
    const oldKid = recipientsOf(stillOld).map((r) => r.header.kid);
    await enrol(auditor, qaChair, true);
    const forNewKey = await signedBundle();
    const newKids = recipientsOf(forNewKey).map((r) => r.header.kid);
    expect(newKids).toContain(rotated.keys[0]!.kid);
    expect(newKids).not.toContain(rotated.keys[1]!.kid);
    expect(oldKid).toContain(rotated.keys[1]!.kid);
    expect(await importInto(qaChair, forNewKey)).toMatchObject({ outcome: 'added' });

    // A backup made after rotating holds both keys: a restored laptop opens bundles for either.
    const laptop = await newLaptopWithIdentityOf(qaChair, 'qa-chair-rotated');
    expect(await laptop.api['identity.encryptionKeys']({})).toEqual(rotated.keys);
    await enrol(laptop, auditor);
    expect(await importInto(laptop, forOldKey)).toMatchObject({ outcome: 'added' });
    expect(await importInto(laptop, forNewKey)).toMatchObject({ outcome: 'added' });
  });
});
