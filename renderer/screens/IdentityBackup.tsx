import { useState, type FormEvent } from 'react';
import type { EncryptionKeyInfo, Identity, IdentityRestore } from '../../shared/identity.js';
import { MIN_PASSPHRASE_LENGTH } from '../../shared/settings.js';
import { errorMessage } from '../api/client.js';
import { useApiMutation, useApiQuery } from '../api/hooks.js';
import { downloadFile } from '../components/bundles/files.js';
import { FormField } from '../components/bundles/FormField.js';
import { KeysNav } from '../components/bundles/KeysNav.js';
import { ErrorMessage } from '../components/ErrorMessage.js';
import { ErrorSummary, type ErrorSummaryItem } from '../components/ErrorSummary.js';
import { Link } from '../components/Link.js';
import { Loading } from '../components/Loading.js';
import { LoadFailed } from '../components/LoadFailed.js';
import { NotificationBanner } from '../components/NotificationBanner.js';
import { Page } from '../components/Page.js';
import { longDate, sentence } from '../lib/format.js';
import { paths } from '../router.js';

const IDS = {
  exportPassphrase: 'backup-passphrase',
  exportConfirm: 'backup-passphrase-confirm',
  file: 'restore-file',
  restorePassphrase: 'restore-passphrase',
} as const;

type Notice =
  | { kind: 'exported'; fileName: string; keys: number }
  | { kind: 'restored'; result: IdentityRestore }
  | { kind: 'rotated' };

/**
 * The identity's private keys beyond this laptop: a backup file encrypted with a passphrase of its own,
 * restored on a new laptop so that bundles encrypted to it still open there and it signs as before.
 */
export function IdentityBackup() {
  const identity = useApiQuery('identity.get', {});
  const [problems, setProblems] = useState<ErrorSummaryItem[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [notice, setNotice] = useState<Notice | null>(null);
  if (identity.error) return <LoadFailed error={identity.error} onRetry={identity.retry} />;
  if (identity.data === undefined) return <Loading what="Loading your identity" />;

  const fail = (items: ErrorSummaryItem[]) => {
    setNotice(null);
    setProblems(items);
    setAttempt((n) => n + 1);
  };
  const succeed = (n: Notice) => {
    setProblems([]);
    setNotice(n);
  };

  let before = null;
  if (problems.length > 0) before = <ErrorSummary errors={problems} focusKey={attempt} />;
  else if (notice) before = <Done notice={notice} />;

  return (
    <Page title="Back up or restore your identity" narrow hasErrors={problems.length > 0} before={before}>
      <KeysNav current="backup" />
      {identity.data ? (
        <>
          <ExportBackup identity={identity.data} problems={problems} onFail={fail} onDone={succeed} />
          <EncryptionKeys onFail={fail} onDone={succeed} />
        </>
      ) : null}
      <RestoreBackup
        identity={identity.data}
        problems={problems}
        onFail={fail}
        onDone={(result) => {
          identity.setData(result.identity);
          succeed({ kind: 'restored', result });
        }}
      />
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

interface SectionProps {
  problems: ErrorSummaryItem[];
  onFail: (items: ErrorSummaryItem[]) => void;
}
const errorFor = (problems: ErrorSummaryItem[], id: string) => {
  const p = problems.find((e) => e.targetId === id);
  return p ? p.text : undefined;
};

/** A passphrase input held in a string state, showing the summary's error for its id. */
function PassphraseField({
  id,
  problems,
  onValue,
  ...field
}: {
  id: string;
  label: string;
  hint?: string;
  autoComplete: 'new-password' | 'off';
  value: string;
  onValue: (value: string) => void;
  problems: ErrorSummaryItem[];
}) {
  return (
    <FormField
      id={id}
      type="password"
      onChange={(e) => onValue(e.currentTarget.value)}
      error={errorFor(problems, id)}
      {...field}
    />
  );
}

function ExportBackup({
  identity,
  problems,
  onFail,
  onDone,
}: SectionProps & { identity: Identity; onDone: (n: Notice) => void }) {
  const exportBackup = useApiMutation('identity.exportBackup');
  const [passphrase, setPassphrase] = useState('');
  const [confirm, setConfirm] = useState('');

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const items: ErrorSummaryItem[] = [];
    if (passphrase.length < MIN_PASSPHRASE_LENGTH)
      items.push({
        targetId: IDS.exportPassphrase,
        text: `Enter a passphrase of at least ${MIN_PASSPHRASE_LENGTH} characters`,
      });
    else if (confirm !== passphrase)
      items.push({ targetId: IDS.exportConfirm, text: 'Type the same passphrase again' });
    if (items.length > 0) return onFail(items);
    try {
      const backup = await exportBackup.mutate({ passphrase });
      downloadFile(backup.fileName, backup.text, 'application/jose');
      setPassphrase('');
      setConfirm('');
      onDone({ kind: 'exported', fileName: backup.fileName, keys: backup.encryptionKeys });
    } catch (err) {
      onFail([{ targetId: IDS.exportPassphrase, text: sentence(errorMessage(err)) }]);
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
      <form noValidate onSubmit={(e) => void submit(e)}>
        <PassphraseField
          id={IDS.exportPassphrase}
          label="Choose a passphrase for the backup"
          hint={`At least ${MIN_PASSPHRASE_LENGTH} characters; three random words make a good one. Not your database passphrase.`}
          autoComplete="new-password"
          value={passphrase}
          onValue={setPassphrase}
          problems={problems}
        />
        <PassphraseField
          id={IDS.exportConfirm}
          label="Type the passphrase again"
          autoComplete="new-password"
          value={confirm}
          onValue={setConfirm}
          problems={problems}
        />
        <button type="submit" className="govuk-button" disabled={exportBackup.pending}>
          Export identity backup
        </button>
      </form>
    </>
  );
}

function EncryptionKeys({ onFail, onDone }: { onFail: SectionProps['onFail']; onDone: (n: Notice) => void }) {
  const keys = useApiQuery('identity.encryptionKeys', {});
  const rotate = useApiMutation('identity.rotateEncryptionKey');
  const [shown, setShown] = useState<EncryptionKeyInfo[] | null>(null);
  const list = shown ?? keys.data;

  const newKey = async () => {
    try {
      setShown((await rotate.mutate({})).keys);
      onDone({ kind: 'rotated' });
    } catch (err) {
      onFail([{ text: sentence(errorMessage(err)) }]);
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
      <button
        type="button"
        className="govuk-button govuk-button--secondary"
        onClick={() => void newKey()}
        disabled={rotate.pending}
      >
        Make a new encryption key
      </button>
    </>
  );
}

function RestoreBackup({
  identity,
  problems,
  onFail,
  onDone,
}: SectionProps & { identity: Identity | null; onDone: (r: IdentityRestore) => void }) {
  const restore = useApiMutation('identity.importBackup');
  const [file, setFile] = useState<File | null>(null);
  const [passphrase, setPassphrase] = useState('');
  const fileError = errorFor(problems, IDS.file);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const items: ErrorSummaryItem[] = [];
    if (!file) items.push({ targetId: IDS.file, text: 'Choose your identity backup file' });
    if (passphrase === '') items.push({ targetId: IDS.restorePassphrase, text: 'Enter the backup’s passphrase' });
    if (items.length > 0 || !file) return onFail(items);
    try {
      const result = await restore.mutate({ backup: await file.text(), passphrase });
      setPassphrase('');
      onDone(result);
    } catch (err) {
      const message = sentence(errorMessage(err));
      onFail([{ targetId: /passphrase/i.test(message) ? IDS.restorePassphrase : IDS.file, text: message }]);
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
      <form noValidate onSubmit={(e) => void submit(e)}>
        <div className={fileError ? 'govuk-form-group govuk-form-group--error' : 'govuk-form-group'}>
          <label className="govuk-label govuk-label--s" htmlFor={IDS.file}>
            Identity backup file
          </label>
          <div className="govuk-hint" id={`${IDS.file}-hint`}>
            The .jwe file you exported from “Back up or restore your identity”
          </div>
          <ErrorMessage id={`${IDS.file}-error`} message={fileError} />
          <input
            id={IDS.file}
            type="file"
            accept=".jwe,application/jose"
            className={fileError ? 'govuk-file-upload govuk-file-upload--error' : 'govuk-file-upload'}
            aria-describedby={fileError ? `${IDS.file}-hint ${IDS.file}-error` : `${IDS.file}-hint`}
            aria-invalid={fileError ? true : undefined}
            onChange={(e) => setFile(e.currentTarget.files?.[0] ?? null)}
          />
        </div>
        <PassphraseField
          id={IDS.restorePassphrase}
          label="The backup’s passphrase"
          autoComplete="off"
          value={passphrase}
          onValue={setPassphrase}
          problems={problems}
        />
        <button type="submit" className="govuk-button" disabled={restore.pending}>
          {identity ? 'Add keys from backup' : 'Restore identity'}
        </button>
      </form>
    </>
  );
}
