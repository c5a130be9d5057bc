import { join } from 'node:path';
import { z } from 'zod';
import { startHost } from '../../host/server.js';
import { projectRoot } from '../../version.js';
import { createRelay } from '../../serviceProcess/relay.js';
import { DB_FLAGS, openServicesForCli } from '../openForCli.js';
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

/** Why the host could not listen, in words that say what to do. */
function listenProblem(e: unknown, port: number | undefined): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'EADDRINUSE') {
    return `port ${port} on 127.0.0.1 is already in use (another Case Audit, or another program): choose another with --port, or --port 0 for any free one.`;
  }
  if (code === 'EACCES') return `port ${port} may not be used by this user: choose one above 1023 with --port.`;
  return `could not listen on 127.0.0.1:${port ?? 0}: ${(e as Error).message}`;
}

export async function serve(argv: string[]): Promise<number> {
  const args = parseCommand(argv, { ...DB_FLAGS, port: { type: 'string' } }, schema);
  // The services run in their own process, as in the desktop app; this one only serves HTTP.
  const { services, dbPath } = await openServicesForCli(args);
  let host;
  try {
    host = await startHost({
      dispatch: createRelay(services.dispatch),
      staticDir: join(projectRoot(), 'dist', 'renderer'),
      ...(args.port !== undefined ? { port: args.port } : {}),
    });
  } catch (e) {
    // Nothing may be left running, or the process would wait for ever instead of exiting.
    await services.close();
    throw new Error(listenProblem(e, args.port), { cause: e });
  }
  console.log(`Case Audit is running at ${host.url}`);
  console.log(`Database: ${dbPath}`);
  await new Promise<void>((done) => {
    const stop = () => done();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await host.close();
  await services.close();
  return 0;
}
