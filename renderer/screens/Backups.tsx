import { useState } from 'react';
import { errorMessage } from '../api/client.js';
import { useApiMutation, useApiQuery } from '../api/hooks.js';
import { BACKUP_KIND_WORDS, backupTime, type Backup } from '../components/bundles/backupWords.js';
import { fileSize } from '../components/bundles/files.js';
import { ErrorSummary } from '../components/form/index.js';
import { Link } from '../components/Link.js';
import { Loading } from '../components/Loading.js';
import { LoadFailed } from '../components/LoadFailed.js';
import { NotificationBanner } from '../components/NotificationBanner.js';
import { Page } from '../components/Page.js';
import { sentence } from '../lib/format.js';
import { paths } from '../router.js';

/** The database's backups: when each was made and why, making one now, and the way to restore one. */
export function Backups() {
  const list = useApiQuery('backups.list', {});
  const make = useApiMutation('backups.create');
  const [made, setMade] = useState<Backup | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);

  if (list.error) return <LoadFailed error={list.error} onRetry={list.retry} />;
  if (!list.data) return <Loading what="Loading backups" />;
  const backups = [...list.data].sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1));

  const makeNow = async () => {
    setMade(null);
    setFailure(null);
    try {
      const backup = await make.mutate({});
      setMade(backup);
    } catch (e) {
      setFailure(sentence(errorMessage(e)));
      setAttempt((n) => n + 1);
    }
  };

  return (
    <Page
      title="Backups"
      breadcrumbs={[{ to: paths.settings(), text: 'Settings' }]}
      hasErrors={failure !== null}
      before={
        failure ? (
          <ErrorSummary errors={[{ text: failure }]} focusKey={attempt} />
        ) : made ? (
          <NotificationBanner kind="success" heading="Backup made" focus>
            <p className="govuk-body">
              {made.name} ({fileSize(made.bytes)}) is saved next to the database.
            </p>
          </NotificationBanner>
        ) : null
      }
    >
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <p className="govuk-body">
            Backups sit in a folder next to the database and are encrypted with the same passphrase. Case Audit makes
            one each day it is used and one before each upgrade, and keeps the most recent of each kind.
          </p>
          <p className="govuk-body">Make one before a big change, such as importing many bundles.</p>
          <button type="button" className="govuk-button" disabled={make.pending} onClick={() => void makeNow()}>
            Make a backup now
          </button>
        </div>
      </div>
      {backups.length === 0 ? (
        <p className="govuk-body">There are no backups yet.</p>
      ) : (
        <div className="app-table-scroll" role="region" aria-labelledby="backups-caption" tabIndex={0}>
          <table className="govuk-table">
            <caption className="govuk-table__caption govuk-table__caption--m" id="backups-caption">
              {backups.length === 1 ? '1 backup' : `${backups.length} backups`}
            </caption>
            <thead>
              <tr>
                <th scope="col" className="govuk-table__header">
                  Made
                </th>
                <th scope="col" className="govuk-table__header">
                  Kind
                </th>
                <th scope="col" className="govuk-table__header govuk-table__header--numeric">
                  Size
                </th>
                <th scope="col" className="govuk-table__header">
                  <span className="govuk-visually-hidden">Action</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {backups.map((b) => (
                <tr key={b.name}>
                  <th scope="row" className="govuk-table__header">
                    {backupTime(b.createdAt)}
                  </th>
                  <td className="govuk-table__cell">{BACKUP_KIND_WORDS[b.kind]}</td>
                  <td className="govuk-table__cell govuk-table__cell--numeric">{fileSize(b.bytes)}</td>
                  <td className="govuk-table__cell">
                    <Link to={paths.backupsRestore(b.name)}>
                      Restore<span className="govuk-visually-hidden"> the backup made {backupTime(b.createdAt)}</span>
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Page>
  );
}
