import { useState } from 'react';
import type { z } from 'zod';
import { personSchema, type Identity as IdentityValue } from '../../shared/identity.js';
import { useApiMutation, useApiQuery } from '../api/hooks.js';
import { downloadFile } from '../components/bundles/files.js';
import { Fingerprint } from '../components/bundles/Fingerprint.js';
import { KeysNav } from '../components/bundles/KeysNav.js';
import { SafetyNumber } from '../components/bundles/SafetyNumber.js';
import {
  ErrorSummary,
  Form,
  FormErrorSummary,
  formHasErrors,
  TextField,
  useZodForm,
} from '../components/form/index.js';
import { Link } from '../components/Link.js';
import { Loading } from '../components/Loading.js';
import { LoadFailed } from '../components/LoadFailed.js';
import { NotificationBanner } from '../components/NotificationBanner.js';
import { Page } from '../components/Page.js';
import { applyApiError } from '../lib/formErrors.js';
import { longDate } from '../lib/format.js';
import { navigate, paths } from '../router.js';
import { useReturnTo } from '../routes/returnTo.js';

/**
 * This installation's identity: who signs its audits, and the key they sign with. Created once (name,
 * role, organisation); its identity card is what others enrol to trust the signatures or encrypt to it.
 */
export function Identity() {
  const identity = useApiQuery('identity.get', {});
  const [created, setCreated] = useState(false);
  // Opened from signing: once the identity exists, back to the check before signing.
  const returnTo = useReturnTo();
  if (identity.error) return <LoadFailed error={identity.error} onRetry={identity.retry} />;
  if (identity.data === undefined) return <Loading what="Loading your identity" />;
  if (identity.data === null) {
    return (
      <CreateIdentity
        returning={returnTo !== undefined}
        onCreated={(value) => {
          if (returnTo !== undefined) {
            navigate(returnTo, { flash: `Your identity is created: you sign as ${value.name}` });
            return;
          }
          setCreated(true);
          identity.setData(value);
        }}
      />
    );
  }
  return <IdentityDetails identity={identity.data} justCreated={created} returnTo={returnTo} />;
}

function CreateIdentity({
  onCreated,
  returning,
}: {
  onCreated: (identity: IdentityValue) => void;
  returning: boolean;
}) {
  const create = useApiMutation('identity.create');
  const form = useZodForm(personSchema, { defaultValues: { name: '', role: '', agency: '' } });

  const onValid = async (values: z.output<typeof personSchema>) => {
    try {
      onCreated(await create.mutate(values));
    } catch (e) {
      applyApiError(form, e);
    }
  };

  return (
    <Page title="Your identity" narrow hasErrors={formHasErrors(form)} before={<FormErrorSummary form={form} />}>
      <KeysNav current="identity" />
      <p className="govuk-body">
        You need an identity to sign audits. Case Audit makes a pair of keys for you on this computer: the private key
        never leaves it, and your identity card carries the public key to the people who check your signature.
      </p>
      <p className="govuk-body">Give your name, role and organisation as they should appear on signed reports.</p>
      <p className="govuk-body">
        Is this a new laptop, replacing one where you had an identity?{' '}
        <Link to={paths.identityBackup()}>Restore your identity from its backup</Link> instead.
      </p>
      <Form form={form} onSubmit={onValid} summary="none">
        <TextField
          name="name"
          id="identity-name"
          label="Your name"
          labelSize="s"
          autoComplete="name"
          spellCheck={false}
        />
        <TextField
          name="role"
          id="identity-role"
          label="Your role"
          labelSize="s"
          hint="For example, independent auditor, or chair of the QA sub-committee"
          autoComplete="organization-title"
        />
        <TextField
          name="agency"
          id="identity-agency"
          label="Your organisation"
          labelSize="s"
          autoComplete="organization"
        />
        <button type="submit" className="govuk-button" disabled={create.pending}>
          {returning ? 'Create your identity and return to signing' : 'Create your identity'}
        </button>
      </Form>
    </Page>
  );
}

function IdentityDetails({
  identity,
  justCreated,
  returnTo,
}: {
  identity: IdentityValue;
  justCreated: boolean;
  returnTo: string | undefined;
}) {
  const card = useApiMutation('identity.card');
  const [saved, setSaved] = useState<string | null>(null);

  const download = async () => {
    setSaved(null);
    try {
      const { fileName, json } = await card.mutate({});
      downloadFile(fileName, json, 'application/json');
      setSaved(fileName);
    } catch {
      // card.error holds the message shown below.
    }
  };

  return (
    <Page
      title="Your identity"
      narrow
      before={
        justCreated ? (
          <NotificationBanner kind="success" heading="Your identity is created" focus>
            <p className="govuk-body">Download your identity card and send it to the QA sub-committee.</p>
          </NotificationBanner>
        ) : card.error ? (
          <ErrorSummary errors={[{ text: card.error.message }]} focusKey={card.error.message} />
        ) : null
      }
    >
      <KeysNav current="identity" />
      {returnTo !== undefined ? (
        <p className="govuk-body">
          You already have an identity: <Link to={returnTo}>return to signing</Link>.
        </p>
      ) : null}
      <dl className="govuk-summary-list">
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Name</dt>
          <dd className="govuk-summary-list__value">{identity.name}</dd>
        </div>
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Role</dt>
          <dd className="govuk-summary-list__value">{identity.role}</dd>
        </div>
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Organisation</dt>
          <dd className="govuk-summary-list__value">{identity.agency}</dd>
        </div>
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Safety number</dt>
          <dd className="govuk-summary-list__value">
            <SafetyNumber fingerprint={identity.fingerprint} id="own-safety-number" />
          </dd>
        </div>
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Key fingerprint</dt>
          <dd className="govuk-summary-list__value">
            <Fingerprint value={identity.fingerprint} id="own-fingerprint" />
          </dd>
        </div>
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Created</dt>
          <dd className="govuk-summary-list__value">{longDate(identity.createdAt)}</dd>
        </div>
      </dl>

      <h2 className="govuk-heading-m">Your identity card</h2>
      <p className="govuk-body">
        Your identity card is a small file with your public keys. Send it to the QA sub-committee (or, if you are the QA
        sub-committee, to each auditor) by email or on a memory stick: it holds nothing secret.
      </p>
      <h2 className="govuk-heading-m">Your safety number</h2>
      <p className="govuk-body">
        Whoever enrols your card, or accepts a bundle you signed, will phone you (or meet you) and ask you to read out
        your safety number, the 12 groups of five digits above, so they can compare it with the one their screen shows.
        Read it out only to someone you know, group by group. Never send it in the same email or message as the card.
      </p>
      <button type="button" className="govuk-button" onClick={() => void download()} disabled={card.pending}>
        Download your identity card
      </button>
      <p className="govuk-body" role="status">
        {saved ? `Your identity card is saved as ${saved} in your downloads folder.` : null}
      </p>
      <p className="govuk-body">
        <Link to={paths.trust()}>Trusted keys</Link>: the identity cards you have enrolled.
      </p>
    </Page>
  );
}
