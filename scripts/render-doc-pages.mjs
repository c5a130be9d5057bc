#!/usr/bin/env node
// Redraws the report pages shown in docs/ from the current report generators, on a fresh fictional
// database (the demo's audit code): a signed audit, its signed re-audit, and the QA period around them.
//   docs/report-pdf.png         first page of the re-audit's board report (PDF)
//   docs/report-trend.png       the page of that report holding the trend against the earlier round
//   docs/report-docx.png        the same report as Word: mammoth's reading of the .docx, drawn by Chromium
//                               (the document's content and structure, not Word's own page layout)
//   docs/report-evidence.png    first page of the evidence for the partnership's yearly report (PDF)
//   docs/report-consolidated.png first page of the QA sub-committee's report of the period (PDF)
// PDF pages are drawn by poppler's pdftoppm. Run `npm run build` first (this reads dist/), then
// `node scripts/render-doc-pages.mjs [--out DIR]`. Needs pdftoppm and pdftotext (poppler-utils) and a
// Chromium (CHROMIUM_PATH, or a system one).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium } from '@playwright/test';
import mammoth from 'mammoth';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({ options: { out: { type: 'string' } } });
const out = values.out ?? join(root, 'docs');
const dist = (p) => join(root, 'dist', p);
if (!existsSync(dist('electron/app.js'))) throw new Error('No dist/: run `npm run build` first.');

const { openApp } = await import(dist('electron/app.js'));
const { apiOver } = await import(dist('electron/rpc/apiClient.js'));
const { buildDemoAudit } = await import(dist('electron/demo/demoAudit.js'));
const { DEFAULT_AGENCIES } = await import(dist('shared/board.js'));

const work = mkdtempSync(join(tmpdir(), 'case-audit-doc-pages-'));
// A fixed clock, so the dates on the pages stay the same from one run to the next.
let now = new Date('2026-05-15T10:00:00Z');
const app = openApp(join(work, 'pages.db'), {
  key: Buffer.alloc(32, 7),
  actor: 'Demo Auditor',
  clock: () => now,
  dailyBackup: false,
  backgroundIndexing: false,
});

async function sign(api, auditId) {
  const preview = await api['audits.signingPreview']({ auditId });
  if (preview.blockers.length) throw new Error(preview.blockers.join('; '));
  await api['audits.sign']({ auditId, contentHash: preview.contentHash });
}

const file = (result) => Buffer.from(result.base64, 'base64');

/** The number of the first page whose text holds `text`. */
function pageWith(pdfPath, text) {
  const pages = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' }).split('\f');
  const index = pages.findIndex((p) => p.replace(/\s+/g, ' ').includes(text));
  if (index < 0) throw new Error(`no page of ${pdfPath} holds “${text}”`);
  return index + 1;
}

function drawPdfPage(pdf, page, name) {
  const pdfPath = join(work, `${name}.pdf`);
  writeFileSync(pdfPath, pdf);
  const n = typeof page === 'number' ? page : pageWith(pdfPath, page);
  execFileSync('pdftoppm', [
    '-png',
    '-r',
    '96',
    '-f',
    String(n),
    '-l',
    String(n),
    '-singlefile',
    pdfPath,
    join(out, name),
  ]);
  console.log(`${join(out, `${name}.png`)}: page ${n} of ${name}.pdf`);
}

async function drawDocx(docx, name) {
  const { value: html } = await mammoth.convertToHtml({ buffer: docx });
  const executablePath =
    process.env.CHROMIUM_PATH ?? ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));
  const browser = await chromium.launch({ ...(executablePath ? { executablePath } : {}), args: ['--no-sandbox'] });
  try {
    const page = await browser.newPage({ viewport: { width: 800, height: 1100 } });
    await page.setContent(
      `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><style>
        body { font: 15px/1.35 "Noto Sans", Arial, sans-serif; margin: 48px 50px; color: #0b0c0c; }
        h1 { font-size: 26px; } h2 { font-size: 21px; margin-top: 26px; } h3 { font-size: 17px; }
        table { border-collapse: collapse; width: 100%; } td, th { border: 1px solid #505a5f; padding: 4px 6px; vertical-align: top; }
        th { text-align: left; }
      </style></head><body>${html}</body></html>`,
    );
    await page.screenshot({ path: join(out, `${name}.png`) });
    console.log(`${join(out, `${name}.png`)}: the top of ${name}.docx as mammoth reads it`);
  } finally {
    await browser.close();
  }
}

try {
  const api = apiOver(app.dispatch);
  const board = await api['board.setup']({
    name: 'Demoshire Safeguarding Children Partnership (fictional)',
    agencies: DEFAULT_AGENCIES.map((a) => ({ ...a })),
  });
  await api['identity.create']({
    name: 'Demo Auditor',
    role: 'Independent auditor',
    agency: 'Demo Audit Ltd (fictional)',
  });
  const agencyIds = board.agencies.slice(0, 4).map((a) => a.id);
  const first = await buildDemoAudit(api, { title: 'MASH audit, May 2026 (demo)', cases: 8, seed: 2017, agencyIds });
  await sign(api, first);
  now = new Date('2026-11-20T10:00:00Z');
  const second = await buildDemoAudit(api, {
    title: 'MASH re-audit, November 2026 (demo)',
    cases: 8,
    seed: 2018,
    agencyIds,
    reauditOf: first,
  });
  await sign(api, second);

  const report = file(await api['reports.audit']({ auditId: second, format: 'pdf' }));
  drawPdfPage(report, 1, 'report-pdf');
  drawPdfPage(report, 'Outcomes and impact: the trend against earlier rounds', 'report-trend');
  await drawDocx(file(await api['reports.audit']({ auditId: second, format: 'docx' })), 'report-docx');
  const period = { from: '2026-04-01', to: '2027-03-31' };
  drawPdfPage(file(await api['reports.yearlyEvidence']({ ...period, format: 'pdf' })), 1, 'report-evidence');
  drawPdfPage(file(await api['reports.consolidated']({ ...period, format: 'pdf' })), 1, 'report-consolidated');
} finally {
  await app.close();
  rmSync(work, { recursive: true, force: true });
}
