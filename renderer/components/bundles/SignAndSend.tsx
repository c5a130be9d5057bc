import type { AuditSummary } from '../../../shared/audit.js';
import { href, paths } from '../../router.js';
import { Link } from '../Link.js';

/** The audit overview's last section: sign the audit, then export it for the QA sub-committee. */
export function SignAndSend({ audit }: { audit: AuditSummary }) {
  if (audit.origin === 'imported') {
    return (
      <>
        <h2 className="govuk-heading-m">Signed revision</h2>
        <p className="govuk-body">
          This is revision {audit.revision}, imported from its auditor’s signed bundle. It changes only when the auditor
          sends a new revision.
        </p>
      </>
    );
  }
  return (
    <>
      <h2 className="govuk-heading-m">Sign and send</h2>
      {audit.status === 'signed' ? (
        <>
          <p className="govuk-body">
            Revision {audit.revision} is signed. Export it as a bundle for the QA sub-committee, or start a new revision
            to change the audit.
          </p>
          <a href={href(paths.signedAudit(audit.id))} className="govuk-button" draggable={false}>
            Export bundle
          </a>
        </>
      ) : (
        <>
          <p className="govuk-body">
            {audit.revision > 0
              ? `Revision ${audit.revision} is signed; your changes go into revision ${audit.revision + 1}. `
              : ''}
            When every checklist is complete and the findings and action plan are written, check what you are signing
            and sign it. Then export it for the QA sub-committee.
          </p>
          <a href={href(paths.signAudit(audit.id))} className="govuk-button govuk-button--secondary" draggable={false}>
            Review and sign
          </a>
          {audit.revision > 0 ? (
            <p className="govuk-body">
              <Link to={paths.signedAudit(audit.id)}>Export revision {audit.revision}</Link>, the latest signed one.
            </p>
          ) : null}
        </>
      )}
    </>
  );
}
