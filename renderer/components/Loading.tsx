import { useEffect } from 'react';

export function Loading({ what = 'Loading' }: { what?: string }) {
  useEffect(() => {
    document.title = `${what} – Case Audit`;
  }, [what]);
  return (
    <p className="govuk-body app-loading" role="status">
      {what}…
    </p>
  );
}
