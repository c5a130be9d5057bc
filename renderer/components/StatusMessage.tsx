// The polite live region in which long work (a download, a job) says what it is doing and how it ended.
export function StatusMessage({ message, error }: { message: string; error: boolean }) {
  return (
    <div
      role="status"
      aria-live="polite"
      className={error ? 'app-download__message app-download__message--error' : 'app-download__message'}
    >
      {message ? <p className="govuk-body govuk-!-margin-bottom-2">{message}</p> : null}
    </div>
  );
}
