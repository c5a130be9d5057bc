import { useRef, useState, type FormEvent } from 'react';
import type { TrustedKey } from '../../shared/identity.js';
import { errorMessage } from '../api/client.js';
import { useApiMutation, useApiQuery } from '../api/hooks.js';
import { Fingerprint } from '../components/bundles/Fingerprint.js';
import { KeyStatus } from '../components/bundles/KeyStatus.js';
import { KeysNav } from '../components/bundles/KeysNav.js';
import { useReloadOnUnlock } from '../components/bundles/useReloadOnUnlock.js';
import { ErrorMessage } from '../components/ErrorMessage.js';
import { ErrorSummary } from '../components/ErrorSummary.js';
import { Link } from '../components/Link.js';
import { InlineLoadFailed } from '../components/bundles/InlineLoadFailed.js';
import { NotificationBanner } from '../components/NotificationBanner.js';
import { Page } from '../components/Page.js';
import { longDate, sentence } from '../lib/format.js';
import { paths } from '../router.js';

const FILE_ID = 'card-file';
/** An identity card is a small JSON file; anything much larger is not one. */
const MAX_CARD_BYTES = 20_000;

/**
 * The keys this installation trusts: enrol a person's identity card (optionally as the QA
 * sub-committee, whose key bundles are encrypted to), see each key's standing, and revoke one.
 */
export function Trust() {
  const list = useApiQuery('trust.list', {});
  const enrol = useApiMutation('trust.enrol');
  const fileInput = useRef<HTMLInputElement>(null);
  const [asRecipient, setAsRecipient] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [enrolled, setEnrolled] = useState<TrustedKey | null>(null);
  useReloadOnUnlock(list.reload);

  const fail = (message: string) => {
    setError(message);
    setAttempt((n) => n + 1);
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setEnrolled(null);
    const file = fileInput.current?.files?.[0];
    if (!file) return fail('Choose the identity card file to enrol');
    if (file.size > MAX_CARD_BYTES) return fail(`${file.name} is too large to be an identity card`);
    let card: string;
    try {
      card = await file.text();
    } catch {
      return fail(`${file.name} could not be read`);
    }
    try {
      const key = await enrol.mutate({ card, asRecipient });
      setError(null);
      setEnrolled(key);
      setAsRecipient(false);
      if (fileInput.current) fileInput.current.value = '';
      list.reload();
    } catch (err) {
      fail(sentence(errorMessage(err)));
    }
  };

  const keys = list.data ?? [];
  const recipient = keys.find((k) => k.isRecipient && !k.revokedAt);

  let before = null;
  if (error) before = <ErrorSummary errors={[{ targetId: FILE_ID, text: error }]} focusKey={attempt} />;
  else if (enrolled) {
    before = (
      <NotificationBanner kind="success" heading={`${enrolled.name}’s key is enrolled`} focus>
        <p className="govuk-body">
          Before you rely on it, check its fingerprint with {enrolled.name} by phone or in person:
        </p>
        <p className="govuk-body">
          <Fingerprint value={enrolled.fingerprint} />
        </p>
        {enrolled.isRecipient ? (
          <p className="govuk-body">
            The bundles you export are now encrypted to this key: only the QA sub-committee can open them.
          </p>
        ) : null}
      </NotificationBanner>
    );
  }

  return (
    <Page title="Trusted keys" hasErrors={error !== null} before={before}>
      <KeysNav current="trust" />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <p className="govuk-body">
            Case Audit accepts bundles only from people whose identity card you have enrolled here. Enrol a card only
            once you have checked its fingerprint with its owner.
          </p>
          <p className="govuk-body">
            {recipient
              ? `Bundles you export are encrypted to ${recipient.name} (${recipient.agency}), the QA sub-committee.`
              : 'No QA sub-committee key is enrolled: bundles you export are signed but not encrypted.'}
          </p>

          <h2 className="govuk-heading-m">Enrol an identity card</h2>
          <form noValidate onSubmit={(e) => void submit(e)}>
            <div className={error ? 'govuk-form-group govuk-form-group--error' : 'govuk-form-group'}>
              <label className="govuk-label govuk-label--s" htmlFor={FILE_ID}>
                Identity card file
              </label>
              <div className="govuk-hint" id={`${FILE_ID}-hint`}>
                The .json file the person downloaded from their “Your identity” screen
              </div>
              <ErrorMessage id={`${FILE_ID}-error`} message={error ?? undefined} />
              <input
                ref={fileInput}
                id={FILE_ID}
                type="file"
                accept=".json,application/json"
                className={error ? 'govuk-file-upload govuk-file-upload--error' : 'govuk-file-upload'}
                aria-describedby={error ? `${FILE_ID}-hint ${FILE_ID}-error` : `${FILE_ID}-hint`}
                aria-invalid={error ? true : undefined}
              />
            </div>
            <div className="govuk-form-group">
              <div className="govuk-checkboxes">
                <div className="govuk-checkboxes__item">
                  <input
                    className="govuk-checkboxes__input"
                    id="card-recipient"
                    type="checkbox"
                    checked={asRecipient}
                    aria-describedby="card-recipient-hint"
                    onChange={(e) => setAsRecipient(e.currentTarget.checked)}
                  />
                  <label className="govuk-label govuk-checkboxes__label" htmlFor="card-recipient">
                    This is the QA sub-committee: encrypt my bundles to it
                  </label>
                  <div className="govuk-hint govuk-checkboxes__hint" id="card-recipient-hint">
                    Only one key is the QA sub-committee’s; choosing this one replaces any other.
                  </div>
                </div>
              </div>
            </div>
            <button type="submit" className="govuk-button" disabled={enrol.pending}>
              Enrol key
            </button>
          </form>
        </div>
      </div>

      {list.error ? (
        <InlineLoadFailed what="The trusted keys" message={list.error.message} onRetry={list.reload} />
      ) : !list.data ? (
        <p className="govuk-body app-loading" role="status">
          Loading trusted keys…
        </p>
      ) : keys.length === 0 ? (
        <>
          <h2 className="govuk-heading-m">Keys you trust</h2>
          <p className="govuk-body">You have not enrolled any keys yet.</p>
        </>
      ) : (
        <KeysTable keys={keys} />
      )}
      <p className="govuk-body">
        <Link to={paths.identity()}>Your identity</Link>: your own key and identity card.
      </p>
    </Page>
  );
}

function KeysTable({ keys }: { keys: TrustedKey[] }) {
  return (
    <div className="app-table-scroll" role="region" aria-labelledby="keys-caption" tabIndex={0}>
      <table className="govuk-table">
        <caption className="govuk-table__caption govuk-table__caption--m" id="keys-caption">
          Keys you trust
        </caption>
        <thead>
          <tr>
            <th scope="col" className="govuk-table__header">
              Person
            </th>
            <th scope="col" className="govuk-table__header">
              Key fingerprint
            </th>
            <th scope="col" className="govuk-table__header">
              Status
            </th>
            <th scope="col" className="govuk-table__header">
              <span className="govuk-visually-hidden">Action</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {keys.map((k) => (
            <tr key={k.fingerprint}>
              <th scope="row" className="govuk-table__header">
                {k.name}
                <span className="app-grid-cell-meta">
                  {k.role}, {k.agency}
                </span>
                <span className="app-grid-cell-meta">Enrolled {longDate(k.enrolledAt)}</span>
              </th>
              <td className="govuk-table__cell">
                <Fingerprint value={k.fingerprint} />
              </td>
              <td className="govuk-table__cell">
                <KeyStatus trusted={k} />
              </td>
              <td className="govuk-table__cell">
                {k.revokedAt ? null : (
                  <Link to={paths.trustRevoke(k.fingerprint)}>
                    Revoke<span className="govuk-visually-hidden"> {k.name}’s key</span>
                  </Link>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
