import { useState } from 'react';
import { z } from 'zod';
import { idleLockMinutesSchema } from '../../shared/settings.js';
import { signalLock } from '../api/client.js';
import { useApiMutation, useApiQuery } from '../api/hooks.js';
import { Form, FormErrorSummary, formHasErrors, TextField, useZodForm } from '../components/form/index.js';
import { Link } from '../components/Link.js';
import { Loading } from '../components/Loading.js';
import { LoadFailed } from '../components/LoadFailed.js';
import { NotificationBanner } from '../components/NotificationBanner.js';
import { Page } from '../components/Page.js';
import { applyApiError } from '../lib/formErrors.js';
import { NewRecoveryKey } from '../components/recovery/NewRecoveryKey.js';
import { PartnershipWords } from '../components/personalData/PartnershipWords.js';
import { SmallSampleThreshold } from '../components/review/SmallSampleThreshold.js';
import { ReminderSettings } from '../components/reminders/ReminderSettings.js';
import { ReauditInterval } from '../components/programme/ReauditInterval.js';
import { paths } from '../router.js';

const MINUTES_ID = 'idle-minutes';

/** Settings of this installation: when Case Audit locks itself, locking now, and the way to the backups. */
export function Settings() {
  const status = useApiQuery('session.status', {});
  if (status.error) return <LoadFailed error={status.error} onRetry={status.retry} />;
  if (!status.data) return <Loading what="Loading settings" />;
  return <SettingsForm minutes={status.data.idleLockMinutes} />;
}

const WHOLE_MINUTES = 'Enter a whole number of minutes between 1 and 240';

// The box holds text; the shared schema decides which numbers of minutes are allowed.
const settingsFormSchema = z.object({
  minutes: z
    .string()
    .trim()
    .min(1, 'Enter the number of minutes')
    .refine((t) => /^\d+$/.test(t) && idleLockMinutesSchema.safeParse(Number(t)).success, WHOLE_MINUTES)
    .transform(Number),
});

function SettingsForm({ minutes }: { minutes: number }) {
  const save = useApiMutation('settings.setIdleLock');
  // Nothing to fetch again: a locked session answers nothing, and the unlock fetches everything.
  const lock = useApiMutation('session.lock', { invalidates: 'none' });
  const form = useZodForm(settingsFormSchema, { defaultValues: { minutes: String(minutes) } });
  const [saved, setSaved] = useState<number | null>(null);
  // The organisation's limit, if its policy sets one; the service refuses a longer lock on this field.
  const limit = useApiQuery('settings.policy', {}).data?.maxIdleLockMinutes ?? null;

  const submit = async (values: z.output<typeof settingsFormSchema>) => {
    setSaved(null);
    try {
      const status = await save.mutate({ minutes: values.minutes });
      form.reset({ minutes: String(status.idleLockMinutes) });
      setSaved(status.idleLockMinutes);
    } catch (err) {
      applyApiError(form, err, (path) => (path[0] === 'minutes' ? 'minutes' : undefined));
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
      hasErrors={formHasErrors(form)}
      before={
        formHasErrors(form) ? (
          <FormErrorSummary form={form} />
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
      <Form form={form} onSubmit={submit} summary="none">
        <TextField
          name="minutes"
          id={MINUTES_ID}
          label="Lock after this many minutes without use"
          labelSize="s"
          hint={
            limit === null
              ? 'A whole number from 1 to 240'
              : `A whole number from 1 to ${limit}: your organisation allows at most ${limit} ${limit === 1 ? 'minute' : 'minutes'}`
          }
          inputMode="numeric"
          autoComplete="off"
          spellCheck={false}
          width="5"
        />
        <button type="submit" className="govuk-button" disabled={save.pending}>
          Save
        </button>
      </Form>

      <h2 className="govuk-heading-m">Lock now</h2>
      <p className="govuk-body">Lock Case Audit when you leave the computer, even for a moment.</p>
      <button type="button" className="govuk-button govuk-button--secondary" disabled={lock.pending} onClick={lockNow}>
        Lock now
      </button>

      <SmallSampleThreshold />
      <ReminderSettings />
      <ReauditInterval />

      <PartnershipWords />

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
