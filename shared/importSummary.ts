// What an import of several bundle files did, counted by outcome and said in words: the files imported
// are only those whose revision was added here, never the refused, quarantined or already-held ones,
// so a run with refusals does not read as if every file went in.
import type { ImportOutcome } from './bundle.js';

/** An outcome as the import screen keeps it: the importer's, or a file that never reached it. */
export type ImportResultOutcome = ImportOutcome['outcome'] | 'not_imported';

export interface ImportCounts {
  files: number;
  /** Revisions added here (new audits, and newer revisions superseding older ones). */
  imported: number;
  /** Files whose revision was here already. */
  alreadyImported: number;
  /** Older revisions recorded while the newer one stays shown. */
  keptOlder: number;
  /** Waiting in the quarantine for someone to trust their signer. */
  quarantined: number;
  /** Refused by a check (a forged, altered or hostile file, another board's bundle). */
  refused: number;
  /** Not reached by the importer: unreadable, or the run stopped before them. */
  notImported: number;
}

/**
 * The counts of a run. `files` is every file chosen (more than the results when the run stopped
 * early: the rest count as not imported).
 */
export function countImport(
  results: ReadonlyArray<{ outcome: ImportResultOutcome }>,
  files = results.length,
): ImportCounts {
  const n = (outcome: ImportResultOutcome) => results.filter((r) => r.outcome === outcome).length;
  return {
    files,
    imported: n('added'),
    alreadyImported: n('skipped'),
    keptOlder: n('recorded_older'),
    quarantined: n('quarantined'),
    refused: n('refused'),
    notImported: n('not_imported') + Math.max(0, files - results.length),
  };
}

const filesWord = (n: number) => (n === 1 ? 'file' : 'files');

/**
 * One sentence for a finished run: "1 of 3 files imported: 2 refused", "2 files imported",
 * "0 of 2 files imported: 1 already imported, 1 waiting in quarantine".
 */
export function importSummaryText(c: ImportCounts): string {
  const rest = [
    c.alreadyImported ? `${c.alreadyImported} already imported` : null,
    c.keptOlder ? `${c.keptOlder} older revision${c.keptOlder === 1 ? '' : 's'} kept` : null,
    c.quarantined ? `${c.quarantined} waiting in quarantine` : null,
    c.refused ? `${c.refused} refused` : null,
    c.notImported ? `${c.notImported} not imported` : null,
  ].filter((p): p is string => p !== null);
  if (rest.length === 0) return `${c.imported} ${filesWord(c.imported)} imported`;
  return `${c.imported} of ${c.files} ${filesWord(c.files)} imported: ${rest.join(', ')}`;
}
