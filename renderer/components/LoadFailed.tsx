import type { ApiError } from '../api/client.js';
import { paths } from '../router.js';
import { Page } from './Page.js';
import { Link } from './Link.js';

/** A whole screen that could not load: what went wrong, and a way to try again or go back. */
export function LoadFailed({ error, onRetry }: { error: ApiError; onRetry: () => void }) {
  const notFound = error.code === 'NOT_FOUND';
  return (
    <Page title={notFound ? 'Page not found' : 'Sorry, there is a problem'}>
      <p className="govuk-body">{error.message}</p>
      <div className="govuk-button-group">
        {!notFound ? (
          <button type="button" className="govuk-button" onClick={onRetry}>
            Try again
          </button>
        ) : null}
        <Link to={paths.auditsList()}>Go to your audits</Link>
      </div>
    </Page>
  );
}
