import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { identityCardSchema } from '../../shared/identity.js';
import { tempDir } from '../helpers/tmp.js';

// The real CLI as a subprocess, from the built output, on real encrypted databases.
const CLI = join(import.meta.dirname, '..', '..', 'bin', 'case-audit.js');
const t = tempDir();
const pass = join(t.dir, 'pass.txt');
const auditorDb = join(t.dir, 'auditor.db');
const qaDb = join(t.dir, 'qa.db');
const run = (...args: string[]) =>
  spawnSync(process.execPath, [CLI, ...args, '--passphrase-file', pass], { encoding: 'utf8', timeout: 60_000 });
const json = <T>(r: ReturnType<typeof run>): T => {
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as T;
};

interface Key {
  fingerprint: string;
  name: string;
  state: string;
  safetyNumber: string;
  isRecipient: boolean;
  revokedAt: string | null;
  revokedReason: string | null;
}
const trustList = (db: string) => json<Key[]>(run('trust', 'list', '--db', db, '--json'));

/**
 * The safety number computed here from the raw public key in the card, independently of the app's
 * modules: SHA-256 of the key, six 40-bit big-endian chunks, each modulo 10^10, in groups of five.
 */
function independentSafetyNumber(x: string): string {
  const digest = createHash('sha256').update(Buffer.from(x, 'base64url')).digest();
  let digits = '';
  for (let c = 0; c < 6; c++) digits += (digest.readUIntBE(c * 5, 5) % 1e10).toString().padStart(10, '0');
  return digits.match(/.{5}/g)!.join(' ');
}

let auditorCard: string;
let qaCard: string;
let auditorFingerprint: string;

beforeAll(() => {
  writeFileSync(pass, 'a long enough demo passphrase');
  const created = json<{ name: string; fingerprint: string; safetyNumber: string; createdAt: string }>(
    run(
      'identity',
      'create',
      '--db',
      auditorDb,
      '--name',
      'Ann Auditor',
      '--role',
      'Independent auditor',
      '--agency',
      'Audit Ltd',
      '--json',
    ),
  );
  auditorFingerprint = created.fingerprint;
  expect(
    run('identity', 'create', '--db', qaDb, '--name', 'Quinn QA', '--role', 'Chair', '--agency', 'QA').status,
  ).toBe(0);
  auditorCard = join(t.dir, 'auditor-card.json');
  qaCard = join(t.dir, 'qa-card.json');
  expect(run('identity', 'show', '--db', auditorDb, '--out', auditorCard).status).toBe(0);
  expect(run('identity', 'show', '--db', qaDb, '--out', qaCard).status).toBe(0);
}, 180_000);
afterAll(() => t.cleanup());

// Each test runs the CLI several times; on a loaded machine each run can take seconds.
describe('case-audit identity', { timeout: 180_000 }, () => {
  it('create prints the new identity with its fingerprint and safety number; a second is refused', () => {
    const r = run('identity', 'create', '--db', auditorDb, '--name', 'X', '--role', 'Y', '--agency', 'Z', '--json');
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('already has an identity');
    const shown = json<{ identity: { name: string; fingerprint: string } }>(
      run('identity', 'show', '--db', auditorDb, '--json'),
    );
    expect(shown.identity).toMatchObject({ name: 'Ann Auditor', fingerprint: auditorFingerprint });
  });

  it('create names each missing or empty flag as a usage error (exit 2) and makes no database', () => {
    const db = join(t.dir, 'never.db');
    const missing = run('identity', 'create', '--db', db, '--role', 'Auditor');
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('name: give --name NAME');
    expect(missing.stderr).toContain('agency: give --agency ORGANISATION');
    const empty = run('identity', 'create', '--db', db, '--name', '  ', '--role', 'R', '--agency', 'A');
    expect(empty.status).toBe(2);
    expect(empty.stderr).toContain('name: enter your name');
    expect(existsSync(db)).toBe(false);
    expect(run('identity').status).toBe(2);
    expect(run('identity', 'frobnicate').stderr).toContain(
      'unknown action "identity frobnicate" (one of: show, create, export, import)',
    );
  });

  it('show prints the safety number, the fingerprint and the card; --json gives them as fields', () => {
    const text = run('identity', 'show', '--db', auditorDb);
    expect(text.status).toBe(0);
    const groups = auditorFingerprint.split(' ');
    expect(text.stdout).toContain(`Fingerprint:   ${groups.slice(0, 4).join(' ')}\n`);
    expect(text.stdout).toContain('"format": "case-audit-identity"');

    const shown = json<{ identity: { fingerprint: string }; safetyNumber: string; card: unknown; fileName: string }>(
      run('identity', 'show', '--db', auditorDb, '--json'),
    );
    const card = identityCardSchema.parse(shown.card);
    expect(card.fingerprint).toBe(auditorFingerprint);
    // The fingerprint is SHA-256 of the raw public key, and the safety number derives from it.
    expect(createHash('sha256').update(Buffer.from(card.signingKey.x, 'base64url')).digest('hex')).toBe(
      auditorFingerprint.replace(/ /g, ''),
    );
    expect(shown.safetyNumber).toBe(independentSafetyNumber(card.signingKey.x));
    expect(text.stdout).toContain(`Safety number: ${shown.safetyNumber}`);
    expect(shown.fileName).toBe('ann-auditor-identity.json');
    // --out wrote the same card, and never overwrites a file.
    expect(JSON.parse(readFileSync(auditorCard, 'utf8'))).toEqual(shown.card);
    const again = run('identity', 'show', '--db', auditorDb, '--out', auditorCard);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('EEXIST');
  });

  it('show refuses a database that does not exist, without making one', () => {
    const db = join(t.dir, 'missing.db');
    const r = run('identity', 'show', '--db', db);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`There is no database at ${db}`);
    expect(existsSync(db)).toBe(false);
  });
});

describe('case-audit trust', { timeout: 180_000 }, () => {
  it('add enrols a card once its safety number is confirmed; list shows it with its state', () => {
    expect(trustList(qaDb)).toEqual([]);
    const { safetyNumber } = json<{ safetyNumber: string }>(run('identity', 'show', '--db', auditorDb, '--json'));
    const added = json<Key>(
      run('trust', 'add', auditorCard, '--db', qaDb, '--confirm-fingerprint', safetyNumber.replace(/ /g, ''), '--json'),
    );
    expect(added).toMatchObject({ name: 'Ann Auditor', fingerprint: auditorFingerprint, state: 'trusted' });
    expect(trustList(qaDb)).toEqual([added]);
    const text = run('trust', 'list', '--db', qaDb);
    expect(text.stdout).toContain(`${auditorFingerprint}  trusted: Ann Auditor, Independent auditor, Audit Ltd`);
  });

  it('add takes the full fingerprint too, in any spacing and case; --recipient makes it the QA key', () => {
    const qaFingerprint = identityCardSchema.parse(JSON.parse(readFileSync(qaCard, 'utf8'))).fingerprint;
    const typed = qaFingerprint.replace(/ /g, '').toUpperCase();
    const r = run('trust', 'add', qaCard, '--db', auditorDb, '--confirm-fingerprint', typed, '--recipient');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('Bundles exported from here are now encrypted to this key.');
    expect(trustList(auditorDb)).toMatchObject([{ name: 'Quinn QA', state: 'recipient', isRecipient: true }]);
  });

  it('a key added with --recipient is one that exported bundles are encrypted to', () => {
    const demoDb = join(t.dir, 'demo.db');
    const demo = json<{ auditId: string }>(run('demo', '--db', demoDb, '--json'));
    const qaFingerprint = identityCardSchema.parse(JSON.parse(readFileSync(qaCard, 'utf8'))).fingerprint;
    expect(
      run('trust', 'add', qaCard, '--db', demoDb, '--confirm-fingerprint', qaFingerprint, '--recipient').status,
    ).toBe(0);
    const out = join(t.dir, 'demo.caseaudit');
    const exported = json<{ encrypted: boolean }>(
      run('export', '--db', demoDb, '--audit', demo.auditId, '--out', out, '--json'),
    );
    expect(exported.encrypted).toBe(true);
    // Only a holder of the QA key opens it: there it decrypts and its signature checks (its signer is not trusted there).
    const withoutKey = run('verify', out, '--json');
    expect(JSON.parse(withoutKey.stdout)).toMatchObject([{ ok: false, check: 'decryption' }]);
    const withKey = run('verify', out, '--db', qaDb, '--json');
    expect(JSON.parse(withKey.stdout)).toMatchObject([{ ok: false, check: 'signer' }]);
  });

  it('add refuses a different key, a missing confirmation or its own card, and enrols nothing', () => {
    const before = trustList(qaDb);
    const { safetyNumber } = json<{ safetyNumber: string }>(run('identity', 'show', '--db', qaDb, '--json'));
    // The QA installation's own safety number is a well-formed one, but not the auditor card's.
    const wrong = run('trust', 'add', qaCard, '--db', qaDb, '--confirm-fingerprint', '1'.repeat(60));
    expect(wrong.status).toBe(1);
    expect(wrong.stderr).toContain("the card's key is not the one you confirmed; nothing was enrolled");
    const own = run('trust', 'add', qaCard, '--db', qaDb, '--confirm-fingerprint', safetyNumber);
    expect(own.status).toBe(1);
    expect(own.stderr).toContain('own identity');
    const unconfirmed = run('trust', 'add', auditorCard, '--db', qaDb);
    expect(unconfirmed.status).toBe(2);
    expect(unconfirmed.stderr).toContain('--confirm-fingerprint');
    const garbled = run('trust', 'add', auditorCard, '--db', qaDb, '--confirm-fingerprint', '12345');
    expect(garbled.status).toBe(2);
    expect(garbled.stderr).toContain('confirm-fingerprint: give the safety number');
    expect(trustList(qaDb)).toEqual(before);
  });

  it('add refuses a malformed or altered card with a message naming what is wrong, and enrols nothing', () => {
    const fresh = join(t.dir, 'fresh.db');
    expect(run('identity', 'create', '--db', fresh, '--name', 'F', '--role', 'R', '--agency', 'A').status).toBe(0);
    const card = JSON.parse(readFileSync(auditorCard, 'utf8')) as Record<string, unknown>;
    const { safetyNumber } = json<{ safetyNumber: string }>(run('identity', 'show', '--db', auditorDb, '--json'));
    const cases: [string, string, string][] = [
      ['not-json.json', '{"format": "case-audit-identity",', 'is not valid JSON'],
      ['no-key.json', JSON.stringify({ ...card, signingKey: undefined }), 'not valid: signingKey:'],
      [
        'bad-x.json',
        JSON.stringify({ ...card, encryptionKey: { kty: 'OKP', crv: 'X25519', x: '!' } }),
        'encryptionKey.x',
      ],
      ['renamed.json', JSON.stringify({ ...card, name: 'Mallory' }), 'altered after it was made'],
      ['big.json', 'x'.repeat(20_001), 'too large for an identity card'],
    ];
    for (const [name, text, message] of cases) {
      const file = join(t.dir, name);
      writeFileSync(file, text);
      const r = run('trust', 'add', file, '--db', fresh, '--confirm-fingerprint', safetyNumber);
      expect(r.status, name).toBe(1);
      expect(r.stderr, name).toContain(`case-audit trust: ${file}: `);
      expect(r.stderr, name).toContain(message);
    }
    expect(
      run('trust', 'add', join(t.dir, 'absent.json'), '--db', fresh, '--confirm-fingerprint', safetyNumber).status,
    ).toBe(1);
    expect(trustList(fresh)).toEqual([]);
  });

  it('add on a terminal asks for the safety number and enrols only when the typed one matches', async () => {
    // util-linux `script` gives the CLI a real terminal; the answer is typed once the question appears.
    const db = join(t.dir, 'tty.db');
    expect(run('identity', 'create', '--db', db, '--name', 'T', '--role', 'R', '--agency', 'A').status).toBe(0);
    const onTerminal = (answer: string) =>
      new Promise<{ code: number | null; out: string }>((resolve) => {
        const command = [process.execPath, CLI, 'trust', 'add', auditorCard, '--db', db, '--passphrase-file', pass];
        const child = spawn('script', ['-qec', command.join(' '), '/dev/null'], { stdio: ['pipe', 'pipe', 'pipe'] });
        let out = '';
        let typed = false;
        child.stdout.on('data', (c: Buffer) => {
          out += c.toString();
          if (!typed && out.includes('Safety number as they read it:')) {
            typed = true;
            child.stdin.write(`${answer}\r`);
          }
        });
        child.on('exit', (code) => resolve({ code, out }));
      });
    const { safetyNumber } = json<{ safetyNumber: string }>(run('identity', 'show', '--db', auditorDb, '--json'));
    const wrong = await onTerminal(safetyNumber.replace(/^\d/, (d) => String((Number(d) + 1) % 10)));
    expect(wrong.out).toContain('Ask Ann Auditor to read you their safety number');
    expect(wrong.out).toContain('nothing was enrolled');
    expect(wrong.code).toBe(1);
    expect(trustList(db)).toEqual([]);
    const right = await onTerminal(safetyNumber);
    expect(right.code, right.out).toBe(0);
    expect(trustList(db)).toMatchObject([{ name: 'Ann Auditor', state: 'trusted' }]);
  });

  it('revoke marks the key revoked with its reason; it is not enrolled again', () => {
    const missingReason = run('trust', 'revoke', auditorFingerprint, '--db', qaDb);
    expect(missingReason.status).toBe(2);
    expect(missingReason.stderr).toContain('--reason');
    expect(run('trust', 'revoke', 'not-a-fingerprint', '--db', qaDb, '--reason', 'x').status).toBe(2);
    const unknown = run('trust', 'revoke', 'ab'.repeat(32), '--db', qaDb, '--reason', 'lost laptop');
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toContain('No trusted key with that fingerprint');

    const revoked = json<Key>(
      run('trust', 'revoke', auditorFingerprint.replace(/ /g, ''), '--db', qaDb, '--reason', 'lost laptop', '--json'),
    );
    expect(revoked).toMatchObject({ fingerprint: auditorFingerprint, state: 'revoked', revokedReason: 'lost laptop' });
    expect(trustList(qaDb)).toEqual([revoked]);
    expect(run('trust', 'list', '--db', qaDb).stdout).toMatch(/revoked \d{4}-\d{2}-\d{2} \(lost laptop\): Ann Auditor/);

    const { safetyNumber } = json<{ safetyNumber: string }>(run('identity', 'show', '--db', auditorDb, '--json'));
    const again = run('trust', 'add', auditorCard, '--db', qaDb, '--confirm-fingerprint', safetyNumber);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('revoked');
    expect(trustList(qaDb)).toEqual([revoked]);
  });

  it('the help lists the new commands', () => {
    const help = run('--help');
    expect(help.stdout).toContain('case-audit identity show');
    expect(help.stdout).toContain('case-audit trust add CARD.json --confirm-fingerprint');
    expect(help.stdout).toContain('case-audit templates export ID');
    expect(run('trust', '--help').stdout).toContain('case-audit trust revoke FINGERPRINT --reason TEXT');
  });
});
