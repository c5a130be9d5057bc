import { describe, expect, it } from 'vitest';
import { countImport, importSummaryText, type ImportResultOutcome } from '../../shared/importSummary.js';

const run = (...outcomes: ImportResultOutcome[]) => outcomes.map((outcome) => ({ outcome }));

describe('the summary of an import', () => {
  it('counts imported, refused and quarantined files apart', () => {
    const c = countImport(run('added', 'refused', 'refused'));
    expect(c).toEqual({
      files: 3,
      imported: 1,
      alreadyImported: 0,
      keptOlder: 0,
      quarantined: 0,
      refused: 2,
      notImported: 0,
    });
    // Not "Imported 3 files".
    expect(importSummaryText(c)).toBe('1 of 3 files imported: 2 refused');
  });

  it('says every part that happened, in words', () => {
    expect(importSummaryText(countImport(run('added', 'added')))).toBe('2 files imported');
    expect(importSummaryText(countImport(run('added')))).toBe('1 file imported');
    expect(importSummaryText(countImport(run('skipped', 'quarantined')))).toBe(
      '0 of 2 files imported: 1 already imported, 1 waiting in quarantine',
    );
    expect(importSummaryText(countImport(run('added', 'recorded_older', 'not_imported'), 5))).toBe(
      '1 of 5 files imported: 1 older revision kept, 3 not imported',
    );
  });
});
