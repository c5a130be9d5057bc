// Downloads of files the services make in one call (a signed panel record): a progress message while
// the services prepare the file, a Cancel button, and the file saved with a Blob and an <a download>
// once it arrives. Reports are made as jobs instead, with real progress: renderer/lib/useJob.ts.
import { useCallback, useEffect, useRef, useState } from 'react';
import { errorMessage } from '../../api/client.js';
import { base64ToBytes, downloadFile } from '../bundles/files.js';
import { StatusMessage } from '../StatusMessage.js';

export const FILE_TYPES = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  csv: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  bundle: 'application/octet-stream',
} as const;

export type DownloadState =
  | { kind: 'idle' }
  | { kind: 'preparing'; what: string }
  | { kind: 'done'; what: string; fileName: string }
  | { kind: 'cancelled'; what: string }
  | { kind: 'failed'; what: string; message: string };

export interface Download {
  state: DownloadState;
  /** Asks the services for the file and saves it, unless cancelled first. */
  start: (what: string, type: string, produce: () => Promise<{ fileName: string; base64: string }>) => void;
  cancel: () => void;
}

/**
 * One download at a time. Cancelling abandons the download: the request to the services cannot be
 * recalled, but generating a report or exporting a signed record only reads the database, so
 * cancelling writes nothing and leaves nothing to undo; the answer, when it comes, is simply dropped.
 */
export function useDownload(): Download {
  const [state, setState] = useState<DownloadState>({ kind: 'idle' });
  const run = useRef(0);
  useEffect(
    () => () => {
      // Leaving the screen abandons any download still being prepared.
      run.current++;
    },
    [],
  );

  const start = useCallback<Download['start']>((what, type, produce) => {
    const id = ++run.current;
    setState({ kind: 'preparing', what });
    produce().then(
      ({ fileName, base64 }) => {
        if (run.current !== id) return;
        downloadFile(fileName, base64ToBytes(base64), type);
        setState({ kind: 'done', what, fileName });
      },
      (e: unknown) => {
        if (run.current !== id) return;
        setState({ kind: 'failed', what, message: errorMessage(e) });
      },
    );
  }, []);

  const cancel = useCallback(() => {
    run.current++;
    setState((s) => (s.kind === 'preparing' ? { kind: 'cancelled', what: s.what } : s));
  }, []);

  return { state, start, cancel };
}

/**
 * What a download is doing, announced politely: "Preparing the board report (PDF)…" with a Cancel
 * button (which takes focus, so the person can cancel at once), then "… downloaded". Focus goes back
 * to `returnFocus` when the download ends or is cancelled.
 */
export function DownloadStatus({
  download,
  returnFocus,
}: {
  download: Download;
  returnFocus?: () => HTMLElement | null;
}) {
  const { state, cancel } = download;
  const cancelButton = useRef<HTMLButtonElement>(null);
  const wasPreparing = useRef(false);
  useEffect(() => {
    if (state.kind === 'preparing') {
      cancelButton.current?.focus();
      wasPreparing.current = true;
    } else if (wasPreparing.current) {
      wasPreparing.current = false;
      returnFocus?.()?.focus();
    }
  }, [state.kind, returnFocus]);

  let message = '';
  if (state.kind === 'preparing') message = `Preparing the ${state.what}…`;
  else if (state.kind === 'done') message = `The ${state.what} is downloaded as ${state.fileName}.`;
  else if (state.kind === 'cancelled') message = `Download of the ${state.what} cancelled. Nothing was changed.`;
  else if (state.kind === 'failed') message = `The ${state.what} could not be prepared: ${state.message}`;

  return (
    <div className="app-download">
      <StatusMessage message={message} error={state.kind === 'failed'} />
      {state.kind === 'preparing' ? (
        <div className="app-download__progress">
          {/* A moving bar for sighted people; the status message above says the same in words. */}
          <div className="app-download__bar" aria-hidden="true">
            <div className="app-download__bar-fill" />
          </div>
          <button type="button" ref={cancelButton} className="govuk-button govuk-button--secondary" onClick={cancel}>
            Cancel<span className="govuk-visually-hidden"> the download</span>
          </button>
        </div>
      ) : null}
    </div>
  );
}
