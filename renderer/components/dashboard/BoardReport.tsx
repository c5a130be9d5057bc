import { useCallback, useRef } from 'react';
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

  const get = (format: 'pdf' | 'docx') => {
    last.current = format;
    const what = format === 'pdf' ? 'board report (PDF)' : 'board report (Word)';
    job.start(what, { kind: 'report.audit', auditId, format }, downloadReport(what, FILE_TYPES[format]));
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
