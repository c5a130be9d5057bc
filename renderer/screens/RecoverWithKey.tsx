import { useState, type FormEvent } from 'react';
import type { SessionStatus } from '../../shared/settings.js';
import { recoverInputSchema } from '../../shared/recoveryKey.js';
import { useApiMutation } from '../api/hooks.js';
import { ErrorSummary } from '../components/ErrorSummary.js';
import { Page } from '../components/Page.js';
import { FormField } from '../components/bundles/FormField.js';
import { sentence } from '../lib/format.js';

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
  const [values, setValues] = useState<Record<Field, string>>({ recoveryKey: '', passphrase: '', confirm: '' });
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [attempt, setAttempt] = useState(0);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const parsed = recoverInputSchema.safeParse(values);
    if (!parsed.success) {
      const found: Partial<Record<Field, string>> = {};
      for (const issue of parsed.error.issues) {
        const field = issue.path[0] as Field;
        found[field] ??= sentence(issue.message);
      }
      setErrors(found);
      setAttempt((n) => n + 1);
      return;
    }
    try {
      const status = await recover.mutate(parsed.data);
      setValues({ recoveryKey: '', passphrase: '', confirm: '' });
      onDone(status);
    } catch (err) {
      const code = (err as { code?: string }).code;
      setErrors({
        recoveryKey:
          code === 'UNAUTHORISED'
            ? 'The recovery key is not right: check it and try again'
            : sentence((err as Error).message),
      });
      setAttempt((n) => n + 1);
    }
  };

  const order: Field[] = ['recoveryKey', 'passphrase', 'confirm'];
  const summary = order.filter((f) => errors[f]).map((f) => ({ targetId: IDS[f], text: errors[f]! }));
  const field = (name: Field, label: string, type: 'text' | 'password', hint?: string) => (
    <FormField
      id={IDS[name]}
      label={label}
      hint={hint}
      error={errors[name]}
      type={type}
      autoComplete={type === 'password' ? 'new-password' : 'off'}
      spellCheck={false}
      value={values[name]}
      onChange={(e) => {
        const value = e.currentTarget.value;
        setValues((v) => ({ ...v, [name]: value }));
      }}
    />
  );

  return (
    <Page
      title="Use your recovery key"
      narrow
      hasErrors={summary.length > 0}
      before={summary.length > 0 ? <ErrorSummary errors={summary} focusKey={attempt} /> : null}
    >
      <p className="govuk-body">
        The recovery key was shown when this database was made: 32 letters and digits in groups of four. Then choose a
        new passphrase; the old one will no longer work.
      </p>
      <form noValidate onSubmit={submit}>
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
      </form>
    </Page>
  );
}
