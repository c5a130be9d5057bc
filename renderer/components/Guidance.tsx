/** A question's guidance: short guidance is hint text; long guidance folds away in a details element. */
export function Guidance({ id, text }: { id: string; text: string }) {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  if (trimmed.length <= 180 && !trimmed.includes('\n')) {
    return (
      <div className="govuk-hint" id={id}>
        {trimmed}
      </div>
    );
  }
  return (
    <details className="govuk-details">
      <summary className="govuk-details__summary">
        <span className="govuk-details__summary-text">Guidance</span>
      </summary>
      <div className="govuk-details__text">{trimmed}</div>
    </details>
  );
}

export function guidanceIsHint(text: string): boolean {
  const trimmed = text.trim();
  return trimmed !== '' && trimmed.length <= 180 && !trimmed.includes('\n');
}
