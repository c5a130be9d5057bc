// What a signature covers, as the GOV.UK "check your answers" pattern: the audit, then case by case
// each agency's answers and grades and the case's discussion, then the findings, recommendations and
// actions, each with a Change link to the screen where it is edited (which returns here once saved).
import type { ReactNode } from 'react';
import type { AnswerValue } from '../../../shared/answer.js';
import type { RevisionContent } from '../../../shared/bundle.js';
import { sectionCaption, templateNumbers } from '../../../shared/questionNumbers.js';
import type { Question, Template } from '../../../shared/template.js';
import { GRADE_LABELS } from '../../../shared/vocabulary.js';
import { ACTION_STATUS_LABELS } from '../../../shared/actionStatus.js';
import { longDate } from '../../lib/format.js';
import { questionOptions } from '../../lib/questionOptions.js';
import { paths } from '../../router.js';
import { withReturnTo } from '../../routes/returnTo.js';
import { Link } from '../Link.js';

/** An answer as people read it: the option's label, the number, the date or the text. */
export function answerText(q: Question | undefined, value: AnswerValue): string {
  if (value === null) return 'Not answered';
  if (!q) return Array.isArray(value) ? value.join(', ') : String(value);
  if (value === 'na' && q.type === 'yes_partly_no') return 'Not applicable';
  const labels = new Map(questionOptions(q).map((o) => [o.value, o.label]));
  if (Array.isArray(value)) return value.map((v) => labels.get(v) ?? v).join(', ');
  if (q.type === 'date' && typeof value === 'string') return longDate(value) || value;
  return labels.get(String(value)) ?? String(value);
}

function Row({
  label,
  children,
  change,
  changeWhat,
}: {
  label: string;
  children: ReactNode;
  change?: string | null | undefined;
  /** Said to screen readers after "Change". */
  changeWhat: string;
}) {
  return (
    <div className={`govuk-summary-list__row${change ? '' : ' govuk-summary-list__row--no-actions'}`}>
      <dt className="govuk-summary-list__key">{label}</dt>
      <dd className="govuk-summary-list__value">{children}</dd>
      {change ? (
        <dd className="govuk-summary-list__actions">
          <Link to={change}>
            Change<span className="govuk-visually-hidden"> {changeWhat}</span>
          </Link>
        </dd>
      ) : null}
    </div>
  );
}

function Card({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="govuk-summary-card">
      <div className="govuk-summary-card__title-wrapper">
        <h4 className="govuk-summary-card__title">{title}</h4>
      </div>
      <div className="govuk-summary-card__content">
        <dl className="govuk-summary-list">{children}</dl>
      </div>
    </div>
  );
}

function Paragraphs({ text }: { text: string }) {
  return (
    <>
      {text
        .split(/\n+/)
        .filter((t) => t.trim() !== '')
        .map((t, i) => (
          <p className="govuk-body" key={i}>
            {t}
          </p>
        ))}
    </>
  );
}

export function SignedContent({
  content,
  template,
  editable,
}: {
  content: Omit<RevisionContent, 'signer' | 'signedAt'>;
  template: Template | undefined;
  /** Change links only while the audit can change. */
  editable: boolean;
}) {
  const auditId = content.audit.id;
  const back = paths.signAudit(auditId);
  const change = (path: string) => (editable ? withReturnTo(path, back) : null);
  const numbering = template ? templateNumbers(template) : null;
  const questions = new Map<string, { q: Question; sectionId: string; order: number }>();
  let order = 0;
  for (const s of template?.sections ?? [])
    for (const q of s.questions) questions.set(q.id, { q, sectionId: s.id, order: order++ });
  const agencyName = new Map(content.agencies.map((a) => [a.id, a.name]));
  const findingKind = { strength: 'Strength', development: 'Area for development' } as const;

  return (
    <>
      <h3 className="govuk-heading-m">The audit</h3>
      <dl className="govuk-summary-list">
        <Row label="Audit" changeWhat="">
          {content.audit.title}
        </Row>
        <Row label="Why this audit" change={change(paths.findingsPurpose(auditId))} changeWhat="why this audit">
          {content.audit.purpose ? <Paragraphs text={content.audit.purpose} /> : 'Not given'}
        </Row>
      </dl>

      {content.cases.map((c) => {
        const checklists = content.checklists.filter((k) => k.caseId === c.id);
        const grades = content.grades.filter((g) => g.caseId === c.id);
        const discussion = content.discussions.find((d) => d.caseId === c.id);
        const review = change(paths.caseReview(auditId, c.id));
        return (
          <section key={c.id} aria-labelledby={`signed-case-${c.id}`}>
            <h3 className="govuk-heading-m" id={`signed-case-${c.id}`}>
              Case {c.reference}
            </h3>
            {checklists.map((k) => {
              const agency = agencyName.get(k.agencyId) ?? 'Agency';
              const answers = content.answers
                .filter((a) => a.checklistId === k.id)
                .sort((a, b) => (questions.get(a.questionId)?.order ?? 0) - (questions.get(b.questionId)?.order ?? 0));
              return (
                <Card key={k.id} title={`${agency}: answers`}>
                  {answers.length === 0 ? (
                    <Row label="Answers" changeWhat={`${agency}'s answers for case ${c.reference}`}>
                      None given
                    </Row>
                  ) : null}
                  {answers.map((a) => {
                    const found = questions.get(a.questionId);
                    const n = numbering?.questions.get(a.questionId);
                    const label = found ? `${n ? `${n} ` : ''}${found.q.text}` : a.questionId;
                    return (
                      <Row
                        key={a.questionId}
                        label={label}
                        change={change(paths.checklist(k.id, found?.sectionId))}
                        changeWhat={`the answer to question ${n ?? a.questionId} for ${agency}, case ${c.reference}`}
                      >
                        <p className="govuk-body">{answerText(found?.q, a.value)}</p>
                        {a.notApplicableReason ? (
                          <p className="govuk-body">Why it does not apply: {a.notApplicableReason}</p>
                        ) : null}
                        {a.evidence ? (
                          <div className="app-signed-evidence">
                            <span className="govuk-visually-hidden">Evidence: </span>
                            <Paragraphs text={a.evidence} />
                          </div>
                        ) : null}
                        {found && numbering ? (
                          <span className="app-grid-cell-meta">{sectionCaption(numbering, found.sectionId)}</span>
                        ) : null}
                      </Row>
                    );
                  })}
                </Card>
              );
            })}
            <Card title={`Case ${c.reference}: grades and discussion`}>
              {grades.length === 0 ? (
                <Row label="Grades" change={review} changeWhat={`the grades for case ${c.reference}`}>
                  None given
                </Row>
              ) : null}
              {grades.map((g) => {
                const who = g.agencyId === null ? 'Overall grade' : `${agencyName.get(g.agencyId) ?? 'Agency'} grade`;
                return (
                  <Row
                    key={g.agencyId ?? 'overall'}
                    label={who}
                    change={review}
                    changeWhat={`the ${who.toLowerCase()} for case ${c.reference}`}
                  >
                    <p className="govuk-body">{GRADE_LABELS[g.grade]}</p>
                    {g.rationale ? <Paragraphs text={g.rationale} /> : null}
                  </Row>
                );
              })}
              {discussion ? (
                <>
                  <Row label="Discussion held" change={review} changeWhat={`the discussion of case ${c.reference}`}>
                    {longDate(discussion.heldOn)}
                  </Row>
                  <Row label="What was agreed" change={review} changeWhat={`what was agreed for case ${c.reference}`}>
                    {discussion.agreed ? <Paragraphs text={discussion.agreed} /> : 'Nothing recorded'}
                  </Row>
                  {discussion.disagreements ? (
                    <Row
                      label="Disagreements"
                      change={review}
                      changeWhat={`the disagreements about case ${c.reference}`}
                    >
                      <Paragraphs text={discussion.disagreements} />
                    </Row>
                  ) : null}
                </>
              ) : null}
            </Card>
          </section>
        );
      })}

      <h3 className="govuk-heading-m">Findings, recommendations and actions</h3>
      <Card title="Findings">
        {content.findings.length === 0 ? (
          <Row label="Findings" changeWhat="">
            None written
          </Row>
        ) : null}
        {content.findings.map((f, i) => (
          <Row
            key={f.id}
            label={findingKind[f.kind]}
            change={change(paths.findingsEdit(auditId, f.id))}
            changeWhat={`finding ${i + 1}`}
          >
            <Paragraphs text={f.text} />
          </Row>
        ))}
      </Card>
      <Card title="Recommendations">
        {content.recommendations.length === 0 ? (
          <Row label="Recommendations" changeWhat="">
            None written
          </Row>
        ) : null}
        {content.recommendations.map((r, i) => (
          <Row
            key={r.id}
            label={`Recommendation ${i + 1}`}
            change={change(paths.actionsRecommendation(auditId, r.id))}
            changeWhat={`recommendation ${i + 1}`}
          >
            <Paragraphs text={r.text} />
          </Row>
        ))}
      </Card>
      <Card title="Actions">
        {content.actions.length === 0 ? (
          <Row label="Actions" changeWhat="">
            None planned
          </Row>
        ) : null}
        {content.actions.map((a, i) => (
          <Row
            key={a.id}
            label={`Action ${i + 1}`}
            change={change(paths.actionsEdit(a.id))}
            changeWhat={`action ${i + 1}`}
          >
            <Paragraphs text={a.text} />
            <p className="govuk-body">
              Led by {agencyName.get(a.leadAgencyId) ?? 'an agency'}
              {a.ownerRole ? ` (${a.ownerRole})` : ''}, due {longDate(a.dueDate)}. {ACTION_STATUS_LABELS[a.status]}.
            </p>
            {a.successMeasure ? <p className="govuk-body">Success measure: {a.successMeasure}</p> : null}
          </Row>
        ))}
      </Card>
    </>
  );
}
