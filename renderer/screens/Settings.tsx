import { useState, type FormEvent } from 'react';
import { idleLockMinutesSchema } from '../../shared/settings.js';
import { errorMessage, signalLock } from '../api/client.js';
import { useApiMutation, useApiQuery } from '../api/hooks.js';
import { FormField } from '../components/bundles/FormField.js';
import { ErrorSummary } from '../components/ErrorSummary.js';
import { Link } from '../components/Link.js';
import { Loading } from '../components/Loading.js';
import { LoadFailed } from '../components/LoadFailed.js';
import { NotificationBanner } from '../components/NotificationBanner.js';
import { Page } from '../components/Page.js';
import { sentence } from '../lib/format.js';
import { NewRecoveryKey } from '../components/recovery/NewRecoveryKey.js';
import { paths } from '../router.js';

const MINUTES_ID = 'idle-minutes';

/** Settings of this installation: when Case Audit locks itself, locking now, and the way to the backups. */
export function Settings() {
  const status = useApiQuery('session.status', {});
  if (status.error) return <LoadFailed error={status.error} onRetry={status.retry} />;
  if (!status.data) return <Loading what="Loading settings" />;
  return <SettingsForm minutes={status.data.idleLockMinutes} />;
}

function SettingsForm({ minutes }: { minutes: number }) {
  const save = useApiMutation('settings.setIdleLock');
  // Nothing to fetch again: a locked session answers nothing, and the unlock fetches everything.
  const lock = useApiMutation('session.lock', { invalidates: 'none' });
  const [text, setText] = useState(String(minutes));
  const [error, setError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [saved, setSaved] = useState<number | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaved(null);
    const trimmed = text.trim();
    const parsed = idleLockMinutesSchema.safeParse(/^\d+$/.test(trimmed) ? Number(trimmed) : Number.NaN);
    if (!parsed.success) {
      setError(trimmed === '' ? 'Enter the number of minutes' : 'Enter a whole number of minutes between 1 and 240');
      setAttempt((n) => n + 1);
      return;
    }
    try {
      const status = await save.mutate({ minutes: parsed.data });
      setError(null);
      setText(String(status.idleLockMinutes));
      setSaved(status.idleLockMinutes);
    } catch (err) {
      setError(sentence(errorMessage(err).replace(/^minutes:\s*/, '')));
      setAttempt((n) => n + 1);
    }
  };

  const lockNow = () => {
    // Whatever the answer, the session gate asks whether the database is now locked.
    void lock.mutate({}).then(signalLock, signalLock);
  };

  return (
    <Page
      title="Settings"
      narrow
      hasErrors={error !== null}
      before={
        error ? (
          <ErrorSummary errors={[{ targetId: MINUTES_ID, text: error }]} focusKey={attempt} />
        ) : saved !== null ? (
          <NotificationBanner kind="success" heading="Setting saved" focus>
            <p className="govuk-body">
              Case Audit now locks after {saved} {saved === 1 ? 'minute' : 'minutes'} without use.
            </p>
          </NotificationBanner>
        ) : null
      }
    >
      <h2 className="govuk-heading-m">Locking</h2>
      <p className="govuk-body">
        When Case Audit locks, it closes the database and forgets its key: nobody can see the audits until the
        passphrase is entered again. It also locks when the computer sleeps.
      </p>
      <form noValidate onSubmit={(e) => void submit(e)}>
        <FormField
          id={MINUTES_ID}
          label="Lock after this many minutes without use"
          hint="A whole number from 1 to 240"
          type="text"
          inputMode="numeric"
          autoComplete="off"
          spellCheck={false}
          width="width-5"
          error={error ?? undefined}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
        />
        <button type="submit" className="govuk-button" disabled={save.pending}>
          Save
        </button>
      </form>

      <h2 className="govuk-heading-m">Lock now</h2>
      <p className="govuk-body">Lock Case Audit when you leave the computer, even for a moment.</p>
      <button type="button" className="govuk-button govuk-button--secondary" disabled={lock.pending} onClick={lockNow}>
        Lock now
      </button>

      <NewRecoveryKey />

      <h2 className="govuk-heading-m">Backups</h2>
      <p className="govuk-body">
        Case Audit keeps encrypted backups of its database: one a day, one before each upgrade, and any you make.{' '}
        <Link to={paths.backups()}>See the backups, make one or restore one</Link>.
      </p>

      <h2 className="govuk-heading-m">Keys</h2>
      <p className="govuk-body">
        <Link to={paths.identity()}>Your identity</Link> and the <Link to={paths.trust()}>trusted keys</Link> decide who
        signs your audits and whose bundles you accept.
      </p>
    </Page>
  );
}
