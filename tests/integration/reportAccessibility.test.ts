// The board report as an accessible public-sector document, read back by tools that did not write
// it: pdfjs (structure tree, language, PDF/UA identification), poppler's pdffonts (embedded fonts)
// and mammoth (the Word file's headings and table header rows); the yearly report evidence and the QA
// report as well.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { completeAudit, installation, sign, type Installation } from '../helpers/installations.js';
import { tempDir } from '../helpers/tmp.js';

const t = tempDir();
let inst: Installation;
let pdf: Buffer;
let signedPdf: Buffer;
let docx: Buffer;

beforeAll(async () => {
  inst = await installation(t.dir, 'accessible', {
    name: 'Report Auditor',
    role: 'Independent auditor',
    agency: 'Independent',
  });
  const first = await completeAudit(inst.api, 'Front door audit 2016', { cases: 4, seed: 3 });
  await sign(inst.api, first);
  // A re-audit's report carries the trend chart (a figure) and its table.
  const second = await inst.api['audits.startReaudit']({ auditId: first, title: 'Front door re-audit 2017' });
  pdf = Buffer.from((await inst.api['reports.audit']({ auditId: second.id, format: 'pdf' })).base64, 'base64');
  signedPdf = inst.app.ctx.repos.bundles.latestRevision(first)!.report;
  docx = Buffer.from((await inst.api['reports.audit']({ auditId: first, format: 'docx' })).base64, 'base64');
}, 120_000);
afterAll(() => {
  inst.app.close();
  t.cleanup();
});

interface StructNode {
  role?: string;
  alt?: string;
  children?: StructNode[];
}
const walk = (n: StructNode, out: StructNode[] = []): StructNode[] => {
  out.push(n);
  for (const c of n.children ?? []) walk(c, out);
  return out;
};

async function structure(bytes: Buffer): Promise<StructNode[]> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: new Uint8Array(bytes), isEvalSupported: false }).promise;
  const nodes: StructNode[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const tree = (await (await doc.getPage(i)).getStructTree()) as StructNode | null;
    expect(tree, `page ${i} has a structure tree`).not.toBeNull();
    walk(tree!, nodes);
  }
  return nodes;
}

describe('the board report PDF', () => {
  it('is tagged: headings, paragraphs, lists, a table with header cells, a figure with alternative text', async () => {
    // The re-audit's draft has the chart; the signed first round (the PDF in its bundle) has lists.
    const nodes = [...(await structure(pdf)), ...(await structure(signedPdf))];
    const roles = new Set(nodes.map((n) => n.role));
    for (const role of ['Document', 'H1', 'H2', 'P', 'L', 'LI', 'LBody', 'Table', 'TR', 'TH', 'TD', 'Figure'])
      expect(roles, role).toContain(role);
    expect(nodes.filter((n) => n.role === 'H1')).toHaveLength(2);
    const figure = nodes.find((n) => n.role === 'Figure')!;
    expect(figure.alt).toMatch(
      /^Line chart of the share of cases meeting the standard by learning theme, Round 1 to Round 2/,
    );
  });

  it('declares its language and title, and identifies itself as PDF/UA-1', async () => {
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const doc = await pdfjs.getDocument({ data: new Uint8Array(pdf), isEvalSupported: false }).promise;
    const { info, metadata } = (await doc.getMetadata()) as {
      info: { Language?: string; Title?: string };
      metadata: { get(name: string): unknown } | null;
    };
    expect(info.Language).toBe('en-GB');
    expect(info.Title).toBe('Front door re-audit 2017');
    expect(metadata?.get('pdfuaid:part')).toBe('1');
    const file = join(t.dir, 'report.pdf');
    writeFileSync(file, pdf);
    expect(execFileSync('pdfinfo', [file], { encoding: 'utf8' })).toMatch(/^Tagged:\s+yes$/m);
  });

  it('embeds every font it uses, none of them one of the standard 14', () => {
    const file = join(t.dir, 'fonts.pdf');
    writeFileSync(file, pdf);
    const rows = execFileSync('pdffonts', [file], { encoding: 'utf8' }).trim().split('\n').slice(2);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row).toMatch(/NotoSans/);
      expect(row).not.toMatch(/Helvetica|Times|Courier|Symbol|ZapfDingbats/);
      // emb sub uni: the first of the three yes/no columns says whether the font is embedded.
      expect(row.match(/\b(yes|no)\b/)![0], row).toBe('yes');
    }
  });
});

describe("the QA sub-committee's consolidated report", () => {
  it('is tagged with headings and lists, and embeds its fonts', async () => {
    const bytes = Buffer.from(
      (await inst.api['reports.consolidated']({ from: '2000-01-01', to: '2099-12-31' })).base64,
      'base64',
    );
    const roles = new Set((await structure(bytes)).map((n) => n.role));
    for (const role of ['H1', 'H2', 'H3', 'L', 'LI', 'Table', 'TH']) expect(roles, role).toContain(role);
    const file = join(t.dir, 'qa.pdf');
    writeFileSync(file, bytes);
    const rows = execFileSync('pdffonts', [file], { encoding: 'utf8' }).trim().split('\n').slice(2);
    for (const row of rows) expect(row).toMatch(/NotoSans.* yes /);
  });
});

describe('the evidence for the yearly report', () => {
  const period = { from: '2000-01-01', to: '2099-12-31' };
  it('as PDF is tagged with headings, lists and tables with header cells, in en-GB, its fonts embedded', async () => {
    const bytes = Buffer.from(
      (await inst.api['reports.yearlyEvidence']({ ...period, format: 'pdf' })).base64,
      'base64',
    );
    const roles = new Set((await structure(bytes)).map((n) => n.role));
    for (const role of ['H1', 'H2', 'H3', 'L', 'LI', 'Table', 'TH']) expect(roles, role).toContain(role);
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const doc = await pdfjs.getDocument({ data: new Uint8Array(bytes), isEvalSupported: false }).promise;
    const { info } = (await doc.getMetadata()) as { info: { Language?: string; Title?: string } };
    expect(info.Language).toBe('en-GB');
    expect(info.Title).toMatch(/^Evidence for the yearly report, 1 January 2000 to 31 December 2099$/);
    const file = join(t.dir, 'evidence.pdf');
    writeFileSync(file, bytes);
    const rows = execFileSync('pdffonts', [file], { encoding: 'utf8' }).trim().split('\n').slice(2);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row).toMatch(/NotoSans.* yes /);
  });

  it('in Word has real headings, a language and table header rows', async () => {
    const bytes = Buffer.from(
      (await inst.api['reports.yearlyEvidence']({ ...period, format: 'docx' })).base64,
      'base64',
    );
    const html = (await mammoth.convertToHtml({ buffer: bytes })).value;
    expect(html).toContain('<h1>Evidence for the yearly report, 1 January 2000 to 31 December 2099</h1>');
    expect(html).toContain('<h2>Audits carried out</h2>');
    expect(html).toContain('<h3>Front door audit 2016</h3>');
    const files = unzipSync(new Uint8Array(bytes));
    expect(strFromU8(files['word/styles.xml']!)).toContain('w:lang w:val="en-GB"');
    expect(strFromU8(files['word/document.xml']!)).toContain('<w:tblHeader/>');
  });
});

describe('the board report in Word', () => {
  it('has real Heading 1, 2 and 3 styles, a language, and table header rows', async () => {
    const html = (await mammoth.convertToHtml({ buffer: docx })).value;
    expect(html).toMatch(/<h1>Front door audit 2016<\/h1>/);
    expect(html).toContain('<h2>The sample</h2>');
    expect(html).toContain('<h2>Action plan</h2>');
    // Findings under a heading of their bucket, one level down.
    expect(html).toMatch(
      /<h3>In (many or most|some|a few) cases the following (strengths|development areas) were found<\/h3>/,
    );
    const files = unzipSync(new Uint8Array(docx));
    expect(strFromU8(files['word/styles.xml']!)).toContain('w:lang w:val="en-GB"');
    expect(strFromU8(files['word/document.xml']!)).toContain('<w:tblHeader/>');
    // A running header and "Page N of M" in the footer, as on the PDF's pages.
    const named = (prefix: string) =>
      Object.entries(files)
        .filter(([name]) => name.startsWith(`word/${prefix}`))
        .map(([, bytes]) => strFromU8(bytes))
        .join('');
    expect(named('header')).toContain('Northshire Safeguarding Children Partnership · Front door audit 2016');
    expect(named('footer')).toMatch(/Page .*PAGE.* of .*NUMPAGES/s);
  });
});
