// case-audit export actions|answers|programme|blank-tool: the files people open in their own tools,
// made by the same exports.* methods the screens call, in the service process.
import { existsSync, linkSync, rmSync, writeFileSync } from 'node:fs';
import { z } from 'zod';
import { actionFilterSchema } from '../../../shared/actionPlan.js';
import type { Api } from '../../../shared/contract.js';
import { idSchema } from '../../../shared/ids.js';
import { programmeYearSchema } from '../../../shared/programme.js';
import { DB_FLAGS } from '../openForCli.js';
import { openExisting, withApp } from '../subcommands.js';
import { parseCommand, UsageError } from '../usage.js';

export const exportFilesHelp = `case-audit export actions --out FILE [--format csv|xlsx] [--audit ID] [--agency ID|NAME]
    [--status STATUS] [--due-before YYYY-MM-DD] [--db PATH] [--json]
case-audit export answers --audit ID --out FILE [--format csv|xlsx] [--db PATH] [--json]
case-audit export programme [--year YYYY] --out FILE [--format csv|xlsx] [--db PATH] [--json]
case-audit export blank-tool --template ID [--version N] --out FILE [--format pdf|docx] [--db PATH] [--json]
  actions: the action tracker with its filters (STATUS: open, overdue, not_started, on_track,
  at_risk, complete, verified). answers: every answer of an audit, by case and agency.
  programme: the audit programme of a year (from 1 April; this year without --year).
  blank-tool: a template version (the latest without --version) as a blank audit tool to print.
  The format is --format, or the extension of --out; the file is never overwritten.`;

export const FILE_EXPORTS = ['actions', 'answers', 'programme', 'blank-tool'] as const;
type Kind = (typeof FILE_EXPORTS)[number];

/** Whether `case-audit export …` names one of these files (otherwise it is a signed bundle). */
export const isFileExport = (argv: readonly string[]) => (FILE_EXPORTS as readonly string[]).includes(argv[0] ?? '');

const FORMATS: Record<Kind, readonly string[]> = {
  actions: ['csv', 'xlsx'],
  answers: ['csv', 'xlsx'],
  programme: ['csv', 'xlsx'],
  'blank-tool': ['pdf', 'docx'],
};

const FLAGS = {
  ...DB_FLAGS,
  out: { type: 'string' },
  format: { type: 'string' },
  json: { type: 'boolean' },
  audit: { type: 'string' },
  agency: { type: 'string' },
  status: { type: 'string' },
  'due-before': { type: 'string' },
  year: { type: 'string' },
  template: { type: 'string' },
  version: { type: 'string' },
} as const;

const argsSchema = z.object({
  db: z.string().min(1).optional(),
  'passphrase-file': z.string().min(1).optional(),
  out: z.string({ error: 'name the file to write with --out FILE' }).min(1),
  format: z.string().optional(),
  json: z.boolean().optional(),
  audit: idSchema.optional(),
  agency: z.string().min(1).optional(),
  status: actionFilterSchema.shape.status,
  'due-before': actionFilterSchema.shape.dueBefore,
  year: z
    .string()
    .regex(/^\d{4}$/, 'enter the programme year as four digits, such as 2026')
    .transform(Number)
    .pipe(programmeYearSchema)
    .optional(),
  template: z.string().min(1).max(80).optional(),
  version: z
    .string()
    .regex(/^[1-9]\d{0,5}$/, 'must be a version number (1, 2, ...)')
    .transform(Number)
    .optional(),
  positionals: z.array(z.string()).length(1, `name one export: ${FILE_EXPORTS.join(', ')}`),
});
type Args = z.output<typeof argsSchema>;

/** Which flags each file takes beyond the common ones: any other is a mistake, said as one. */
const TAKES: Record<Kind, ReadonlyArray<keyof Args>> = {
  actions: ['audit', 'agency', 'status', 'due-before'],
  answers: ['audit'],
  programme: ['year'],
  'blank-tool': ['template', 'version'],
};
const OWN = ['audit', 'agency', 'status', 'due-before', 'year', 'template', 'version'] as const;

function formatOf(kind: Kind, args: Args): string {
  const allowed = FORMATS[kind];
  const ext = /\.([A-Za-z0-9]+)$/.exec(args.out)?.[1]?.toLowerCase();
  const format = args.format?.toLowerCase() ?? ext;
  const list = allowed.join(' or ');
  if (format === undefined || !allowed.includes(format))
    throw new UsageError(
      args.format === undefined
        ? `out: name a .${allowed.join(' or .')} file, or give --format ${allowed.join('|')}`
        : `format: the ${kind} export is made as ${list}`,
    );
  if (args.format !== undefined && ext !== undefined && allowed.includes(ext) && ext !== format)
    throw new UsageError(`format: --format ${format} does not match the file's extension .${ext}`);
  return format;
}

/** Writes beside the target and links it into place: never over an existing file, never half a file. */
function writeNew(path: string, bytes: Buffer): void {
  const tmp = `${path}.${process.pid}.partial`;
  try {
    writeFileSync(tmp, bytes, { flag: 'wx', mode: 0o600 });
    linkSync(tmp, path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') throw new Error(`${path} exists already: nothing was written.`);
    throw e;
  } finally {
    rmSync(tmp, { force: true });
  }
}

/** An agency named by its id or its name (as the board lists it). */
async function agencyId(api: Api, given: string): Promise<string> {
  const agencies = (await api['board.get']({}))?.agencies ?? [];
  const found =
    agencies.find((a) => a.id === given) ??
    agencies.find((a) => a.name.localeCompare(given, 'en-GB', { sensitivity: 'base' }) === 0);
  if (!found)
    throw new Error(`No agency "${given}". The board's agencies: ${agencies.map((a) => a.name).join('; ') || 'none'}.`);
  return found.id;
}

async function make(api: Api, kind: Kind, args: Args, format: string): Promise<{ fileName: string; base64: string }> {
  if (kind === 'actions') {
    const f = format as 'csv' | 'xlsx';
    return api['exports.actions']({
      format: f,
      ...(args.audit ? { auditId: args.audit } : {}),
      ...(args.agency ? { agencyId: await agencyId(api, args.agency) } : {}),
      ...(args.status ? { status: args.status } : {}),
      ...(args['due-before'] ? { dueBefore: args['due-before'] } : {}),
    });
  }
  if (kind === 'answers') return api['exports.answers']({ auditId: args.audit!, format: format as 'csv' | 'xlsx' });
  if (kind === 'programme')
    return api['exports.programme']({
      format: format as 'csv' | 'xlsx',
      ...(args.year !== undefined ? { year: args.year } : {}),
    });
  let version = args.version;
  if (version === undefined) {
    const latest = (await api['templates.list']({})).find((t) => t.id === args.template && t.latest);
    if (!latest) throw new Error(`No template "${args.template}". case-audit templates list shows the ids.`);
    version = latest.version;
  }
  return api['exports.blankTool']({ templateId: args.template!, version, format: format as 'pdf' | 'docx' });
}

export async function exportFiles(argv: string[]): Promise<number> {
  const args = parseCommand(argv, FLAGS, argsSchema, true);
  const kind = args.positionals[0] as Kind;
  const extra = OWN.filter((k) => args[k] !== undefined && !TAKES[kind].includes(k));
  if (extra.length > 0) throw new UsageError(`${extra.map((k) => `--${k}`).join(', ')}: not taken by ${kind}`);
  if (kind === 'answers' && !args.audit) throw new UsageError('audit: name the audit with --audit ID');
  if (kind === 'blank-tool' && !args.template) throw new UsageError('template: name the template with --template ID');
  const format = formatOf(kind, args);
  // Said before the database is opened; writeNew still refuses a file made meanwhile.
  if (existsSync(args.out)) throw new Error(`${args.out} exists already: nothing was written.`);
  return withApp(await openExisting(args), async (app) => {
    const made = await make(app.api, kind, args, format);
    const bytes = Buffer.from(made.base64, 'base64');
    writeNew(args.out, bytes);
    if (args.json) console.log(JSON.stringify({ export: kind, out: args.out, format, bytes: bytes.length }));
    else console.log(`Wrote the ${kind === 'blank-tool' ? 'blank audit tool' : kind} to ${args.out} (${format}).`);
    return 0;
  });
}
