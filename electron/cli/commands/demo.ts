// case-audit demo: a fictional board with a complete, signed audit and a demo auditor identity.
import { z } from 'zod';
import { DEFAULT_AGENCIES } from '../../../shared/board.js';
import { buildDemoAudit } from '../../demo/demoAudit.js';
import { apiOver } from '../../rpc/apiClient.js';
import { databaseExists } from '../../security/databaseKey.js';
import { resolveDatabasePath } from '../../paths.js';
import { DB_FLAGS, openForCli } from '../openForCli.js';
import { parseCommand } from '../usage.js';

export const demoHelp = `case-audit demo --db PATH [--json]
  Creates a new, encrypted database holding a fictional board, a demo auditor identity and a
  complete, signed audit, so every command can be tried at once. Refuses an existing file.`;

export async function demo(argv: string[]): Promise<number> {
  const args = parseCommand(
    argv,
    { ...DB_FLAGS, json: { type: 'boolean' } },
    z.object({
      db: z.string().min(1, 'name the new database file with --db'),
      'passphrase-file': z.string().optional(),
      json: z.boolean().optional(),
      positionals: z.array(z.string()).max(0),
    }),
  );
  if (databaseExists(resolveDatabasePath(args.db)))
    throw new Error(`${args.db} already exists; the demo makes a new database.`);
  const app = await openForCli(args);
  try {
    const api = apiOver(app.dispatch);
    const board = await api['board.setup']({
      name: 'Demoshire Safeguarding Children Partnership (fictional)',
      agencies: DEFAULT_AGENCIES.map((a) => ({ ...a })),
    });
    const identity = await api['identity.create']({
      name: 'Demo Auditor',
      role: 'Independent auditor',
      agency: 'Demo Audit Ltd (fictional)',
    });
    const agencyIds = board.agencies.slice(0, 4).map((a) => a.id);
    const auditId = await buildDemoAudit(api, { title: 'MASH repeat audit (demo)', cases: 8, seed: 2017, agencyIds });
    const preview = await api['audits.signingPreview']({ auditId });
    await api['audits.sign']({ auditId, contentHash: preview.contentHash });
    if (args.json) console.log(JSON.stringify({ database: app.dbPath, auditId, fingerprint: identity.fingerprint }));
    else {
      console.log(`Created ${app.dbPath}: a fictional board with a signed audit.`);
      console.log(`Audit id: ${auditId}`);
      console.log(`Demo auditor key fingerprint: ${identity.fingerprint}`);
      console.log(`Try: case-audit export --db ${args.db} --audit ${auditId} --out demo.caseaudit`);
    }
    return 0;
  } finally {
    await app.close();
  }
}
