import { useState, type FormEvent } from 'react';
import type { AuditSummary } from '../../shared/audit.js';
import { useApiMutation, useApiQuery } from '../api/hooks.js';
import { ErrorSummary } from '../components/ErrorSummary.js';
import { Link } from '../components/Link.js';
import { Loading } from '../components/Loading.js';
import { LoadFailed } from '../components/LoadFailed.js';
import { Page } from '../components/Page.js';
import { TextArea, TextInput } from '../components/review/Fields.js';
import { parsePercent, percentText } from '../components/review/helpers.js';
import { useFormErrors } from '../components/review/useFormErrors.js';
import { navigate, paths } from '../router.js';

/** Why the audit was done, and where "some" and "many or most" begin for its findings. */
export function FindingsPurpose({ auditId }: { auditId: string }) {
  const detail = useApiQuery('audits.get', { auditId });
  if (detail.error) return <LoadFailed error={detail.error} onRetry={detail.retry} />;
  if (!detail.data) return <Loading what="Loading the audit" />;
  return <PurposeForm audit={detail.data.audit} />;
}

function PurposeForm({ audit }: { audit: AuditSummary }) {
  const update = useApiMutation('audits.update');
  const errors = useFormErrors();
  const [purpose, setPurpose] = useState(audit.purpose);
  const [some, setSome] = useState(percentText(audit.thresholds.someThreshold));
  const [many, setMany] = useState(percentText(audit.thresholds.manyThreshold));

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const problems: Record<string, string> = {};
    const someShare = parsePercent(some);
    const manyShare = parsePercent(many);
    const check = (share: number | null, field: string, what: string) => {
      if (share === null) problems[field] = `Enter the ${what} threshold as a percentage, like 20`;
      else if (share <= 0 || share > 1) problems[field] = `The ${what} threshold must be more than 0% and at most 100%`;
    };
    check(someShare, 'some', '“some”');
    check(manyShare, 'many', '“many or most”');
    if (!problems.some && !problems.many && someShare !== null && manyShare !== null && someShare >= manyShare) {
      problems.some = 'The “some” threshold must be below the “many or most” threshold';
    }
    if (purpose.length > 10000) problems.purpose = 'Why this audit must be 10,000 characters or fewer';
    if (Object.keys(problems).length > 0) return errors.fail(problems);
    try {
      await update.mutate({
        auditId: audit.id,
        purpose,
        thresholds: { someThreshold: someShare!, manyThreshold: manyShare! },
      });
      navigate(paths.findings(audit.id), { flash: 'Why this audit and the thresholds are saved' });
    } catch (err) {
      errors.failFromServer(err, (path) => {
        if (path === 'purpose') return 'purpose';
        if (path === 'thresholds.someThreshold' || path === 'thresholds') return 'some';
        if (path === 'thresholds.manyThreshold') return 'many';
        return undefined;
      });
    }
  };

  const items = errors.items([
    ['purpose', 'audit-purpose'],
    ['some', 'threshold-some'],
    ['many', 'threshold-many'],
  ]);

  return (
    <Page
      title="Why this audit and its thresholds"
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
      <form noValidate onSubmit={(e) => void onSubmit(e)}>
        <TextArea
          id="audit-purpose"
          label="Why this audit"
          size="m"
          hint="What the board wanted to know and why: the learning, data or concern that led to it. This opens the summary."
          rows={6}
          error={errors.field('purpose')}
          value={purpose}
          onChange={setPurpose}
        />
        <div className="govuk-form-group">
          <fieldset className="govuk-fieldset" aria-describedby="thresholds-hint">
            <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">Prevalence thresholds</legend>
            <div className="govuk-hint" id="thresholds-hint">
              The share of the cases assessed at which a finding is reported as found “in some cases” or “in many or
              most cases”. A share exactly at a threshold counts as the higher word.
            </div>
            <TextInput
              id="threshold-some"
              label="“In some cases” from"
              width="5"
              suffix="%"
              error={errors.field('some')}
              value={some}
              onChange={setSome}
            />
            <TextInput
              id="threshold-many"
              label="“In many or most cases” from"
              width="5"
              suffix="%"
              error={errors.field('many')}
              value={many}
              onChange={setMany}
            />
          </fieldset>
        </div>
        <div className="govuk-button-group">
          <button type="submit" className="govuk-button" disabled={update.pending}>
            Save
          </button>
          <Link to={paths.findings(audit.id)}>Cancel</Link>
        </div>
      </form>
    </Page>
  );
}
