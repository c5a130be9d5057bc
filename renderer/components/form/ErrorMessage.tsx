/** A field's inline error message, with the "Error:" prefix screen readers announce. */
export function ErrorMessage({ id, message }: { id: string; message: string | undefined }) {
  if (!message) return null;
  return (
    <p className="govuk-error-message" id={id}>
      <span className="govuk-visually-hidden">Error: </span>
      {message}
    </p>
  );
}
