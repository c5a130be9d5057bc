import type { z } from 'zod';
import type { SessionStatus } from '../../shared/settings.js';
import { recoverInputSchema } from '../../shared/recoveryKey.js';
import { ApiError } from '../api/client.js';
import { useApiMutation } from '../api/hooks.js';
import { Form, FormErrorSummary, formHasErrors, TextField, useZodForm } from '../components/form/index.js';
import { Page } from '../components/Page.js';
import { applyApiError } from '../lib/formErrors.js';

type Field = 'recoveryKey' | 'passphrase' | 'confirm';
const IDS: Record<Field, string> = {
  recoveryKey: 'recover-key',
  passphrase: 'recover-passphrase',
  confirm: 'recover-passphrase-confirm',
};

/** Forgotten passphrase: the recovery key opens the database, and a new passphrase is chosen. */
export function RecoverWithKey({
  onDone,
  onCancel,
}: {
  onDone: (status: SessionStatus) => void;
  onCancel: () => void;
}) {
  const recover = useApiMutation('session.recover');
  const form = useZodForm(recoverInputSchema, { defaultValues: { recoveryKey: '', passphrase: '', confirm: '' } });

  const submit = async (values: z.output<typeof recoverInputSchema>) => {
    try {
      const status = await recover.mutate(values);
      form.reset();
      onDone(status);
    } catch (err) {
      if (err instanceof ApiError && err.code === 'UNAUTHORISED') {
        form.setError('recoveryKey', {
          type: 'server',
          message: 'The recovery key is not right: check it and try again',
        });
      } else {
        applyApiError(form, err);
      }
    }
  };

  const field = (name: Field, label: string, type: 'text' | 'password', hint?: string) => (
    <TextField
      name={name}
      id={IDS[name]}
      label={label}
      labelSize="s"
      hint={hint}
      type={type}
      autoComplete={type === 'password' ? 'new-password' : 'off'}
      spellCheck={false}
    />
  );

  return (
    <Page
      title="Use your recovery key"
      narrow
      hasErrors={formHasErrors(form)}
      before={<FormErrorSummary form={form} />}
    >
      <p className="govuk-body">
        The recovery key was shown when this database was made: 32 letters and digits in groups of four. Then choose a
        new passphrase; the old one will no longer work.
      </p>
      <Form form={form} onSubmit={submit} summary="none">
        {field('recoveryKey', 'Recovery key', 'text', 'For example, 7KQ2-M9XD-… (capitals and hyphens do not matter)')}
        {field(
          'passphrase',
          'New passphrase',
          'password',
          'At least 12 characters. Three random words make a good passphrase.',
        )}
        {field('confirm', 'Type the new passphrase again', 'password')}
        <div className="govuk-button-group">
          <button type="submit" className="govuk-button" disabled={recover.pending}>
            Recover and set the new passphrase
          </button>
          <button type="button" className="govuk-button govuk-button--secondary" onClick={onCancel}>
            Back to the passphrase
          </button>
        </div>
      </Form>
    </Page>
  );
}
