import { join } from 'node:path';
import { z } from 'zod';
import { openApp } from '../../app.js';
import { startHost } from '../../host/server.js';
import { resolveDatabasePath } from '../../paths.js';
import { projectRoot } from '../../version.js';
import { parseCommand } from '../usage.js';

export const serveHelp = `case-audit serve [--db PATH] [--port N]
  Serves the interface and the API on 127.0.0.1 for a browser on this machine.
  Prints the address to open, with its per-run token. Stop it with Ctrl+C.`;

const schema = z.object({
  db: z.string().min(1).optional(),
  port: z
    .string()
    .regex(/^\d+$/, 'must be a whole number')
    .transform(Number)
    .pipe(z.number().int().min(0).max(65535, 'must be at most 65535'))
    .optional(),
  positionals: z.array(z.string()).max(0),
});

export async function serve(argv: string[]): Promise<number> {
  const args = parseCommand(argv, { db: { type: 'string' }, port: { type: 'string' } }, schema);
  const dbPath = resolveDatabasePath(args.db);
  const app = openApp(dbPath);
  const host = await startHost({
    dispatch: app.dispatch,
    staticDir: join(projectRoot(), 'dist', 'renderer'),
    ...(args.port !== undefined ? { port: args.port } : {}),
  });
  console.log(`Case Audit is running at ${host.url}`);
  console.log(`Database: ${dbPath}`);
  await new Promise<void>((done) => {
    const stop = () => done();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await host.close();
  app.close();
  return 0;
}
