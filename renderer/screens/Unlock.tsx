import { useEffect, useState, type FormEvent } from 'react';
import { ApiError } from '../api/client.js';
import type { SessionStatus } from '../../shared/settings.js';
import { useApiMutation } from '../api/hooks.js';
import { ErrorMessage, ErrorSummary } from '../components/form/index.js';
import { Page } from '../components/Page.js';
import { sentence } from '../lib/format.js';
import { RecoverWithKey } from './RecoverWithKey.js';

/** The database is locked (at start, after idle time, or when the computer slept): ask for the passphrase. */
export function Unlock({
  idleLockMinutes,
  onDone,
}: {
  idleLockMinutes: number;
  onDone: (status: SessionStatus) => void;
}) {
  const unlock = useApiMutation('session.unlock');
  const [passphrase, setPassphrase] = useState('');
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

  const submit = async (e: FormEvent) => {
    e.preventDefault();
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
      setPassphrase('');
      setError(null);
      setRetryAt(null);
      onDone(status);
    } catch (err) {
      const code = (err as { code?: string }).code;
      setPassphrase('');
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
      <form noValidate onSubmit={submit}>
        <div className={shown ? 'govuk-form-group govuk-form-group--error' : 'govuk-form-group'}>
          <label className="govuk-label govuk-label--m" htmlFor="unlock-passphrase">
            Passphrase
          </label>
          <ErrorMessage id="unlock-passphrase-error" message={shown ?? undefined} />
          <input
            id="unlock-passphrase"
            className={shown ? 'govuk-input govuk-input--error' : 'govuk-input'}
            type="password"
            autoComplete="current-password"
            spellCheck={false}
            value={passphrase}
            aria-describedby={shown ? 'unlock-passphrase-error' : undefined}
            aria-invalid={shown ? true : undefined}
            onChange={(e) => setPassphrase(e.currentTarget.value)}
          />
        </div>
        <button type="submit" className="govuk-button" disabled={unlock.pending}>
          Unlock
        </button>
      </form>
      <p className="govuk-body">
        <button type="button" className="app-link-button" onClick={() => setRecovering(true)}>
          Forgotten your passphrase? Use your recovery key
        </button>
      </p>
    </Page>
  );
}
