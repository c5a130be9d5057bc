import { useState } from 'react';
import type { FieldValues, UseFormReturn } from 'react-hook-form';
import { z } from 'zod';
import type { EncryptionKeyInfo, Identity, IdentityRestore } from '../../shared/identity.js';
import { MIN_PASSPHRASE_LENGTH, newPassphraseSchema } from '../../shared/settings.js';
import { ApiError, errorMessage } from '../api/client.js';
import { useApiMutation, useApiQuery } from '../api/hooks.js';
import { downloadFile } from '../components/bundles/files.js';
import { KeysNav } from '../components/bundles/KeysNav.js';
import {
  FileField,
  Form,
  FormErrorSummary,
  formHasErrors,
  TextField,
  useZodForm,
  type ZodForm,
} from '../components/form/index.js';
import { Link } from '../components/Link.js';
import { Loading } from '../components/Loading.js';
import { LoadFailed } from '../components/LoadFailed.js';
import { NotificationBanner } from '../components/NotificationBanner.js';
import { Page } from '../components/Page.js';
import { applyApiError } from '../lib/formErrors.js';
import { longDate } from '../lib/format.js';
import { paths } from '../router.js';

const IDS = {
  exportPassphrase: 'backup-passphrase',
  exportConfirm: 'backup-passphrase-confirm',
  file: 'restore-file',
  restorePassphrase: 'restore-passphrase',
} as const;

// The service's rules for a new passphrase (newPassphraseSchema), worded for this screen.
const exportSchema = z
  .object({
    passphrase: z
      .string()
      .min(MIN_PASSPHRASE_LENGTH, `Enter a passphrase of at least ${MIN_PASSPHRASE_LENGTH} characters`)
      .max(1024, 'The passphrase must be 1024 characters or fewer'),
    confirm: newPassphraseSchema.shape.confirm,
  })
  .refine((v) => v.passphrase === v.confirm, { path: ['confirm'], message: 'Type the same passphrase again' });

// Making a new key asks nothing: a form of no fields, so a refusal shows in its summary like the others'.
const rotateSchema = z.object({});

const restoreSchema = z.object({
  file: z.file({ error: 'Choose your identity backup file' }),
  passphrase: z.string().min(1, 'Enter the backup’s passphrase').max(1024, 'The passphrase is too long'),
});

type Notice =
  | { kind: 'exported'; fileName: string; keys: number }
  | { kind: 'restored'; result: IdentityRestore }
  | { kind: 'rotated' };

type Section = 'export' | 'rotate' | 'restore';

/**
 * The identity's private keys beyond this laptop: a backup file encrypted with a passphrase of its own,
 * restored on a new laptop so that bundles encrypted to it still open there and it signs as before.
 * Its three forms share the page's one error summary: the last one submitted shows its problems there.
 */
export function IdentityBackup() {
  const identity = useApiQuery('identity.get', {});
  const forms = {
    export: useZodForm(exportSchema, { defaultValues: { passphrase: '', confirm: '' } }),
    rotate: useZodForm(rotateSchema, { defaultValues: {} }),
    restore: useZodForm(restoreSchema, { defaultValues: { file: null as unknown as File, passphrase: '' } }),
  };
  const [current, setCurrent] = useState<Section>('export');
  const [notice, setNotice] = useState<Notice | null>(null);
  if (identity.error) return <LoadFailed error={identity.error} onRetry={identity.retry} />;
  if (identity.data === undefined) return <Loading what="Loading your identity" />;

  // A submit (valid or not) makes its form the one the summary is about; the others' errors go.
  const submitting = (section: Section) => () => {
    setCurrent(section);
    setNotice(null);
    for (const [name, form] of Object.entries(forms)) if (name !== section) form.clearErrors();
  };
  // The summary only reads the form's errors, whichever form it is.
  const form = forms[current] as unknown as UseFormReturn<FieldValues>;
  const hasErrors = formHasErrors(form);

  return (
    <Page
      title="Back up or restore your identity"
      narrow
      hasErrors={hasErrors}
      before={hasErrors ? <FormErrorSummary key={current} form={form} /> : notice ? <Done notice={notice} /> : null}
    >
      <KeysNav current="backup" />
      {identity.data ? (
        <>
          <div onSubmitCapture={submitting('export')}>
            <ExportBackup identity={identity.data} form={forms.export} onDone={setNotice} />
          </div>
          <div onSubmitCapture={submitting('rotate')}>
            <EncryptionKeys form={forms.rotate} onDone={setNotice} />
          </div>
        </>
      ) : null}
      <div onSubmitCapture={submitting('restore')}>
        <RestoreBackup
          identity={identity.data}
          form={forms.restore}
          onDone={(result) => {
            identity.setData(result.identity);
            setNotice({ kind: 'restored', result });
          }}
        />
      </div>
    </Page>
  );
}

function Done({ notice }: { notice: Notice }) {
  if (notice.kind === 'exported')
    return (
      <NotificationBanner kind="success" heading="Your identity backup is saved" focus>
        <p className="govuk-body">
          It is in your downloads folder as {notice.fileName}, with your signing key and {notice.keys} encryption key
          {notice.keys === 1 ? '' : 's'}. Keep it away from this laptop (on a memory stick in a locked drawer, for
          example), and keep its passphrase somewhere else.
        </p>
      </NotificationBanner>
    );
  if (notice.kind === 'rotated')
    return (
      <NotificationBanner kind="success" heading="You have a new encryption key" focus>
        <p className="govuk-body">
          Bundles made for your old key still open here. Send your identity card again to everyone who encrypts to you,
          and make a new backup: the old one does not hold the new key.
        </p>
      </NotificationBanner>
    );
  const { result } = notice;
  return (
    <NotificationBanner kind="success" heading="Your identity is restored" focus>
      {result.restored === 'new' ? (
        <p className="govuk-body">
          You sign as {result.identity.name} with the same key as before, and bundles encrypted to you open here. Enrol
          again the identity cards you trust on <Link to={paths.trust()}>Trusted keys</Link>: they are not in the
          backup.
        </p>
      ) : (
        <p className="govuk-body">
          {result.keysAdded === 0
            ? 'This installation already held every key in the backup: nothing changed.'
            : `${result.keysAdded} encryption key${result.keysAdded === 1 ? ' was' : 's were'} added from the backup.`}
        </p>
      )}
    </NotificationBanner>
  );
}

function passphraseField(name: string, id: string, label: string, autoComplete: 'new-password' | 'off', hint?: string) {
  return (
    <TextField
      name={name}
      id={id}
      label={label}
      labelSize="s"
      hint={hint}
      type="password"
      autoComplete={autoComplete}
      spellCheck={false}
    />
  );
}

function ExportBackup({
  identity,
  form,
  onDone,
}: {
  identity: Identity;
  form: ZodForm<typeof exportSchema>;
  onDone: (n: Notice) => void;
}) {
  const exportBackup = useApiMutation('identity.exportBackup');

  const submit = async ({ passphrase }: z.output<typeof exportSchema>) => {
    try {
      const backup = await exportBackup.mutate({ passphrase });
      downloadFile(backup.fileName, backup.text, 'application/jose');
      form.reset();
      onDone({ kind: 'exported', fileName: backup.fileName, keys: backup.encryptionKeys });
    } catch (err) {
      // Whatever the service says is about the passphrase: it is all this form sends.
      form.setError('passphrase', { type: 'server', message: errorMessage(err) });
    }
  };

  return (
    <>
      <h2 className="govuk-heading-m">Export an identity backup</h2>
      <p className="govuk-body">
        Your private keys are only on this laptop. If it is lost or breaks, a backup lets you restore your identity on a
        new one: you sign as {identity.name} with the same key, and bundles encrypted to you still open. Without it,
        every bundle encrypted only to you is unreadable.
      </p>
      <Form form={form} onSubmit={submit} summary="none">
        {passphraseField(
          'passphrase',
          IDS.exportPassphrase,
          'Choose a passphrase for the backup',
          'new-password',
          `At least ${MIN_PASSPHRASE_LENGTH} characters; three random words make a good one. Not your database passphrase.`,
        )}
        {passphraseField('confirm', IDS.exportConfirm, 'Type the passphrase again', 'new-password')}
        <button type="submit" className="govuk-button" disabled={exportBackup.pending}>
          Export identity backup
        </button>
      </Form>
    </>
  );
}

function EncryptionKeys({ form, onDone }: { form: ZodForm<typeof rotateSchema>; onDone: (n: Notice) => void }) {
  const keys = useApiQuery('identity.encryptionKeys', {});
  const rotate = useApiMutation('identity.rotateEncryptionKey');
  const [shown, setShown] = useState<EncryptionKeyInfo[] | null>(null);
  const list = shown ?? keys.data;

  const newKey = async () => {
    try {
      setShown((await rotate.mutate({})).keys);
      onDone({ kind: 'rotated' });
    } catch (err) {
      applyApiError(form, err, () => undefined);
    }
  };

  return (
    <>
      <h2 className="govuk-heading-m">Your encryption keys</h2>
      <p className="govuk-body">
        Bundles are encrypted to your current key. A new key replaces it for the bundles people make once they have your
        new identity card; the old key is kept here, and in later backups, so bundles already made for it still open.
      </p>
      {keys.error ? (
        <p className="govuk-body">The keys could not be loaded: {keys.error.message}</p>
      ) : !list ? (
        <p className="govuk-body app-loading" role="status">
          Loading your keys…
        </p>
      ) : (
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-table__caption--s">Encryption keys on this laptop</caption>
          <thead>
            <tr>
              <th scope="col" className="govuk-table__header">
                Key (its kid)
              </th>
              <th scope="col" className="govuk-table__header">
                Status
              </th>
            </tr>
          </thead>
          <tbody>
            {list.map((k) => (
              <tr key={k.kid}>
                <td className="govuk-table__cell">
                  <code className="app-fingerprint">{k.kid}</code>
                </td>
                <td className="govuk-table__cell">
                  {k.current ? 'Current' : `Retired on ${longDate(k.retiredAt!)}, kept for older bundles`}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Form form={form} onSubmit={newKey} summary="none">
        <button type="submit" className="govuk-button govuk-button--secondary" disabled={rotate.pending}>
          Make a new encryption key
        </button>
      </Form>
    </>
  );
}

function RestoreBackup({
  identity,
  form,
  onDone,
}: {
  identity: Identity | null;
  form: ZodForm<typeof restoreSchema>;
  onDone: (r: IdentityRestore) => void;
}) {
  const restore = useApiMutation('identity.importBackup');

  const submit = async ({ file, passphrase }: z.output<typeof restoreSchema>) => {
    let backup: string;
    try {
      backup = await file.text();
    } catch {
      return form.setError('file', { type: 'read', message: `${file.name} could not be read: choose it again` });
    }
    try {
      const result = await restore.mutate({ backup, passphrase });
      form.reset();
      onDone(result);
    } catch (err) {
      if (err instanceof ApiError && err.issues.length > 0) {
        applyApiError(form, err, (path) => (path[0] === 'passphrase' ? 'passphrase' : 'file'));
      } else {
        // A wrong passphrase is refused as UNAUTHORISED; any other refusal is about the file.
        const wrongPassphrase = err instanceof ApiError && err.code === 'UNAUTHORISED';
        form.setError(wrongPassphrase ? 'passphrase' : 'file', { type: 'server', message: errorMessage(err) });
      }
    }
  };

  return (
    <>
      <h2 className="govuk-heading-m">{identity ? 'Add keys from a backup' : 'Restore your identity from a backup'}</h2>
      <p className="govuk-body">
        {identity
          ? 'A backup of this same identity, made on another laptop, adds any encryption key it holds that this one does not. A backup of another identity is refused.'
          : 'On a new laptop, restore the identity you backed up on the old one, instead of creating a new identity: people who trust your card keep trusting your signature, and bundles encrypted to you open here.'}
      </p>
      <Form form={form} onSubmit={submit} summary="none">
        <FileField
          name="file"
          id={IDS.file}
          label="Identity backup file"
          labelSize="s"
          hint="The .jwe file you exported from “Back up or restore your identity”"
          accept=".jwe,application/jose"
        />
        {passphraseField('passphrase', IDS.restorePassphrase, 'The backup’s passphrase', 'off')}
        <button type="submit" className="govuk-button" disabled={restore.pending}>
          {identity ? 'Add keys from backup' : 'Restore identity'}
        </button>
      </Form>
    </>
  );
}
