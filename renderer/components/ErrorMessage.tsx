export function ErrorMessage({ id, message }: { id: string; message: string | undefined }) {
  if (!message) return null;
  return (
    <p className="govuk-error-message" id={id}>
      <span className="govuk-visually-hidden">Error: </span>
      {message}
    </p>
  );
}
