import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ChecklistDetail, ChecklistSummary } from '../../shared/audit.js';
import { checklistProgress, isAnswered, visibleQuestions, type AnswerMap } from '../../shared/checklistRules.js';
import type { Output } from '../../shared/contract.js';
import { sectionCaption, templateNumbers } from '../../shared/questionNumbers.js';
import { errorMessage } from '../api/client.js';
import { useApiMutation, useApiQuery } from '../api/hooks.js';
import { CaseDetails } from '../components/CaseDetails.js';
import { ChecklistStatusTag } from '../components/ChecklistStatusTag.js';
import { ErrorSummary } from '../components/form/index.js';
import { Link } from '../components/Link.js';
import { Loading } from '../components/Loading.js';
import { LoadFailed } from '../components/LoadFailed.js';
import { NotificationBanner } from '../components/NotificationBanner.js';
import { Page } from '../components/Page.js';
import { QuestionField } from '../components/QuestionField.js';
import { SectionTaskList, type SectionStatus } from '../components/SectionTaskList.js';
import type { AnswerDraft } from '../lib/answerDraft.js';
import { SECTION_TARGET_PREFIX, sectionErrors } from '../lib/checklistErrors.js';
import { longDate } from '../lib/format.js';
import { navigate, paths } from '../router.js';
import { useFocusTarget, useReturnTo, withReturnTo } from '../routes/returnTo.js';
import { focusControl } from '../lib/focus.js';

export function Checklist({ checklistId, sectionId }: { checklistId: string; sectionId: string | undefined }) {
  const detail = useApiQuery('checklists.get', { checklistId });
  if (detail.error) return <LoadFailed error={detail.error} onRetry={detail.retry} />;
  if (!detail.data) return <Loading what="Loading the checklist" />;
  return <ChecklistView detail={detail.data} sectionId={sectionId} />;
}

// A failed "Mark as complete" belongs to the section it was pressed in: what it lists is worked out
// from the answers as they are now (sectionErrors), and it goes when the auditor moves to another section.
type Notice = { kind: 'missing'; sectionId: string } | { kind: 'failed'; message: string };

function ChecklistView({ detail, sectionId }: { detail: ChecklistDetail; sectionId: string | undefined }) {
  const { template, audit, auditCase } = detail;
  const checklistId = detail.checklist.id;
  const kind = detail.checklist.agencyKind;
  const [summary, setSummary] = useState<ChecklistSummary>(detail.checklist);
  const [answers, setAnswers] = useState<Map<string, AnswerDraft>>(
    () =>
      new Map(
        detail.answers.map((a) => [
          a.questionId,
          { value: a.value, notApplicableReason: a.notApplicableReason, evidence: a.evidence },
        ]),
      ),
  );
  const [notice, setNotice] = useState<Notice | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [banner, setBanner] = useState<string | null>(null);
  const complete = useApiMutation('checklists.complete');
  // Opened from the check before signing: marking it complete again goes back there.
  const returnTo = useReturnTo();
  const reopen = useApiMutation('checklists.reopen');

  // Stable callbacks: question components are memoised and must not re-render when others change.
  const onCommit = useCallback((questionId: string, draft: AnswerDraft) => {
    setAnswers((prev) => new Map(prev).set(questionId, draft));
  }, []);
  const onSaved = useCallback((result: Output<'answers.save'>) => setSummary(result.checklist), []);

  // Numbered by the template, so question 5.3 is in "Section 5 of 6" even where this agency sees fewer.
  const templateNumbering = useMemo(() => templateNumbers(template), [template]);
  const numbers = templateNumbering.questions;
  const sectionOf = useMemo(() => {
    const map = new Map<string, string>();
    for (const s of template.sections) for (const q of s.questions) map.set(q.id, s.id);
    return map;
  }, [template]);

  const answerMap = answers as AnswerMap;
  const visible = useMemo(() => visibleQuestions(template, kind, answerMap), [template, kind, answerMap]);
  const progress = useMemo(() => checklistProgress(template, kind, answerMap), [template, kind, answerMap]);

  const sections = useMemo(() => {
    const shown = new Set(visible.map((q) => q.id));
    return template.sections
      .map((section) => {
        const questions = section.questions.filter((q) => shown.has(q.id));
        const required = questions.filter((q) => q.required);
        const answeredRequired = required.filter((q) => isAnswered(q, answers.get(q.id))).length;
        const answeredAny = questions.some((q) => isAnswered(q, answers.get(q.id)));
        const status: SectionStatus =
          (required.length > 0 && answeredRequired === required.length) || (required.length === 0 && answeredAny)
            ? 'completed'
            : answeredAny
              ? 'in_progress'
              : 'not_started';
        return {
          section,
          questions,
          item: { id: section.id, title: section.title, status, answered: answeredRequired, required: required.length },
        };
      })
      .filter((s) => s.questions.length > 0);
  }, [template, visible, answers]);

  const currentIndex = Math.max(
    0,
    sections.findIndex((s) => s.section.id === sectionId),
  );
  const current = sections[currentIndex];
  const isComplete = summary.status === 'complete';
  const locked = audit.status !== 'in_progress';
  const title = `Case ${auditCase.reference}: ${summary.agencyName}`;

  // Opened by a Fix link: focus starts at the field to fix (after the page has focused its heading).
  const focusTarget = useFocusTarget();
  useEffect(() => {
    if (focusTarget) focusControl(focusTarget);
    // Only when the checklist opens: later moves between sections focus their heading.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // Moving between sections puts focus on the section heading; a notice of the section left goes.
  const sectionHeading = useRef<HTMLHeadingElement>(null);
  const firstSection = useRef(true);
  const currentId = current?.section.id;
  useEffect(() => {
    if (firstSection.current) {
      firstSection.current = false;
      return;
    }
    setBanner(null);
    setNotice(null);
    sectionHeading.current?.focus({ preventScroll: true });
    sectionHeading.current?.scrollIntoView({ block: 'start' });
  }, [currentId]);

  // A line about another section opens it; the summary stays with the section it was raised in.
  const followMissing = (targetId: string): boolean => {
    if (!targetId.startsWith(SECTION_TARGET_PREFIX)) return false;
    navigate(withReturnTo(paths.checklist(checklistId, targetId.slice(SECTION_TARGET_PREFIX.length)), returnTo));
    return true;
  };

  const missingNow =
    notice?.kind === 'missing' && notice.sectionId === currentId
      ? sectionErrors({
          sectionId: notice.sectionId,
          missing: progress.missing,
          sectionOf,
          sections: sections.map((s) => ({
            id: s.section.id,
            title: s.section.title,
            caption: sectionCaption(templateNumbering, s.section.id),
          })),
          numbers,
          answers,
        })
      : null;

  const markComplete = async () => {
    setBanner(null);
    if (progress.missing.length > 0) {
      setNotice({ kind: 'missing', sectionId: currentId ?? '' });
      setAttempt((n) => n + 1);
      return;
    }
    try {
      setSummary(await complete.mutate({ checklistId }));
      if (returnTo !== undefined) return navigate(returnTo, { flash: `${title}: checklist marked as complete` });
      setNotice(null);
      setBanner('Checklist marked as complete');
    } catch (e) {
      setNotice({ kind: 'failed', message: errorMessage(e) });
      setAttempt((n) => n + 1);
    }
  };

  const reopenChecklist = async () => {
    setBanner(null);
    try {
      setSummary(await reopen.mutate({ checklistId }));
      setNotice(null);
      setBanner('Checklist reopened: you can change the answers again');
    } catch (e) {
      setNotice({ kind: 'failed', message: errorMessage(e) });
      setAttempt((n) => n + 1);
    }
  };

  const before = missingNow ? (
    <ErrorSummary
      errors={missingNow.items}
      more={missingNow.more}
      focusKey={attempt}
      title="You cannot mark this checklist as complete yet"
      onFollow={followMissing}
    />
  ) : notice?.kind === 'failed' ? (
    <ErrorSummary errors={[{ text: notice.message }]} focusKey={attempt} />
  ) : banner ? (
    <NotificationBanner kind="success" heading={banner} focus />
  ) : null;

  const previous = sections[currentIndex - 1];
  const next = sections[currentIndex + 1];

  return (
    <Page
      title={title}
      caption={audit.title}
      breadcrumbs={[
        { to: paths.auditsList(), text: 'Audits' },
        { to: paths.auditOverview(audit.id), text: audit.title },
      ]}
      hasErrors={missingNow !== null || notice?.kind === 'failed'}
      before={before}
    >
      <div className="app-progress">
        <ChecklistStatusTag status={summary.status} />
        <p className="govuk-body">
          Answered {progress.answered} of {progress.required} required questions
        </p>
      </div>
      <CaseDetails auditCase={auditCase} />
      {locked ? (
        <div className="govuk-inset-text">This audit is signed: its answers can no longer change.</div>
      ) : isComplete ? (
        <div className="govuk-inset-text">
          This checklist is complete{summary.completedAt ? ` (${longDate(summary.completedAt)})` : ''}. To change an
          answer, reopen it at the end of the page.
        </div>
      ) : null}

      <nav aria-labelledby="sections-heading">
        <h2 className="govuk-heading-m" id="sections-heading">
          Sections
        </h2>
        <SectionTaskList
          checklistId={checklistId}
          sections={sections.map((s) => s.item)}
          currentId={currentId ?? ''}
          returnTo={returnTo}
        />
      </nav>

      {current ? (
        <section aria-labelledby="section-heading" className="app-readable">
          <span className="govuk-caption-m">{sectionCaption(templateNumbering, current.section.id)}</span>
          <h2 className="govuk-heading-l app-section-title" id="section-heading" tabIndex={-1} ref={sectionHeading}>
            {current.section.title}
          </h2>
          {current.section.description ? (
            <p className="govuk-body app-section-description">{current.section.description}</p>
          ) : null}
          {current.questions.map((q) => (
            <QuestionField
              key={q.id}
              checklistId={checklistId}
              question={q}
              number={numbers.get(q.id) ?? ''}
              initial={answers.get(q.id)}
              disabled={isComplete || locked}
              onCommit={onCommit}
              onSaved={onSaved}
            />
          ))}
        </section>
      ) : (
        <p className="govuk-body">No questions of this template apply to this agency.</p>
      )}

      {previous || next ? (
        <nav className="govuk-pagination" aria-label="Sections: previous and next">
          {previous ? (
            <Link
              to={withReturnTo(paths.checklist(checklistId, previous.section.id), returnTo)}
              className="govuk-link govuk-pagination__link"
              rel="prev"
            >
              Previous section<span className="govuk-visually-hidden">:</span>
              <span className="govuk-pagination__link-label">{previous.section.title}</span>
            </Link>
          ) : (
            <span />
          )}
          {next ? (
            <Link
              to={withReturnTo(paths.checklist(checklistId, next.section.id), returnTo)}
              className="govuk-link govuk-pagination__link"
              rel="next"
            >
              Next section<span className="govuk-visually-hidden">:</span>
              <span className="govuk-pagination__link-label">{next.section.title}</span>
            </Link>
          ) : null}
        </nav>
      ) : null}

      {!locked ? (
        <div className="app-complete-panel">
          <h2 className="govuk-heading-m">{isComplete ? 'This checklist is complete' : 'Complete this checklist'}</h2>
          {isComplete ? (
            <>
              <p className="govuk-body">
                You marked it as complete{summary.completedAt ? ` on ${longDate(summary.completedAt)}` : ''}. Reopen it
                to change an answer.
              </p>
              <div className="govuk-button-group">
                <button
                  type="button"
                  className="govuk-button govuk-button--secondary"
                  onClick={reopenChecklist}
                  disabled={reopen.pending}
                >
                  Reopen checklist
                </button>
                {returnTo !== undefined ? <Link to={returnTo}>Return to check your answers</Link> : null}
              </div>
            </>
          ) : (
            <>
              <p className="govuk-body">
                Answered {progress.answered} of {progress.required} required questions. Every required question needs an
                answer before the checklist can be marked as complete.
              </p>
              <div className="govuk-button-group">
                <button type="button" className="govuk-button" onClick={markComplete} disabled={complete.pending}>
                  {returnTo !== undefined ? 'Mark as complete and return to check your answers' : 'Mark as complete'}
                </button>
                {returnTo !== undefined ? (
                  <Link to={returnTo}>Return to check your answers</Link>
                ) : (
                  <Link to={paths.auditOverview(audit.id)}>Back to the audit</Link>
                )}
              </div>
            </>
          )}
        </div>
      ) : null}
    </Page>
  );
}
