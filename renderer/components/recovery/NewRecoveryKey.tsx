import { useState, type FormEvent } from 'react';
import { recoveryFileText } from '../../../shared/recoveryKey.js';
import { useApiMutation } from '../../api/hooks.js';
import { sentence } from '../../lib/format.js';
import { downloadFile } from '../bundles/files.js';
import { FormField } from '../bundles/FormField.js';
import { WarningText } from '../WarningText.js';

/**
 * Settings: a new recovery key, for a database made before recovery keys (or from the command line),
 * or when the old one is lost. The passphrase is asked for again; the old recovery key stops working.
 */
export function NewRecoveryKey() {
  const make = useApiMutation('session.newRecoveryKey');
  const [passphrase, setPassphrase] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const [made, setMade] = useState<string | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (passphrase === '') return setError('Enter your passphrase');
    try {
      const { recoveryKey } = await make.mutate({ passphrase });
      setPassphrase('');
      setError(undefined);
      setMade(recoveryKey);
    } catch (err) {
      const code = (err as { code?: string }).code;
      setPassphrase('');
      setError(
        code === 'UNAUTHORISED'
          ? 'The passphrase is not right: check it and try again'
          : sentence((err as Error).message),
      );
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
        <form noValidate onSubmit={submit}>
          <p className="govuk-body">
            A recovery key opens the database if the passphrase is forgotten. Make one if this database has none (it was
            made before recovery keys, or from the command line) or if you have lost yours. Any earlier recovery key
            stops working.
          </p>
          <FormField
            id="recovery-passphrase"
            label="Your passphrase"
            type="password"
            autoComplete="current-password"
            spellCheck={false}
            value={passphrase}
            error={error}
            onChange={(e) => setPassphrase(e.currentTarget.value)}
          />
          <button type="submit" className="govuk-button govuk-button--secondary" disabled={make.pending}>
            Make a new recovery key
          </button>
        </form>
      )}
    </>
  );
}
