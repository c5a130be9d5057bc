// A report made as a job (jobs.start with a report.* kind): once done, its file is collected and
// saved with a Blob and an <a download>. Cancelled, nothing is collected and nothing is saved.
import type { JobFinish } from '../../lib/useJob.js';
import { base64ToBytes, downloadFile } from '../bundles/files.js';

export const REPORT_CANCELLED = 'Report cancelled: nothing was saved.';

export function downloadReport(what: string, type: string): JobFinish<{ fileName: string; base64: string }> {
  return {
    collect: (api, jobId) => api['jobs.result']({ jobId }),
    deliver: ({ fileName, base64 }) => {
      downloadFile(fileName, base64ToBytes(base64), type);
      return `The ${what} is downloaded as ${fileName}.`;
    },
  };
}
