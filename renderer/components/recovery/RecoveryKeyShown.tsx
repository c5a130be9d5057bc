import { z } from 'zod';
import { recoveryFileText } from '../../../shared/recoveryKey.js';
import { downloadFile } from '../bundles/files.js';
import { CheckboxField, Form, FormErrorSummary, formHasErrors, useZodForm } from '../form/index.js';
import { Page } from '../Page.js';
import { WarningText } from '../WarningText.js';

/**
 * The recovery key, shown once after the database is made: written down or saved as a file (the
 * person's choice), and confirmed before going on. It is not stored, so it cannot be shown again.
 */
const keptSchema = z.object({
  kept: z.boolean().refine((v) => v, 'Confirm that you have written down the recovery key or saved the file'),
});

export function RecoveryKeyShown({ recoveryKey, onConfirmed }: { recoveryKey: string; onConfirmed: () => void }) {
  const form = useZodForm(keptSchema, { defaultValues: { kept: false } });
  const save = () =>
    downloadFile(
      'case-audit-recovery-key.txt',
      recoveryFileText(recoveryKey, new Date().toISOString()),
      'text/plain;charset=utf-8',
    );

  return (
    <Page title="Your recovery key" narrow hasErrors={formHasErrors(form)} before={<FormErrorSummary form={form} />}>
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
      <Form form={form} onSubmit={onConfirmed} summary="none">
        <CheckboxField
          name="kept"
          id="recovery-kept"
          label="I have written down the recovery key or saved the file somewhere safe"
        />
        <button type="submit" className="govuk-button">
          Continue
        </button>
      </Form>
    </Page>
  );
}
