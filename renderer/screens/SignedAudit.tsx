import { useState } from 'react';
import type { AuditSummary } from '../../shared/audit.js';
import { personalDataStatement } from '../../shared/exportPersonalData.js';
import type { TrustedKey } from '../../shared/identity.js';
import { errorMessage } from '../api/client.js';
import { useApiMutation, useApiQuery } from '../api/hooks.js';
import { base64ToBytes, downloadFile } from '../components/bundles/files.js';
import { SafetyNumber } from '../components/bundles/SafetyNumber.js';
import { WarningText } from '../components/WarningText.js';
import { recipientsOf } from '../components/bundles/recipients.js';
import { ErrorSummary } from '../components/form/index.js';
import { Link } from '../components/Link.js';
import { Loading } from '../components/Loading.js';
import { LoadFailed } from '../components/LoadFailed.js';
import { Page } from '../components/Page.js';
import { sentence } from '../lib/format.js';
import { navigate, paths } from '../router.js';

/** A signed audit: export its latest signed revision as a bundle for the QA sub-committee, or start a new revision. */
export function SignedAudit({ auditId }: { auditId: string }) {
  const audit = useApiQuery('audits.get', { auditId });
  const keys = useApiQuery('trust.list', {});
  const failed = audit.error ?? keys.error;
  if (failed) {
    return (
      <LoadFailed
        error={failed}
        onRetry={() => {
          audit.retry();
          keys.retry();
        }}
      />
    );
  }
  if (!audit.data || !keys.data) return <Loading what="Loading the audit" />;
  return <ExportAndRevise audit={audit.data.audit} recipients={recipientsOf(keys.data)} />;
}

interface Exported {
  fileName: string;
  encrypted: boolean;
}

// The confirmation replaces the button that opened it: focus moves to it, so keyboard users are not lost.
const focusOnMount = (el: HTMLDivElement | null) => el?.focus();

const who = (keys: TrustedKey[]) => keys.map((k) => `${k.name} (${k.agency})`).join(', ');

function ExportAndRevise({ audit, recipients }: { audit: AuditSummary; recipients: TrustedKey[] }) {
  const exporter = useApiMutation('bundles.export');
  const reviser = useApiMutation('audits.newRevision');
  // An organisation's policy may allow encrypted bundles only (docs/deployment.md); the service refuses the rest.
  const policy = useApiQuery('settings.policy', {});
  const plainAllowed = policy.data?.allowUnencryptedExport !== false;
  const [exported, setExported] = useState<Exported | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  // The unencrypted export, with a recipient enrolled, is a second step behind a warning.
  const [confirmingPlain, setConfirmingPlain] = useState(false);
  const crumbs = [
    { to: paths.auditsList(), text: 'Audits' },
    { to: paths.auditOverview(audit.id), text: audit.title },
  ];

  if (audit.origin === 'imported') {
    return (
      <Page title="This audit was imported" caption={audit.title} narrow breadcrumbs={crumbs}>
        <p className="govuk-body">
          Revision {audit.revision} came in a bundle from its auditor. Only the auditor who signed an audit exports it.
        </p>
      </Page>
    );
  }
  if (audit.revision === 0) {
    return (
      <Page title="This audit is not signed yet" caption={audit.title} narrow breadcrumbs={crumbs}>
        <p className="govuk-body">A bundle holds a signed revision of the audit. Sign the audit first.</p>
        <p className="govuk-body">
          <Link to={paths.signAudit(audit.id)}>Review and sign</Link>
        </p>
      </Page>
    );
  }

  const fail = (e: unknown) => {
    setFailure(sentence(errorMessage(e)));
    setAttempt((n) => n + 1);
  };

  const exportBundle = async (encrypt: boolean) => {
    setFailure(null);
    setExported(null);
    setConfirmingPlain(false);
    try {
      const bundle = await exporter.mutate({ auditId: audit.id, encrypt });
      downloadFile(bundle.fileName, base64ToBytes(bundle.base64), 'application/octet-stream');
      setExported({ fileName: bundle.fileName, encrypted: bundle.encrypted });
    } catch (e) {
      fail(e);
    }
  };

  const startRevision = async () => {
    setFailure(null);
    try {
      await reviser.mutate({ auditId: audit.id });
      navigate(paths.auditOverview(audit.id), {
        flash: `Revision ${audit.revision + 1} started: revision ${audit.revision} stays signed as it was`,
      });
    } catch (e) {
      fail(e);
    }
  };

  const before = failure ? <ErrorSummary errors={[{ text: failure }]} focusKey={attempt} /> : null;

  return (
    <Page
      title={`Send revision ${audit.revision} to the QA sub-committee`}
      caption={audit.title}
      narrow
      breadcrumbs={crumbs}
      hasErrors={failure !== null}
      before={before}
    >
      {audit.status === 'in_progress' ? (
        <p className="govuk-body">
          You have started revision {audit.revision + 1}, which is not signed yet. The bundle holds revision{' '}
          {audit.revision}, the latest signed one.
        </p>
      ) : null}
      <p className="govuk-body">
        The bundle is one file holding the signed revision, the report as it was when signed and the audit tool it used.
        The QA sub-committee imports it and checks your signature.
      </p>
      <p className="govuk-body" id="bundle-personal-data">
        {personalDataStatement('bundle')}
      </p>
      <h2 className="govuk-heading-m">Encryption</h2>
      {recipients.length > 0 ? (
        <>
          <p className="govuk-body">
            The bundle is encrypted to the QA sub-committee, so only they can open it: {who(recipients)}.
          </p>
          <dl className="govuk-summary-list">
            {recipients.map((r) => (
              <div className="govuk-summary-list__row" key={r.fingerprint}>
                <dt className="govuk-summary-list__key">
                  {r.name}
                  <span className="app-grid-cell-meta">{r.role}</span>
                </dt>
                <dd className="govuk-summary-list__value">
                  <span className="app-grid-cell-meta">Safety number</span>
                  <SafetyNumber fingerprint={r.fingerprint} />
                </dd>
              </div>
            ))}
          </dl>
          <button
            type="button"
            className="govuk-button"
            disabled={exporter.pending}
            onClick={() => void exportBundle(true)}
          >
            Export encrypted bundle
          </button>
          {!plainAllowed ? (
            <p className="govuk-body app-secondary-text">Your organisation allows only encrypted bundles.</p>
          ) : confirmingPlain ? (
            <div className="govuk-inset-text" id="plain-export-confirm" tabIndex={-1} ref={focusOnMount}>
              <WarningText>
                An unencrypted bundle can be read by anyone who gets the file: every case, answer, finding and action in
                it. Send it only by a route you trust, and only if the QA sub-committee cannot open an encrypted one.
              </WarningText>
              <div className="govuk-button-group">
                <button
                  type="button"
                  className="govuk-button govuk-button--warning"
                  disabled={exporter.pending}
                  onClick={() => void exportBundle(false)}
                >
                  Export without encryption
                </button>
                <button
                  type="button"
                  className="govuk-button govuk-button--secondary"
                  onClick={() => setConfirmingPlain(false)}
                >
                  Cancel
                </button>
              </div>
            </div>
          ) : (
            <p className="govuk-body">
              <button
                type="button"
                className="govuk-button govuk-button--secondary"
                disabled={exporter.pending}
                onClick={() => setConfirmingPlain(true)}
              >
                Export an unencrypted bundle instead
              </button>
            </p>
          )}
        </>
      ) : (
        <>
          <WarningText>
            The bundle will not be encrypted: anyone who gets the file can read it, every case, answer, finding and
            action in it. No QA sub-committee identity card is enrolled on this installation.
          </WarningText>
          <p className="govuk-body">
            <Link to={paths.setupQaCard()}>Enrol the QA sub-committee’s identity card</Link> so that bundles are
            encrypted to it and only they can open them.
          </p>
          {plainAllowed ? (
            <button
              type="button"
              className="govuk-button govuk-button--secondary"
              disabled={exporter.pending}
              onClick={() => void exportBundle(false)}
            >
              Export unencrypted bundle
            </button>
          ) : (
            <p className="govuk-body">
              Your organisation allows only encrypted bundles: enrol the QA sub-committee’s card to export this audit.
            </p>
          )}
        </>
      )}
      <div role="status">
        {exporter.pending ? <p className="govuk-body">Making the bundle…</p> : null}
        {exported ? (
          <div className="govuk-inset-text app-inset-success">
            <p className="govuk-body govuk-!-font-weight-bold">Bundle exported: {exported.fileName}</p>
            <p className="govuk-body">
              {exported.encrypted
                ? `It is in your downloads folder, encrypted to the QA sub-committee: only they can open it (${who(recipients)}).`
                : 'It is in your downloads folder, signed but not encrypted: anyone who gets the file can read it, so send it only by a secure route.'}
            </p>
          </div>
        ) : null}
      </div>

      {audit.status === 'signed' ? (
        <>
          <h2 className="govuk-heading-m">Change the audit</h2>
          <p className="govuk-body">
            Revision {audit.revision} cannot change. To correct or add to the audit, start revision {audit.revision + 1}
            : it begins as a copy of revision {audit.revision}, and you sign it again when it is ready.
          </p>
          <button
            type="button"
            className="govuk-button govuk-button--secondary"
            disabled={reviser.pending}
            onClick={() => void startRevision()}
          >
            Start a new revision
          </button>
        </>
      ) : null}
      <p className="govuk-body">
        <Link to={paths.auditOverview(audit.id)}>Back to the audit</Link>
      </p>
    </Page>
  );
}
