import { useState } from 'react';
import type { AuditSummary } from '../../shared/audit.js';
import type { Output } from '../../shared/contract.js';
import { errorMessage } from '../api/client.js';
import { useApiMutation, useApiQuery } from '../api/hooks.js';
import { KeyNumberRows } from '../components/bundles/SafetyNumber.js';
import { ErrorSummary } from '../components/form/index.js';
import { Link } from '../components/Link.js';
import { Loading } from '../components/Loading.js';
import { LoadFailed } from '../components/LoadFailed.js';
import { Page } from '../components/Page.js';
import { sentence } from '../lib/format.js';
import { navigate, paths } from '../router.js';

type Preview = Output<'audits.signingPreview'>;

/**
 * Review and sign: exactly what the signature will cover (the GOV.UK "check your answers" pattern),
 * anything that stops signing as an error summary, and the button that signs the previewed content.
 */
export function SignAudit({ auditId }: { auditId: string }) {
  const audit = useApiQuery('audits.get', { auditId });
  const preview = useApiQuery('audits.signingPreview', { auditId });
  const failed = audit.error ?? preview.error;
  if (failed) {
    return (
      <LoadFailed
        error={failed}
        onRetry={() => {
          audit.retry();
          preview.retry();
        }}
      />
    );
  }
  if (!audit.data || !preview.data) return <Loading what="Loading what you are signing" />;
  return <Review audit={audit.data.audit} preview={preview.data} />;
}

const COUNT_ROWS: Array<[keyof Preview['counts'], string]> = [
  ['cases', 'Cases'],
  ['checklists', 'Checklists'],
  ['answers', 'Answers'],
  ['findings', 'Findings'],
  ['recommendations', 'Recommendations'],
  ['actions', 'Actions'],
];

function Review({ audit, preview }: { audit: AuditSummary; preview: Preview }) {
  // A refusal may mean the audit changed since it was previewed: what would be signed now is fetched.
  const sign = useApiMutation('audits.sign', { invalidateOnError: true });
  const [failure, setFailure] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const blocked = preview.blockers.length > 0;
  const { signer } = preview;

  const submit = async () => {
    setFailure(null);
    try {
      const signed = await sign.mutate({ auditId: audit.id, contentHash: preview.contentHash });
      navigate(paths.signedAudit(audit.id), { flash: `Revision ${signed.revision} is signed` });
    } catch (e) {
      setFailure(sentence(errorMessage(e)));
      setAttempt((n) => n + 1);
    }
  };

  let before = null;
  if (blocked) {
    before = (
      <ErrorSummary
        title="You cannot sign this audit yet"
        errors={preview.blockers.map((b) => ({ text: sentence(b) }))}
        focusKey={`blockers-${attempt}`}
      />
    );
  } else if (failure) {
    before = <ErrorSummary errors={[{ text: failure }]} focusKey={attempt} />;
  }

  return (
    <Page
      title={`Check before you sign revision ${preview.revision}`}
      caption={audit.title}
      narrow
      breadcrumbs={[
        { to: paths.auditsList(), text: 'Audits' },
        { to: paths.auditOverview(audit.id), text: audit.title },
      ]}
      hasErrors={blocked || failure !== null}
      before={before}
    >
      {blocked ? (
        <p className="govuk-body">
          {signer === null ? (
            <>
              <Link to={paths.identity()}>Create your identity</Link> first, then come back to sign.{' '}
            </>
          ) : null}
          {preview.blockers.length > (signer === null ? 1 : 0) ? (
            <>
              <Link to={paths.auditOverview(audit.id)}>Go back to the audit</Link> to finish it.
            </>
          ) : null}
        </p>
      ) : null}

      <h2 className="govuk-heading-m">What you are signing</h2>
      <dl className="govuk-summary-list">
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Audit</dt>
          <dd className="govuk-summary-list__value">{audit.title}</dd>
        </div>
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Revision</dt>
          <dd className="govuk-summary-list__value">
            {preview.revision}
            {preview.revision > 1 ? (
              <span className="app-grid-cell-meta">Revision {preview.revision - 1} stays signed, as it was.</span>
            ) : null}
          </dd>
        </div>
        {COUNT_ROWS.map(([key, label]) => (
          <div className="govuk-summary-list__row" key={key}>
            <dt className="govuk-summary-list__key">{label}</dt>
            <dd className="govuk-summary-list__value">{preview.counts[key]}</dd>
          </div>
        ))}
      </dl>

      <h2 className="govuk-heading-m">Who is signing</h2>
      {signer ? (
        <dl className="govuk-summary-list">
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">Signed by</dt>
            <dd className="govuk-summary-list__value">
              {signer.name}
              <span className="app-grid-cell-meta">
                {signer.role}, {signer.agency}
              </span>
            </dd>
          </div>
          <KeyNumberRows fingerprint={signer.fingerprint} />
        </dl>
      ) : (
        <p className="govuk-body">
          Nobody yet: this installation has no identity. <Link to={paths.identity()}>Create your identity</Link>.
        </p>
      )}

      <h2 className="govuk-heading-m">Now sign the audit</h2>
      <p className="govuk-body">
        By signing you confirm that the cases, answers, findings, recommendations and actions above are the audit as you
        mean to report it. Revision {preview.revision} is then frozen: any later change goes into a new revision, which
        you sign again.
      </p>
      <button
        type="button"
        className="govuk-button"
        disabled={blocked || sign.pending}
        aria-disabled={blocked || sign.pending ? true : undefined}
        onClick={() => void submit()}
      >
        Sign revision {preview.revision}
      </button>
      <p className="govuk-body" role="status">
        {sign.pending ? 'Signing: drawing the report and sealing the revision…' : null}
      </p>
    </Page>
  );
}
