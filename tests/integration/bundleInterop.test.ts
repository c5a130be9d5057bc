// An outside engineer's path, by docs/bundle-format.md alone: the scripts are taken from the document
// and run with independent implementations (Debian's jwcrypto under /usr/bin/python3, openssl,
// unzip, sha256sum), never Case Audit's own modules. A bundle to three recipients opens with each key.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { completeAudit, installation, sign, type Installation } from '../helpers/installations.js';
import { tempDir } from '../helpers/tmp.js';

const t = tempDir();
const doc = readFileSync(join(__dirname, '../../docs/bundle-format.md'), 'utf8');

/** The fenced block that follows the document's marker naming it. */
function documented(name: string): string {
  const at = doc.indexOf(`<!-- checked by tests/integration/bundleInterop.test.ts: ${name} -->`);
  expect(at, `docs/bundle-format.md has no block marked ${name}`).toBeGreaterThan(-1);
  const block = /```[a-z]*\n([\s\S]*?)```/.exec(doc.slice(at));
  return block![1]!;
}

function run(cmd: string, args: string[], cwd: string, env: Record<string, string> = {}) {
  const r = spawnSync(cmd, args, { cwd, env: { ...process.env, ...env }, encoding: 'utf8' });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

let n = 0;
function workDir(): string {
  const dir = join(t.dir, `work-${++n}`);
  mkdirSync(dir);
  writeFileSync(join(dir, 'decrypt-bundle.py'), documented('decrypt-bundle.py'));
  writeFileSync(join(dir, 'verify.sh'), documented('verify.sh'));
  return dir;
}

// NFC in the app, NFD given to the script: the document says the passphrase is normalised to NFC.
const PASS = 'crème brûlée à la carte';
const PASS_NFD = PASS.normalize('NFD');

let auditor: Installation;
let qa: Installation[];
let bundle: Buffer;
let auditorFingerprint: string;
const open: Installation[] = [];

beforeAll(async () => {
  auditor = await installation(t.dir, 'auditor', { name: 'Sam Auditor', role: 'Auditor', agency: 'Independent' });
  qa = [];
  for (const name of ['qa-chair', 'qa-member', 'escrow'])
    qa.push(await installation(t.dir, name, { name, role: 'QA', agency: 'Northshire SCP' }));
  open.push(auditor, ...qa);
  for (const q of qa) {
    await q.api['trust.enrol']({ card: (await auditor.api['identity.card']({})).json, safetyNumberCompared: true });
    await auditor.api['trust.enrol']({
      card: (await q.api['identity.card']({})).json,
      asRecipient: true,
      safetyNumberCompared: true,
    });
  }
  const auditId = await completeAudit(auditor.api, 'Interop audit', { cases: 1 });
  await sign(auditor.api, auditId);
  const exported = await auditor.api['bundles.export']({ auditId });
  expect(exported.encrypted).toBe(true);
  bundle = Buffer.from(exported.base64, 'base64');
  auditorFingerprint = (await auditor.api['identity.get']({}))!.fingerprint;
}, 60_000);
afterAll(() => {
  open.forEach((i) => i.app.close());
  t.cleanup();
});

/** Checks the unpacked bundle as the document's verify.sh does, and what it printed. */
function verifyUnpacked(dir: string) {
  const r = run('bash', ['-e', 'verify.sh'], dir);
  expect(r.out).toContain('Signature Verified Successfully');
  expect(r.status).toBe(0);
  expect(r.out).toContain(`${auditorFingerprint.replaceAll(' ', '')}  -`);
  const manifest = JSON.parse(readFileSync(join(dir, 'bundle/manifest.json'), 'utf8')) as {
    entries: { path: string; sha256: string }[];
  };
  for (const e of manifest.entries) expect(r.out).toContain(`${e.sha256}  ${e.path}`);
}

describe('a bundle to three recipients, by the documentation alone', () => {
  it('is JSON General serialisation naming three recipients', () => {
    const jwe = JSON.parse(bundle.toString('utf8')) as { recipients: { header: { alg: string; kid: string } }[] };
    expect(jwe.recipients.map((r) => r.header.alg)).toEqual(Array(3).fill('ECDH-ES+A256KW'));
  });

  it('decrypts with each recipient’s key in the app', async () => {
    for (const q of qa)
      expect(
        await q.api['bundles.import']({ fileName: 'b.caseaudit', base64: bundle.toString('base64') }),
      ).toMatchObject({ outcome: 'added' });
  });

  it('decrypts with each recipient’s exported key in jwcrypto, then verifies with openssl', async () => {
    for (const q of qa) {
      const dir = workDir();
      const backup = await q.api['identity.exportBackup']({ passphrase: PASS });
      writeFileSync(join(dir, 'backup.jwe'), backup.text);
      writeFileSync(join(dir, 'audit.caseaudit'), bundle);
      const r = run('/usr/bin/python3', ['decrypt-bundle.py', 'backup.jwe', 'audit.caseaudit', 'bundle.zip'], dir, {
        BACKUP_PASSPHRASE: PASS_NFD,
      });
      expect(r.out).toMatch(/decrypted with key /);
      expect(r.status).toBe(0);
      expect(readFileSync(join(dir, 'bundle.zip')).subarray(0, 4)).toEqual(Buffer.from('PK\x03\x04', 'latin1'));
      verifyUnpacked(dir);
    }
  });

  it('decrypts with a key kept after rotation, from a backup made after it', async () => {
    const q = qa[0]!;
    await q.api['identity.rotateEncryptionKey']({});
    const dir = workDir();
    writeFileSync(join(dir, 'backup.jwe'), (await q.api['identity.exportBackup']({ passphrase: PASS })).text);
    writeFileSync(join(dir, 'audit.caseaudit'), bundle);
    const r = run('/usr/bin/python3', ['decrypt-bundle.py', 'backup.jwe', 'audit.caseaudit', 'bundle.zip'], dir, {
      BACKUP_PASSPHRASE: PASS,
    });
    expect(r.status).toBe(0);
    verifyUnpacked(dir);
  });

  it('fails where it must: another identity’s key, a wrong passphrase, an altered manifest', async () => {
    const stranger = await installation(t.dir, 'stranger', { name: 'Stranger', role: 'QA', agency: 'Elsewhere' });
    open.push(stranger);
    const dir = workDir();
    writeFileSync(join(dir, 'backup.jwe'), (await stranger.api['identity.exportBackup']({ passphrase: PASS })).text);
    writeFileSync(join(dir, 'audit.caseaudit'), bundle);
    const args = ['decrypt-bundle.py', 'backup.jwe', 'audit.caseaudit', 'bundle.zip'];
    const notOurs = run('/usr/bin/python3', args, dir, { BACKUP_PASSPHRASE: PASS });
    expect(notOurs.status).not.toBe(0);
    expect(notOurs.out).toContain("none of the backup's keys opens this bundle");
    const wrong = run('/usr/bin/python3', args, dir, { BACKUP_PASSPHRASE: 'not the passphrase' });
    expect(wrong.status).not.toBe(0);

    // An unencrypted bundle is itself the zip; change one byte of the stored manifest's text.
    const plain = await auditor.api['bundles.export']({
      auditId: (await auditor.api['audits.list']({}))[0]!.id,
      encrypt: false,
    });
    const zip = Buffer.from(plain.base64, 'base64');
    const ok = workDir();
    writeFileSync(join(ok, 'bundle.zip'), zip);
    verifyUnpacked(ok);
    const altered = workDir();
    writeFileSync(join(altered, 'bundle.zip'), zip);
    expect(run('unzip', ['-q', 'bundle.zip', '-d', 'bundle'], altered).status).toBe(0);
    const manifestPath = join(altered, 'bundle/manifest.json');
    writeFileSync(manifestPath, readFileSync(manifestPath, 'utf8').replace('Interop audit', 'Interop audiT'));
    const r = run(
      'openssl',
      [
        'pkeyutl',
        '-verify',
        '-pubin',
        '-inkey',
        'signer.pem',
        '-rawin',
        '-in',
        'manifest.json',
        '-sigfile',
        'manifest.sig',
      ],
      join(altered, 'bundle'),
    );
    expect(r.out).toContain('Signature Verification Failure');
    expect(r.status).not.toBe(0);
  });

  it('needs the JWK form: jwcrypto 1.1 cannot read an X25519 private key from PEM', () => {
    const pem = qa[1]!.app.ctx.repos.identity.own()!.encryptionPrivate;
    const dir = workDir();
    writeFileSync(join(dir, 'key.pem'), pem);
    const r = run(
      '/usr/bin/python3',
      ['-c', 'from jwcrypto import jwk; jwk.JWK.from_pem(open("key.pem", "rb").read())'],
      dir,
    );
    expect(r.status).not.toBe(0);
    expect(r.out).toMatch(/InvalidJWKValue|Unknown key/);
  });
});
