import { useState } from 'react';
import { errorMessage } from '../api/client.js';
import { useApi, useApiQuery } from '../api/hooks.js';
import { downloadFile } from '../components/bundles/files.js';
import { ErrorSummary } from '../components/form/index.js';
import { Loading } from '../components/Loading.js';
import { LoadFailed } from '../components/LoadFailed.js';
import { NotificationBanner } from '../components/NotificationBanner.js';
import { Page } from '../components/Page.js';
import { WarningText } from '../components/WarningText.js';
import { sentence } from '../lib/format.js';

/** The settings a machine-wide policy can manage, in words (docs/deployment.md). */
const MANAGED_WORDS: Record<string, string> = {
  maxIdleLockMinutes: 'The longest idle lock',
  allowUnencryptedExport: 'Whether bundles may be exported unencrypted',
  qaRecipientCard: 'The QA sub-committee’s identity card',
  defaultAgencies: 'The agencies a new partnership starts with',
  dataFolder: 'Where the data is kept',
};

/** Versions, paths and the policy in force, and the diagnostics file a person sends to their IT desk. */
export function About() {
  const api = useApi();
  const about = useApiQuery('app.about', {});
  const [saved, setSaved] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);

  if (about.error) return <LoadFailed error={about.error} onRetry={about.retry} />;
  if (!about.data) return <Loading what="Loading" />;
  const a = about.data;

  const download = async () => {
    setSaved(null);
    setFailure(null);
    try {
      const file = await api['app.diagnostics']({});
      downloadFile(file.fileName, file.json, 'application/json');
      setSaved(file.fileName);
    } catch (e) {
      setFailure(sentence(errorMessage(e)));
      setAttempt((n) => n + 1);
    }
  };

  const rows: Array<[string, string]> = [
    ['Version', a.version],
    ['Database schema', String(a.schemaVersion)],
    ['Electron', a.electron ?? 'not in use (the browser host)'],
    ['Node.js', a.node],
    ['System', `${a.platform} (${a.arch})`],
    ['Database', a.databasePath],
    ['Backups', a.backupFolder],
    ['Log files', a.logFolder],
    ['Policy file', a.policySource ?? 'none: no settings are managed by your organisation'],
  ];

  return (
    <Page
      title="About Case Audit"
      hasErrors={failure !== null}
      before={
        failure ? (
          <ErrorSummary errors={[{ text: failure }]} focusKey={attempt} />
        ) : saved ? (
          <NotificationBanner kind="success" heading="Diagnostics saved" focus>
            <p className="govuk-body">{saved} is in your downloads. Send it to your IT desk if they ask for it.</p>
          </NotificationBanner>
        ) : null
      }
    >
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <dl className="govuk-summary-list" data-testid="about">
            {rows.map(([key, value]) => (
              <div className="govuk-summary-list__row" key={key}>
                <dt className="govuk-summary-list__key">{key}</dt>
                <dd className="govuk-summary-list__value app-break-anywhere">{value}</dd>
              </div>
            ))}
          </dl>

          <h2 className="govuk-heading-m">Managed by your organisation</h2>
          {a.policyProblem ? (
            <WarningText>
              Your organisation’s policy file could not be used: {a.policyProblem}. The strictest safe settings apply
              until it is put right. Tell your IT desk.
            </WarningText>
          ) : null}
          {a.managed.length === 0 ? (
            <p className="govuk-body">Nothing: you choose every setting yourself.</p>
          ) : (
            <ul className="govuk-list govuk-list--bullet" data-testid="managed">
              {a.managed.map((m) => (
                <li key={m}>{MANAGED_WORDS[m] ?? m}</li>
              ))}
            </ul>
          )}

          <h2 className="govuk-heading-m">Diagnostics</h2>
          <p className="govuk-body">
            If something goes wrong, your IT desk may ask for a diagnostics file. It holds the versions and paths above,
            the size of the database and the recent entries of the log. It holds nothing of your audits: no case, answer
            or name.
          </p>
          <button type="button" className="govuk-button govuk-button--secondary" onClick={() => void download()}>
            Download diagnostics
          </button>
        </div>
      </div>
    </Page>
  );
}
