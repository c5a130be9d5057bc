// A bulk import of files, in their order: while one bundle is written (on this thread, one transaction
// each), the next is read and verified on the reader's worker thread. At most one bundle is read
// ahead, so memory holds two at a time. Stopping (`onOutcome` returning false) ends the run before the
// next file is written: the one already read ahead is dropped, not written.
import type { BundleCheck, ImportOutcome } from '../../shared/bundle.js';
import type { ServiceContext } from '../services/context.js';
import type { BundleReader } from './bundleReader.js';
import { importReading, readInput } from './importBundle.js';
import type { BundleReading } from './verify.js';

export interface BundleFile {
  name: string;
  /** Reads the file; a failure is that file's outcome (refused), not the end of the run. */
  load: () => Uint8Array;
}

/** Thrown by `load` to refuse a file before reading it (a file too large to be a bundle). */
export class FileRefusal extends Error {
  constructor(
    readonly check: BundleCheck,
    message: string,
  ) {
    super(message);
  }
}

type Loaded = { bytes: Uint8Array; reading: Promise<BundleReading> } | { check: BundleCheck; error: string };

export async function importFiles(
  ctx: ServiceContext,
  files: readonly BundleFile[],
  reader: BundleReader,
  onOutcome: (index: number, outcome: ImportOutcome) => boolean | void = () => {},
  options: { acceptBoard?: string } = {},
): Promise<ImportOutcome[]> {
  const start = (file: BundleFile): Loaded => {
    try {
      const bytes = file.load();
      return { bytes, reading: reader.read(bytes, readInput(ctx)) };
    } catch (e) {
      if (e instanceof FileRefusal) return { check: e.check, error: e.message };
      return { check: 'container', error: `the file could not be read (${(e as Error).message})` };
    }
  };
  const outcomes: ImportOutcome[] = [];
  let next: Loaded | null = files.length > 0 ? start(files[0]!) : null;
  for (let i = 0; i < files.length && next; i++) {
    const current = next;
    // Read the next one on the worker while this one is written here.
    next = i + 1 < files.length ? start(files[i + 1]!) : null;
    let outcome: ImportOutcome;
    try {
      outcome =
        'error' in current
          ? { outcome: 'refused', check: current.check, message: current.error }
          : importReading(ctx, await current.reading, current.bytes, files[i]!.name, options);
    } catch (e) {
      outcome = { outcome: 'refused', check: 'container', message: (e as Error).message };
    }
    outcomes.push(outcome);
    if (onOutcome(i, outcome) === false) {
      if (next && 'reading' in next) next.reading.catch(() => {});
      break;
    }
  }
  return outcomes;
}
