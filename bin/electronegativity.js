#!/usr/bin/env node
// `npm run test:security`: runs Doyensec's Electronegativity over the Electron shell and the renderer,
// then fails on any finding that docs/security.md does not explain. The explanations live in the
// table under "## Electronegativity findings": one row per check id and file ("—" for a global check).
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(import.meta.url);
const SCANNED = ['electron', 'renderer', 'package.json'];
const GLOBAL = '—';

/** The explained findings: `| CHECK_ID | file or — | why |` rows of the findings table. */
export function parseAllowList(markdown) {
  const section = markdown.split(/^## /m).find((s) => s.startsWith('Electronegativity findings'));
  if (!section) throw new Error('docs/security.md has no "## Electronegativity findings" section.');
  const allowed = [];
  for (const line of section.split('\n')) {
    const cells = line.trim().startsWith('|')
      ? line
          .split('|')
          .slice(1, -1)
          .map((c) => c.trim().replaceAll('`', ''))
      : [];
    if (cells.length < 3 || !/^[A-Z0-9_]+$/.test(cells[0])) continue; // header, separator, prose
    if (!cells[2]) throw new Error(`docs/security.md: the row for ${cells[0]} gives no reason.`);
    allowed.push({ id: cells[0], file: cells[1] === '' || cells[1] === '-' ? GLOBAL : cells[1] });
  }
  return allowed;
}

async function scan() {
  const run = require('@doyensec/electronegativity');
  const electronVersion = JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')).version;
  // One input folder holding everything scanned, so the global checks see the whole app at once.
  const work = mkdtempSync(join(tmpdir(), 'case-audit-electronegativity-'));
  const quiet = console.log;
  try {
    for (const entry of SCANNED) cpSync(join(root, entry), join(work, entry), { recursive: true });
    // The tool chats about translations and release feeds it cannot fetch offline; keep the output to ours.
    console.log = () => {};
    const result = await run({ input: work, electronVersionOverride: electronVersion }, false);
    console.log = quiet;
    const where = (file) => (file === 'N/A' || !file ? GLOBAL : relative(work, file).split(sep).join('/'));
    return {
      issues: result.issues.map((i) => ({
        id: i.id,
        file: where(i.file),
        line: i.location?.line ?? 0,
        description: i.description,
      })),
      errors: result.errors.filter((e) => !e.tolerable).map((e) => `${where(e.file)}: ${e.message}`),
    };
  } finally {
    console.log = quiet;
    rmSync(work, { recursive: true, force: true });
  }
}

async function main() {
  const docs = join(root, 'docs', 'security.md');
  if (!existsSync(docs)) throw new Error('docs/security.md is missing.');
  const allowed = parseAllowList(readFileSync(docs, 'utf8'));
  const { issues, errors } = await scan();
  const explained = (i) => allowed.some((a) => a.id === i.id && a.file === i.file);
  const unexplained = issues.filter((i) => !explained(i));
  for (const i of unexplained) console.error(`  ${i.id} ${i.file}${i.line ? `:${i.line}` : ''}: ${i.description}`);
  // A file the tool cannot parse is a file it did not check.
  for (const e of errors) console.error(`  could not parse ${e}`);
  const stale = allowed.filter((a) => !issues.some((i) => i.id === a.id && i.file === a.file));
  const note = stale.length
    ? `; ${stale.length} explained finding(s) no longer reported: ${stale.map((a) => `${a.id} ${a.file}`).join(', ')}`
    : '';
  const failed = unexplained.length + errors.length;
  console.log(
    `electronegativity: ${issues.length} finding(s), ${issues.length - unexplained.length} explained in docs/security.md, ` +
      `${unexplained.length} unexplained${errors.length ? `, ${errors.length} unparsable file(s)` : ''}${note}.`,
  );
  return failed === 0 ? 0 : 1;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (e) => {
      console.error(`electronegativity: ${e instanceof Error ? e.message : String(e)}`);
      process.exitCode = 1;
    },
  );
}
