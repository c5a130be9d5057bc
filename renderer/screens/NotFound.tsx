import { Link } from '../components/Link.js';
import { Page } from '../components/Page.js';
import { paths } from '../router.js';

export function NotFound() {
  return (
    <Page title="Page not found" narrow>
      <p className="govuk-body">There is no page at this address in Case Audit.</p>
      <p className="govuk-body">
        <Link to={paths.auditsList()}>Go to your audits</Link>
      </p>
    </Page>
  );
}
