// The report pages shown in docs/ can be redrawn: scripts/render-doc-pages.mjs makes each of them from
// the built report generators (dist/) on a fresh fictional database, and the README links each one.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/tmp.js';

const ROOT = join(import.meta.dirname, '..', '..');
const PAGES = ['report-pdf', 'report-trend', 'report-docx', 'report-evidence', 'report-consolidated'];

function pngSize(bytes: Buffer): [number, number] {
  expect(bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

describe('the rendered report pages in docs/', () => {
  it('are redrawn by scripts/render-doc-pages.mjs, A4 pages at 96 dpi, and linked from the README', () => {
    const t = tempDir();
    try {
      const run = spawnSync(process.execPath, [join(ROOT, 'scripts', 'render-doc-pages.mjs'), '--out', t.dir], {
        cwd: ROOT,
        encoding: 'utf8',
        timeout: 120_000,
      });
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
      for (const name of PAGES) {
        const drawn = pngSize(readFileSync(join(t.dir, `${name}.png`)));
        expect(drawn, name).toEqual(name === 'report-docx' ? [800, 1100] : [794, 1123]);
        expect(pngSize(readFileSync(join(ROOT, 'docs', `${name}.png`))), `docs/${name}.png`).toEqual(drawn);
        expect(readme).toContain(`(docs/${name}.png)`);
      }
    } finally {
      t.cleanup();
    }
  }, 150_000);
});
