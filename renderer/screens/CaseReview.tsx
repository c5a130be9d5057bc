import { useState } from 'react';
import { z } from 'zod';
import type { AuditDetail } from '../../shared/audit.js';
import type { AuditCase } from '../../shared/auditCase.js';
import type { Agency } from '../../shared/board.js';
import { gradeQuestionFor } from '../../shared/gradeQuestion.js';
import { templateNumbers } from '../../shared/questionNumbers.js';
import { caseGradeInputSchema, discussionInputSchema, type CaseGrade, type Discussion } from '../../shared/review.js';
import type { Template } from '../../shared/template.js';
import { GRADES, GRADE_LABELS, type Grade } from '../../shared/vocabulary.js';
import { useApiMutation, useApiQuery } from '../api/hooks.js';
import {
  attendeeFieldName,
  AttendeeRows,
  attendeeRowsSchema,
  attendeesToSend,
  checkAttendees,
  filledAttendees,
} from '../components/AttendeeRows.js';
import { CaseDetails } from '../components/CaseDetails.js';
import {
  checkRule,
  DateField,
  dateInputSchema,
  dateProblem,
  ErrorSummary,
  Form,
  formSummaryItems,
  RadiosField,
  TextareaField,
  useWatch,
  useZodForm,
} from '../components/form/index.js';
import { Link } from '../components/Link.js';
import { Loading } from '../components/Loading.js';
import { LoadFailed } from '../components/LoadFailed.js';
import { NotificationBanner } from '../components/NotificationBanner.js';
import { Page } from '../components/Page.js';
import { applyApiError } from '../lib/formErrors.js';
import { navigate, paths } from '../router.js';
import { useReturnTo } from '../routes/returnTo.js';
import { FormPersonalDataWarning } from '../components/personalData/index.js';

/** One case's review: the overall grade and each involved agency's grade, and the multi-agency discussion. */
export function CaseReview({ auditId, caseId }: { auditId: string; caseId: string }) {
  const detail = useApiQuery('audits.get', { auditId });
  if (detail.error) return <LoadFailed error={detail.error} onRetry={detail.retry} />;
  if (!detail.data) return <Loading what="Loading the case" />;
  const auditCase = detail.data.cases.find((c) => c.id === caseId);
  if (!auditCase) {
    return (
      <Page title="Page not found">
        <p className="govuk-body">This audit has no such case.</p>
        <Link to={paths.review(auditId)}>Go to the audit’s grades and discussions</Link>
      </Page>
    );
  }
  return <CaseReviewWithTemplate detail={detail.data} auditCase={auditCase} />;
}

/** The audit's template says which agencies' checklists ask the grade the page sets. */
function CaseReviewWithTemplate({ detail, auditCase }: { detail: AuditDetail; auditCase: AuditCase }) {
  const template = useApiQuery('templates.get', { id: detail.audit.templateId, version: detail.audit.templateVersion });
  // Without the template the grades still work; only the hints naming the checklists' question go.
  if (!template.data && !template.error) return <Loading what="Loading the case" />;
  return <CaseReviewForm detail={detail} auditCase={auditCase} template={template.data} />;
}

const OVERALL = 'overall';
const GRADE_ITEMS = GRADES.map((g) => ({ value: g, label: GRADE_LABELS[g] }));

interface GradeRow {
  key: string;
  agencyId: string | null;
  name: string;
  /** How the grade is named in its error messages: "the overall grade", "the Police grade". */
  what: string;
  /** Says which checklist question holds the same grade, when the agency's checklist asks one. */
  hint?: string;
}

/** The hint of an agency's grade whose checklist asks the grade question: they are one value. */
function sameAsChecklist(template: Template | undefined, agency: Agency): string | undefined {
  const q = template ? gradeQuestionFor(template, agency.kind) : undefined;
  if (!template || !q) return undefined;
  const number = templateNumbers(template).questions.get(q.id);
  return `The same grade as question ${number} of the ${agency.name} checklist (“${q.text}”): changing either changes both`;
}

// The rules are the services' own (caseGradeInputSchema, discussionInputSchema, AttendeeRows'); the
// form adds only what a page of several rows needs: rows left empty are skipped, and each message
// names its row.
const gradeRule = caseGradeInputSchema.pick({ grade: true, rationale: true });
const gradesFormSchema = (rows: readonly GradeRow[]) =>
  z
    .object({
      grades: z.array(
        z.object({
          grade: z
            .string()
            .nullable()
            .transform((v) => v ?? ''),
          rationale: z.string(),
        }),
      ),
    })
    .superRefine(({ grades }, ctx) => {
      const filled = grades.flatMap((g, i) => (g.grade !== '' || g.rationale.trim() !== '' ? [i] : []));
      if (filled.length === 0) {
        ctx.addIssue({
          code: 'custom',
          path: ['grades', 0, 'grade'],
          message: 'Choose a grade and give its rationale',
        });
      }
      for (const i of filled) {
        const what = rows[i]?.what ?? 'the grade';
        checkRule(ctx, ['grades', i, 'grade'], gradeRule.shape.grade, grades[i]!.grade, {
          invalid_value: `Choose ${what}`,
          invalid_type: `Choose ${what}`,
        });
        checkRule(ctx, ['grades', i, 'rationale'], gradeRule.shape.rationale, grades[i]!.rationale, {
          too_small: `Give the rationale for ${what}`,
        });
      }
    });
type GradesValues = z.output<ReturnType<typeof gradesFormSchema>>;

const discussionFormSchema = z
  .object({
    heldOn: dateInputSchema({ label: 'Date of the discussion', required: 'Enter the date of the discussion' }),
    attendees: attendeeRowsSchema,
    agreed: discussionInputSchema.shape.agreed,
    disagreements: discussionInputSchema.shape.disagreements,
  })
  .superRefine(({ heldOn, attendees }, ctx) => {
    // The boxes' own messages come first (dateInputSchema); a whole date is then held to the service's rule.
    if (heldOn !== '' && !dateProblem(heldOn, 'Date of the discussion'))
      checkRule(ctx, ['heldOn'], discussionInputSchema.shape.heldOn, heldOn, {
        invalid_format: 'Enter the date of the discussion as a real date',
      });
    checkAttendees(ctx, attendees, discussionInputSchema.shape.attendees, {
      too_small: 'Record who attended: the role and agency of each person',
      too_big: 'Record at most 50 attendees',
    });
  });
type DiscussionValues = z.output<typeof discussionFormSchema>;

const gradeKey = (agencyId: string | null) => agencyId ?? OVERALL;

function CaseReviewForm({
  detail,
  auditCase,
  template,
}: {
  detail: AuditDetail;
  auditCase: AuditCase;
  template: Template | undefined;
}) {
  const { audit } = detail;
  const editable = audit.status === 'in_progress';
  const setGrade = useApiMutation('grades.set');
  const saveDiscussion = useApiMutation('discussions.save');
  const [banner, setBanner] = useState<{ text: string; n: number } | null>(null);
  const [attempt, setAttempt] = useState(0);
  // Opened from the check before signing: a save goes back there.
  const returnTo = useReturnTo();

  // The agencies involved in the board's order, as the checklists and the audit's grid list them.
  const involved = detail.agencies.filter((a) => auditCase.agencyIds.includes(a.id));
  const rows: GradeRow[] = [
    { key: OVERALL, agencyId: null, name: 'overall', what: 'the overall grade' },
    ...involved.map((a) => ({
      key: a.id,
      agencyId: a.id,
      name: a.name,
      what: `the ${a.name} grade`,
      hint: sameAsChecklist(template, a),
    })),
  ];

  // --- Grades --------------------------------------------------------------------------------
  const [saved, setSaved] = useState<Map<string, CaseGrade>>(
    () => new Map(detail.grades.filter((g) => g.caseId === auditCase.id).map((g) => [gradeKey(g.agencyId), g])),
  );
  const gradesForm = useZodForm(gradesFormSchema(rows), {
    reValidateMode: 'onSubmit',
    defaultValues: {
      grades: rows.map((r) => {
        const g = saved.get(r.key);
        return { grade: g?.grade ?? '', rationale: g?.rationale ?? '' };
      }),
    },
  });

  // --- Discussion -----------------------------------------------------------------------------
  const existing: Discussion | undefined = detail.discussions.find((d) => d.caseId === auditCase.id);
  const discussionForm = useZodForm(discussionFormSchema, {
    reValidateMode: 'onSubmit',
    defaultValues: {
      heldOn: existing?.heldOn ?? '',
      attendees:
        existing && existing.attendees.length > 0
          ? existing.attendees.map((a) => ({ role: a.role, agencyId: a.agencyId }))
          : [{ role: '', agencyId: '' }],
      agreed: existing?.agreed ?? '',
      disagreements: existing?.disagreements ?? '',
    },
  });

  // One summary for the page: it shows the problems of the last form submitted, as a save that worked
  // clears both forms' problems.
  const failed = (other: { clearErrors: () => void }) => () => {
    other.clearErrors();
    setAttempt((n) => n + 1);
  };

  const succeeded = (text: string) => {
    if (returnTo !== undefined) return navigate(returnTo, { flash: text });
    gradesForm.clearErrors();
    discussionForm.clearErrors();
    setBanner((b) => ({ text, n: (b?.n ?? 0) + 1 }));
  };

  const onSaveGrades = async (values: GradesValues) => {
    setBanner(null);
    const changed = rows.flatMap((r, i) => {
      const d = values.grades[i];
      const before = saved.get(r.key);
      return d && d.grade !== '' && (!before || before.grade !== d.grade || before.rationale !== d.rationale.trim())
        ? [{ r, i, d }]
        : [];
    });
    const next = new Map(saved);
    for (const { r, i, d } of changed) {
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
        applyApiError(gradesForm, err, ([field]) =>
          field === 'grade' || field === 'rationale' ? `grades.${i}.${field}` : undefined,
        );
        return failed(discussionForm)();
      }
    }
    setSaved(next);
    succeeded(changed.length === 0 ? 'No grades had changed' : `Grades saved for case ${auditCase.reference}`);
  };

  // Attendees may come from any partner agency, including those not involved in the case.
  const chosenAgencies = useWatch({ control: discussionForm.control, name: 'attendees' }).map((a) => a.agencyId);
  const agencyOptions = detail.agencies
    .filter((a) => a.active || chosenAgencies.includes(a.id))
    .map((a) => ({ value: a.id, label: a.name }));

  const onSaveDiscussion = async (values: DiscussionValues) => {
    setBanner(null);
    const sent = attendeesToSend(values.attendees);
    try {
      await saveDiscussion.mutate({
        caseId: auditCase.id,
        heldOn: values.heldOn.trim(),
        attendees: sent,
        agreed: values.agreed,
        disagreements: values.disagreements,
      });
    } catch (err) {
      applyApiError(discussionForm, err, (path) =>
        path[0] === 'heldOn' || path[0] === 'agreed' || path[0] === 'disagreements'
          ? path[0]
          : attendeeFieldName(values.attendees, path),
      );
      return failed(gradesForm)();
    }
    // The rows left empty go; the rows saved stay as they were typed.
    if (sent.length > 0 && sent.length < values.attendees.length) {
      discussionForm.setValue(
        'attendees',
        filledAttendees(values.attendees).map((i) => values.attendees[i]!),
      );
    }
    succeeded(`Discussion record saved for case ${auditCase.reference}`);
  };

  // The fields register the ids their messages link to; one summary shows both forms' problems.
  const items = [
    ...formSummaryItems(gradesForm, gradesForm.formState.errors),
    ...formSummaryItems(discussionForm, discussionForm.formState.errors),
  ];

  return (
    <Page
      title={`Case ${auditCase.reference}: grades and discussion`}
      caption={audit.title}
      breadcrumbs={[
        { to: paths.auditsList(), text: 'Audits' },
        { to: paths.auditOverview(audit.id), text: audit.title },
        { to: paths.review(audit.id), text: 'Grades and discussions' },
      ]}
      hasErrors={items.length > 0}
      before={
        items.length > 0 ? (
          <ErrorSummary errors={items} focusKey={attempt} />
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

          <Form form={gradesForm} summary="none" onSubmit={onSaveGrades} onInvalid={failed(discussionForm)}>
            <h2 className="govuk-heading-m">Grades</h2>
            <p className="govuk-body">
              Grade the case overall and for each agency involved. Every grade needs its rationale: what in the records
              and the discussion led to it. Cases graded Requires improvement or Inadequate are escalated.
            </p>
            <fieldset className="govuk-fieldset" disabled={!editable}>
              <legend className="govuk-visually-hidden">Grades for case {auditCase.reference}</legend>
              {rows.map((r, i) => (
                <div className="app-grade-block" key={r.key}>
                  <RadiosField
                    name={`grades.${i}.grade`}
                    id={`grade-${r.key}`}
                    legend={r.agencyId === null ? 'Overall grade for the case' : `${r.name}: grade`}
                    legendSize="s"
                    hint={r.hint}
                    inline
                    options={GRADE_ITEMS}
                  />
                  <TextareaField
                    name={`grades.${i}.rationale`}
                    id={`rationale-${r.key}`}
                    label={
                      r.agencyId === null ? 'Rationale for the overall grade' : `Rationale for the ${r.name} grade`
                    }
                    rows={3}
                  />
                  <FormPersonalDataWarning name={`grades.${i}.rationale`} fieldId={`rationale-${r.key}`} />
                </div>
              ))}
            </fieldset>
            {editable ? (
              <button type="submit" className="govuk-button" disabled={setGrade.pending}>
                Save grades
              </button>
            ) : null}
          </Form>

          <Form
            form={discussionForm}
            summary="none"
            onSubmit={onSaveDiscussion}
            onInvalid={failed(gradesForm)}
            className="app-section-gap"
          >
            <h2 className="govuk-heading-m">Multi-agency discussion</h2>
            <p className="govuk-body">
              The meeting where the agencies involved discussed the case: record people by their role and agency, never
              by name.
            </p>
            <fieldset className="govuk-fieldset" disabled={!editable}>
              <legend className="govuk-visually-hidden">Discussion of case {auditCase.reference}</legend>
              <DateField
                name="heldOn"
                id="discussion-date"
                legend="Date of the discussion"
                legendSize="s"
                label="Date of the discussion"
                hint="For example, 10 2 2026"
              />
              <div className="govuk-form-group">
                <fieldset className="govuk-fieldset" aria-describedby="attendees-hint">
                  <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">Who attended</legend>
                  <div className="govuk-hint" id="attendees-hint">
                    Each person’s role (for example, MASH team manager) and their agency
                  </div>
                  <AttendeeRows agencyOptions={agencyOptions} canChange={editable} legendHidden />
                </fieldset>
              </div>
              <TextareaField
                name="agreed"
                id="discussion-agreed"
                label="What was agreed"
                labelSize="s"
                hint="The conclusions the agencies reached together, and anything to follow up"
              />
              <FormPersonalDataWarning name="agreed" fieldId="discussion-agreed" />
              <TextareaField
                name="disagreements"
                id="discussion-disagreements"
                label="Where agencies disagreed"
                labelSize="s"
                hint="Include any disagreement left unresolved and how it will be escalated"
              />
              <FormPersonalDataWarning name="disagreements" fieldId="discussion-disagreements" />
            </fieldset>
            {editable ? (
              <button type="submit" className="govuk-button" disabled={saveDiscussion.pending}>
                Save discussion record
              </button>
            ) : null}
          </Form>
          <p className="govuk-body">
            <Link to={paths.review(audit.id)}>Back to all cases’ grades and discussions</Link>
          </p>
        </div>
      </div>
    </Page>
  );
}
