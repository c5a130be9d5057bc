import { useState } from 'react';
import type { z } from 'zod';
import { MIN_PASSPHRASE_LENGTH, newPassphraseSchema, type SessionStatus } from '../../shared/settings.js';
import { useApiMutation } from '../api/hooks.js';
import { Form, FormErrorSummary, formHasErrors, TextField, useZodForm } from '../components/form/index.js';
import { Page } from '../components/Page.js';
import { WarningText } from '../components/WarningText.js';
import { RecoveryKeyShown } from '../components/recovery/RecoveryKeyShown.js';
import { applyApiError } from '../lib/formErrors.js';

const IDS: Record<string, string> = { passphrase: 'new-passphrase', confirm: 'new-passphrase-confirm' };

/** First start of the desktop app: choose the passphrase that encrypts the new database. */
export function CreatePassphrase({ onDone }: { onDone: (status: SessionStatus) => void }) {
  // Nothing is cached before the database exists, and the app must not open (session.status fetched
  // again) until the recovery key has been seen: onDone hands the status on.
  const create = useApiMutation('session.create', { invalidates: 'none' });
  // The new database's recovery key, shown once before the app opens.
  const [created, setCreated] = useState<(SessionStatus & { recoveryKey: string }) | null>(null);
  const form = useZodForm(newPassphraseSchema, { defaultValues: { passphrase: '', confirm: '' } });

  const onValid = async (values: z.output<typeof newPassphraseSchema>) => {
    try {
      setCreated(await create.mutate(values));
    } catch (e) {
      applyApiError(form, e, (path) => (String(path[0]) in IDS ? String(path[0]) : undefined));
    }
  };

  if (created) {
    const { recoveryKey, ...status } = created;
    return <RecoveryKeyShown recoveryKey={recoveryKey} onConfirmed={() => onDone(status)} />;
  }

  const field = (name: 'passphrase' | 'confirm', label: string, hint?: string) => (
    <TextField
      name={name}
      id={IDS[name]}
      label={label}
      labelSize="s"
      hint={hint}
      type="password"
      autoComplete="new-password"
      spellCheck={false}
    />
  );

  return (
    <Page title="Choose a passphrase" narrow hasErrors={formHasErrors(form)} before={<FormErrorSummary form={form} />}>
      <p className="govuk-body">
        Case Audit encrypts its database on this computer. You will need the passphrase each time it starts or locks.
      </p>
      <WarningText>
        If the passphrase is forgotten, only the recovery key shown next can open the audits in this database.
      </WarningText>
      <Form form={form} onSubmit={onValid} summary="none">
        {field(
          'passphrase',
          'Passphrase',
          `At least ${MIN_PASSPHRASE_LENGTH} characters. Three random words make a good passphrase.`,
        )}
        {field('confirm', 'Type the passphrase again')}
        <button type="submit" className="govuk-button" disabled={create.pending}>
          Create the database
        </button>
      </Form>
    </Page>
  );
}
