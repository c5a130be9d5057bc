import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { MIN_PASSPHRASE_LENGTH, newPassphraseSchema, type SessionStatus } from '../../shared/settings.js';
import { useApiMutation } from '../api/hooks.js';
import { ErrorMessage } from '../components/ErrorMessage.js';
import { ErrorSummary } from '../components/ErrorSummary.js';
import { Page } from '../components/Page.js';
import { WarningText } from '../components/WarningText.js';
import { RecoveryKeyShown } from '../components/recovery/RecoveryKeyShown.js';
import { flattenErrors, summaryItems, type SummaryError } from '../lib/formErrors.js';
import { sentence } from '../lib/format.js';

type Values = z.input<typeof newPassphraseSchema>;
const IDS: Record<string, string> = { passphrase: 'new-passphrase', confirm: 'new-passphrase-confirm' };

/** First start of the desktop app: choose the passphrase that encrypts the new database. */
export function CreatePassphrase({ onDone }: { onDone: (status: SessionStatus) => void }) {
  // Nothing is cached before the database exists, and the app must not open (session.status fetched
  // again) until the recovery key has been seen: onDone hands the status on.
  const create = useApiMutation('session.create', { invalidates: 'none' });
  const [formErrors, setFormErrors] = useState<SummaryError[]>([]);
  const [attempt, setAttempt] = useState(0);
  // The new database's recovery key, shown once before the app opens.
  const [created, setCreated] = useState<(SessionStatus & { recoveryKey: string }) | null>(null);
  const {
    register,
    handleSubmit,
    formState: { errors },
  } = useForm<Values, unknown, z.output<typeof newPassphraseSchema>>({
    resolver: zodResolver(newPassphraseSchema),
    defaultValues: { passphrase: '', confirm: '' },
    shouldFocusError: false,
  });

  const onValid = async (values: Values) => {
    setFormErrors([]);
    try {
      setCreated(await create.mutate(values));
    } catch (e) {
      setFormErrors([{ name: '', message: sentence(e instanceof Error ? e.message : String(e)) }]);
      setAttempt((n) => n + 1);
    }
  };

  if (created) {
    const { recoveryKey, ...status } = created;
    return <RecoveryKeyShown recoveryKey={recoveryKey} onConfirmed={() => onDone(status)} />;
  }

  const items = summaryItems([...formErrors, ...flattenErrors(errors)], (name) => IDS[name]);
  const field = (name: 'passphrase' | 'confirm', label: string, hint?: string) => {
    const id = IDS[name]!;
    const message = errors[name]?.message;
    const describedBy = [hint ? `${id}-hint` : '', message ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
    return (
      <div className={message ? 'govuk-form-group govuk-form-group--error' : 'govuk-form-group'}>
        <label className="govuk-label govuk-label--s" htmlFor={id}>
          {label}
        </label>
        {hint ? (
          <div className="govuk-hint" id={`${id}-hint`}>
            {hint}
          </div>
        ) : null}
        <ErrorMessage id={`${id}-error`} message={message ? sentence(message) : undefined} />
        <input
          id={id}
          className={message ? 'govuk-input govuk-input--error' : 'govuk-input'}
          type="password"
          autoComplete="new-password"
          spellCheck={false}
          aria-describedby={describedBy}
          aria-invalid={message ? true : undefined}
          {...register(name)}
        />
      </div>
    );
  };

  return (
    <Page
      title="Choose a passphrase"
      narrow
      hasErrors={items.length > 0}
      before={items.length > 0 ? <ErrorSummary errors={items} focusKey={attempt} /> : null}
    >
      <p className="govuk-body">
        Case Audit encrypts its database on this computer. You will need the passphrase each time it starts or locks.
      </p>
      <WarningText>
        If the passphrase is forgotten, only the recovery key shown next can open the audits in this database.
      </WarningText>
      <form noValidate onSubmit={handleSubmit(onValid, () => setAttempt((n) => n + 1))}>
        {field(
          'passphrase',
          'Passphrase',
          `At least ${MIN_PASSPHRASE_LENGTH} characters. Three random words make a good passphrase.`,
        )}
        {field('confirm', 'Type the passphrase again')}
        <button type="submit" className="govuk-button" disabled={create.pending}>
          Create the database
        </button>
      </form>
    </Page>
  );
}
