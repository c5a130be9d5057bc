// Builders for the common starting points of service tests, through the real services.
import { join } from 'node:path';
import { openApp, type CaseAuditApp } from '../../electron/app.js';
import { DEFAULT_AGENCIES } from '../../shared/board.js';
import type { Api, Output } from '../../shared/contract.js';
import { apiOver } from './client.js';
import { tempDir } from './tmp.js';

export interface Fixture {
  app: CaseAuditApp;
  h: Api;
  dbPath: string;
  dir: string;
  cleanup: () => void;
}

export function freshApp(clock?: () => Date): Fixture {
  const { dir, cleanup } = tempDir();
  const dbPath = join(dir, 'test.db');
  const app = openApp(dbPath, clock ? { clock } : {});
  return {
    app,
    h: apiOver(app.dispatch),
    dbPath,
    dir,
    cleanup: () => {
      try {
        app.close();
      } catch {
        /* already closed */
      }
      cleanup();
    },
  };
}

export async function setUpBoard(h: Api): Promise<Output<'board.setup'>> {
  return h['board.setup']({
    name: 'Northshire Safeguarding Children Partnership',
    agencies: DEFAULT_AGENCIES.map((a) => ({ ...a })),
  });
}

export function agencyId(board: Output<'board.setup'>, name: string): string {
  const a = board.agencies.find((x) => x.name === name);
  if (!a) throw new Error(`no agency ${name}`);
  return a.id;
}
