import { useCallback, useRef, useState, type FormEvent } from 'react';
import { londonDate } from '../../../shared/today.js';
import { ErrorSummary } from '../ErrorSummary.js';
import { TextInput } from '../review/Fields.js';
import { isCalendarDate } from '../review/helpers.js';
import { useFormErrors } from '../review/useFormErrors.js';
import { useJob } from '../../lib/useJob.js';
import { JobProgress } from '../JobProgress.js';
import { FILE_TYPES } from './Download.js';
import { downloadReport, REPORT_CANCELLED } from './reportJob.js';

/** The first day of the financial year (1 April) that `today` falls in: boards report by year to March. */
function financialYearStart(today: string): string {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  return `${month >= 4 ? year : year - 1}-04-01`;
}

/** The QA sub-committee's consolidated report for a period, as a PDF or a Word document. */
export function ConsolidatedReport() {
  const today = londonDate(new Date());
  const [from, setFrom] = useState(() => financialYearStart(today));
  const [to, setTo] = useState(today);
  const errors = useFormErrors();
  const job = useJob();
  const submit = useRef<HTMLButtonElement>(null);
  // Which of the two buttons sent the form.
  const format = useRef<'pdf' | 'docx'>('pdf');
  const returnFocus = useCallback(() => submit.current, []);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const f = from.trim();
    const t = to.trim();
    const problems: Record<string, string> = {};
    if (!isCalendarDate(f)) problems.from = 'Enter the start of the period as a real date';
    if (!isCalendarDate(t)) problems.to = 'Enter the end of the period as a real date';
    else if (isCalendarDate(f) && f > t) problems.to = 'The end of the period must be the same as or after its start';
    if (Object.keys(problems).length > 0) return errors.fail(problems);
    errors.clear();
    const as = format.current;
    job.start(
      'QA report',
      { kind: 'report.consolidated', from: f, to: t, format: as },
      downloadReport('QA report', FILE_TYPES[as]),
    );
  };

  const items = errors.items([
    ['from', 'report-from'],
    ['to', 'report-to'],
  ]);

  return (
    <section aria-labelledby="report-heading" className="app-dashboard-section">
      <h2 className="govuk-heading-l" id="report-heading">
        QA report for a period
      </h2>
      <p className="govuk-body app-readable">
        The consolidated report for the board: the audits of the period, their findings and the progress of every
        action. It is prepared from what is recorded here and changes nothing.
      </p>
      {items.length > 0 ? <ErrorSummary errors={items} focusKey={errors.attempt} /> : null}
      <form noValidate onSubmit={onSubmit} aria-labelledby="report-heading">
        <div className="app-filters__fields">
          <TextInput
            id="report-from"
            type="date"
            label="Start of the period"
            error={errors.field('from')}
            value={from}
            onChange={setFrom}
          />
          <TextInput
            id="report-to"
            type="date"
            label="End of the period"
            error={errors.field('to')}
            value={to}
            onChange={setTo}
          />
        </div>
        <div className="govuk-button-group">
          <button
            type="submit"
            ref={submit}
            className="govuk-button govuk-button--secondary"
            disabled={job.state.kind === 'running'}
            onClick={() => (format.current = 'pdf')}
          >
            Download the QA report (PDF)
          </button>
          <button
            type="submit"
            className="govuk-button govuk-button--secondary"
            disabled={job.state.kind === 'running'}
            onClick={() => (format.current = 'docx')}
          >
            Download the QA report (Word)
          </button>
        </div>
      </form>
      <JobProgress job={job} returnFocus={returnFocus} cancelledMessage={REPORT_CANCELLED} />
    </section>
  );
}
