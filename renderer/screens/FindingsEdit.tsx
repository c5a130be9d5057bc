import { useState, type FormEvent } from 'react';
import type { AuditDetail } from '../../shared/audit.js';
import type { Finding } from '../../shared/review.js';
import type { Template } from '../../shared/template.js';
import { LEARNING_THEMES, LEARNING_THEME_LABELS, type LearningTheme } from '../../shared/vocabulary.js';
import { useApiMutation, useApiQuery } from '../api/hooks.js';
import { ErrorSummary } from '../components/ErrorSummary.js';
import { Link } from '../components/Link.js';
import { Loading } from '../components/Loading.js';
import { LoadFailed } from '../components/LoadFailed.js';
import { Page } from '../components/Page.js';
import { Checkboxes, Radios, TextArea } from '../components/review/Fields.js';
import { useFormErrors } from '../components/review/useFormErrors.js';
import { navigate, paths } from '../router.js';

/** Add a finding of the auditor's own, or change one (including an accepted suggestion). */
export function FindingsEdit({ auditId, findingId }: { auditId: string; findingId?: string | undefined }) {
  const detail = useApiQuery('audits.get', { auditId });
  const findings = useApiQuery('findings.list', { auditId });
  const failed = detail.error ?? findings.error;
  if (failed) return <LoadFailed error={failed} onRetry={() => (detail.retry(), findings.retry())} />;
  if (!detail.data || !findings.data) return <Loading what="Loading the finding" />;
  const finding = findingId ? findings.data.find((f) => f.id === findingId) : undefined;
  if (findingId && !finding) {
    return (
      <Page title="Page not found">
        <p className="govuk-body">This audit has no such finding: it may have been removed.</p>
        <Link to={paths.findings(auditId)}>Go to the audit’s findings</Link>
      </Page>
    );
  }
  return <WithTemplate detail={detail.data} finding={finding} />;
}

function WithTemplate({ detail, finding }: { detail: AuditDetail; finding: Finding | undefined }) {
  const template = useApiQuery('templates.get', { id: detail.audit.templateId, version: detail.audit.templateVersion });
  if (template.error) return <LoadFailed error={template.error} onRetry={template.retry} />;
  if (!template.data) return <Loading what="Loading the finding" />;
  return <FindingForm detail={detail} template={template.data} finding={finding} />;
}

const KIND_ITEMS = [
  {
    value: 'strength',
    label: 'A strength',
    hint: 'Reported as “in many or most cases the following strengths were found”',
  },
  {
    value: 'development',
    label: 'An area for development',
    hint: 'Reported as “in some cases the following development areas were found”',
  },
];

function FindingForm({
  detail,
  template,
  finding,
}: {
  detail: AuditDetail;
  template: Template;
  finding: Finding | undefined;
}) {
  const { audit, cases } = detail;
  const save = useApiMutation('findings.save');
  const errors = useFormErrors();
  const [kind, setKind] = useState<string>(finding?.kind ?? '');
  const [text, setText] = useState(finding?.text ?? '');
  const [caseIds, setCaseIds] = useState<string[]>(finding?.caseIds ?? []);
  const [questionIds, setQuestionIds] = useState<string[]>(finding?.questionIds ?? []);
  const [themes, setThemes] = useState<string[]>(finding?.themes ?? []);
  const editable = audit.status === 'in_progress';

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const problems: Record<string, string> = {};
    if (kind !== 'strength' && kind !== 'development')
      problems.kind = 'Choose whether the finding is a strength or an area for development';
    if (text.trim() === '') problems.text = 'Write the finding';
    if (Object.keys(problems).length > 0) return errors.fail(problems);
    try {
      await save.mutate({
        ...(finding ? { id: finding.id } : {}),
        auditId: audit.id,
        kind: kind as Finding['kind'],
        text,
        origin: finding?.origin ?? 'own',
        caseIds,
        questionIds,
        themes: themes as LearningTheme[],
      });
      navigate(paths.findings(audit.id), { flash: finding ? 'Finding saved' : 'Finding added' });
    } catch (err) {
      errors.failFromServer(err, (path) => {
        const field = path.split('.')[0] ?? '';
        return ['kind', 'text', 'caseIds', 'questionIds', 'themes'].includes(field) ? field : undefined;
      });
    }
  };

  const items = errors.items([
    ['kind', 'finding-kind'],
    ['text', 'finding-text'],
    ['caseIds', 'finding-cases'],
    ['questionIds', 'finding-questions-0'],
    ['themes', 'finding-themes'],
  ]);
  const title = finding ? 'Change a finding' : 'Add a finding of your own';

  return (
    <Page
      title={title}
      caption={audit.title}
      narrow
      breadcrumbs={[
        { to: paths.home(), text: 'Audits' },
        { to: paths.audit(audit.id), text: audit.title },
        { to: paths.findings(audit.id), text: 'Findings' },
      ]}
      hasErrors={items.length > 0}
      before={items.length > 0 ? <ErrorSummary errors={items} focusKey={errors.attempt} /> : null}
    >
      {finding?.origin === 'suggested' ? (
        <p className="govuk-inset-text">
          This finding was suggested from the answers. Put it in the words the board’s report will use; the cases and
          questions it rests on are kept unless you change them.
        </p>
      ) : null}
      <form noValidate onSubmit={(e) => void onSubmit(e)}>
        <fieldset className="govuk-fieldset" disabled={!editable}>
          <legend className="govuk-visually-hidden">{title}</legend>
          <Radios
            id="finding-kind"
            legend="What kind of finding is it?"
            legendSize="m"
            error={errors.field('kind')}
            items={KIND_ITEMS}
            value={kind}
            onChange={setKind}
          />
          <TextArea
            id="finding-text"
            label="The finding"
            size="m"
            hint="As it will read in the report, for example: “Chronologies were not up to date”"
            rows={5}
            error={errors.field('text')}
            value={text}
            onChange={setText}
          />
          <Checkboxes
            id="finding-cases"
            legend="Evidence: the cases it was found in"
            legendSize="m"
            hint="Select all that apply"
            error={errors.field('caseIds')}
            items={cases.map((c) => ({ value: c.id, label: c.reference }))}
            values={caseIds}
            onChange={setCaseIds}
          />
          <div
            className={errors.field('questionIds') ? 'govuk-form-group govuk-form-group--error' : 'govuk-form-group'}
          >
            <fieldset className="govuk-fieldset" aria-describedby="finding-questions-hint">
              <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">The questions it rests on</legend>
              <div className="govuk-hint" id="finding-questions-hint">
                Select all that apply (optional)
              </div>
              {template.sections.map((s, si) => (
                <Checkboxes
                  key={s.id}
                  id={`finding-questions-${si}`}
                  name="finding-questions"
                  legend={`${si + 1}. ${s.title}`}
                  legendSize="s"
                  error={undefined}
                  small
                  items={s.questions.map((q, qi) => ({ value: q.id, label: `${si + 1}.${qi + 1} ${q.text}` }))}
                  values={questionIds.filter((id) => s.questions.some((q) => q.id === id))}
                  onChange={(chosen) =>
                    setQuestionIds((all) => [...all.filter((id) => !s.questions.some((q) => q.id === id)), ...chosen])
                  }
                />
              ))}
            </fieldset>
          </div>
          <Checkboxes
            id="finding-themes"
            legend="Learning themes"
            legendSize="m"
            hint="The themes from serious case reviews this finding bears on (optional)"
            error={errors.field('themes')}
            items={LEARNING_THEMES.map((t) => ({ value: t, label: LEARNING_THEME_LABELS[t] }))}
            values={themes}
            onChange={setThemes}
          />
        </fieldset>
        <div className="govuk-button-group">
          {editable ? (
            <button type="submit" className="govuk-button" disabled={save.pending}>
              Save finding
            </button>
          ) : null}
          <Link to={paths.findings(audit.id)}>Cancel</Link>
        </div>
      </form>
    </Page>
  );
}
