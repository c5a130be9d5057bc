import { useState, type FormEvent } from 'react';
import type { Output } from '../../shared/contract.js';
import { ApiError } from '../api/client.js';
import { useApiMutation, useApiQuery } from '../api/hooks.js';
import { BACKUP_KIND_WORDS, backupTime, type Backup } from '../components/bundles/backupWords.js';
import { fileSize } from '../components/bundles/files.js';
import { ErrorMessage } from '../components/ErrorMessage.js';
import { ErrorSummary } from '../components/ErrorSummary.js';
import { Link } from '../components/Link.js';
import { Loading } from '../components/Loading.js';
import { LoadFailed } from '../components/LoadFailed.js';
import { NotificationBanner } from '../components/NotificationBanner.js';
import { Page } from '../components/Page.js';
import { WarningText } from '../components/WarningText.js';
import { sentence } from '../lib/format.js';
import { paths } from '../router.js';

const PASSPHRASE_ID = 'restore-passphrase';

/** Restoring a backup: which one, what it replaces, the passphrase again, then what happened. */
export function BackupsRestore({ backupName }: { backupName: string }) {
  const list = useApiQuery('backups.list', {});
  if (list.error) return <LoadFailed error={list.error} onRetry={list.retry} />;
  if (!list.data) return <Loading what="Loading backups" />;
  const backup = list.data.find((b) => b.name === backupName);
  if (!backup) {
    return (
      <Page title="Backup not found" narrow back={{ to: paths.backups(), text: 'Back to backups' }}>
        <p className="govuk-body">
          There is no backup of that name. It may have been removed when newer ones were made.
        </p>
      </Page>
    );
  }
  return <RestoreForm backup={backup} />;
}

type Restored = Output<'session.restore'>;

function RestoreForm({ backup }: { backup: Backup }) {
  const restore = useApiMutation('session.restore');
  const [passphrase, setPassphrase] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [restored, setRestored] = useState<Restored | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (passphrase === '') {
      setError('Enter your passphrase');
      setAttempt((n) => n + 1);
      return;
    }
    try {
      const result = await restore.mutate({ name: backup.name, passphrase });
      setPassphrase('');
      setError(null);
      setRestored(result);
    } catch (err) {
      setPassphrase('');
      const wait = err instanceof ApiError ? err.retryAfterSeconds : undefined;
      setError(
        wait !== undefined
          ? `Too many wrong passphrases. Try again in ${wait} ${wait === 1 ? 'second' : 'seconds'}`
          : err instanceof ApiError && err.code === 'UNAUTHORISED'
            ? 'The passphrase is not right: check it and try again'
            : sentence(err instanceof Error ? err.message.replace(/^name:\s*/, '') : 'Something went wrong.'),
      );
      setAttempt((n) => n + 1);
    }
  };

  if (restored) {
    return (
      <Page
        title="Backup restored"
        narrow
        before={
          <NotificationBanner
            kind="success"
            heading={`The backup made ${backupTime(backup.createdAt)} is restored`}
            focus
          >
            <p className="govuk-body">It passed its checks and is now the database Case Audit uses.</p>
          </NotificationBanner>
        }
      >
        <dl className="govuk-summary-list">
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">Restored</dt>
            <dd className="govuk-summary-list__value app-break-anywhere">{restored.restored}</dd>
          </div>
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">The database as it was</dt>
            <dd className="govuk-summary-list__value app-break-anywhere">
              {restored.kept ? `Kept as the backup ${restored.kept}` : 'There was no database to keep'}
            </dd>
          </div>
        </dl>
        <p className="govuk-body">
          Case Audit starts again from the restored database, so every screen shows what the backup holds.
        </p>
        <button
          type="button"
          className="govuk-button"
          onClick={() => {
            // Start the interface again so nothing from before the restore stays on screen.
            window.location.hash = paths.backups();
            window.location.reload();
          }}
        >
          Continue
        </button>
      </Page>
    );
  }

  return (
    <Page
      title="Restore a backup"
      narrow
      back={{ to: paths.backups(), text: 'Back to backups' }}
      hasErrors={error !== null}
      before={error ? <ErrorSummary errors={[{ targetId: PASSPHRASE_ID, text: error }]} focusKey={attempt} /> : null}
    >
      <dl className="govuk-summary-list">
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Made</dt>
          <dd className="govuk-summary-list__value">{backupTime(backup.createdAt)}</dd>
        </div>
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Kind</dt>
          <dd className="govuk-summary-list__value">{BACKUP_KIND_WORDS[backup.kind]}</dd>
        </div>
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Size</dt>
          <dd className="govuk-summary-list__value">{fileSize(backup.bytes)}</dd>
        </div>
      </dl>
      <WarningText>
        Restoring replaces the database with this backup: anything recorded since it was made will not be on screen.
      </WarningText>
      <p className="govuk-body">
        Nothing is lost: the current database is kept as a “before a restore” backup, so you can restore it again if you
        need to.
      </p>
      <form noValidate onSubmit={(e) => void submit(e)}>
        <div className={error ? 'govuk-form-group govuk-form-group--error' : 'govuk-form-group'}>
          <label className="govuk-label govuk-label--m" htmlFor={PASSPHRASE_ID}>
            Passphrase
          </label>
          <div className="govuk-hint" id={`${PASSPHRASE_ID}-hint`}>
            Restoring replaces the whole database, so enter your passphrase again.
          </div>
          <ErrorMessage id={`${PASSPHRASE_ID}-error`} message={error ?? undefined} />
          <input
            id={PASSPHRASE_ID}
            className={error ? 'govuk-input govuk-input--error' : 'govuk-input'}
            type="password"
            autoComplete="current-password"
            spellCheck={false}
            value={passphrase}
            aria-describedby={error ? `${PASSPHRASE_ID}-hint ${PASSPHRASE_ID}-error` : `${PASSPHRASE_ID}-hint`}
            aria-invalid={error ? true : undefined}
            onChange={(e) => setPassphrase(e.currentTarget.value)}
          />
        </div>
        <div className="govuk-button-group">
          <button type="submit" className="govuk-button govuk-button--warning" disabled={restore.pending}>
            Restore this backup
          </button>
          <Link to={paths.backups()}>Cancel</Link>
        </div>
        <p className="govuk-body" role="status">
          {restore.pending ? 'Checking and restoring the backup: this can take a minute…' : null}
        </p>
      </form>
    </Page>
  );
}
