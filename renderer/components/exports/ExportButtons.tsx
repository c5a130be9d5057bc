// Files for people's own tools (the tracker, an audit's answers, the programme as CSV or Excel; a
// blank audit tool as PDF or Word): one button per format, made in one call that only reads, and
// saved through the same download (progress, Cancel, the file name said) as a signed panel record.
import { useCallback, useRef } from 'react';
import type { Api } from '../../../shared/contract.js';
import { useApi } from '../../api/hooks.js';
import { DownloadStatus, FILE_TYPES, useDownload } from '../dashboard/Download.js';

export type ExportFormat = 'csv' | 'xlsx' | 'pdf' | 'docx';

export const EXPORT_FORMAT_NAMES: Record<ExportFormat, string> = {
  csv: 'CSV',
  xlsx: 'Excel (.xlsx)',
  pdf: 'PDF',
  docx: 'Word (.docx)',
};

/** Short names for what a download says it is doing: "Preparing the action tracker (Excel)…". */
const SHORT_NAMES: Record<ExportFormat, string> = { csv: 'CSV', xlsx: 'Excel', pdf: 'PDF', docx: 'Word' };

/**
 * "Download as CSV", "Download as Excel (.xlsx)"…: `what` ("action tracker") is said to screen
 * readers after the format, so each button's name starts with what is seen and still says which file.
 */
export function ExportButtons<F extends ExportFormat>({
  what,
  formats,
  produce,
  verb = 'Download',
}: {
  what: string;
  formats: readonly F[];
  produce: (api: Api, format: F) => Promise<{ fileName: string; base64: string }>;
  verb?: string;
}) {
  const api = useApi();
  const download = useDownload();
  const buttons = useRef(new Map<F, HTMLButtonElement>());
  const last = useRef<F>(formats[0]!);
  const returnFocus = useCallback(() => buttons.current.get(last.current) ?? null, []);
  return (
    <div className="app-exports">
      <div className="govuk-button-group">
        {formats.map((f) => (
          <button
            key={f}
            type="button"
            ref={(el) => {
              if (el) buttons.current.set(f, el);
              else buttons.current.delete(f);
            }}
            className="govuk-button govuk-button--secondary"
            disabled={download.state.kind === 'preparing'}
            onClick={() => {
              last.current = f;
              download.start(`${what} (${SHORT_NAMES[f]})`, FILE_TYPES[f], () => produce(api, f));
            }}
          >
            {verb} as {EXPORT_FORMAT_NAMES[f]}
            <span className="govuk-visually-hidden"> (the {what})</span>
          </button>
        ))}
      </div>
      <DownloadStatus download={download} returnFocus={returnFocus} />
    </div>
  );
}

/**
 * The audit programme of a year as CSV or Excel, for the programme screen (the same rows as
 * `exports.programme`: planned audits, re-audits due, audits outside the programme).
 */
export function ProgrammeExport({ year }: { year?: number }) {
  return (
    <ExportButtons
      what="audit programme"
      formats={['csv', 'xlsx'] as const}
      produce={(api, format) => api['exports.programme'](year === undefined ? { format } : { year, format })}
    />
  );
}

/** On an audit: every answer of every checklist, by case and agency, as CSV or Excel. */
export function AnswersExport({ auditId }: { auditId: string }) {
  return (
    <section aria-labelledby="answers-export-heading" className="app-section-gap">
      <h2 className="govuk-heading-m" id="answers-export-heading">
        Answers as a table
      </h2>
      <p className="govuk-body app-readable">
        One row for each question each agency&rsquo;s checklist asks, by case and agency: the answer, the evidence note,
        the reason a question does not apply and the agency&rsquo;s grade for the case. The file holds the case
        references and what auditors wrote, so keep it as you keep the audit.
      </p>
      <ExportButtons
        what="answers table"
        formats={['csv', 'xlsx'] as const}
        produce={(api, format) => api['exports.answers']({ auditId, format })}
      />
    </section>
  );
}

/** On a template version: the audit tool with no answers, to print or fill in by hand. */
export function BlankToolExport({ templateId, version }: { templateId: string; version: number }) {
  return (
    <section aria-labelledby="blank-tool-heading" className="app-section-gap">
      <h2 className="govuk-heading-m" id="blank-tool-heading">
        Print a blank audit tool
      </h2>
      <p className="govuk-body app-readable">
        Every question of this version, numbered, with its guidance and space for the answer and evidence, for an agency
        that answers on paper or in Word. It holds no case and no answer.
      </p>
      <ExportButtons
        what="blank audit tool"
        formats={['pdf', 'docx'] as const}
        produce={(api, format) => api['exports.blankTool']({ templateId, version, format })}
      />
    </section>
  );
}
