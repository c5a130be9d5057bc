import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILTIN_TEMPLATES } from '../../shared/templates/index.js';
import { tempDir } from '../helpers/tmp.js';

// The real CLI as a subprocess, from the built output, on two real encrypted databases.
const CLI = join(import.meta.dirname, '..', '..', 'bin', 'case-audit.js');
const t = tempDir();
const pass = join(t.dir, 'pass.txt');
const firstDb = join(t.dir, 'first.db');
const secondDb = join(t.dir, 'second.db');
const run = (...args: string[]) =>
  spawnSync(process.execPath, [CLI, ...args, '--passphrase-file', pass], { encoding: 'utf8', timeout: 60_000 });
const file = (name: string) => join(t.dir, name);

interface Summary {
  id: string;
  version: number;
  title: string;
  builtin: boolean;
  latest: boolean;
}
const list = (db: string): Summary[] => {
  const r = run('templates', 'list', '--db', db, '--json');
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as Summary[];
};

beforeAll(() => {
  writeFileSync(pass, 'a long enough demo passphrase');
  // Any command that makes a database will do; an identity is the first thing an installation gets.
  for (const db of [firstDb, secondDb])
    expect(run('identity', 'create', '--db', db, '--name', 'N', '--role', 'R', '--agency', 'A').status).toBe(0);
}, 180_000);
afterAll(() => t.cleanup());

// Each test runs the CLI several times; on a loaded machine each run can take seconds.
describe('case-audit templates', { timeout: 180_000 }, () => {
  it('list gives every built-in template with its id, version and title', () => {
    const templates = list(firstDb);
    expect(templates.map((x) => [x.id, x.version, x.builtin])).toEqual(
      BUILTIN_TEMPLATES.map((b) => [b.id, b.version, true]),
    );
    const text = run('templates', 'list', '--db', firstDb);
    expect(text.status).toBe(0);
    expect(text.stdout.split('\n')[0]).toBe(`${templates[0]!.id}  v1  built-in  ${templates[0]!.title}`);
  });

  it('export writes the app’s template file; the latest version unless --version; never overwrites', () => {
    const [first] = list(firstDb);
    const out = file('builtin.json');
    const r = run('templates', 'export', first!.id, '--db', firstDb, '--out', out, '--json');
    expect(r.status, r.stderr).toBe(0);
    const text = readFileSync(out, 'utf8');
    expect(JSON.parse(r.stdout)).toEqual({ id: first!.id, version: 1, out, bytes: Buffer.byteLength(text) });
    // The file format: the template's JSON, two-space indented, with a final newline.
    const parsed = JSON.parse(text) as { id: string; version: number; formatVersion: number; title: string };
    expect(parsed).toMatchObject({ id: first!.id, version: 1, formatVersion: 1, title: first!.title });
    expect(text).toBe(JSON.stringify(parsed, null, 2) + '\n');
    expect(run('templates', 'export', first!.id, '--version', '1', '--db', firstDb, '--out', out).status).toBe(1);
    expect(readFileSync(out, 'utf8')).toBe(text);
  });

  it('export: an unknown template or version is not found (exit 1); bad flags are usage errors (exit 2)', () => {
    const out = file('never.json');
    const unknown = run('templates', 'export', 'no-such-template', '--db', firstDb, '--out', out);
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toContain('No template "no-such-template"');
    const noVersion = run('templates', 'export', 'mash-front-door', '--version', '9', '--db', firstDb, '--out', out);
    expect(noVersion.status).toBe(1);
    expect(noVersion.stderr).toContain('No template "mash-front-door" version 9');
    const badVersion = run('templates', 'export', 'mash-front-door', '--version', 'two', '--db', firstDb, '--out', out);
    expect(badVersion.status).toBe(2);
    expect(badVersion.stderr).toContain('version: must be a version number');
    const noOut = run('templates', 'export', 'mash-front-door', '--db', firstDb);
    expect(noOut.status).toBe(2);
    expect(noOut.stderr).toContain('--out FILE.json');
    expect(run('templates', 'export', '--db', firstDb, '--out', out).status).toBe(2);
    expect(run('templates', 'export', 'mash-front-door', '--db', file('missing.db'), '--out', out).status).toBe(1);
    expect(existsSync(out)).toBe(false);
    expect(existsSync(file('missing.db'))).toBe(false);
  });

  it("a board's own template exported from one database imports into another, byte for byte", () => {
    const builtin = JSON.parse(readFileSync(file('builtin.json'), 'utf8')) as Record<string, unknown>;
    const own = file('own.json');
    writeFileSync(own, JSON.stringify({ ...builtin, id: 'neglect-audit', version: 2, title: 'Neglect audit' }));
    const imported = run('templates', 'import', own, '--db', firstDb, '--json');
    expect(imported.status, imported.stderr).toBe(0);
    expect(JSON.parse(imported.stdout)).toMatchObject({
      id: 'neglect-audit',
      version: 2,
      builtin: false,
      latest: true,
    });

    const exported = file('neglect-v2.json');
    expect(run('templates', 'export', 'neglect-audit', '--db', firstDb, '--out', exported).status).toBe(0);
    const text = run('templates', 'import', exported, '--db', secondDb);
    expect(text.status, text.stderr).toBe(0);
    expect(text.stdout).toBe('Imported "Neglect audit" (neglect-audit version 2).\n');
    expect(list(secondDb).find((x) => x.id === 'neglect-audit')).toMatchObject({ version: 2, builtin: false });
    expect(run('templates', 'list', '--db', secondDb).stdout).toContain(
      'neglect-audit  v2  board’s own  Neglect audit',
    );

    const back = file('neglect-v2-again.json');
    expect(run('templates', 'export', 'neglect-audit', '--version', '2', '--db', secondDb, '--out', back).status).toBe(
      0,
    );
    expect(readFileSync(back, 'utf8')).toBe(readFileSync(exported, 'utf8'));
  });

  it('import refuses a bad file with the place of what is wrong, and imports nothing', () => {
    const before = list(secondDb);
    const good = JSON.parse(readFileSync(file('builtin.json'), 'utf8')) as {
      sections: { questions: Record<string, unknown>[] }[];
    } & Record<string, unknown>;
    const badType = structuredClone(good);
    badType.id = 'bad-type';
    badType.sections[0]!.questions[1]!.type = 'essay';
    const cases: [string, string, string][] = [
      ['not-json.json', '{"id": "x",', 'The file is not valid JSON'],
      ['bad-type.json', JSON.stringify(badType), 'sections[0].questions[1].type'],
      ['no-title.json', JSON.stringify({ ...good, id: 'no-title', title: undefined }), 'title:'],
      ['extra.json', JSON.stringify({ ...good, id: 'extra', owner: 'me' }), 'owner'],
      ['same-version.json', JSON.stringify({ ...good, title: 'Changed' }), 'Published versions never change'],
      ['already.json', readFileSync(file('builtin.json'), 'utf8'), 'is already here; nothing was imported'],
      ['big.json', ' '.repeat(1024 * 1024 + 1), 'too large for a template file'],
    ];
    for (const [name, text, message] of cases) {
      writeFileSync(file(name), text);
      const r = run('templates', 'import', file(name), '--db', secondDb);
      expect(r.status, name).toBe(1);
      expect(r.stderr, name).toContain(`case-audit templates: ${file(name)}: `);
      expect(r.stderr, name).toContain(message);
      expect(r.stderr, name).toMatch(/nothing was imported/i);
    }
    const absent = run('templates', 'import', file('absent.json'), '--db', secondDb);
    expect(absent.status).toBe(1);
    expect(absent.stderr).toContain('cannot read the file. Nothing was imported.');
    expect(run('templates', 'import', '--db', secondDb).status).toBe(2);
    expect(run('templates', 'import', file('a.json'), file('b.json'), '--db', secondDb).status).toBe(2);
    expect(list(secondDb)).toEqual(before);
  });

  it('an unknown action is a usage error', () => {
    const r = run('templates', 'delete', 'x');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('unknown action "templates delete" (one of: list, export, import)');
  });
});
