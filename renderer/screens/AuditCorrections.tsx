// Putting mistakes right and audits away: removing a case, archiving, unarchiving and deleting an
// audit, each behind a GOV.UK confirmation page that says what goes. The services refuse a signed
// audit (SIGNED); these screens say so before asking.
import { z } from 'zod';
import type { AuditDetail, AuditSummary } from '../../shared/audit.js';
import { useApiMutation, useApiQuery } from '../api/hooks.js';
import { AuditStatusTag } from '../components/AuditStatusTag.js';
import { CheckboxField, Form, FormErrorSummary, formHasErrors, useZodForm } from '../components/form/index.js';
import { Link } from '../components/Link.js';
import { Loading } from '../components/Loading.js';
import { LoadFailed } from '../components/LoadFailed.js';
import { Page } from '../components/Page.js';
import { WarningText } from '../components/WarningText.js';
import { applyApiError } from '../lib/formErrors.js';
import { longDate, plural } from '../lib/format.js';
import { navigate, paths } from '../router.js';
import { SignedCannotChange } from './AddCase.js';

/** Whether the audit's cases and the audit itself may still change here (never signed, not imported). */
export function isUnsigned(audit: AuditSummary): boolean {
  return audit.status === 'in_progress' && audit.revision === 0 && audit.origin === 'local';
}

function useDetail(auditId: string) {
  return useApiQuery('audits.get', { auditId });
}

const confirmSchema = (required: string | null) =>
  z.object({ confirm: z.boolean() }).refine((v) => required === null || v.confirm, {
    path: ['confirm'],
    message: required ?? '',
  });

/** The confirmation page before a case is removed, with what it takes with it. */
export function RemoveCase({ auditId, caseId }: { auditId: string; caseId: string }) {
  const detail = useDetail(auditId);
  if (detail.error) return <LoadFailed error={detail.error} onRetry={detail.retry} />;
  if (!detail.data) return <Loading what="Loading the audit" />;
  const found = detail.data.cases.find((c) => c.id === caseId);
  if (!found) {
    return (
      <Page title="Case not found" narrow back={{ to: paths.auditOverview(auditId), text: 'Back to the audit' }}>
        <p className="govuk-body">This audit has no such case. It may have been removed already.</p>
      </Page>
    );
  }
  if (detail.data.audit.status !== 'in_progress' || detail.data.audit.origin === 'imported') {
    return <SignedCannotChange detail={detail.data} />;
  }
  return <RemoveCaseForm detail={detail.data} caseId={caseId} />;
}

function RemoveCaseForm({ detail, caseId }: { detail: AuditDetail; caseId: string }) {
  const { audit } = detail;
  const found = detail.cases.find((c) => c.id === caseId)!;
  const checklists = detail.checklists.filter((c) => c.caseId === caseId);
  const answers = checklists.reduce((n, c) => n + c.answered, 0);
  const remove = useApiMutation('cases.remove');
  const form = useZodForm(
    confirmSchema(answers > 0 ? `Confirm that case ${found.reference} and its answers are to be removed` : null),
    { defaultValues: { confirm: false } },
  );

  const submit = async ({ confirm }: { confirm: boolean }) => {
    try {
      const removed = await remove.mutate({ caseId, confirm: answers === 0 || confirm });
      navigate(paths.auditOverview(audit.id), {
        flash: `Case ${removed.reference} removed with ${plural(removed.contents.answers, 'answer')}`,
      });
    } catch (e) {
      applyApiError(form, e, (path) => (path[0] === 'confirm' ? 'confirm' : undefined));
    }
  };

  return (
    <Page
      title={`Remove case ${found.reference}`}
      caption={audit.title}
      narrow
      back={{ to: paths.auditOverview(audit.id), text: 'Back to the audit' }}
      hasErrors={formHasErrors(form)}
      before={<FormErrorSummary form={form} />}
    >
      <p className="govuk-body">
        Removing the case removes its {plural(checklists.length, 'checklist')} and{' '}
        <strong>{plural(answers, 'answer')}</strong>, with its grades and discussion notes. Findings that cite it as
        evidence keep the other cases they cite.
      </p>
      <p className="govuk-body">The removal, and the case as it was, are recorded in the change log.</p>
      {answers > 0 ? <WarningText>This cannot be undone.</WarningText> : null}
      <Form form={form} onSubmit={submit} summary="none">
        {answers > 0 ? (
          <CheckboxField
            name="confirm"
            id="remove-case-confirm"
            label={`Yes, remove case ${found.reference} and its ${plural(answers, 'answer')}`}
          />
        ) : null}
        <div className="govuk-button-group">
          <button type="submit" className="govuk-button govuk-button--warning" disabled={remove.pending}>
            Remove case
          </button>
          <Link to={paths.auditOverview(audit.id)}>Cancel</Link>
        </div>
      </Form>
    </Page>
  );
}

/** The confirmation page before an audit is archived. */
export function ArchiveAudit({ auditId }: { auditId: string }) {
  const detail = useDetail(auditId);
  const archive = useApiMutation('audits.archive');
  const form = useZodForm(confirmSchema(null), { defaultValues: { confirm: false } });
  if (detail.error) return <LoadFailed error={detail.error} onRetry={detail.retry} />;
  if (!detail.data) return <Loading what="Loading the audit" />;
  const { audit } = detail.data;

  const submit = async () => {
    try {
      await archive.mutate({ auditId });
      navigate(paths.archivedAudits(), { flash: `${audit.title} archived` });
    } catch (e) {
      applyApiError(form, e, () => undefined);
    }
  };

  if (audit.archivedAt !== null) {
    return (
      <Page title="This audit is archived" caption={audit.title} narrow back={{ to: paths.auditOverview(auditId) }}>
        <p className="govuk-body">It was archived on {longDate(audit.archivedAt)}.</p>
      </Page>
    );
  }
  return (
    <Page
      title={`Archive ${audit.title}`}
      caption="Audit"
      narrow
      back={{ to: paths.auditOverview(auditId), text: 'Back to the audit' }}
      hasErrors={formHasErrors(form)}
      before={<FormErrorSummary form={form} />}
    >
      <p className="govuk-body">
        An archived audit leaves the audits list and the programme. It stays in search, the dashboard&rsquo;s history
        and reports, and it can be unarchived at any time from the archived audits.
      </p>
      <p className="govuk-body">Archiving is recorded in the change log.</p>
      <Form form={form} onSubmit={submit} summary="none">
        <div className="govuk-button-group">
          <button type="submit" className="govuk-button" disabled={archive.pending}>
            Archive audit
          </button>
          <Link to={paths.auditOverview(auditId)}>Cancel</Link>
        </div>
      </Form>
    </Page>
  );
}

/** The confirmation page before an unsigned audit is deleted; a signed one says why it is kept. */
export function DeleteAudit({ auditId }: { auditId: string }) {
  const detail = useDetail(auditId);
  if (detail.error) return <LoadFailed error={detail.error} onRetry={detail.retry} />;
  if (!detail.data) return <Loading what="Loading the audit" />;
  const { audit } = detail.data;
  if (!isUnsigned(audit)) {
    return (
      <Page
        title="This audit cannot be deleted"
        caption={audit.title}
        narrow
        back={{ to: paths.auditOverview(auditId), text: 'Back to the audit' }}
      >
        <p className="govuk-body">
          This audit has been signed: a signed audit is kept. You can archive it instead, which takes it out of the
          working lists.
        </p>
        {audit.archivedAt === null ? (
          <Link to={paths.archiveAudit(auditId)} className="govuk-button govuk-button--secondary">
            Archive this audit
          </Link>
        ) : null}
      </Page>
    );
  }
  return <DeleteAuditForm detail={detail.data} />;
}

function DeleteAuditForm({ detail }: { detail: AuditDetail }) {
  const { audit } = detail;
  const answers = detail.checklists.reduce((n, c) => n + c.answered, 0);
  const remove = useApiMutation('audits.delete');
  const form = useZodForm(
    confirmSchema(answers > 0 ? 'Confirm that the audit and all its answers are to be deleted' : null),
    { defaultValues: { confirm: false } },
  );

  const submit = async () => {
    try {
      const deleted = await remove.mutate({ auditId: audit.id, confirm: true });
      navigate(paths.auditsList(), { flash: `${deleted.title} deleted` });
    } catch (e) {
      applyApiError(form, e, (path) => (path[0] === 'confirm' ? 'confirm' : undefined));
    }
  };

  return (
    <Page
      title={`Delete ${audit.title}`}
      caption="Audit"
      narrow
      back={{ to: paths.auditOverview(audit.id), text: 'Back to the audit' }}
      hasErrors={formHasErrors(form)}
      before={<FormErrorSummary form={form} />}
    >
      <p className="govuk-body">
        Deleting the audit removes its {plural(detail.cases.length, 'case')},{' '}
        {plural(detail.checklists.length, 'checklist')} and <strong>{plural(answers, 'answer')}</strong>, with its
        findings, recommendations and actions.
      </p>
      <p className="govuk-body">
        The change log keeps a record that it was deleted: its title, template and case references.
      </p>
      <WarningText>Deleting cannot be undone. To keep the audit but take it out of the lists, archive it.</WarningText>
      <Form form={form} onSubmit={submit} summary="none">
        {answers > 0 ? (
          <CheckboxField
            name="confirm"
            id="delete-audit-confirm"
            label={`Yes, delete this audit and its ${plural(answers, 'answer')}`}
          />
        ) : null}
        <div className="govuk-button-group">
          <button type="submit" className="govuk-button govuk-button--warning" disabled={remove.pending}>
            Delete audit
          </button>
          <Link to={paths.auditOverview(audit.id)}>Cancel</Link>
        </div>
      </Form>
    </Page>
  );
}

/** Audits taken out of the working lists, each with a way back. */
export function ArchivedAudits() {
  const audits = useApiQuery('audits.list', { archived: 'only' });
  const unarchive = useApiMutation('audits.unarchive');
  if (audits.error) return <LoadFailed error={audits.error} onRetry={audits.retry} />;
  if (!audits.data) return <Loading what="Loading archived audits" />;
  const list = audits.data;

  return (
    <Page title="Archived audits" breadcrumbs={[{ to: paths.auditsList(), text: 'Audits' }]}>
      <p className="govuk-body">
        Archived audits are out of the audits list and the programme, but stay in search, the dashboard&rsquo;s history
        and reports.
      </p>
      {list.length === 0 ? (
        <p className="govuk-body">No audits are archived.</p>
      ) : (
        <div className="app-table-scroll" role="region" aria-labelledby="archived-caption">
          <table className="govuk-table">
            <caption className="govuk-table__caption govuk-table__caption--m" id="archived-caption">
              {plural(list.length, 'archived audit')}
            </caption>
            <thead>
              <tr>
                <th scope="col" className="govuk-table__header">
                  Audit
                </th>
                <th scope="col" className="govuk-table__header">
                  Status
                </th>
                <th scope="col" className="govuk-table__header">
                  Archived
                </th>
                <th scope="col" className="govuk-table__header">
                  <span className="govuk-visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {list.map((a) => (
                <tr key={a.id}>
                  <th scope="row" className="govuk-table__header">
                    <Link to={paths.auditOverview(a.id)}>{a.title}</Link>
                  </th>
                  <td className="govuk-table__cell">
                    <AuditStatusTag status={a.status} />
                  </td>
                  <td className="govuk-table__cell app-nowrap">{a.archivedAt ? longDate(a.archivedAt) : ''}</td>
                  <td className="govuk-table__cell">
                    <button
                      type="button"
                      className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
                      disabled={unarchive.pending}
                      onClick={() => {
                        void unarchive
                          .mutate({ auditId: a.id })
                          .then(() => navigate(paths.auditOverview(a.id), { flash: `${a.title} unarchived` }))
                          .catch(() => undefined);
                      }}
                    >
                      Unarchive<span className="govuk-visually-hidden"> {a.title}</span>
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {unarchive.error ? <p className="govuk-error-message">{unarchive.error.message}</p> : null}
    </Page>
  );
}
