import { useCallback, useRef } from 'react';
import { z } from 'zod';
import { londonDate } from '../../../shared/today.js';
import { DateField, dateProblem, FormErrorSummary, useZodForm, Form } from '../form/index.js';
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

// A period as the report jobs take it (ISO dates, shared/jobs.ts), in the form's words.
// Each date in the GOV.UK date input's words ("Start of the period must include a month").
function periodDateProblem(value: string, label: string): string | null {
  if (value.trim() === '') return `Enter the ${label.toLowerCase()}`;
  return dateProblem(value.trim(), label)?.message ?? null;
}

const schema = z.strictObject({ from: z.string(), to: z.string() }).superRefine(({ from, to }, ctx) => {
  const fromProblem = periodDateProblem(from, 'Start of the period');
  const toProblem = periodDateProblem(to, 'End of the period');
  const f = fromProblem === null;
  if (fromProblem) ctx.addIssue({ code: 'custom', path: ['from'], message: fromProblem });
  if (toProblem) ctx.addIssue({ code: 'custom', path: ['to'], message: toProblem });
  else if (f && from.trim() > to.trim()) {
    ctx.addIssue({
      code: 'custom',
      path: ['to'],
      message: 'The end of the period must be the same as or after its start',
    });
  }
});

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
  const form = useZodForm(schema, { defaultValues: { from: financialYearStart(today), to: today } });
  const job = useJob();
  const submit = useRef<HTMLButtonElement>(null);
  const returnFocus = useCallback(() => submit.current, []);
  // Which of the buttons sent the form.
  const format = useRef<Format>(props.formats[0]!);

  const onValid = (values: z.output<typeof schema>) => {
    const [f, t] = [values.from.trim(), values.to.trim()];
    const as = format.current;
    const start =
      props.kind === 'report.evidence'
        ? { kind: props.kind, from: f, to: t, format: as }
        : { kind: props.kind, from: f, to: t, format: as === 'docx' ? ('docx' as const) : ('pdf' as const) };
    job.start(props.what, start, downloadReport(props.what, FILE_TYPES[as]));
  };

  const headingId = `${props.id}-heading`;

  return (
    <section aria-labelledby={headingId} className="app-dashboard-section">
      <h2 className="govuk-heading-l" id={headingId}>
        {props.heading}
      </h2>
      {props.children}
      <FormErrorSummary form={form} />
      <Form form={form} summary="none" onSubmit={onValid} aria-labelledby={headingId}>
        <div className="app-filters__fields">
          <DateField
            name="from"
            id={`${props.id}-from`}
            legend="Start of the period"
            legendSize="s"
            label="Start of the period"
          />
          <DateField
            name="to"
            id={`${props.id}-to`}
            legend="End of the period"
            legendSize="s"
            label="End of the period"
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
      </Form>
      <JobProgress job={job} returnFocus={returnFocus} cancelledMessage={REPORT_CANCELLED} />
    </section>
  );
}
