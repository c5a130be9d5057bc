import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { AuditDetail } from '../../shared/audit.js';
import type { AuditCase } from '../../shared/auditCase.js';
import type { CaseGrade, Discussion } from '../../shared/review.js';
import { GRADES, GRADE_LABELS, type Grade } from '../../shared/vocabulary.js';
import { useApiMutation, useApiQuery } from '../api/hooks.js';
import { CaseDetails } from '../components/CaseDetails.js';
import { ErrorSummary } from '../components/ErrorSummary.js';
import { Link } from '../components/Link.js';
import { Loading } from '../components/Loading.js';
import { LoadFailed } from '../components/LoadFailed.js';
import { NotificationBanner } from '../components/NotificationBanner.js';
import { Page } from '../components/Page.js';
import { Radios, SelectInput, TextArea, TextInput } from '../components/review/Fields.js';
import { isCalendarDate } from '../components/review/helpers.js';
import { useFormErrors, type FieldMessages } from '../components/review/useFormErrors.js';
import { paths } from '../router.js';

/** One case's review: the overall grade and each involved agency's grade, and the multi-agency discussion. */
export function CaseReview({ auditId, caseId }: { auditId: string; caseId: string }) {
  const detail = useApiQuery('audits.get', { auditId });
  if (detail.error) return <LoadFailed error={detail.error} onRetry={detail.reload} />;
  if (!detail.data) return <Loading what="Loading the case" />;
  const auditCase = detail.data.cases.find((c) => c.id === caseId);
  if (!auditCase) {
    return (
      <Page title="Page not found">
        <p className="govuk-body">This audit has no such case.</p>
        <Link to={paths.auditReview(auditId)}>Go to the audit’s grades and discussions</Link>
      </Page>
    );
  }
  return <CaseReviewForm detail={detail.data} auditCase={auditCase} />;
}

const OVERALL = 'overall';
const GRADE_ITEMS = GRADES.map((g) => ({ value: g, label: GRADE_LABELS[g] }));

interface GradeDraft {
  grade: string;
  rationale: string;
}
interface AttendeeDraft {
  key: number;
  role: string;
  agencyId: string;
}

const gradeKey = (agencyId: string | null) => agencyId ?? OVERALL;

function CaseReviewForm({ detail, auditCase }: { detail: AuditDetail; auditCase: AuditCase }) {
  const { audit } = detail;
  const editable = audit.status === 'in_progress';
  const errors = useFormErrors();
  const setGrade = useApiMutation('grades.set');
  const saveDiscussion = useApiMutation('discussions.save');
  const [banner, setBanner] = useState<{ text: string; n: number } | null>(null);

  const involved = auditCase.agencyIds
    .map((id) => detail.agencies.find((a) => a.id === id))
    .filter((a): a is NonNullable<typeof a> => a !== undefined);

  // --- Grades --------------------------------------------------------------------------------
  const [saved, setSaved] = useState<Map<string, CaseGrade>>(
    () => new Map(detail.grades.filter((g) => g.caseId === auditCase.id).map((g) => [gradeKey(g.agencyId), g])),
  );
  const [grades, setGrades] = useState<Record<string, GradeDraft>>(() => {
    const out: Record<string, GradeDraft> = {};
    for (const key of [OVERALL, ...involved.map((a) => a.id)]) {
      const g = saved.get(key);
      out[key] = { grade: g?.grade ?? '', rationale: g?.rationale ?? '' };
    }
    return out;
  });
  const rows: Array<{ key: string; agencyId: string | null; name: string }> = [
    { key: OVERALL, agencyId: null, name: 'overall' },
    ...involved.map((a) => ({ key: a.id, agencyId: a.id, name: a.name })),
  ];
  const draft = (key: string): GradeDraft => grades[key] ?? { grade: '', rationale: '' };
  const edit = (key: string, patch: Partial<GradeDraft>) =>
    setGrades((prev) => ({ ...prev, [key]: { ...draft(key), ...prev[key], ...patch } }));

  const onSaveGrades = async (e: FormEvent) => {
    e.preventDefault();
    setBanner(null);
    const problems: FieldMessages = {};
    let anything = false;
    for (const r of rows) {
      const d = draft(r.key);
      const what = r.agencyId === null ? 'the overall grade' : `the ${r.name} grade`;
      if (d.grade !== '' || d.rationale.trim() !== '') anything = true;
      if (d.grade === '' && d.rationale.trim() !== '') problems[`grade:${r.key}`] = `Choose ${what}`;
      if (d.grade !== '' && d.rationale.trim() === '')
        problems[`rationale:${r.key}`] = `Give the rationale for ${what}`;
    }
    if (!anything) problems[`grade:${OVERALL}`] = 'Choose a grade and give its rationale';
    if (Object.keys(problems).length > 0) return errors.fail(problems);

    const changed = rows.filter((r) => {
      const d = draft(r.key);
      const before = saved.get(r.key);
      return d.grade !== '' && (!before || before.grade !== d.grade || before.rationale !== d.rationale.trim());
    });
    const next = new Map(saved);
    for (const r of changed) {
      const d = draft(r.key);
      try {
        const result = await setGrade.mutate({
          caseId: auditCase.id,
          agencyId: r.agencyId,
          grade: d.grade as Grade,
          rationale: d.rationale,
        });
        next.set(r.key, result);
      } catch (err) {
        setSaved(next);
        return errors.failFromServer(err, (path) =>
          path === 'grade' ? `grade:${r.key}` : path === 'rationale' ? `rationale:${r.key}` : undefined,
        );
      }
    }
    setSaved(next);
    errors.clear();
    setBanner((b) => ({
      text: changed.length === 0 ? 'No grades had changed' : `Grades saved for case ${auditCase.reference}`,
      n: (b?.n ?? 0) + 1,
    }));
  };

  // --- Discussion -----------------------------------------------------------------------------
  const existing: Discussion | undefined = detail.discussions.find((d) => d.caseId === auditCase.id);
  const nextKey = useRef(1);
  const newAttendee = (role = '', agencyId = ''): AttendeeDraft => ({ key: nextKey.current++, role, agencyId });
  const [heldOn, setHeldOn] = useState(existing?.heldOn ?? '');
  const [attendees, setAttendees] = useState<AttendeeDraft[]>(() =>
    existing && existing.attendees.length > 0
      ? existing.attendees.map((a) => newAttendee(a.role, a.agencyId))
      : [newAttendee()],
  );
  const [agreed, setAgreed] = useState(existing?.agreed ?? '');
  const [disagreements, setDisagreements] = useState(existing?.disagreements ?? '');
  const addButton = useRef<HTMLButtonElement>(null);
  const [focusRow, setFocusRow] = useState<number | null>(null);
  useEffect(() => {
    if (focusRow === null) return;
    document.getElementById(`attendee-${focusRow}-role`)?.focus();
    setFocusRow(null);
  }, [focusRow]);

  // Attendees may come from any partner agency, including those not involved in the case.
  const agencyOptions = detail.agencies
    .filter((a) => a.active || attendees.some((x) => x.agencyId === a.id))
    .map((a) => ({ value: a.id, label: a.name }));

  const onSaveDiscussion = async (e: FormEvent) => {
    e.preventDefault();
    setBanner(null);
    const problems: FieldMessages = {};
    if (heldOn.trim() === '') problems.heldOn = 'Enter the date of the discussion';
    else if (!isCalendarDate(heldOn.trim())) problems.heldOn = 'Enter the date of the discussion as a real date';
    // Rows left completely empty are ignored, as in any "add another" list.
    const filled = attendees.map((a, i) => ({ a, i })).filter(({ a }) => a.role.trim() !== '' || a.agencyId !== '');
    for (const { a, i } of filled) {
      if (a.role.trim() === '')
        problems[`attendees.${i}.role`] = `Enter the role of attendee ${i + 1} (not their name)`;
      if (a.agencyId === '') problems[`attendees.${i}.agencyId`] = `Choose the agency of attendee ${i + 1}`;
    }
    if (filled.length === 0) problems['attendees.0.role'] = 'Record who attended: the role and agency of each person';
    if (Object.keys(problems).length > 0) return errors.fail(problems);
    try {
      await saveDiscussion.mutate({
        caseId: auditCase.id,
        heldOn: heldOn.trim(),
        attendees: filled.map(({ a }) => ({ role: a.role.trim(), agencyId: a.agencyId })),
        agreed,
        disagreements,
      });
    } catch (err) {
      // Server paths count only the attendees sent, which are the filled rows in order.
      return errors.failFromServer(err, (path) => {
        if (path === 'heldOn') return 'heldOn';
        const m = /^attendees\.(\d+)\.(role|agencyId)$/.exec(path);
        const row = m ? filled[Number(m[1])] : undefined;
        if (m && row) return `attendees.${row.i}.${m[2]}`;
        if (path === 'attendees') return 'attendees.0.role';
        return undefined;
      });
    }
    setAttendees((list) => {
      const kept = list.filter((a) => a.role.trim() !== '' || a.agencyId !== '');
      return kept.length > 0 ? kept : list;
    });
    errors.clear();
    setBanner((b) => ({ text: `Discussion record saved for case ${auditCase.reference}`, n: (b?.n ?? 0) + 1 }));
  };

  const order: Array<[string, string]> = [
    ...rows.flatMap((r): Array<[string, string]> => [
      [`grade:${r.key}`, `grade-${r.key}`],
      [`rationale:${r.key}`, `rationale-${r.key}`],
    ]),
    ['heldOn', 'discussion-date'],
    ...attendees.flatMap((_, i): Array<[string, string]> => [
      [`attendees.${i}.role`, `attendee-${i}-role`],
      [`attendees.${i}.agencyId`, `attendee-${i}-agency`],
    ]),
  ];
  const items = errors.items(order);

  return (
    <Page
      title={`Case ${auditCase.reference}: grades and discussion`}
      caption={audit.title}
      breadcrumbs={[
        { to: paths.home(), text: 'Audits' },
        { to: paths.audit(audit.id), text: audit.title },
        { to: paths.auditReview(audit.id), text: 'Grades and discussions' },
      ]}
      hasErrors={items.length > 0}
      before={
        items.length > 0 ? (
          <ErrorSummary errors={items} focusKey={errors.attempt} />
        ) : banner ? (
          <NotificationBanner key={banner.n} kind="success" heading={banner.text} focus />
        ) : null
      }
    >
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <CaseDetails auditCase={auditCase} />
          {!editable ? (
            <p className="govuk-inset-text">This audit is signed: its grades and discussions can no longer change.</p>
          ) : null}

          <form noValidate onSubmit={(e) => void onSaveGrades(e)}>
            <h2 className="govuk-heading-m">Grades</h2>
            <p className="govuk-body">
              Grade the case overall and for each agency involved. Every grade needs its rationale: what in the records
              and the discussion led to it. Cases graded Requires improvement or Inadequate are escalated.
            </p>
            <fieldset className="govuk-fieldset" disabled={!editable}>
              <legend className="govuk-visually-hidden">Grades for case {auditCase.reference}</legend>
              {rows.map((r) => {
                const d = draft(r.key);
                const label = r.agencyId === null ? 'Overall grade for the case' : `${r.name}: grade`;
                return (
                  <div className="app-grade-block" key={r.key}>
                    <Radios
                      id={`grade-${r.key}`}
                      legend={label}
                      legendSize="s"
                      inline
                      error={errors.field(`grade:${r.key}`)}
                      items={GRADE_ITEMS}
                      value={d.grade}
                      onChange={(grade) => edit(r.key, { grade })}
                    />
                    <TextArea
                      id={`rationale-${r.key}`}
                      label={
                        r.agencyId === null ? 'Rationale for the overall grade' : `Rationale for the ${r.name} grade`
                      }
                      rows={3}
                      error={errors.field(`rationale:${r.key}`)}
                      value={d.rationale}
                      onChange={(rationale) => edit(r.key, { rationale })}
                    />
                  </div>
                );
              })}
            </fieldset>
            {editable ? (
              <button type="submit" className="govuk-button" disabled={setGrade.pending}>
                Save grades
              </button>
            ) : null}
          </form>

          <form noValidate onSubmit={(e) => void onSaveDiscussion(e)} className="app-section-gap">
            <h2 className="govuk-heading-m">Multi-agency discussion</h2>
            <p className="govuk-body">
              The meeting where the agencies involved discussed the case: record people by their role and agency, never
              by name.
            </p>
            <fieldset className="govuk-fieldset" disabled={!editable}>
              <legend className="govuk-visually-hidden">Discussion of case {auditCase.reference}</legend>
              <TextInput
                id="discussion-date"
                type="date"
                label="Date of the discussion"
                size="s"
                error={errors.field('heldOn')}
                value={heldOn}
                onChange={setHeldOn}
              />
              <div className="govuk-form-group">
                <fieldset className="govuk-fieldset" aria-describedby="attendees-hint">
                  <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">Who attended</legend>
                  <div className="govuk-hint" id="attendees-hint">
                    Each person’s role (for example, MASH team manager) and their agency
                  </div>
                  <ol className="app-agency-list">
                    {attendees.map((a, i) => {
                      const roleError = errors.field(`attendees.${i}.role`);
                      const agencyError = errors.field(`attendees.${i}.agencyId`);
                      return (
                        <li key={a.key}>
                          <fieldset className="govuk-fieldset app-agency-row">
                            <legend className="govuk-visually-hidden">Attendee {i + 1}</legend>
                            <div className="app-agency-row__name">
                              <TextInput
                                id={`attendee-${i}-role`}
                                label={
                                  <>
                                    Role<span className="govuk-visually-hidden"> of attendee {i + 1}</span>
                                  </>
                                }
                                error={roleError}
                                value={a.role}
                                onChange={(role) =>
                                  setAttendees((list) => list.map((x) => (x.key === a.key ? { ...x, role } : x)))
                                }
                              />
                            </div>
                            <div className="app-agency-row__kind">
                              <SelectInput
                                id={`attendee-${i}-agency`}
                                label={
                                  <>
                                    Agency<span className="govuk-visually-hidden"> of attendee {i + 1}</span>
                                  </>
                                }
                                error={agencyError}
                                placeholder="Choose an agency"
                                options={agencyOptions}
                                value={a.agencyId}
                                onChange={(agencyId) =>
                                  setAttendees((list) => list.map((x) => (x.key === a.key ? { ...x, agencyId } : x)))
                                }
                              />
                            </div>
                            {attendees.length > 1 ? (
                              <div className="app-agency-row__actions">
                                <button
                                  type="button"
                                  className="app-link-button"
                                  onClick={() => {
                                    setAttendees((list) => list.filter((x) => x.key !== a.key));
                                    addButton.current?.focus();
                                  }}
                                >
                                  Remove<span className="govuk-visually-hidden"> attendee {i + 1}</span>
                                </button>
                              </div>
                            ) : null}
                          </fieldset>
                        </li>
                      );
                    })}
                  </ol>
                  {editable ? (
                    <button
                      type="button"
                      ref={addButton}
                      className="govuk-button govuk-button--secondary"
                      onClick={() => {
                        setAttendees((list) => [...list, newAttendee()]);
                        setFocusRow(attendees.length);
                      }}
                    >
                      Add another attendee
                    </button>
                  ) : null}
                </fieldset>
              </div>
              <TextArea
                id="discussion-agreed"
                label="What was agreed"
                size="s"
                hint="The conclusions the agencies reached together, and anything to follow up"
                error={errors.field('agreed')}
                value={agreed}
                onChange={setAgreed}
              />
              <TextArea
                id="discussion-disagreements"
                label="Where agencies disagreed"
                size="s"
                hint="Include any disagreement left unresolved and how it will be escalated"
                error={errors.field('disagreements')}
                value={disagreements}
                onChange={setDisagreements}
              />
            </fieldset>
            {editable ? (
              <button type="submit" className="govuk-button" disabled={saveDiscussion.pending}>
                Save discussion record
              </button>
            ) : null}
          </form>
          <p className="govuk-body">
            <Link to={paths.auditReview(audit.id)}>Back to all cases’ grades and discussions</Link>
          </p>
        </div>
      </div>
    </Page>
  );
}
