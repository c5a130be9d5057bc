// Opening a .caseaudit file from the desktop (double-click, "Open with", or dropping it on the app's
// icon): the paths come from the first launch's arguments, from a second launch's (forwarded by the
// single-instance lock), or from macOS's open-file event, often before the window exists. They wait
// here until the window is ready, then each goes to it as one `bundle.opened` event, with its bytes,
// for the import screen to show as chosen. Nothing is imported without the person pressing Import.
import { readFile, stat } from 'node:fs/promises';
import { basename, isAbsolute, resolve } from 'node:path';
import { MAX_BUNDLE_BYTES } from '../shared/bundle.js';

export const BUNDLE_EXTENSION = '.caseaudit';

/** What the window receives for each opened file. */
export type OpenedBundle = { fileName: string; base64: string } | { fileName: string; problem: string };

const isBundlePath = (arg: string) => !arg.startsWith('-') && arg.toLowerCase().endsWith(BUNDLE_EXTENSION);

/**
 * The bundle files named in a launch's arguments, as absolute paths: the executable, flags (and
 * `--db`'s value) and anything not ending in .caseaudit are left out; relative paths are taken from
 * the folder the launch was made in.
 */
export function bundlePathsFromArgv(argv: readonly string[], workingDirectory: string): string[] {
  const paths: string[] = [];
  for (let i = 1; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--db') {
      i++;
      continue;
    }
    if (isBundlePath(arg)) paths.push(isAbsolute(arg) ? arg : resolve(workingDirectory, arg));
  }
  return paths;
}

/** Reads one opened file, refusing what the import would refuse before reading it all. */
export async function readOpenedBundle(path: string): Promise<OpenedBundle> {
  const fileName = basename(path).slice(0, 255);
  try {
    const info = await stat(path);
    if (!info.isFile()) return { fileName, problem: 'it is not a file' };
    if (info.size > MAX_BUNDLE_BYTES)
      return { fileName, problem: `it is larger than a bundle may be (${Math.round(MAX_BUNDLE_BYTES / 2 ** 20)} MB)` };
    return { fileName, base64: (await readFile(path)).toString('base64') };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return { fileName, problem: code === 'ENOENT' ? 'the file is not there any more' : 'the file could not be read' };
  }
}

export interface OpenedFiles {
  /** A path to open: kept until the window is ready, sent at once if it is. */
  add(path: string): void;
  /** The window can receive files now (its page has loaded); sends what waited. */
  ready(send: (bundle: OpenedBundle) => void): void;
  /** The window has gone: later paths wait for the next one. */
  notReady(): void;
}

export function createOpenedFiles(read: (path: string) => Promise<OpenedBundle> = readOpenedBundle): OpenedFiles {
  const waiting: string[] = [];
  let send: ((bundle: OpenedBundle) => void) | null = null;
  // Sent in the order they were opened, one read at a time.
  let chain = Promise.resolve();
  const deliver = (path: string, to: (bundle: OpenedBundle) => void) => {
    chain = chain.then(async () => to(await read(path)));
  };
  return {
    add(path) {
      if (!isBundlePath(path)) return;
      if (send) deliver(path, send);
      else if (!waiting.includes(path)) waiting.push(path);
    },
    ready(to) {
      send = to;
      for (const path of waiting.splice(0)) deliver(path, to);
    },
    notReady() {
      send = null;
    },
  };
}
