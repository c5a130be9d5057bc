import { useState, type FormEvent } from 'react';
import type { TrustedKey } from '../../shared/identity.js';
import { errorMessage } from '../api/client.js';
import { useApiMutation, useApiQuery } from '../api/hooks.js';
import { KeyNumberRows } from '../components/bundles/SafetyNumber.js';
import { ErrorMessage } from '../components/ErrorMessage.js';
import { ErrorSummary } from '../components/ErrorSummary.js';
import { Link } from '../components/Link.js';
import { Loading } from '../components/Loading.js';
import { LoadFailed } from '../components/LoadFailed.js';
import { Page } from '../components/Page.js';
import { WarningText } from '../components/WarningText.js';
import { longDate, sentence } from '../lib/format.js';
import { navigate, paths } from '../router.js';

const REASON_ID = 'revoke-reason';

/** The confirmation step before a key is revoked: who it belongs to, what revoking does, and why. */
export function TrustRevoke({ fingerprint }: { fingerprint: string }) {
  const list = useApiQuery('trust.list', {});
  if (list.error) return <LoadFailed error={list.error} onRetry={list.retry} />;
  if (!list.data) return <Loading what="Loading trusted keys" />;
  // The address holds the fingerprint without its spaces.
  const wanted = fingerprint.replace(/\s+/g, '').toLowerCase();
  const key = list.data.find((k) => k.fingerprint.replace(/ /g, '') === wanted);
  if (!key) {
    return (
      <Page title="Key not found" narrow back={{ to: paths.trust(), text: 'Back to trusted keys' }}>
        <p className="govuk-body">There is no trusted key with that fingerprint.</p>
      </Page>
    );
  }
  return <RevokeForm trusted={key} />;
}

function RevokeForm({ trusted }: { trusted: TrustedKey }) {
  const revoke = useApiMutation('trust.revoke');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (reason.trim() === '') {
      setError('Say why you are revoking this key');
      setAttempt((n) => n + 1);
      return;
    }
    try {
      await revoke.mutate({ fingerprint: trusted.fingerprint, reason: reason.trim() });
      navigate(paths.trust(), { flash: `${trusted.name}’s key is revoked` });
    } catch (err) {
      setError(sentence(errorMessage(err).replace(/^reason:\s*/, '')));
      setAttempt((n) => n + 1);
    }
  };

  if (trusted.revokedAt) {
    return (
      <Page
        title={`${trusted.name}’s key is revoked`}
        narrow
        back={{ to: paths.trust(), text: 'Back to trusted keys' }}
      >
        <p className="govuk-body">
          It was revoked on {longDate(trusted.revokedAt)}: {trusted.revokedReason ?? 'no reason recorded'}.
        </p>
      </Page>
    );
  }

  return (
    <Page
      title={`Revoke ${trusted.name}’s key`}
      narrow
      back={{ to: paths.trust(), text: 'Back to trusted keys' }}
      hasErrors={error !== null}
      before={error ? <ErrorSummary errors={[{ targetId: REASON_ID, text: error }]} focusKey={attempt} /> : null}
    >
      <dl className="govuk-summary-list">
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Person</dt>
          <dd className="govuk-summary-list__value">
            {trusted.name}, {trusted.role}, {trusted.agency}
          </dd>
        </div>
        <KeyNumberRows fingerprint={trusted.fingerprint} />
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Enrolled</dt>
          <dd className="govuk-summary-list__value">{longDate(trusted.enrolledAt)}</dd>
        </div>
      </dl>
      <WarningText>
        From now on, every bundle signed with this key is refused, even one signed before today. Audits already imported
        stay. A revoked key cannot be enrolled again.
      </WarningText>
      {trusted.isRecipient ? (
        <p className="govuk-body">
          This is the QA sub-committee’s key: once it is revoked, your bundles are no longer encrypted until you enrol a
          new one.
        </p>
      ) : null}
      <form noValidate onSubmit={(e) => void submit(e)}>
        <div className={error ? 'govuk-form-group govuk-form-group--error' : 'govuk-form-group'}>
          <label className="govuk-label govuk-label--m" htmlFor={REASON_ID}>
            Why are you revoking this key?
          </label>
          <div className="govuk-hint" id={`${REASON_ID}-hint`}>
            For example, the laptop holding it was lost, or the person has left the role. The reason is kept with the
            key.
          </div>
          <ErrorMessage id={`${REASON_ID}-error`} message={error ?? undefined} />
          <textarea
            id={REASON_ID}
            className={error ? 'govuk-textarea govuk-textarea--error' : 'govuk-textarea'}
            rows={3}
            value={reason}
            aria-describedby={error ? `${REASON_ID}-hint ${REASON_ID}-error` : `${REASON_ID}-hint`}
            aria-invalid={error ? true : undefined}
            onChange={(e) => setReason(e.currentTarget.value)}
          />
        </div>
        <div className="govuk-button-group">
          <button type="submit" className="govuk-button govuk-button--warning" disabled={revoke.pending}>
            Revoke key
          </button>
          <Link to={paths.trust()}>Cancel</Link>
        </div>
      </form>
    </Page>
  );
}
