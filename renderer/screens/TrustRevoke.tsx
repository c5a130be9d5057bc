import { z } from 'zod';
import type { TrustedKey } from '../../shared/identity.js';
import { useApiMutation, useApiQuery } from '../api/hooks.js';
import { KeyNumberRows } from '../components/bundles/SafetyNumber.js';
import { Form, FormErrorSummary, formHasErrors, TextareaField, useZodForm } from '../components/form/index.js';
import { Link } from '../components/Link.js';
import { Loading } from '../components/Loading.js';
import { LoadFailed } from '../components/LoadFailed.js';
import { Page } from '../components/Page.js';
import { WarningText } from '../components/WarningText.js';
import { applyApiError } from '../lib/formErrors.js';
import { longDate } from '../lib/format.js';
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

// The service's rule for the reason (trimmed, 1 to 1000 characters), worded for this screen.
const revokeFormSchema = z.object({
  reason: z
    .string()
    .trim()
    .min(1, 'Say why you are revoking this key')
    .max(1000, 'The reason must be 1000 characters or fewer'),
});

function RevokeForm({ trusted }: { trusted: TrustedKey }) {
  const revoke = useApiMutation('trust.revoke');
  const form = useZodForm(revokeFormSchema, { defaultValues: { reason: '' } });

  const submit = async ({ reason }: z.output<typeof revokeFormSchema>) => {
    try {
      await revoke.mutate({ fingerprint: trusted.fingerprint, reason });
      navigate(paths.trust(), { flash: `${trusted.name}’s key is revoked` });
    } catch (err) {
      applyApiError(form, err, (path) => (path[0] === 'reason' ? 'reason' : undefined));
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
      hasErrors={formHasErrors(form)}
      before={<FormErrorSummary form={form} />}
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
      <Form form={form} onSubmit={submit} summary="none">
        <TextareaField
          name="reason"
          id={REASON_ID}
          label="Why are you revoking this key?"
          labelSize="m"
          rows={3}
          hint="For example, the laptop holding it was lost, or the person has left the role. The reason is kept with the key."
        />
        <div className="govuk-button-group">
          <button type="submit" className="govuk-button govuk-button--warning" disabled={revoke.pending}>
            Revoke key
          </button>
          <Link to={paths.trust()}>Cancel</Link>
        </div>
      </Form>
    </Page>
  );
}
