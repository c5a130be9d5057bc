import { useState } from 'react';
import type { TrustedKey } from '../../shared/identity.js';
import { useApiQuery } from '../api/hooks.js';
import { EnrolCard, useEnrolCard } from '../components/bundles/EnrolCard.js';
import { Fingerprint } from '../components/bundles/Fingerprint.js';
import { KeyStatus } from '../components/bundles/KeyStatus.js';
import { KeysNav } from '../components/bundles/KeysNav.js';
import { SafetyNumber } from '../components/bundles/SafetyNumber.js';
import { recipientsOf } from '../components/bundles/recipients.js';
import { FormErrorSummary } from '../components/form/index.js';
import { Link } from '../components/Link.js';
import { InlineLoadFailed } from '../components/bundles/InlineLoadFailed.js';
import { NotificationBanner } from '../components/NotificationBanner.js';
import { Page } from '../components/Page.js';
import { longDate } from '../lib/format.js';
import { paths } from '../router.js';

/**
 * The keys this installation trusts: enrol a person's identity card (optionally as the QA
 * sub-committee, whose key bundles are encrypted to) once its safety number is compared with its
 * owner, see each key's standing, and revoke one.
 */
export function Trust() {
  const list = useApiQuery('trust.list', {});
  const enrol = useEnrolCard('choose');
  const [enrolled, setEnrolled] = useState<TrustedKey | null>(null);

  const keys = list.data ?? [];
  const recipients = recipientsOf(keys);

  let before = null;
  if (enrol.hasErrors) before = <FormErrorSummary key={enrol.step} form={enrol.form} />;
  else if (enrolled) {
    before = (
      <NotificationBanner kind="success" heading={`${enrolled.name}’s key is enrolled`} focus>
        <p className="govuk-body">
          You compared its safety number with {enrolled.name}. Bundles they sign are now accepted.
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
    <Page title="Trusted keys" hasErrors={enrol.hasErrors} before={before}>
      <KeysNav current="trust" />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <p className="govuk-body">
            Case Audit accepts bundles only from people whose identity card you have enrolled here. Enrol a card only
            once its owner has read its safety number to you, by phone or in person, and every group matched.
          </p>
          <p className="govuk-body">
            {recipients.length > 0
              ? `Bundles you export are encrypted to the QA sub-committee: ${recipients.map((r) => `${r.name} (${r.agency})`).join(', ')}.`
              : 'No QA sub-committee key is enrolled: bundles you export are signed but not encrypted, so anyone who gets the file can read it.'}
          </p>

          <h2 className="govuk-heading-m">Enrol an identity card</h2>
          {/* A new attempt hides the banner of the last enrolment. */}
          <div onSubmitCapture={() => setEnrolled(null)}>
            <EnrolCard
              enrol={enrol}
              id="card"
              fileLabel="Identity card file"
              submitText="Enrol key"
              onEnrolled={setEnrolled}
            />
          </div>
        </div>
      </div>

      {list.error ? (
        <InlineLoadFailed what="The trusted keys" message={list.error.message} onRetry={list.retry} />
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
        <Link to={paths.identity()}>Your identity</Link>: your own key, safety number and identity card.
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
              Safety number and key fingerprint
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
                <SafetyNumber fingerprint={k.fingerprint} />
                <span className="app-grid-cell-meta">Fingerprint</span>
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
