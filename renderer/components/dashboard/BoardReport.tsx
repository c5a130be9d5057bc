import { useCallback, useRef, useState } from 'react';
import { personalDataStatement } from '../../../shared/exportPersonalData.js';
import { useJob } from '../../lib/useJob.js';
import { paths } from '../../router.js';
import { Link } from '../Link.js';
import { JobProgress } from '../JobProgress.js';
import { FILE_TYPES } from './Download.js';
import { downloadReport, REPORT_CANCELLED } from './reportJob.js';

/** On an audit's overview: the board's report of the audit as PDF or Word, and its challenge panels. */
export function BoardReport({ auditId }: { auditId: string }) {
  const job = useJob();
  const pdfButton = useRef<HTMLButtonElement>(null);
  const docxButton = useRef<HTMLButtonElement>(null);
  const last = useRef<'pdf' | 'docx'>('pdf');
  const returnFocus = useCallback(() => (last.current === 'pdf' ? pdfButton.current : docxButton.current), []);
  const preparing = job.state.kind === 'running';
  const [withoutCases, setWithoutCases] = useState(false);

  const get = (format: 'pdf' | 'docx') => {
    last.current = format;
    const what = `board report${withoutCases ? ' without case detail' : ''} (${format === 'pdf' ? 'PDF' : 'Word'})`;
    job.start(
      what,
      { kind: 'report.audit', auditId, format, caseDetail: !withoutCases },
      downloadReport(what, FILE_TYPES[format]),
    );
  };

  return (
    <section aria-labelledby="board-report-heading" className="app-section-gap">
      <h2 className="govuk-heading-m" id="board-report-heading">
        Board report and challenge panels
      </h2>
      <p className="govuk-body app-readable">
        The audit as the board’s report tells it: purpose, sample, findings by prevalence, recommendations and the
        action plan, with the signature of the latest signed revision.
      </p>
      <div className="govuk-form-group">
        <div className="govuk-checkboxes govuk-checkboxes--small" data-module="govuk-checkboxes">
          <div className="govuk-checkboxes__item">
            <input
              className="govuk-checkboxes__input"
              id="board-report-without-cases"
              type="checkbox"
              checked={withoutCases}
              onChange={(e) => setWithoutCases(e.target.checked)}
              aria-describedby="board-report-without-cases-hint"
            />
            <label className="govuk-label govuk-checkboxes__label" htmlFor="board-report-without-cases">
              Leave out case-level detail
            </label>
            <div id="board-report-without-cases-hint" className="govuk-hint govuk-checkboxes__hint">
              For papers that go beyond the board: no case references, no make-up of the sample and no passages quoted
              from the case records. The findings, their prevalence and the action plan stay.
            </div>
          </div>
        </div>
      </div>
      <p className="govuk-body-s app-readable" id="board-report-personal-data">
        {personalDataStatement(withoutCases ? 'boardReportWithoutCaseDetail' : 'boardReport')}
      </p>
      <div className="govuk-button-group">
        <button
          type="button"
          ref={pdfButton}
          className="govuk-button govuk-button--secondary"
          disabled={preparing}
          onClick={() => get('pdf')}
        >
          Download board report (PDF)
        </button>
        <button
          type="button"
          ref={docxButton}
          className="govuk-button govuk-button--secondary"
          disabled={preparing}
          onClick={() => get('docx')}
        >
          Download board report (Word)
        </button>
      </div>
      <JobProgress job={job} returnFocus={returnFocus} cancelledMessage={REPORT_CANCELLED} />
      <p className="govuk-body">
        <Link to={paths.panels(auditId)}>Challenge panels</Link>
        <span className="app-grid-cell-meta">
          The chair goes through the findings with each agency: the challenge, the response and the panel’s outcome
        </span>
      </p>
    </section>
  );
}
