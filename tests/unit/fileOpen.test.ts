// Opening a .caseaudit file from the desktop: which launch arguments are bundles, files waiting for
// the window, and what is read (the Electron wiring in main.ts only calls these).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  bundlePathsFromArgv,
  createOpenedFiles,
  readOpenedBundle,
  type OpenedBundle,
} from '../../electron/fileOpen.js';
import { MAX_BUNDLE_BYTES } from '../../shared/bundle.js';
import { tempDir } from '../helpers/tmp.js';

const temps: Array<() => void> = [];
afterEach(() => temps.splice(0).forEach((c) => c()));
const folder = () => {
  const t = tempDir('case-audit-open-');
  temps.push(t.cleanup);
  return t.dir;
};

describe('bundle paths in launch arguments', () => {
  it('takes only .caseaudit files, after the executable, skipping flags and --db’s value', () => {
    expect(
      bundlePathsFromArgv(
        [
          '/opt/Case Audit/case-audit',
          '--db',
          '/data/x.caseaudit',
          '--no-sandbox',
          '/home/a/Police r2.caseaudit',
          'notes.txt',
        ],
        '/home/a',
      ),
    ).toEqual(['/home/a/Police r2.caseaudit']);
  });

  it('takes a relative path from the folder the second launch was made in, whatever the case of its extension', () => {
    expect(bundlePathsFromArgv(['Case Audit.exe', 'Downloads/HEALTH.CASEAUDIT'], '/home/b')).toEqual([
      '/home/b/Downloads/HEALTH.CASEAUDIT',
    ]);
  });

  it('finds nothing in a plain launch', () => {
    expect(bundlePathsFromArgv(['case-audit'], '/')).toEqual([]);
    expect(bundlePathsFromArgv(['electron', '.'], '/')).toEqual([]);
  });
});

describe('reading an opened file', () => {
  it('gives its name and bytes', async () => {
    const path = join(folder(), 'audit-r1.caseaudit');
    writeFileSync(path, Buffer.from('PK\u0003\u0004bytes'));
    expect(await readOpenedBundle(path)).toEqual({
      fileName: 'audit-r1.caseaudit',
      base64: Buffer.from('PK\u0003\u0004bytes').toString('base64'),
    });
  });

  it('says why it cannot: gone, a folder, too large', async () => {
    const dir = folder();
    expect(await readOpenedBundle(join(dir, 'gone.caseaudit'))).toEqual({
      fileName: 'gone.caseaudit',
      problem: 'the file is not there any more',
    });
    mkdirSync(join(dir, 'folder.caseaudit'));
    expect(await readOpenedBundle(join(dir, 'folder.caseaudit'))).toMatchObject({ problem: 'it is not a file' });
    const big = join(dir, 'big.caseaudit');
    writeFileSync(big, Buffer.alloc(MAX_BUNDLE_BYTES + 1));
    expect(await readOpenedBundle(big)).toMatchObject({
      problem: expect.stringMatching(/larger than a bundle may be/),
    });
  });
});

describe('files opened before the window is ready', () => {
  const reader = async (path: string): Promise<OpenedBundle> => ({ fileName: path, base64: '' });

  it('wait, once each, and go in the order opened when it is ready; later ones go at once', async () => {
    const opened = createOpenedFiles(reader);
    opened.add('/a.caseaudit');
    opened.add('/b.caseaudit');
    opened.add('/a.caseaudit');
    opened.add('/not-a-bundle.pdf');
    const got: string[] = [];
    opened.ready((b) => got.push(b.fileName));
    opened.add('/c.caseaudit');
    await new Promise((r) => setTimeout(r, 10));
    expect(got).toEqual(['/a.caseaudit', '/b.caseaudit', '/c.caseaudit']);
  });

  it('wait again when the window has gone', async () => {
    const opened = createOpenedFiles(reader);
    const first: string[] = [];
    opened.ready((b) => first.push(b.fileName));
    opened.notReady();
    opened.add('/d.caseaudit');
    const second: string[] = [];
    opened.ready((b) => second.push(b.fileName));
    await new Promise((r) => setTimeout(r, 10));
    expect([first, second]).toEqual([[], ['/d.caseaudit']]);
  });
});
