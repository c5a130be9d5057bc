import { useState } from 'react';
import { z } from 'zod';
import { recoveryFileText } from '../../../shared/recoveryKey.js';
import { ApiError, errorMessage } from '../../api/client.js';
import { useApiMutation } from '../../api/hooks.js';
import { downloadFile } from '../bundles/files.js';
import { Form, TextField, useZodForm } from '../form/index.js';
import { WarningText } from '../WarningText.js';

const passphraseFormSchema = z.object({ passphrase: z.string().min(1, 'Enter your passphrase') });

/**
 * Settings: a new recovery key, for a database made before recovery keys (or from the command line),
 * or when the old one is lost. The passphrase is asked for again; the old recovery key stops working.
 */
export function NewRecoveryKey() {
  const make = useApiMutation('session.newRecoveryKey');
  const form = useZodForm(passphraseFormSchema, { defaultValues: { passphrase: '' } });
  const [made, setMade] = useState<string | null>(null);

  const submit = async ({ passphrase }: z.output<typeof passphraseFormSchema>) => {
    try {
      const { recoveryKey } = await make.mutate({ passphrase });
      form.reset();
      setMade(recoveryKey);
    } catch (err) {
      form.setValue('passphrase', '');
      if (err instanceof ApiError && err.code === 'UNAUTHORISED') {
        form.setError('passphrase', { type: 'server', message: 'The passphrase is not right: check it and try again' });
      } else {
        // What belongs to no field is shown at the passphrase, as this form has no summary.
        form.setError('passphrase', { type: 'server', message: errorMessage(err) });
      }
    }
  };

  return (
    <>
      <h2 className="govuk-heading-m">Recovery key</h2>
      {made ? (
        <>
          <p className="govuk-body">
            Your new recovery key. Write it down, or save it as a file, and keep it somewhere safe:
          </p>
          <p className="govuk-body-l" id="new-recovery-key">
            <code>{made}</code>
          </p>
          <button
            type="button"
            className="govuk-button govuk-button--secondary"
            onClick={() =>
              downloadFile(
                'case-audit-recovery-key.txt',
                recoveryFileText(made, new Date().toISOString()),
                'text/plain;charset=utf-8',
              )
            }
          >
            Save the recovery key as a file
          </button>
          <WarningText>This is the only time it is shown. The recovery key you had before no longer works.</WarningText>
        </>
      ) : (
        <Form form={form} onSubmit={submit} summary="none">
          <p className="govuk-body">
            A recovery key opens the database if the passphrase is forgotten. Make one if this database has none (it was
            made before recovery keys, or from the command line) or if you have lost yours. Any earlier recovery key
            stops working.
          </p>
          <TextField
            name="passphrase"
            id="recovery-passphrase"
            label="Your passphrase"
            labelSize="s"
            type="password"
            autoComplete="current-password"
            spellCheck={false}
          />
          <button type="submit" className="govuk-button govuk-button--secondary" disabled={make.pending}>
            Make a new recovery key
          </button>
        </Form>
      )}
    </>
  );
}
