import { AUDIT_THEME_LABELS } from '../../shared/vocabulary.js';
import { useApiMutation, useApiQuery } from '../api/hooks.js';
import { AuditStatusTag } from '../components/AuditStatusTag.js';
import { ChecklistGrid } from '../components/ChecklistGrid.js';
import { ReviewNav } from '../components/review/ReviewNav.js';
import { ReviewLinks } from '../components/review/ReviewLinks.js';
import { SignAndSend } from '../components/bundles/SignAndSend.js';
import { BoardReport } from '../components/dashboard/BoardReport.js';
import { AnswersExport } from '../components/exports/ExportButtons.js';
import { Loading } from '../components/Loading.js';
import { LoadFailed } from '../components/LoadFailed.js';
import { Page } from '../components/Page.js';
import { longDate, plural } from '../lib/format.js';
import { href, navigate, paths } from '../router.js';
import { isUnsigned } from './AuditCorrections.js';

/** One audit: its template, and every case's checklists by agency. */
export function AuditOverview({ auditId }: { auditId: string }) {
  const detail = useApiQuery('audits.get', { auditId });
  const unarchive = useApiMutation('audits.unarchive');
  if (detail.error) return <LoadFailed error={detail.error} onRetry={detail.retry} />;
  if (!detail.data) return <Loading what="Loading the audit" />;
  const { audit, cases } = detail.data;
  const editable = audit.status === 'in_progress';
  const casesEditable = editable && audit.origin === 'local';

  return (
    <Page title={audit.title} caption="Audit" breadcrumbs={[{ to: paths.auditsList(), text: 'Audits' }]}>
      {audit.archivedAt !== null ? (
        <div className="govuk-inset-text">
          <p className="govuk-body">
            This audit was archived on {longDate(audit.archivedAt)}: it is out of the audits list and the programme.
          </p>
          <button
            type="button"
            className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
            disabled={unarchive.pending}
            onClick={() => {
              void unarchive
                .mutate({ auditId: audit.id })
                .then(() => navigate(paths.auditOverview(audit.id), { flash: `${audit.title} unarchived` }))
                .catch(() => undefined);
            }}
          >
            Unarchive
          </button>
        </div>
      ) : null}
      <ReviewNav auditId={audit.id} current="audit" />
      <dl className="govuk-summary-list app-readable">
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Template</dt>
          <dd className="govuk-summary-list__value">
            {audit.templateTitle}, version {audit.templateVersion}
          </dd>
        </div>
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Theme</dt>
          <dd className="govuk-summary-list__value">{AUDIT_THEME_LABELS[audit.theme]}</dd>
        </div>
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Cases</dt>
          <dd className="govuk-summary-list__value">{audit.caseCount}</dd>
        </div>
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Checklists complete</dt>
          <dd className="govuk-summary-list__value">
            {audit.completeCount} of {audit.checklistCount}
          </dd>
        </div>
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Status</dt>
          <dd className="govuk-summary-list__value">
            <AuditStatusTag status={audit.status} />
          </dd>
        </div>
      </dl>

      <h2 className="govuk-heading-m">Cases</h2>
      {cases.length === 0 ? (
        <p className="govuk-body">
          No cases yet. Add each sampled case with a pseudonymised reference and the agencies involved: each agency then
          has a checklist to answer for the case.
        </p>
      ) : (
        <p className="govuk-body">
          {plural(cases.length, 'case')}. Choose a checklist to answer it; answers are saved as you give them.
        </p>
      )}
      {editable ? (
        <a
          href={href(paths.addCase(audit.id))}
          className={cases.length === 0 ? 'govuk-button' : 'govuk-button govuk-button--secondary'}
          draggable={false}
        >
          Add a case
        </a>
      ) : null}
      {cases.length > 0 && !casesEditable ? (
        <p className="govuk-body">This audit is signed: its cases change only in a new revision.</p>
      ) : null}
      {cases.length > 0 ? <ChecklistGrid detail={detail.data} editable={casesEditable} /> : null}
      {/* Grades, findings, the action plan and the summary (issue 4) */}
      <ReviewLinks auditId={audit.id} />
      {/* The board report (PDF, Word) and the audit's challenge panels (issue 6) */}
      <BoardReport auditId={audit.id} />
      {cases.length > 0 ? <AnswersExport auditId={audit.id} /> : null}
      {/* Signing and the bundle for the QA sub-committee (issue 5) */}
      <SignAndSend audit={audit} />
      <h2 className="govuk-heading-m">Archive or delete</h2>
      <ul className="govuk-list">
        {audit.archivedAt === null ? (
          <li>
            <a href={href(paths.archiveAudit(audit.id))} className="govuk-link">
              Archive this audit
            </a>
          </li>
        ) : null}
        {isUnsigned(audit) ? (
          <li>
            <a href={href(paths.deleteAudit(audit.id))} className="govuk-link">
              Delete this audit
            </a>
          </li>
        ) : (
          <li className="app-secondary-text">A signed audit cannot be deleted; archive it instead.</li>
        )}
      </ul>
    </Page>
  );
}
