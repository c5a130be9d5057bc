import { useEffect, useRef, useState } from 'react';
import { z } from 'zod';
import { MAX_BUNDLE_BYTES, type ImportOutcome } from '../../shared/bundle.js';
import { countImport, importSummaryText } from '../../shared/importSummary.js';
import { ApiError, errorMessage } from '../api/client.js';
import { useApiMutation } from '../api/hooks.js';
import { bytesToBase64, fileSize } from '../components/bundles/files.js';
import { ImportResults, type ImportRow } from '../components/bundles/ImportResults.js';
import { FileField, Form, FormErrorSummary, formHasErrors, useZodForm } from '../components/form/index.js';
import { Link } from '../components/Link.js';
import { Page } from '../components/Page.js';
import { WarningText } from '../components/WarningText.js';
import { paths } from '../router.js';
import { onBundleOpened, takeOpenedBundles, type OpenedProblem } from '../lib/openedBundles.js';

const filesSchema = z.object({
  files: z.array(z.instanceof(File)).min(1, 'Choose one or more bundle files to import'),
});

interface Progress {
  total: number;
  /** Files finished so far. */
  done: number;
  running: boolean;
  /** Cancel was pressed: the run stops before the next file. */
  cancelled: boolean;
}

/** The result of each file left when the import was cancelled. */
export const CANCELLED_MESSAGE = 'cancelled before this file';

/**
 * The QA sub-committee imports auditors' bundles: several files at once, one after another, with a
 * visible progress bar, a Cancel button, and a result for each file in words.
 *
 * Cancelling stops before the next file is sent. Nothing is ever half-written: each file is one
 * `bundles.import` call, and the service imports a bundle in one transaction (all of it or nothing),
 * so a stop between calls leaves every file either wholly imported or untouched. The files already on
 * their way when Cancel is pressed (at most two: the next one is sent while this one is written)
 * finish, and their outcomes are shown like any other.
 */
export function ImportBundles() {
  // Each file's call; every success refreshes what other screens show (audits, quarantine, trust).
  const importer = useApiMutation('bundles.import');
  const form = useZodForm(filesSchema, { defaultValues: { files: [] } });
  const resultsHeading = useRef<HTMLHeadingElement>(null);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [rows, setRows] = useState<ImportRow[]>([]);
  const mounted = useRef(true);
  // Read before each file; a ref, so the running loop sees the click at once.
  const cancelRequested = useRef(false);
  // The files of this run, by row, so one held as from another board can be imported again once agreed to.
  const filesByRow = useRef(new Map<string, File>());
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  // Bundles opened from the desktop are shown as chosen, waiting for Import (lib/openedBundles.ts).
  const [opened, setOpened] = useState<{ names: string[]; problems: OpenedProblem[] }>({ names: [], problems: [] });
  useEffect(() => {
    const take = () => {
      const { files, problems } = takeOpenedBundles();
      if (files.length + problems.length === 0) return;
      if (files.length) form.setValue('files', [...form.getValues('files'), ...files], { shouldValidate: false });
      setOpened((o) => ({ names: [...o.names, ...files.map((f) => f.name)], problems: [...o.problems, ...problems] }));
    };
    take();
    return onBundleOpened(take);
  }, [form]);

  const importOne = async (file: File, acceptBoard?: string): Promise<ImportRow['result']> => {
    if (file.size > MAX_BUNDLE_BYTES) {
      return {
        outcome: 'refused',
        check: 'size',
        message: `the file is ${fileSize(file.size)}; a bundle may be at most ${fileSize(MAX_BUNDLE_BYTES)}`,
      } satisfies ImportOutcome;
    }
    let base64: string;
    try {
      base64 = bytesToBase64(new Uint8Array(await file.arrayBuffer()));
    } catch {
      return { outcome: 'not_imported', message: 'the file could not be read from the disk' };
    }
    return importer.mutate({ fileName: file.name.slice(0, 255) || 'bundle', base64, acceptBoard });
  };

  const submit = async ({ files }: z.output<typeof filesSchema>) => {
    setRows([]);
    filesByRow.current = new Map(files.map((file, i) => [`${i}-${file.name}`, file]));
    cancelRequested.current = false;
    setProgress({ total: files.length, done: 0, running: true, cancelled: false });
    const results: ImportRow[] = [];
    let stopped = false;
    // A file is sent only if Cancel was not pressed and the session did not lock before it.
    const begin = (file: File): Promise<ImportRow['result']> | null =>
      cancelRequested.current || stopped
        ? null
        : importOne(file).catch((err: unknown) => {
            // A locked session stops the run: the unlock screen shows, and the rest can be chosen again.
            if (err instanceof ApiError && err.code === 'LOCKED') stopped = true;
            return { outcome: 'not_imported', message: errorMessage(err) } satisfies ImportRow['result'];
          });
    // Two files are on their way at a time: the service verifies the next one (on its worker thread)
    // while it writes this one, and writes them in this order.
    let ahead = files.length > 0 ? begin(files[0]!) : null;
    for (const [i, file] of files.entries()) {
      const current = ahead;
      ahead = current && i + 1 < files.length ? begin(files[i + 1]!) : null;
      let result: ImportRow['result'];
      if (current) result = await current;
      else if (stopped)
        result = {
          outcome: 'not_imported',
          message: 'Case Audit locked before this file was imported: choose it again',
        };
      else result = { outcome: 'not_imported', message: CANCELLED_MESSAGE };
      results.push({ key: `${i}-${file.name}`, fileName: file.name, result });
      if (!mounted.current) return;
      setRows([...results]);
      const cancelled = cancelRequested.current;
      setProgress({
        total: files.length,
        // Files imported (or refused) before the cancel; the ones left are not counted as done.
        done: results.filter((r) => r.result.outcome !== 'not_imported' || r.result.message !== CANCELLED_MESSAGE)
          .length,
        running: i + 1 < files.length && !cancelled,
        cancelled,
      });
    }
    form.reset({ files: [] });
    setOpened({ names: [], problems: [] });
    resultsHeading.current?.focus();
  };

  const acceptBoard = async (row: ImportRow, board: string) => {
    const file = filesByRow.current.get(row.key);
    if (!file) return;
    let result: ImportRow['result'];
    try {
      result = await importOne(file, board);
    } catch (err) {
      result = { outcome: 'not_imported', message: errorMessage(err) };
    }
    if (!mounted.current) return;
    setRows((current) => current.map((r) => (r.key === row.key ? { ...r, result } : r)));
    resultsHeading.current?.focus();
  };

  const running = progress?.running === true;
  const current = progress ? Math.min(progress.done + 1, progress.total) : 0;
  const left = progress ? progress.total - progress.done : 0;

  const cancel = () => {
    if (cancelRequested.current) return;
    cancelRequested.current = true;
    setProgress((p) => (p ? { ...p, cancelled: true } : p));
  };

  return (
    <Page title="Import bundles" hasErrors={formHasErrors(form)} before={<FormErrorSummary form={form} />}>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <p className="govuk-body">
            Import the bundles auditors send you. Each one is checked before anything is saved: its signature, who
            signed it, and that nothing in it was changed on the way. Importing the same bundle twice changes nothing.
          </p>
          <p className="govuk-body">
            A bundle signed by someone whose key you have not enrolled waits in the{' '}
            <Link to={paths.quarantine()}>quarantine</Link> until you check who signed it.
          </p>
          {opened.names.length > 0 && form.watch('files').length > 0 ? (
            <div className="govuk-inset-text" data-testid="opened-bundles">
              <p className="govuk-body">
                {opened.names.length === 1 ? 'You opened this bundle' : 'You opened these bundles'} from your computer.
                Press Import bundles to import {opened.names.length === 1 ? 'it' : 'them'}:
              </p>
              <ul className="govuk-list govuk-list--bullet">
                {opened.names.map((name, i) => (
                  <li key={`${i}-${name}`}>{name}</li>
                ))}
              </ul>
            </div>
          ) : null}
          {opened.problems.length > 0 ? (
            <WarningText>
              {opened.problems.map((p, i) => (
                <span className="govuk-!-display-block" key={`${i}-${p.fileName}`}>
                  {p.fileName} could not be opened: {p.problem}.
                </span>
              ))}
            </WarningText>
          ) : null}
          <Form form={form} summary="none" onSubmit={submit}>
            <FileField
              name="files"
              id="bundle-files"
              label="Bundle files"
              labelSize="m"
              hint="Files ending in .caseaudit. You can choose several at once."
              accept=".caseaudit"
              multiple
              disabled={running}
            />
            <button type="submit" className="govuk-button" disabled={running}>
              Import bundles
            </button>
          </Form>

          <div className="app-import-progress" role="status" aria-live="polite">
            {progress ? (
              <>
                <label className="govuk-label govuk-label--s" htmlFor="import-progress">
                  {running
                    ? progress.cancelled
                      ? `Cancelling: finishing file ${current} of ${progress.total}…`
                      : `Importing ${current} of ${progress.total}…`
                    : progress.cancelled
                      ? `Import cancelled after ${progress.done} of ${progress.total} ${progress.total === 1 ? 'file' : 'files'}`
                      : importSummaryText(
                          countImport(
                            rows.map((r) => r.result),
                            progress.total,
                          ),
                        )}
                </label>
                <progress id="import-progress" className="app-progress-bar" max={progress.total} value={progress.done}>
                  {progress.done} of {progress.total}
                </progress>
              </>
            ) : null}
          </div>
          {running ? (
            // Not disabled once pressed (focus would be lost): it says it is cancelling and does nothing more.
            <button
              type="button"
              className="govuk-button govuk-button--secondary app-import-cancel"
              onClick={cancel}
              aria-disabled={progress?.cancelled ? true : undefined}
            >
              {progress?.cancelled ? 'Cancelling…' : 'Cancel import'}
            </button>
          ) : null}
          {progress && !running && progress.cancelled ? (
            <p className="govuk-body" id="import-cancelled-summary">
              Import cancelled: {progress.done} of {progress.total} {progress.total === 1 ? 'file' : 'files'} imported
              (each with its result below), {left} left not imported. Nothing of the files left was written: choose them
              again to import them.
            </p>
          ) : null}
        </div>
      </div>

      {rows.length > 0 ? (
        <ImportResults
          rows={rows}
          headingRef={resultsHeading}
          finished={!running}
          onAcceptBoard={(row, board) => void acceptBoard(row, board)}
        />
      ) : null}

      <p className="govuk-body">
        <Link to={paths.quarantine()}>Bundles in quarantine</Link>: bundles from signers you have not enrolled yet.
      </p>
    </Page>
  );
}
