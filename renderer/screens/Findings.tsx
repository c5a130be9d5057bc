import { useMemo, useState } from 'react';
import { z } from 'zod';
import type { Analysis } from '../../shared/analysis.js';
import type { AuditDetail } from '../../shared/audit.js';
import {
  findingsHeading,
  PREVALENCE_BUCKET_LABELS,
  statedCount,
  SUGGESTION_BUCKETS,
  type PrevalenceBucket,
} from '../../shared/prevalence.js';
import { intervalWords, isSmallSample } from '../../shared/proportions.js';
import { formatShare } from '../../shared/reauditComparison.js';
import type { Finding } from '../../shared/review.js';
import { LEARNING_THEME_LABELS } from '../../shared/vocabulary.js';
import { errorMessage } from '../api/client.js';
import { useApiMutation, useApiQuery } from '../api/hooks.js';
import {
  ErrorSummary,
  FormErrorSummary,
  formHasErrors,
  registerFieldId,
  useWatch,
  useZodForm,
} from '../components/form/index.js';
import { Link } from '../components/Link.js';
import { Loading } from '../components/Loading.js';
import { LoadFailed } from '../components/LoadFailed.js';
import { NotificationBanner } from '../components/NotificationBanner.js';
import { Page } from '../components/Page.js';
import { Tag } from '../components/Tag.js';
import { caseReferences, inWords, numberedQuestions, percentText } from '../components/review/helpers.js';
import { RemoveButton } from '../components/review/RemoveButton.js';
import { ReviewNav } from '../components/review/ReviewNav.js';
import { sentence } from '../lib/format.js';
import { href, navigate, paths } from '../router.js';

type Suggestion = Analysis['suggestions'][number];

/** The audit's findings: suggestions from the answers to accept, the findings written, and the audit's purpose. */
export function Findings({ auditId }: { auditId: string }) {
  const detail = useApiQuery('audits.get', { auditId });
  const analysis = useApiQuery('audits.analysis', { auditId });
  const findings = useApiQuery('findings.list', { auditId });
  const failed = detail.error ?? analysis.error ?? findings.error;
  if (failed) {
    return (
      <LoadFailed
        error={failed}
        onRetry={() => {
          detail.retry();
          analysis.retry();
          findings.retry();
        }}
      />
    );
  }
  if (!detail.data || !analysis.data || !findings.data) return <Loading what="Loading the findings" />;
  return (
    <FindingsView
      detail={detail.data}
      analysis={analysis.data}
      findings={findings.data}
      setFindings={(update) => findings.setData(update)}
    />
  );
}

const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && [...a].sort().join('\n') === [...b].sort().join('\n');

/** A suggestion counts as accepted once a suggested finding of its kind rests on the same questions. */
function acceptedAs(s: Suggestion, findings: readonly Finding[]): Finding | undefined {
  return findings.find((f) => f.origin === 'suggested' && f.kind === s.kind && sameSet(f.questionIds, s.questionIds));
}

const suggestionKey = (s: Suggestion) => `${s.kind}-${s.theme ?? ''}-${s.questionIds.join(',')}`;
const casesWord = (n: number) => (n === 1 ? '1 case' : `${n} cases`);

function FindingsView({
  detail,
  analysis,
  findings,
  setFindings,
}: {
  detail: AuditDetail;
  analysis: Analysis;
  findings: Finding[];
  setFindings: (update: (current: Finding[] | undefined) => Finding[]) => void;
}) {
  const { audit, cases } = detail;
  const editable = audit.status === 'in_progress';
  const save = useApiMutation('findings.save');
  const addMany = useApiMutation('findings.addMany');
  // The suggestions still open (not yet accepted), by their index in the analysis.
  const open = useMemo(
    () => new Set(analysis.suggestions.flatMap((s, i) => (acceptedAs(s, findings) ? [] : [String(i)]))),
    [analysis, findings],
  );
  const acceptSchema = useMemo(
    () =>
      z.object({
        selected: z
          .array(z.string())
          .refine((chosen) => chosen.some((i) => open.has(i)), 'Select the suggestions to accept'),
      }),
    [open],
  );
  const acceptForm = useZodForm(acceptSchema, { defaultValues: { selected: [] } });
  const selected = useWatch({ control: acceptForm.control, name: 'selected' });
  const remove = useApiMutation('findings.remove');
  // A refused change outside the form (accept and edit, remove): shown in the summary, focused each time.
  const [refusal, setRefusal] = useState<{ text: string; n: number } | null>(null);
  const refused = (e: unknown) => {
    acceptForm.clearErrors();
    setRefusal((r) => ({ text: sentence(errorMessage(e)), n: (r?.n ?? 0) + 1 }));
  };
  const [banner, setBanner] = useState<{ text: string; n: number } | null>(null);
  const [busy, setBusy] = useState<number | null>(null);
  const questions = numberedQuestions(analysis.prevalence);
  const questionLabel = (id: string) => {
    const q = questions.find((x) => x.id === id);
    return q ? `${q.number} ${q.text}` : id;
  };

  const themesFor = (s: Suggestion) =>
    s.theme !== null
      ? [s.theme]
      : [
          ...new Set(
            analysis.prevalence.questions.filter((q) => s.questionIds.includes(q.questionId)).flatMap((q) => q.themes),
          ),
        ];

  const asInput = (s: Suggestion) => ({
    kind: s.kind,
    text: s.text,
    origin: 'suggested' as const,
    caseIds: s.caseIds,
    questionIds: s.questionIds,
    themes: themesFor(s),
  });

  const acceptAndEdit = async (s: Suggestion, index: number) => {
    setBusy(index);
    setBanner(null);
    try {
      const finding = await save.mutate({ auditId: audit.id, ...asInput(s) });
      navigate(paths.findingsEdit(audit.id, finding.id), {
        flash: 'Suggestion accepted: now put it in your own words',
      });
    } catch (e) {
      refused(e);
    } finally {
      setBusy(null);
    }
  };

  // Every ticked suggestion becomes a finding in one transaction: all of them, or none if one is refused.
  const acceptSelected = async (values: z.output<typeof acceptSchema>) => {
    const chosen = analysis.suggestions.filter((_, i) => values.selected.includes(String(i)) && open.has(String(i)));
    setBusy(-1);
    try {
      const added = await addMany.mutate({ auditId: audit.id, findings: chosen.map(asInput) });
      setFindings((list) => [...(list ?? []), ...added]);
      acceptForm.reset({ selected: [] });
      setBanner((b) => ({
        text: added.length === 1 ? '1 finding accepted' : `${added.length} findings accepted`,
        n: (b?.n ?? 0) + 1,
      }));
    } catch (e) {
      refused(e);
    } finally {
      setBusy(null);
    }
  };

  const onRemove = async (f: Finding): Promise<boolean> => {
    setBanner(null);
    try {
      await remove.mutate({ findingId: f.id });
      setFindings((list) => (list ?? []).filter((x) => x.id !== f.id));
      acceptForm.clearErrors();
      setRefusal(null);
      setBanner((b) => ({ text: 'Finding removed', n: (b?.n ?? 0) + 1 }));
      return true;
    } catch (e) {
      refused(e);
      return false;
    }
  };

  const suggestionGroup = (kind: Suggestion['kind'], bucket: PrevalenceBucket) => {
    const headingId = `suggested-${kind}-${bucket}`;
    const heading = findingsHeading(kind, bucket);
    const list = analysis.suggestions
      .map((s, i) => ({ s, i }))
      .filter(({ s }) => s.kind === kind && s.bucket === bucket);
    const open = list.filter(({ s }) => !acceptedAs(s, findings));
    const done = list.filter(({ s }) => acceptedAs(s, findings));
    return (
      <section key={headingId} aria-labelledby={headingId}>
        <h4 className="govuk-body govuk-!-font-weight-bold" id={headingId}>
          {heading}
        </h4>
        {list.length === 0 ? (
          <p className="govuk-body app-secondary-text">
            None: no {kind === 'strength' ? 'strength' : 'development area'} was found{' '}
            {PREVALENCE_BUCKET_LABELS[bucket].replace(/^In /, 'in ')}.
          </p>
        ) : null}
        {open.length > 0 && editable ? (
          <div className="govuk-checkboxes govuk-checkboxes--small" data-module="govuk-checkboxes">
            {open.map(({ s, i }) => (
              <div className="govuk-checkboxes__item" key={suggestionKey(s)}>
                <input
                  className="govuk-checkboxes__input"
                  id={`suggestion-${i}`}
                  type="checkbox"
                  value={String(i)}
                  aria-describedby={`suggestion-${i}-hint`}
                  {...acceptForm.register('selected')}
                />
                <label className="govuk-label govuk-checkboxes__label" htmlFor={`suggestion-${i}`}>
                  {s.theme !== null ? <span className="app-finding__label">Learning theme: </span> : null}
                  {s.text}
                  {s.smallSample ? <SmallSampleTag /> : null}
                </label>
                <div className="govuk-hint govuk-checkboxes__hint" id={`suggestion-${i}-hint`}>
                  {evidenceLine(s)}
                </div>
                <div className="govuk-checkboxes__hint">
                  <button
                    type="button"
                    className="govuk-button govuk-button--secondary govuk-!-margin-bottom-2"
                    disabled={busy !== null}
                    onClick={() => void acceptAndEdit(s, i)}
                  >
                    Accept and edit<span className="govuk-visually-hidden"> the suggestion “{s.text}”</span>
                  </button>
                </div>
              </div>
            ))}
          </div>
        ) : null}
        {(editable ? done : list).length > 0 ? (
          <ul className="app-finding-list" aria-labelledby={headingId}>
            {(editable ? done : list).map(({ s }) => (
              <li className="app-finding" key={suggestionKey(s)}>
                <p className="govuk-body app-finding__text">
                  {s.theme !== null ? <span className="app-finding__label">Learning theme: </span> : null}
                  {s.text}
                  {s.smallSample ? <SmallSampleTag /> : null}
                </p>
                <p className="govuk-body-s app-finding__meta">{evidenceLine(s)}</p>
                {acceptedAs(s, findings) ? (
                  <p className="govuk-body-s app-finding__meta">
                    <Tag colour="green">Accepted</Tag>
                  </p>
                ) : null}
              </li>
            ))}
          </ul>
        ) : null}
      </section>
    );
  };

  const evidenceLine = (s: Suggestion) => {
    const refs = caseReferences(cases, s.caseIds);
    const left = [
      s.notApplicable > 0 ? `not applicable in ${casesWord(s.notApplicable)}` : null,
      s.notAssessed > 0 ? `not assessed in ${casesWord(s.notAssessed)}` : null,
    ].filter((x) => x !== null);
    const share = `${formatShare(s.count / s.casesAssessed)} of the ${casesWord(s.casesAssessed)} assessed (${intervalWords(s.count, s.casesAssessed)})`;
    const small = s.smallSample
      ? ` A small sample: fewer than ${casesWord(analysis.smallSampleThreshold)} assessed, so read it as a rough guide.`
      : '';
    return `${refs.length > 0 ? `Cases: ${inWords(refs)}` : 'No case references'}. ${share}.${small}${
      left.length > 0 ? ` Left out: ${left.join('; ')}.` : ''
    }`;
  };

  const written = (kind: Finding['kind']) => findings.filter((f) => f.kind === kind);
  const firstOpen = analysis.suggestions.findIndex((s) => !acceptedAs(s, findings));
  // The summary's "select the suggestions" links to the first open one.
  registerFieldId(acceptForm.control, 'selected', `suggestion-${firstOpen}`);
  const formErrors = formHasErrors(acceptForm);

  return (
    <Page
      title="Findings"
      caption={audit.title}
      breadcrumbs={[
        { to: paths.auditsList(), text: 'Audits' },
        { to: paths.auditOverview(audit.id), text: audit.title },
      ]}
      hasErrors={formErrors || refusal !== null}
      before={
        formErrors ? (
          <FormErrorSummary form={acceptForm} />
        ) : refusal ? (
          <ErrorSummary errors={[{ text: refusal.text }]} focusKey={refusal.n} />
        ) : banner ? (
          <NotificationBanner key={banner.n} kind="success" heading={banner.text} focus />
        ) : null
      }
    >
      <ReviewNav auditId={audit.id} current="findings" />

      <h2 className="govuk-heading-m">Why this audit</h2>
      <div className="app-readable">
        {audit.purpose.trim() !== '' ? (
          <p className="govuk-body app-preserve-lines">{audit.purpose}</p>
        ) : (
          <p className="govuk-body app-secondary-text">The purpose of the audit has not been written yet.</p>
        )}
        <dl className="govuk-summary-list">
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">“In some cases”</dt>
            <dd className="govuk-summary-list__value">
              {percentText(audit.thresholds.someThreshold)}% or more of the cases assessed
            </dd>
          </div>
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">“In many or most cases”</dt>
            <dd className="govuk-summary-list__value">
              {percentText(audit.thresholds.manyThreshold)}% or more of the cases assessed
            </dd>
          </div>
        </dl>
        {editable ? (
          <p className="govuk-body">
            <Link to={paths.findingsPurpose(audit.id)}>Change why this audit and the thresholds</Link>
          </p>
        ) : null}
      </div>

      <h2 className="govuk-heading-m app-section-gap">Suggested from the answers</h2>
      <p className="govuk-body app-readable">
        Worked out from every agency’s answers for each of the {cases.length} sampled cases. A case is a strength for a
        question when at least one agency met the standard and none fell short; any agency falling short makes it a
        development area. Cases no agency judged (the question did not apply, or was not answered) are left out of the
        count, and each suggestion says how many. Each share comes with its 95% interval, the range the true share
        probably lies in; a share from fewer than {casesWord(analysis.smallSampleThreshold)} assessed (the board’s
        small-sample threshold) is marked as a small sample.
      </p>
      {editable ? (
        <p className="govuk-body app-readable">
          Tick the suggestions to accept — related ones (the same question, or the same learning theme) can be accepted
          together — or accept one and put it in your own words.
        </p>
      ) : null}
      <form
        noValidate
        onSubmit={(e) => {
          setBanner(null);
          setRefusal(null);
          void acceptForm.handleSubmit(acceptSelected)(e);
        }}
      >
        <h3 className="govuk-heading-s">Strengths</h3>
        {SUGGESTION_BUCKETS.map((bucket) => suggestionGroup('strength', bucket))}
        <h3 className="govuk-heading-s">Areas for development</h3>
        {SUGGESTION_BUCKETS.map((bucket) => suggestionGroup('development', bucket))}
        {editable && analysis.suggestions.some((s) => !acceptedAs(s, findings)) ? (
          <button type="submit" className="govuk-button" disabled={busy !== null}>
            Accept selected{selected.length > 0 ? ` (${selected.length})` : ''}
          </button>
        ) : null}
      </form>

      <h2 className="govuk-heading-m app-section-gap">Findings written ({findings.length})</h2>
      {findings.length === 0 ? (
        <p className="govuk-body">No findings yet: accept the suggestions above, or add a finding of your own.</p>
      ) : null}
      {(['strength', 'development'] as const).map((kind) =>
        written(kind).length > 0 ? (
          <section key={kind} aria-labelledby={`written-${kind}`}>
            <h3 className="govuk-heading-s" id={`written-${kind}`}>
              {kind === 'strength' ? 'Strengths' : 'Areas for development'}
            </h3>
            <ul className="app-finding-list">
              {written(kind).map((f) => (
                <WrittenFinding
                  key={f.id}
                  finding={f}
                  caseRefs={caseReferences(cases, f.caseIds)}
                  questionLabels={f.questionIds.map(questionLabel)}
                  editable={editable}
                  smallSample={isSmallSample(statedCount(f.text)?.of ?? Infinity, analysis.smallSampleThreshold)}
                  pending={remove.pending}
                  onRemove={() => onRemove(f)}
                />
              ))}
            </ul>
          </section>
        ) : null,
      )}
      {editable ? (
        <a href={href(paths.findingsNew(audit.id))} className="govuk-button govuk-button--secondary" draggable={false}>
          Add a finding of your own
        </a>
      ) : null}
      <p className="govuk-body">
        <Link to={paths.actionsPlan(audit.id)}>Go on to the recommendations and action plan</Link>
      </p>
    </Page>
  );
}

/** Beside a share from fewer cases than the board's threshold: never shown as if it were solid. */
function SmallSampleTag() {
  return (
    <span className="app-small-sample">
      {' '}
      <Tag colour="grey">Small sample</Tag>
    </span>
  );
}

function WrittenFinding({
  finding: f,
  caseRefs,
  questionLabels,
  editable,
  smallSample,
  pending,
  onRemove,
}: {
  finding: Finding;
  caseRefs: string[];
  questionLabels: string[];
  editable: boolean;
  /** The count the finding states is from fewer cases than the board's threshold. */
  smallSample: boolean;
  pending: boolean;
  onRemove: () => Promise<boolean>;
}) {
  const textId = `finding-${f.id}-text`;
  return (
    <li className="app-finding">
      <p className="govuk-body app-finding__text app-preserve-lines" id={textId}>
        {f.text}
        {smallSample ? <SmallSampleTag /> : null}
      </p>
      <dl className="app-finding__facts">
        <div>
          <dt>Evidence cases</dt>
          <dd>{caseRefs.length > 0 ? inWords(caseRefs) : 'None linked'}</dd>
        </div>
        {questionLabels.length > 0 ? (
          <div>
            <dt>Questions</dt>
            <dd>{questionLabels.join('; ')}</dd>
          </div>
        ) : null}
        {f.themes.length > 0 ? (
          <div>
            <dt>Learning themes</dt>
            <dd>{f.themes.map((t) => LEARNING_THEME_LABELS[t]).join(', ')}</dd>
          </div>
        ) : null}
        <div>
          <dt>Source</dt>
          <dd>{f.origin === 'suggested' ? 'Suggested from the answers' : 'Written by the auditor'}</dd>
        </div>
      </dl>
      {editable ? (
        <div className="app-finding__links">
          <Link to={paths.findingsEdit(f.auditId, f.id)} aria-describedby={textId}>
            Change<span className="govuk-visually-hidden"> this finding</span>
          </Link>
          <RemoveButton what="this finding" describedBy={textId} pending={pending} onRemove={onRemove} />
        </div>
      ) : null}
    </li>
  );
}
