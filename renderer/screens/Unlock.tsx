import { useEffect, useState } from 'react';
import { z } from 'zod';
import { ApiError } from '../api/client.js';
import type { SessionStatus } from '../../shared/settings.js';
import { useApiMutation } from '../api/hooks.js';
import { ErrorSummary, Form, TextField, useZodForm } from '../components/form/index.js';
import { Page } from '../components/Page.js';
import { sentence } from '../lib/format.js';
import { RecoverWithKey } from './RecoverWithKey.js';

const passphraseSchema = z.object({ passphrase: z.string() });

/** The database is locked (at start, after idle time, or when the computer slept): ask for the passphrase. */
export function Unlock({
  idleLockMinutes,
  onDone,
}: {
  idleLockMinutes: number;
  onDone: (status: SessionStatus) => void;
}) {
  const unlock = useApiMutation('session.unlock');
  // Checked by the service alone: an empty box, a wrong passphrase and the wait are all said here.
  const form = useZodForm(passphraseSchema, { defaultValues: { passphrase: '' } });
  const [error, setError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [recovering, setRecovering] = useState(false);
  // After too many wrong passphrases the application says how long to wait; the screen counts it down.
  const [retryAt, setRetryAt] = useState<number | null>(null);
  const [clock, setClock] = useState(() => Date.now());
  useEffect(() => {
    if (retryAt === null) return;
    const timer = setInterval(() => {
      const t = Date.now();
      setClock(t);
      if (t >= retryAt) clearInterval(timer);
    }, 1000);
    return () => clearInterval(timer);
  }, [retryAt]);
  const secondsLeft = retryAt === null ? 0 : Math.max(0, Math.ceil((retryAt - clock) / 1000));
  const shown =
    retryAt === null
      ? error
      : secondsLeft > 0
        ? `Too many wrong passphrases. Try again in ${secondsLeft} ${secondsLeft === 1 ? 'second' : 'seconds'}`
        : 'Too many wrong passphrases. You can try again now';

  // The message belongs to the one field; set again after each submit, which clears the form's errors.
  useEffect(() => {
    if (shown) form.setError('passphrase', { type: 'server', message: shown });
    else form.clearErrors('passphrase');
  }, [form, shown, attempt]);

  const submit = async ({ passphrase }: z.output<typeof passphraseSchema>) => {
    if (secondsLeft > 0) {
      // Nothing is sent while the wait lasts: it would only be refused.
      setAttempt((n) => n + 1);
      return;
    }
    if (passphrase === '') {
      setRetryAt(null);
      setError('Enter your passphrase');
      setAttempt((n) => n + 1);
      return;
    }
    try {
      const status = await unlock.mutate({ passphrase });
      form.setValue('passphrase', '');
      setError(null);
      setRetryAt(null);
      onDone(status);
    } catch (err) {
      const code = (err as { code?: string }).code;
      form.setValue('passphrase', '');
      const wait = err instanceof ApiError ? err.retryAfterSeconds : undefined;
      const t = Date.now();
      setClock(t);
      setRetryAt(wait === undefined ? null : t + wait * 1000);
      setError(
        code === 'UNAUTHORISED'
          ? 'The passphrase is not right: check it and try again'
          : sentence((err as Error).message),
      );
      setAttempt((n) => n + 1);
    }
  };

  if (recovering) return <RecoverWithKey onDone={onDone} onCancel={() => setRecovering(false)} />;

  return (
    <Page
      title="Unlock Case Audit"
      narrow
      hasErrors={shown !== null}
      before={
        shown ? <ErrorSummary errors={[{ targetId: 'unlock-passphrase', text: shown }]} focusKey={attempt} /> : null
      }
    >
      <p className="govuk-body">
        The audits are encrypted on this computer. Case Audit locks itself after {idleLockMinutes} minutes without use
        and when the computer sleeps.
      </p>
      <Form form={form} onSubmit={submit} summary="none">
        <TextField
          name="passphrase"
          id="unlock-passphrase"
          type="password"
          label="Passphrase"
          labelSize="m"
          autoComplete="current-password"
          spellCheck={false}
        />
        <button type="submit" className="govuk-button" disabled={unlock.pending}>
          Unlock
        </button>
      </Form>
      <p className="govuk-body">
        <button type="button" className="app-link-button" onClick={() => setRecovering(true)}>
          Forgotten your passphrase? Use your recovery key
        </button>
      </p>
    </Page>
  );
}
