import { useState } from 'react';
import { z } from 'zod';
import type { Output } from '../../shared/contract.js';
import { ApiError } from '../api/client.js';
import { useApiMutation, useApiQuery } from '../api/hooks.js';
import { BACKUP_KIND_WORDS, backupTime, type Backup } from '../components/bundles/backupWords.js';
import { fileSize } from '../components/bundles/files.js';
import { Form, FormErrorSummary, formHasErrors, TextField, useZodForm } from '../components/form/index.js';
import { Link } from '../components/Link.js';
import { Loading } from '../components/Loading.js';
import { LoadFailed } from '../components/LoadFailed.js';
import { NotificationBanner } from '../components/NotificationBanner.js';
import { Page } from '../components/Page.js';
import { WarningText } from '../components/WarningText.js';
import { sentence } from '../lib/format.js';
import { paths } from '../router.js';

const PASSPHRASE_ID = 'restore-passphrase';
const schema = z.object({ passphrase: z.string().min(1, 'Enter your passphrase') });

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
  const form = useZodForm(schema, { defaultValues: { passphrase: '' } });
  const [restored, setRestored] = useState<Restored | null>(null);

  const submit = async ({ passphrase }: z.output<typeof schema>) => {
    // The passphrase is never kept on screen after an attempt.
    form.setValue('passphrase', '');
    try {
      setRestored(await restore.mutate({ name: backup.name, passphrase }));
    } catch (err) {
      const wait = err instanceof ApiError ? err.retryAfterSeconds : undefined;
      // Every refusal is about the passphrase (or the backup it unlocks), so it is shown on that field.
      const message =
        wait !== undefined
          ? `Too many wrong passphrases. Try again in ${wait} ${wait === 1 ? 'second' : 'seconds'}`
          : err instanceof ApiError && err.code === 'UNAUTHORISED'
            ? 'The passphrase is not right: check it and try again'
            : sentence(err instanceof Error ? err.message.replace(/^name:\s*/, '') : 'Something went wrong.');
      form.setError('passphrase', { type: 'server', message });
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
      hasErrors={formHasErrors(form)}
      before={<FormErrorSummary form={form} />}
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
      <Form form={form} onSubmit={submit} summary="none">
        <TextField
          name="passphrase"
          id={PASSPHRASE_ID}
          label="Passphrase"
          labelSize="m"
          hint="Restoring replaces the whole database, so enter your passphrase again."
          type="password"
          autoComplete="current-password"
          spellCheck={false}
        />
        <div className="govuk-button-group">
          <button type="submit" className="govuk-button govuk-button--warning" disabled={restore.pending}>
            Restore this backup
          </button>
          <Link to={paths.backups()}>Cancel</Link>
        </div>
        <p className="govuk-body" role="status">
          {restore.pending ? 'Checking and restoring the backup: this can take a minute…' : null}
        </p>
      </Form>
    </Page>
  );
}
