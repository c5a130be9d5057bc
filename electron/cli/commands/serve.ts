import { join } from 'node:path';
import { z } from 'zod';
import { startHost } from '../../host/server.js';
import { projectRoot } from '../../version.js';
import { DB_FLAGS, openSessionForCli } from '../openForCli.js';
import { parseCommand } from '../usage.js';

export const serveHelp = `case-audit serve [--db PATH] [--port N] [--passphrase-file FILE]
  Serves the interface and the API on 127.0.0.1 for a browser on this machine.
  Prints the address to open, with its per-run token. Stop it with Ctrl+C.`;

const schema = z.object({
  db: z.string().min(1).optional(),
  'passphrase-file': z.string().min(1).optional(),
  port: z
    .string()
    .regex(/^\d+$/, 'must be a whole number')
    .transform(Number)
    .pipe(z.number().int().min(0).max(65535, 'must be at most 65535'))
    .optional(),
  positionals: z.array(z.string()).max(0),
});

export async function serve(argv: string[]): Promise<number> {
  const args = parseCommand(argv, { ...DB_FLAGS, port: { type: 'string' } }, schema);
  const { session, dbPath } = await openSessionForCli(args);
  const idleCheck = setInterval(() => session.checkIdle(), 15_000);
  const host = await startHost({
    dispatch: session.dispatch,
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
  clearInterval(idleCheck);
  await host.close();
  session.close();
  return 0;
}
