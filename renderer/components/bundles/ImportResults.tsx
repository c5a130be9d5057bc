import type { Ref } from 'react';
import type { ImportOutcome } from '../../../shared/bundle.js';
import type { PersonalDataSummary } from '../../../shared/personalData/passages.js';
import { otherBoardMessage } from '../../../shared/boardOrigin.js';
import { sentence } from '../../lib/format.js';
import { paths } from '../../router.js';
import { Link } from '../Link.js';
import { FlaggedPassages } from '../personalData/FlaggedPassages.js';
import { Tag, type TagColour } from '../Tag.js';

/** A file that never reached the importer (unreadable, or the session locked during the run). */
export interface NotImported {
  outcome: 'not_imported';
  message: string;
}

export interface ImportRow {
  key: string;
  fileName: string;
  result: ImportOutcome | NotImported;
}

/** The outcome of one file, in words. */
export function outcomeWords(result: ImportRow['result']): { text: string; colour: TagColour } {
  switch (result.outcome) {
    case 'added':
      return result.superseded === null
        ? { text: 'Added', colour: 'green' }
        : { text: `Superseded revision ${result.superseded}`, colour: 'green' };
    case 'skipped':
      return { text: 'Already imported', colour: 'grey' };
    case 'recorded_older':
      return { text: 'Older revision kept', colour: 'grey' };
    case 'quarantined':
      return { text: 'Waiting in quarantine', colour: 'yellow' };
    case 'refused':
      return result.check === 'board'
        ? { text: 'From another board', colour: 'yellow' }
        : { text: 'Refused', colour: 'red' };
    case 'not_imported':
      return { text: 'Not imported', colour: 'red' };
  }
}

function Details({
  result,
  onAcceptBoard,
}: {
  result: ImportRow['result'];
  onAcceptBoard: ((board: string) => void) | undefined;
}) {
  switch (result.outcome) {
    case 'added': {
      const flagged = result.personalData?.total ?? 0;
      return (
        <>
          {sentence(result.message)}: <Link to={paths.auditOverview(result.auditId)}>{result.auditTitle}</Link>
          {flagged > 0 ? (
            <p className="govuk-body govuk-!-margin-top-2 govuk-!-margin-bottom-0">
              {flagged === 1 ? '1 passage looks' : `${flagged} passages look`} like personal data: listed below.
            </p>
          ) : null}
        </>
      );
    }
    case 'skipped':
    case 'recorded_older':
      return (
        <>
          {sentence(result.message)}: <Link to={paths.auditOverview(result.auditId)}>{result.auditTitle}</Link>
        </>
      );
    case 'quarantined':
      return (
        <>
          {sentence(result.message)}. <Link to={paths.quarantine()}>Check it in the quarantine</Link>
        </>
      );
    case 'refused':
      if (result.check === 'board' && result.otherBoard) {
        const from = result.otherBoard.bundle;
        return (
          <>
            <p className="govuk-body govuk-!-font-weight-bold govuk-!-margin-bottom-1">
              {sentence(otherBoardMessage(result.otherBoard))}.
            </p>
            <p className="govuk-body govuk-!-margin-bottom-2">
              Nothing from it was saved. Import it only if this installation also keeps that board’s audits.
            </p>
            {onAcceptBoard ? (
              <button
                type="button"
                className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
                onClick={() => onAcceptBoard(from)}
              >
                Import it from {from}
              </button>
            ) : null}
          </>
        );
      }
      return (
        <>
          Refused: {result.check} — {result.message}
        </>
      );
    case 'not_imported':
      return <>{sentence(result.message)}</>;
  }
}

const TALLY: Array<[ImportRow['result']['outcome'] | 'superseded' | 'other_board', string]> = [
  ['added', 'added'],
  ['superseded', 'superseded an older revision'],
  ['skipped', 'already imported'],
  ['recorded_older', 'older than the revision here (kept in the history)'],
  ['quarantined', 'waiting in quarantine'],
  ['other_board', 'from another board (not imported)'],
  ['refused', 'refused'],
  ['not_imported', 'not imported'],
];

/** "1 added, 1 superseded an older revision, 1 refused" */
export function tally(rows: ImportRow[]): string {
  const kind = (r: ImportRow['result']) =>
    r.outcome === 'added' && r.superseded !== null
      ? 'superseded'
      : r.outcome === 'refused' && r.check === 'board'
        ? 'other_board'
        : r.outcome;
  return TALLY.map(([k, words]) => [rows.filter((row) => kind(row.result) === k).length, words] as const)
    .filter(([n]) => n > 0)
    .map(([n, words]) => `${n} ${words}`)
    .join(', ');
}

/** The per-file results of an import run, as a table. */
export function ImportResults({
  rows,
  headingRef,
  finished,
  onAcceptBoard,
}: {
  rows: ImportRow[];
  headingRef: Ref<HTMLHeadingElement>;
  finished: boolean;
  /** Imports a row's file again, agreeing to the other board it comes from. */
  onAcceptBoard?: (row: ImportRow, board: string) => void;
}) {
  return (
    <>
      <h2 className="govuk-heading-m" tabIndex={-1} ref={headingRef}>
        Results
      </h2>
      {finished ? <p className="govuk-body">{sentence(tally(rows))}.</p> : null}
      <div className="app-table-scroll" role="region" aria-labelledby="import-results-caption" tabIndex={0}>
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-visually-hidden" id="import-results-caption">
            What happened to each file
          </caption>
          <thead>
            <tr>
              <th scope="col" className="govuk-table__header">
                File
              </th>
              <th scope="col" className="govuk-table__header">
                Result
              </th>
              <th scope="col" className="govuk-table__header">
                Details
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => {
              const words = outcomeWords(row.result);
              return (
                <tr key={row.key}>
                  <th scope="row" className="govuk-table__header app-file-name">
                    {row.fileName}
                  </th>
                  <td className="govuk-table__cell">
                    <Tag colour={words.colour}>{words.text}</Tag>
                  </td>
                  <td className="govuk-table__cell">
                    <Details
                      result={row.result}
                      onAcceptBoard={finished && onAcceptBoard ? (board) => onAcceptBoard(row, board) : undefined}
                    />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <FlaggedInImports rows={rows} />
    </>
  );
}

/**
 * What looks like personal data in the free text of the audits just imported, for the QA
 * sub-committee to take up with their auditors (a signed revision cannot be changed here).
 */
function FlaggedInImports({ rows }: { rows: ImportRow[] }) {
  const flagged = rows.flatMap((row) =>
    row.result.outcome === 'added' && (row.result.personalData?.total ?? 0) > 0
      ? [
          {
            key: row.key,
            auditTitle: row.result.auditTitle,
            revision: row.result.revision,
            personalData: row.result.personalData!,
          },
        ]
      : [],
  );
  return <ImportedPersonalData imported={flagged} />;
}

export interface ImportedFlags {
  key: string;
  auditTitle: string;
  revision: number;
  personalData: PersonalDataSummary;
}

/** The flagged passages of audits imported (from the import screen, or accepted from the quarantine). */
export function ImportedPersonalData({ imported }: { imported: ImportedFlags[] }) {
  const flagged = imported.filter((f) => f.personalData.total > 0);
  if (flagged.length === 0) return null;
  return (
    <section aria-labelledby="imported-personal-data-heading">
      <h2 className="govuk-heading-m" id="imported-personal-data-heading">
        Personal data to check in what was imported
      </h2>
      <p className="govuk-body">
        Cases are pseudonymised, so these passages should hold no names, identifiers or addresses. A signed revision
        cannot be changed here: ask its auditor to correct it in a new revision if it holds personal data.
      </p>
      {flagged.map(({ key, auditTitle, revision, personalData }, i) => (
        <section key={key} aria-labelledby={`imported-flagged-${i}`}>
          <h3 className="govuk-heading-s" id={`imported-flagged-${i}`}>
            {auditTitle}, revision {revision}:{' '}
            {personalData.total === 1 ? '1 passage' : `${personalData.total} passages`}
          </h3>
          <FlaggedPassages passages={personalData.passages} idPrefix={`imported-${i}`} titleLevel={4} />
          {personalData.total > personalData.passages.length ? (
            <p className="govuk-body">And {personalData.total - personalData.passages.length} more not listed here.</p>
          ) : null}
        </section>
      ))}
    </section>
  );
}
