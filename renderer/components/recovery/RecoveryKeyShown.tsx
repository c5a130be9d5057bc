import { useState } from 'react';
import { recoveryFileText } from '../../../shared/recoveryKey.js';
import { downloadFile } from '../bundles/files.js';
import { ComparedCheckbox } from '../bundles/ComparedCheckbox.js';
import { ErrorSummary } from '../ErrorSummary.js';
import { Page } from '../Page.js';
import { WarningText } from '../WarningText.js';

/**
 * The recovery key, shown once after the database is made: written down or saved as a file (the
 * person's choice), and confirmed before going on. It is not stored, so it cannot be shown again.
 */
export function RecoveryKeyShown({ recoveryKey, onConfirmed }: { recoveryKey: string; onConfirmed: () => void }) {
  const [kept, setKept] = useState(false);
  const [error, setError] = useState<string | undefined>(undefined);
  const [attempt, setAttempt] = useState(0);
  const save = () =>
    downloadFile(
      'case-audit-recovery-key.txt',
      recoveryFileText(recoveryKey, new Date().toISOString()),
      'text/plain;charset=utf-8',
    );
  const go = () => {
    if (kept) return onConfirmed();
    setError('Confirm that you have written down the recovery key or saved the file');
    setAttempt((n) => n + 1);
  };

  return (
    <Page
      title="Your recovery key"
      narrow
      hasErrors={error !== undefined}
      before={error ? <ErrorSummary errors={[{ targetId: 'recovery-kept', text: error }]} focusKey={attempt} /> : null}
    >
      <p className="govuk-body">
        If you forget your passphrase, this recovery key opens the database and lets you choose a new passphrase. Write
        it down, or save it as a file, and keep it somewhere safe away from this computer.
      </p>
      <p className="govuk-body-l" id="recovery-key" aria-label="Recovery key">
        <code>{recoveryKey}</code>
      </p>
      <button type="button" className="govuk-button govuk-button--secondary" onClick={save}>
        Save the recovery key as a file
      </button>
      <WarningText>
        This is the only time the recovery key is shown. Anyone who has it and a copy of the database can read the
        audits.
      </WarningText>
      <ComparedCheckbox
        id="recovery-kept"
        label="I have written down the recovery key or saved the file somewhere safe"
        checked={kept}
        error={error}
        onChange={(checked) => {
          setKept(checked);
          if (checked) setError(undefined);
        }}
      />
      <button type="button" className="govuk-button" onClick={go}>
        Continue
      </button>
    </Page>
  );
}
