import type { AuditCase } from '../../shared/auditCase.js';
import { DISABILITY_LABELS, ETHNICITY_LABELS, GENDER_LABELS, PLAN_TYPE_LABELS } from '../../shared/vocabulary.js';
import { ageBandLabel } from '../lib/format.js';

/** The pseudonymised description of a case, folded away under its reference. */
export function CaseDetails({ auditCase }: { auditCase: AuditCase }) {
  const rows: Array<[string, string]> = [
    ['Age band', ageBandLabel(auditCase.ageBand)],
    ['Gender', GENDER_LABELS[auditCase.gender]],
    ['Ethnic group', ETHNICITY_LABELS[auditCase.ethnicity]],
    ['Disability', DISABILITY_LABELS[auditCase.disability]],
    ['Plan type', PLAN_TYPE_LABELS[auditCase.planType]],
  ];
  return (
    <details className="govuk-details">
      <summary className="govuk-details__summary">
        <span className="govuk-details__summary-text">About case {auditCase.reference}</span>
      </summary>
      <div className="govuk-details__text">
        <dl className="govuk-summary-list govuk-!-margin-bottom-0">
          {rows.map(([key, value]) => (
            <div className="govuk-summary-list__row" key={key}>
              <dt className="govuk-summary-list__key">{key}</dt>
              <dd className="govuk-summary-list__value">{value}</dd>
            </div>
          ))}
        </dl>
      </div>
    </details>
  );
}
