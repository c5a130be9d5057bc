/** Part of a screen that could not load (the rest of the screen still works): what failed, and a retry. */
export function InlineLoadFailed({ what, message, onRetry }: { what: string; message: string; onRetry: () => void }) {
  return (
    <div className="govuk-inset-text" role="alert">
      <p className="govuk-body">
        {what} could not be loaded: {message}
      </p>
      <button type="button" className="govuk-button govuk-button--secondary" onClick={onRetry}>
        Try again
      </button>
    </div>
  );
}
