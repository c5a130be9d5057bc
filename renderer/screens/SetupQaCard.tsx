import { useApiQuery } from '../api/hooks.js';
import { EnrolCard, useEnrolCard } from '../components/bundles/EnrolCard.js';
import { recipientsOf } from '../components/bundles/recipients.js';
import { FormErrorSummary } from '../components/form/index.js';
import { Link } from '../components/Link.js';
import { Loading } from '../components/Loading.js';
import { LoadFailed } from '../components/LoadFailed.js';
import { Page } from '../components/Page.js';
import { WarningText } from '../components/WarningText.js';
import { navigate, paths } from '../router.js';

/**
 * Set-up's second step (also reached from the export screen): the QA sub-committee's identity card.
 * Enrolled as the recipient, it makes every exported bundle encrypted to the QA sub-committee. The
 * QA sub-committee's own installation, or an auditor without the card yet, skips it.
 */
export function SetupQaCard() {
  const keys = useApiQuery('trust.list', {});
  const policy = useApiQuery('settings.policy', {});
  const enrol = useEnrolCard('qa');
  if (keys.error) return <LoadFailed error={keys.error} onRetry={keys.retry} />;
  if (!keys.data) return <Loading what="Loading the trusted keys" />;
  const recipients = recipientsOf(keys.data);
  // The card an organisation's policy provides, offered until it is enrolled; its safety number is
  // still compared with its owner's, as for a card from a file.
  const provided = policy.data?.qaRecipientCard ?? null;
  const offerProvided =
    provided !== null && !enrol.card && !keys.data.some((k) => k.fingerprint === provided.fingerprint);

  return (
    <Page
      title="The QA sub-committee’s identity card"
      caption="Set up"
      narrow
      hasErrors={enrol.hasErrors}
      before={enrol.hasErrors ? <FormErrorSummary key={enrol.step} form={enrol.form} /> : null}
    >
      <p className="govuk-body">
        If you are an auditor, the audits you sign go to the QA sub-committee as bundle files. Enrol the QA
        sub-committee’s identity card now: every bundle you export is then encrypted to them, so only they can open it.
      </p>
      {recipients.length > 0 ? (
        <p className="govuk-body">
          Already enrolled as the QA sub-committee: {recipients.map((r) => `${r.name} (${r.agency})`).join(', ')}. You
          can enrol another member’s card here too.
        </p>
      ) : null}
      {offerProvided ? (
        <div className="govuk-inset-text" data-testid="policy-card">
          <p className="govuk-body">
            Your organisation has provided the QA sub-committee’s card: {provided.name} ({provided.agency}).
          </p>
          <button
            type="button"
            className="govuk-button"
            onClick={() => {
              enrol.confirm.reset({ owner: provided.name, compared: false, asRecipient: true });
              enrol.setCard({
                text: JSON.stringify(provided),
                value: provided,
                fileName: 'your organisation’s policy',
              });
            }}
          >
            Use this card
          </button>
        </div>
      ) : null}
      <EnrolCard
        enrol={enrol}
        id="qa-card"
        fileLabel="The QA sub-committee’s identity card"
        submitText="Enrol the QA sub-committee’s card"
        onEnrolled={(key) =>
          navigate(paths.auditsList(), {
            flash: `${key.name}’s card is enrolled as the QA sub-committee’s: the bundles you export are encrypted to it`,
          })
        }
      />

      <h2 className="govuk-heading-m">If you do not have the card</h2>
      <WarningText>
        Until the QA sub-committee’s card is enrolled, the bundles you export are not encrypted: anyone who gets the
        file can read it.
      </WarningText>
      <p className="govuk-body">
        Ask the QA sub-committee to send you their identity card; you can enrol it later under{' '}
        <Link to={paths.trust()}>Trusted keys</Link>. If this installation is the QA sub-committee’s own, you do not
        need it.
      </p>
      <button
        type="button"
        className="govuk-button govuk-button--secondary"
        onClick={() =>
          navigate(paths.auditsList(), {
            flash:
              recipients.length > 0
                ? 'Set-up is done'
                : 'No QA sub-committee card is enrolled: bundles you export will be readable by anyone who gets the file',
          })
        }
      >
        Skip for now
      </button>
    </Page>
  );
}
