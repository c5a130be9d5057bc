// case-audit templates list / export / import: the template library, in the app's own file format
// (shared/templateFile.ts), through the same services the app uses.
import { writeFileSync } from 'node:fs';
import { z } from 'zod';
import { MAX_TEMPLATE_FILE_BYTES } from '../../../shared/templateFile.js';
import { apiOver } from '../../rpc/apiClient.js';
import { DB_FLAGS } from '../openForCli.js';
import { openExisting, readSmallFile, runAction, withApp } from '../subcommands.js';
import { parseCommand } from '../usage.js';

export const templatesHelp = `case-audit templates list [--db PATH] [--json]
case-audit templates export ID [--version N] --out FILE.json [--db PATH] [--json]
case-audit templates import FILE.json [--db PATH] [--json]
  list: every template version (id, version, title, built-in or the board's own).
  export: writes one version (the latest without --version) as a template file; never overwrites.
  import: adds the file's template version after checking it as the app does; a bad file is refused
  with the place of each problem, and nothing is imported.`;

const dbArgs = {
  db: z.string().min(1).optional(),
  'passphrase-file': z.string().min(1).optional(),
  json: z.boolean().optional(),
};
const FLAGS = { ...DB_FLAGS, json: { type: 'boolean' } } as const;

async function list(argv: string[]): Promise<number> {
  const args = parseCommand(argv, FLAGS, z.object({ ...dbArgs, positionals: z.array(z.string()).max(0) }));
  return withApp(await openExisting(args), async (app) => {
    const templates = await apiOver(app.dispatch)['templates.list']({});
    if (args.json) console.log(JSON.stringify(templates));
    else
      for (const t of templates)
        console.log(
          `${t.id}  v${t.version}  ${t.builtin ? 'built-in' : 'board’s own'}${t.latest ? '' : ' (older version)'}  ${t.title}`,
        );
    return 0;
  });
}

async function exportTemplate(argv: string[]): Promise<number> {
  const args = parseCommand(
    argv,
    { ...FLAGS, version: { type: 'string' }, out: { type: 'string' } },
    z.object({
      ...dbArgs,
      version: z
        .string()
        .regex(/^[1-9]\d{0,5}$/, 'must be a version number (1, 2, ...)')
        .transform(Number)
        .optional(),
      out: z.string({ error: 'name the file to write with --out FILE.json' }).min(1),
      positionals: z.array(z.string().min(1).max(80)).length(1, 'name the id of one template'),
    }),
    true,
  );
  const id = args.positionals[0]!;
  return withApp(await openExisting(args), async (app) => {
    const api = apiOver(app.dispatch);
    let version = args.version;
    if (version === undefined) {
      const latest = (await api['templates.list']({})).find((t) => t.id === id && t.latest);
      if (!latest) throw new Error(`No template "${id}". case-audit templates list shows the ids.`);
      version = latest.version;
    }
    const { json } = await api['templates.export']({ id, version });
    writeFileSync(args.out, json, { flag: 'wx', mode: 0o644 });
    if (args.json) console.log(JSON.stringify({ id, version, out: args.out, bytes: Buffer.byteLength(json) }));
    else console.log(`Wrote "${id}" version ${version} to ${args.out}.`);
    return 0;
  });
}

async function importTemplate(argv: string[]): Promise<number> {
  const args = parseCommand(
    argv,
    FLAGS,
    z.object({ ...dbArgs, positionals: z.array(z.string()).length(1, 'name one template file') }),
    true,
  );
  const file = args.positionals[0]!;
  // Larger files are refused unread; the rest is checked by the service exactly as for the app.
  const text = readSmallFile(file, MAX_TEMPLATE_FILE_BYTES, 'a template file', 'Nothing was imported.');
  return withApp(await openExisting(args), async (app) => {
    let summary;
    try {
      summary = await apiOver(app.dispatch)['templates.import']({ json: text });
    } catch (e) {
      const message = (e as Error).message;
      throw new Error(`${file}: ${message}${/nothing was imported/i.test(message) ? '' : ' Nothing was imported.'}`);
    }
    if (args.json) console.log(JSON.stringify(summary));
    else console.log(`Imported "${summary.title}" (${summary.id} version ${summary.version}).`);
    return 0;
  });
}

export function templates(argv: string[]): Promise<number> {
  return runAction('templates', { list, export: exportTemplate, import: importTemplate }, argv);
}
