import { AUDIT_THEME_LABELS } from '../../shared/vocabulary.js';
import { useApiQuery } from '../api/hooks.js';
import { useBoard } from '../board.js';
import { AuditStatusTag } from '../components/AuditStatusTag.js';
import { Link } from '../components/Link.js';
import { Loading } from '../components/Loading.js';
import { LoadFailed } from '../components/LoadFailed.js';
import { Page } from '../components/Page.js';
import { DueSoon } from '../components/reminders/DueSoon.js';
import { shortDateTime } from '../lib/format.js';
import { href, paths } from '../router.js';

/** Home: every audit of the board with its progress. */
export function AuditsList() {
  const { board } = useBoard();
  const audits = useApiQuery('audits.list', {});
  if (audits.error) return <LoadFailed error={audits.error} onRetry={audits.retry} />;
  if (!audits.data) return <Loading what="Loading audits" />;
  const list = audits.data;

  return (
    <Page title="Audits" caption={board.name}>
      <a href={href(paths.newAudit())} className="govuk-button" draggable={false}>
        Start a new audit
      </a>
      <DueSoon />
      {list.length === 0 ? (
        <p className="govuk-body">You have not started any audits yet.</p>
      ) : (
        <div className="app-table-scroll" role="region" aria-labelledby="audits-caption">
          <table className="govuk-table">
            <caption className="govuk-table__caption govuk-table__caption--m" id="audits-caption">
              {list.length === 1 ? '1 audit' : `${list.length} audits`}
            </caption>
            <thead>
              <tr>
                <th scope="col" className="govuk-table__header">
                  Audit
                </th>
                <th scope="col" className="govuk-table__header">
                  Template
                </th>
                <th scope="col" className="govuk-table__header govuk-table__header--numeric">
                  Cases
                </th>
                <th scope="col" className="govuk-table__header">
                  Checklists complete
                </th>
                <th scope="col" className="govuk-table__header">
                  Status
                </th>
                <th scope="col" className="govuk-table__header">
                  Last changed
                </th>
              </tr>
            </thead>
            <tbody>
              {list.map((a) => (
                <tr key={a.id}>
                  <th scope="row" className="govuk-table__header">
                    <Link to={paths.auditOverview(a.id)}>{a.title}</Link>
                    <span className="app-grid-cell-meta">{AUDIT_THEME_LABELS[a.theme]}</span>
                  </th>
                  <td className="govuk-table__cell">
                    {a.templateTitle}
                    <span className="app-grid-cell-meta">version {a.templateVersion}</span>
                  </td>
                  <td className="govuk-table__cell govuk-table__cell--numeric">{a.caseCount}</td>
                  <td className="govuk-table__cell">
                    {a.checklistCount === 0 ? 'No checklists yet' : `${a.completeCount} of ${a.checklistCount}`}
                  </td>
                  <td className="govuk-table__cell">
                    <AuditStatusTag status={a.status} />
                  </td>
                  <td className="govuk-table__cell app-nowrap">{shortDateTime(a.updatedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p className="govuk-body">
        <Link to={paths.archivedAudits()}>Archived audits</Link>
      </p>
      <h2 className="govuk-heading-m">Partner agencies</h2>
      <p className="govuk-body">
        {board.agencies.filter((a) => a.active).length} agencies take part in audits.{' '}
        <Link to={paths.agencies()}>Change the partner agencies</Link>
      </p>
    </Page>
  );
}
