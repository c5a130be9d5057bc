import { useRef, useState } from 'react';
import type { AuditSummary } from '../../shared/audit.js';
import type { Output } from '../../shared/contract.js';
import type { PersonalDataPassage } from '../../shared/personalData/passages.js';
import type { Template } from '../../shared/template.js';
import { errorMessage } from '../api/client.js';
import { useApiMutation, useApiQuery } from '../api/hooks.js';
import { KeyNumberRows } from '../components/bundles/SafetyNumber.js';
import { ErrorSummary } from '../components/form/index.js';
import { Link } from '../components/Link.js';
import { Loading } from '../components/Loading.js';
import { LoadFailed } from '../components/LoadFailed.js';
import { Page } from '../components/Page.js';
import { FlaggedPassages } from '../components/personalData/FlaggedPassages.js';
import { SignedContent } from '../components/signing/SignedContent.js';
import { plural, sentence } from '../lib/format.js';
import { navigate, paths } from '../router.js';
import { withFocus, withReturnTo } from '../routes/returnTo.js';
import { notApplicableReasonId, questionControlId } from '../lib/questionOptions.js';

type Preview = Output<'audits.signingPreview'>;

/** The id of the list of flagged passages, which the error summary links to. */
const PERSONAL_DATA_ID = 'personal-data-heading';

/**
 * Check your answers, then sign: exactly what the signature will cover (the GOV.UK "check your
 * answers" pattern, case by case and agency by agency, with Change links that come back here), every
 * passage that looks like personal data to fix or dismiss, anything else that stops signing as an
 * error summary, and the button that signs the previewed content.
 */
export function SignAudit({ auditId }: { auditId: string }) {
  const audit = useApiQuery('audits.get', { auditId });
  const preview = useApiQuery('audits.signingPreview', { auditId, withContent: true });
  const summary = audit.data?.audit;
  const template = useApiQuery(
    'templates.get',
    { id: summary?.templateId ?? 'none', version: summary?.templateVersion ?? 1 },
    { enabled: summary !== undefined },
  );
  const failed = audit.error ?? preview.error ?? template.error;
  if (failed) {
    return (
      <LoadFailed
        error={failed}
        onRetry={() => {
          audit.retry();
          preview.retry();
          template.retry();
        }}
      />
    );
  }
  if (!audit.data || !preview.data || !template.data) return <Loading what="Loading what you are signing" />;
  return <Review audit={audit.data.audit} preview={preview.data} template={template.data} />;
}

/** The id of a checklist field on its screen (QuestionField's ids). */
function fieldId(field: 'answer' | 'evidence' | 'not_applicable_reason', questionId: string): string {
  if (field === 'evidence') return `${questionControlId(questionId)}-evidence`;
  if (field === 'not_applicable_reason') return notApplicableReasonId(questionId);
  return questionControlId(questionId);
}

/** The screen where a flagged passage's field is edited, coming back here once saved. */
function fixPath(auditId: string, template: Template, p: PersonalDataPassage): string | null {
  const back = paths.signAudit(auditId);
  const sectionOf = (questionId: string | null) =>
    template.sections.find((s) => s.questions.some((q) => q.id === questionId))?.id;
  let path: string | null = null;
  switch (p.field) {
    case 'answer':
    case 'evidence':
    case 'not_applicable_reason':
      path =
        p.checklistId && p.questionId
          ? withFocus(paths.checklist(p.checklistId, sectionOf(p.questionId)), fieldId(p.field, p.questionId))
          : null;
      break;
    case 'grade_rationale':
    case 'discussion_agreed':
    case 'discussion_disagreements':
      path = p.caseId ? paths.caseReview(auditId, p.caseId) : null;
      break;
    case 'audit_purpose':
      path = paths.findingsPurpose(auditId);
      break;
    case 'finding':
      path = p.recordId ? paths.findingsEdit(auditId, p.recordId) : null;
      break;
    case 'recommendation':
      path = p.recordId ? paths.actionsRecommendation(auditId, p.recordId) : null;
      break;
    case 'action':
    case 'action_success_measure':
      path = p.recordId ? paths.actionsEdit(p.recordId) : null;
      break;
  }
  return path === null ? null : withReturnTo(path, back);
}

function Review({ audit, preview, template }: { audit: AuditSummary; preview: Preview; template: Template }) {
  // A refusal may mean the audit changed since it was previewed: what would be signed now is fetched.
  const sign = useApiMutation('audits.sign', { invalidateOnError: true });
  const dismiss = useApiMutation('personalData.dismiss');
  const [failure, setFailure] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [dismissed, setDismissed] = useState<string | null>(null);
  // The button pressed goes once the dismissal is shown: focus waits on the line that says so.
  const decided = useRef<HTMLParagraphElement>(null);
  const blocked = preview.blockers.length > 0;
  const { signer } = preview;
  const personalData = preview.personalData;
  const passages = personalData?.passages ?? [];
  const open = personalData?.open ?? 0;
  const editable = audit.status === 'in_progress' && audit.origin !== 'imported';
  const back = paths.signAudit(audit.id);

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

  const onDismiss = async (p: PersonalDataPassage) => {
    setFailure(null);
    setDismissed(null);
    try {
      await dismiss.mutate({ auditId: audit.id, field: p.field, text: p.text, where: p.where });
      setDismissed(`${p.where}: confirmed as not personal data`);
      decided.current?.focus();
    } catch (e) {
      setFailure(sentence(errorMessage(e)));
      setAttempt((n) => n + 1);
    }
  };

  let before = null;
  if (failure) {
    before = <ErrorSummary errors={[{ text: failure }]} focusKey={attempt} />;
  } else if (blocked) {
    before = (
      <ErrorSummary
        title="You cannot sign this audit yet"
        errors={preview.blockers.map((b) =>
          /like personal data/.test(b) ? { text: sentence(b), targetId: PERSONAL_DATA_ID } : { text: sentence(b) },
        )}
        focusKey={`blockers-${attempt}`}
      />
    );
  }

  const otherBlockers = preview.blockers.filter((b) => !/like personal data/.test(b)).length;

  return (
    <Page
      title={`Check your answers before signing revision ${preview.revision}`}
      caption={audit.title}
      breadcrumbs={[
        { to: paths.auditsList(), text: 'Audits' },
        { to: paths.auditOverview(audit.id), text: audit.title },
      ]}
      hasErrors={blocked || failure !== null}
      before={before}
    >
      <>
        {signer === null ? (
          <p className="govuk-body">
            <Link to={withReturnTo(paths.identity(), back)}>Create your identity</Link>: it is what you sign with. You
            come back here once it is made.
          </p>
        ) : null}
        {otherBlockers > (signer === null ? 1 : 0) ? (
          <p className="govuk-body">
            <Link to={paths.auditOverview(audit.id)}>Go back to the audit</Link> to finish it.
          </p>
        ) : null}

        {passages.length > 0 ? (
          <section aria-labelledby={PERSONAL_DATA_ID}>
            <h2 className="govuk-heading-l" id={PERSONAL_DATA_ID} tabIndex={-1}>
              Personal data to check
            </h2>
            <p className="govuk-body">
              Cases are pseudonymised, so these passages should hold no names, identifiers or addresses. Fix each
              passage, or confirm it is not personal data: your decision is recorded with your name and the time.
            </p>
            <p className="govuk-body govuk-!-font-weight-bold" role="status" tabIndex={-1} ref={decided}>
              {dismissed ? `${dismissed}. ` : ''}
              {open === 0
                ? 'Every flagged passage is fixed or confirmed: they do not stop signing.'
                : `You can sign once each flagged passage is fixed or confirmed: ${plural(open, 'passage')} still to decide.`}
            </p>
            <FlaggedPassages
              passages={passages}
              idPrefix="flagged"
              actions={
                editable
                  ? {
                      fixPath: (p) => fixPath(audit.id, template, p),
                      onDismiss: (p) => void onDismiss(p),
                      dismissing: dismiss.pending,
                    }
                  : undefined
              }
            />
            {(personalData?.total ?? 0) > passages.length ? (
              <p className="govuk-body">
                And {plural((personalData?.total ?? 0) - passages.length, 'more passage')} not listed here.
              </p>
            ) : null}
          </section>
        ) : null}

        <h2 className="govuk-heading-l">What you are signing</h2>
        <dl className="govuk-summary-list">
          <div className="govuk-summary-list__row govuk-summary-list__row--no-actions">
            <dt className="govuk-summary-list__key">Revision</dt>
            <dd className="govuk-summary-list__value">
              {preview.revision}
              {preview.revision > 1 ? (
                <span className="app-grid-cell-meta">Revision {preview.revision - 1} stays signed, as it was.</span>
              ) : null}
            </dd>
          </div>
          <div className="govuk-summary-list__row govuk-summary-list__row--no-actions">
            <dt className="govuk-summary-list__key">In all</dt>
            <dd className="govuk-summary-list__value">
              {plural(preview.counts.cases, 'case')}, {plural(preview.counts.checklists, 'checklist')},{' '}
              {plural(preview.counts.answers, 'answer')}, {plural(preview.counts.findings, 'finding')},{' '}
              {plural(preview.counts.recommendations, 'recommendation')} and {plural(preview.counts.actions, 'action')}
            </dd>
          </div>
        </dl>
        {preview.content ? <SignedContent content={preview.content} template={template} editable={editable} /> : null}

        <h2 className="govuk-heading-l">Who is signing</h2>
        {signer ? (
          <dl className="govuk-summary-list">
            <div className="govuk-summary-list__row govuk-summary-list__row--no-actions">
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
            Nobody yet: this installation has no identity.{' '}
            <Link to={withReturnTo(paths.identity(), back)}>Create your identity</Link>.
          </p>
        )}

        <h2 className="govuk-heading-l">Now sign the audit</h2>
        <p className="govuk-body">
          By signing you confirm that the cases, answers, findings, recommendations and actions above are the audit as
          you mean to report it. Revision {preview.revision} is then frozen: any later change goes into a new revision,
          which you sign again.
        </p>
        {open > 0 ? (
          <p className="govuk-body">
            You can sign once each passage that looks like personal data is fixed or confirmed as not personal data.
          </p>
        ) : null}
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
      </>
    </Page>
  );
}
