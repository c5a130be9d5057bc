// The worked example of docs/security.md ("The key file"): its values are in a fixture, the page must
// show them, and they are recomputed here from the documented steps alone (node:crypto, and the
// page's own Python snippet run by Debian's python3), then checked against the app's modules.
import { execFileSync } from 'node:child_process';
import { createDecipheriv, hkdfSync, scryptSync } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { keyFileSchema } from '../../electron/security/keyFile.js';
import { unwrapWithPassphrase, unwrapWithRecoveryKey, type PassphraseWrap } from '../../electron/security/keyWrap.js';
import { decodeRecoveryKey, encodeRecoveryKey } from '../../shared/recoveryKey.js';
import { tempDir } from '../helpers/tmp.js';

const ROOT = join(import.meta.dirname, '..', '..');
const example = JSON.parse(readFileSync(join(ROOT, 'tests/fixtures/keyFileExample.json'), 'utf8')) as {
  passphraseAsTyped: string;
  passphraseAsTypedUtf8Hex: string;
  passphraseNfcUtf8Hex: string;
  recoveryKey: string;
  recoverySecretHex: string;
  passphraseKekHex: string;
  recoveryKekHex: string;
  databaseKeyHex: string;
  keyFile: { wraps: Record<string, string | number>[] };
};
const doc = readFileSync(join(ROOT, 'docs/security.md'), 'utf8');
const t = tempDir();
afterAll(() => t.cleanup());

const b64 = (w: Record<string, string | number>, k: string) => Buffer.from(String(w[k]), 'base64');
const wrap = (kind: string) => example.keyFile.wraps.find((w) => w.kind === kind)!;
const AAD = Buffer.from('case-audit database key v1', 'ascii');

function gcmOpen(kek: Buffer, w: Record<string, string | number>): Buffer {
  const d = createDecipheriv('aes-256-gcm', kek, b64(w, 'iv'));
  d.setAAD(AAD);
  d.setAuthTag(b64(w, 'tag'));
  return Buffer.concat([d.update(b64(w, 'ciphertext')), d.final()]);
}

/** Crockford's base32 as the page describes it, by a different route (one big integer). */
function crockford(text: string): Buffer {
  const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
  const chars = text.replace(/[-\s]/g, '').toUpperCase().replace(/[IL]/g, '1').replace(/O/g, '0');
  let n = 0n;
  for (const c of chars) n = (n << 5n) | BigInt(alphabet.indexOf(c));
  return Buffer.from(n.toString(16).padStart(40, '0'), 'hex');
}

describe('the worked example of the key file', () => {
  it('is the one docs/security.md shows', () => {
    expect(doc).toContain('```json\n' + JSON.stringify(example.keyFile, null, 2) + '\n```');
    for (const v of [
      example.passphraseAsTyped.normalize('NFC'),
      example.passphraseAsTypedUtf8Hex,
      example.passphraseNfcUtf8Hex,
      example.recoveryKey,
      example.recoverySecretHex,
      example.passphraseKekHex,
      example.recoveryKekHex,
      `PRAGMA key = "x'${example.databaseKeyHex}'";`,
    ]) {
      expect(doc).toContain(v);
    }
  });

  it('unwraps with the passphrase by the documented steps: NFC, UTF-8, scrypt, AES-256-GCM', () => {
    const typed = example.passphraseAsTyped;
    expect(Buffer.from(typed, 'utf8').toString('hex')).toBe(example.passphraseAsTypedUtf8Hex);
    const nfc = Buffer.from(typed.normalize('NFC'), 'utf8');
    expect(nfc.toString('hex')).toBe(example.passphraseNfcUtf8Hex);
    const w = wrap('passphrase');
    const params = { N: Number(w.N), r: Number(w.r), p: Number(w.p), maxmem: 256 * 1024 * 1024 };
    const kek = scryptSync(nfc, b64(w, 'salt'), 32, params);
    expect(kek.toString('hex')).toBe(example.passphraseKekHex);
    expect(gcmOpen(kek, w).toString('hex')).toBe(example.databaseKeyHex);
    // Without the normalisation the same passphrase as typed is refused: the step matters.
    const unnormalised = scryptSync(Buffer.from(typed, 'utf8'), b64(w, 'salt'), 32, params);
    expect(() => gcmOpen(unnormalised, w)).toThrow();
  });

  it('unwraps with the recovery key by the documented steps: base32, HKDF-SHA256, AES-256-GCM', () => {
    const secret = crockford(example.recoveryKey);
    expect(secret.toString('hex')).toBe(example.recoverySecretHex);
    // Lower case, spaces and the look-alike letters read the same.
    expect(crockford(example.recoveryKey.toLowerCase().replace(/-/g, ' ')).equals(secret)).toBe(true);
    const w = wrap('recovery');
    const kek = Buffer.from(hkdfSync('sha256', secret, b64(w, 'salt'), Buffer.from('case-audit recovery key v1'), 32));
    expect(kek.toString('hex')).toBe(example.recoveryKekHex);
    expect(gcmOpen(kek, w).toString('hex')).toBe(example.databaseKeyHex);
  });

  it("the page's Python snippet prints the raw key", () => {
    const snippet = /In Python[^\n]*\n\n```python\n([\s\S]*?)```/.exec(doc)?.[1];
    expect(snippet).toBeDefined();
    writeFileSync(join(t.dir, 'case-audit.db.keys'), JSON.stringify(example.keyFile));
    const program = `passphrase = ${JSON.stringify(example.passphraseAsTyped)}\n${snippet!}`;
    const out = execFileSync('/usr/bin/python3', ['-c', program], { cwd: t.dir, encoding: 'utf8' });
    expect(out.trim()).toBe(`PRAGMA key = "x'${example.databaseKeyHex}'";`);
  });

  it("the app's own modules read it the same way", async () => {
    const file = keyFileSchema.parse(example.keyFile);
    const p = file.wraps.find((w) => w.kind === 'passphrase') as PassphraseWrap;
    expect((await unwrapWithPassphrase(p, example.passphraseAsTyped)).toString('hex')).toBe(example.databaseKeyHex);
    const r = file.wraps.find((w) => w.kind === 'recovery');
    if (r?.kind !== 'recovery') throw new Error('no recovery wrap');
    const secret = decodeRecoveryKey(example.recoveryKey)!;
    expect(unwrapWithRecoveryKey(r, secret).toString('hex')).toBe(example.databaseKeyHex);
    expect(encodeRecoveryKey(Buffer.from(example.recoverySecretHex, 'hex'))).toBe(example.recoveryKey);
    expect(decodeRecoveryKey('Y06Z-NKPA-ZTZE-Y093-8NKR-KAYD-XW0J-6HBU')).toBeNull(); // U is not a digit
  });
});
