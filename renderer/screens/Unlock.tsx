import { useState, type FormEvent } from 'react';
import type { SessionStatus } from '../../shared/settings.js';
import { useApiMutation } from '../api/hooks.js';
import { ErrorMessage } from '../components/ErrorMessage.js';
import { ErrorSummary } from '../components/ErrorSummary.js';
import { Page } from '../components/Page.js';
import { sentence } from '../lib/format.js';

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

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (passphrase === '') {
      setError('Enter your passphrase');
      setAttempt((n) => n + 1);
      return;
    }
    try {
      const status = await unlock.mutate({ passphrase });
      setPassphrase('');
      setError(null);
      onDone(status);
    } catch (err) {
      const code = (err as { code?: string }).code;
      setPassphrase('');
      setError(
        code === 'UNAUTHORISED'
          ? 'The passphrase is not right: check it and try again'
          : sentence((err as Error).message),
      );
      setAttempt((n) => n + 1);
    }
  };

  return (
    <Page
      title="Unlock Case Audit"
      narrow
      hasErrors={error !== null}
      before={
        error ? <ErrorSummary errors={[{ targetId: 'unlock-passphrase', text: error }]} focusKey={attempt} /> : null
      }
    >
      <p className="govuk-body">
        The audits are encrypted on this computer. Case Audit locks itself after {idleLockMinutes} minutes without use
        and when the computer sleeps.
      </p>
      <form noValidate onSubmit={submit}>
        <div className={error ? 'govuk-form-group govuk-form-group--error' : 'govuk-form-group'}>
          <label className="govuk-label govuk-label--m" htmlFor="unlock-passphrase">
            Passphrase
          </label>
          <ErrorMessage id="unlock-passphrase-error" message={error ?? undefined} />
          <input
            id="unlock-passphrase"
            className={error ? 'govuk-input govuk-input--error' : 'govuk-input'}
            type="password"
            autoComplete="current-password"
            spellCheck={false}
            value={passphrase}
            aria-describedby={error ? 'unlock-passphrase-error' : undefined}
            aria-invalid={error ? true : undefined}
            onChange={(e) => setPassphrase(e.currentTarget.value)}
          />
        </div>
        <button type="submit" className="govuk-button" disabled={unlock.pending}>
          Unlock
        </button>
      </form>
    </Page>
  );
}
