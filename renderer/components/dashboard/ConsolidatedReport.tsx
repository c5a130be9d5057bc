import { PeriodReport } from './PeriodReport.js';

/** The QA sub-committee's consolidated report for a period, as a PDF or a Word document. */
export function ConsolidatedReport() {
  return (
    <PeriodReport
      id="report"
      heading="QA report for a period"
      what="QA report"
      kind="report.consolidated"
      formats={['pdf', 'docx']}
    >
      <p className="govuk-body app-readable">
        The consolidated report for the board: the audits of the period, their findings and the progress of every
        action. It is prepared from what is recorded here and changes nothing.
      </p>
    </PeriodReport>
  );
}

/** The evidence for the partnership's yearly report, as PDF, Word, or the figures as CSV. */
export function YearlyEvidenceReport() {
  return (
    <PeriodReport
      id="evidence"
      heading="Evidence for the yearly report"
      what="yearly report evidence"
      kind="report.evidence"
      formats={['pdf', 'docx', 'csv']}
    >
      <p className="govuk-body app-readable">
        What the partnership&rsquo;s yearly report needs from audit (Working Together to Safeguard Children 2023): the
        audits carried out, what they found, what changed as a result, where there was little or no progress, the
        actions from challenge panels, and how children&rsquo;s views were heard. Each figure names its audits; the CSV
        lists them.
      </p>
    </PeriodReport>
  );
}
