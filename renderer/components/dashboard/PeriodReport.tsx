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

type Format = 'pdf' | 'docx' | 'csv';
const FORMAT_NAMES: Record<Format, string> = { pdf: 'PDF', docx: 'Word', csv: 'CSV' };

/** A report of a period (the QA report, the yearly report evidence): the period, then one button per format. */
export function PeriodReport(props: {
  id: string;
  heading: string;
  what: string;
  kind: 'report.consolidated' | 'report.evidence';
  formats: readonly Format[];
  children: React.ReactNode;
}) {
  const today = londonDate(new Date());
  const [from, setFrom] = useState(() => financialYearStart(today));
  const [to, setTo] = useState(today);
  const errors = useFormErrors();
  const job = useJob();
  const submit = useRef<HTMLButtonElement>(null);
  const returnFocus = useCallback(() => submit.current, []);
  // Which of the buttons sent the form.
  const format = useRef<Format>(props.formats[0]!);

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
    const start =
      props.kind === 'report.evidence'
        ? { kind: props.kind, from: f, to: t, format: as }
        : { kind: props.kind, from: f, to: t, format: as === 'docx' ? ('docx' as const) : ('pdf' as const) };
    job.start(props.what, start, downloadReport(props.what, FILE_TYPES[as]));
  };

  const items = errors.items([
    ['from', `${props.id}-from`],
    ['to', `${props.id}-to`],
  ]);
  const headingId = `${props.id}-heading`;

  return (
    <section aria-labelledby={headingId} className="app-dashboard-section">
      <h2 className="govuk-heading-l" id={headingId}>
        {props.heading}
      </h2>
      {props.children}
      {items.length > 0 ? <ErrorSummary errors={items} focusKey={errors.attempt} /> : null}
      <form noValidate onSubmit={onSubmit} aria-labelledby={headingId}>
        <div className="app-filters__fields">
          <TextInput
            id={`${props.id}-from`}
            type="date"
            label="Start of the period"
            error={errors.field('from')}
            value={from}
            onChange={setFrom}
          />
          <TextInput
            id={`${props.id}-to`}
            type="date"
            label="End of the period"
            error={errors.field('to')}
            value={to}
            onChange={setTo}
          />
        </div>
        <div className="govuk-button-group">
          {props.formats.map((f, i) => (
            <button
              key={f}
              type="submit"
              ref={i === 0 ? submit : undefined}
              className="govuk-button govuk-button--secondary"
              disabled={job.state.kind === 'running'}
              onClick={() => (format.current = f)}
            >
              Download the {props.what} ({FORMAT_NAMES[f]})
            </button>
          ))}
        </div>
      </form>
      <JobProgress job={job} returnFocus={returnFocus} cancelledMessage={REPORT_CANCELLED} />
    </section>
  );
}
