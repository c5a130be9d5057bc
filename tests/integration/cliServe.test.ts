import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/tmp.js';

// The real CLI as a subprocess, from the built output (`npm run build` runs before the tests).
const CLI = join(import.meta.dirname, '..', '..', 'bin', 'case-audit.js');
const tmp = tempDir();
const passFile = join(tmp.dir, 'passphrase.txt');
writeFileSync(passFile, 'correct horse battery staple\n');
let taken: Server | undefined;
afterAll(async () => {
  await new Promise<void>((ok) => (taken ? taken.close(() => ok()) : ok()));
  tmp.cleanup();
});

describe('case-audit serve', () => {
  it('exits 1 with a clear message when the port is already in use, instead of waiting for ever', async () => {
    const server = createServer();
    taken = server;
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', () => ok()));
    const address = server.address();
    if (address === null || typeof address === 'string') throw new Error('no port');
    // spawnSync would block this process's event loop, and with it the server holding the port: that is fine,
    // the port stays bound by the kernel. The timeout is the failure if serve never exits.
    const r = spawnSync(
      process.execPath,
      [CLI, 'serve', '--db', join(tmp.dir, 'busy.db'), '--port', String(address.port), '--passphrase-file', passFile],
      { encoding: 'utf8', timeout: 60_000 },
    );
    expect(r.error).toBeUndefined();
    expect(r.signal).toBeNull();
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`case-audit serve: port ${address.port} on 127.0.0.1 is already in use`);
    expect(r.stderr).toContain('--port');
    expect(r.stdout).not.toContain('Case Audit is running');
  });
});
