// case-audit report: the board report of one audit (PDF or Word), or the consolidated QA report.
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { z } from 'zod';
import { idSchema } from '../../../shared/ids.js';
import { DB_FLAGS, openForCli } from '../openForCli.js';
import { parseCommand, UsageError } from '../usage.js';

export const reportHelp = `case-audit report --audit ID --out FILE.pdf|FILE.docx [--without-case-detail] [--db PATH] [--json]
case-audit report --from YYYY-MM-DD --to YYYY-MM-DD --out FILE.pdf|FILE.docx [--db PATH] [--json]
case-audit report --evidence --from YYYY-MM-DD --to YYYY-MM-DD --out FILE.pdf|FILE.docx|FILE.csv
  The board report of one audit, as PDF or Word (by the file's extension); the QA
  sub-committee's consolidated report of the audits active in a period; or, with --evidence, the
  evidence for the partnership's yearly report (the figures as CSV, each naming its audits).
  --without-case-detail leaves out of an audit's report the sample's make-up, the audit's case
  references and passages quoted from its case records. Made without a browser.`;

/** Writes beside the target, then renames: an interrupted run never leaves half a report. */
function writeAtomically(path: string, bytes: Buffer): void {
  const tmp = `${path}.partial`;
  try {
    writeFileSync(tmp, bytes, { mode: 0o600 });
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}

export async function report(argv: string[]): Promise<number> {
  const args = parseCommand(
    argv,
    {
      ...DB_FLAGS,
      audit: { type: 'string' },
      evidence: { type: 'boolean' },
      'without-case-detail': { type: 'boolean' },
      from: { type: 'string' },
      to: { type: 'string' },
      out: { type: 'string' },
      json: { type: 'boolean' },
    },
    z.object({
      db: z.string().optional(),
      'passphrase-file': z.string().optional(),
      audit: idSchema.optional(),
      evidence: z.boolean().optional(),
      'without-case-detail': z.boolean().optional(),
      from: z.iso.date().optional(),
      to: z.iso.date().optional(),
      out: z.string().regex(/\.(pdf|docx|csv)$/i, 'name a .pdf, .docx or (with --evidence) .csv file to write'),
      json: z.boolean().optional(),
      positionals: z.array(z.string()).max(0),
    }),
  );
  const ext = args.out.toLowerCase().split('.').pop();
  const format = ext === 'docx' ? 'docx' : ext === 'csv' ? 'csv' : 'pdf';
  if (args.audit && args.evidence) throw new UsageError('evidence: the yearly evidence is for a period, not an audit');
  if (args['without-case-detail'] && !args.audit)
    throw new UsageError('without-case-detail: only an audit’s board report (--audit) leaves out case detail');
  if (format === 'csv' && !args.evidence)
    throw new UsageError('out: only the yearly evidence (--evidence) is written as CSV');
  if (!args.audit && !(args.from && args.to))
    throw new UsageError('give --audit ID, or --from and --to for the consolidated report');
  if (!args.audit && args.from! > args.to!) throw new UsageError('to: the end of the period is before its start');
  const app = await openForCli(args);
  try {
    // The same methods the app's screens call, made in the service process straight through.
    const made = args.audit
      ? await app.api['reports.audit']({
          auditId: args.audit,
          format: format === 'docx' ? 'docx' : 'pdf',
          caseDetail: !args['without-case-detail'],
        })
      : args.evidence
        ? await app.api['reports.yearlyEvidence']({ from: args.from!, to: args.to!, format })
        : await app.api['reports.consolidated']({
            from: args.from!,
            to: args.to!,
            format: format === 'docx' ? 'docx' : 'pdf',
          });
    const bytes = Buffer.from(made.base64, 'base64');
    writeAtomically(args.out, bytes);
    if (args.json) console.log(JSON.stringify({ out: args.out, format, bytes: bytes.length }));
    else console.log(`Wrote ${args.out} (${bytes.length} bytes).`);
    return 0;
  } finally {
    await app.close();
  }
}
