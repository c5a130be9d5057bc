// Tables in the documents the board receives: a PDF table that runs over pages repeats its header
// row on each and never leaves the header (or a lone row) behind; Word tables have column widths
// fitted to their content and header rows that repeat. Read back with pdfjs and from the DOCX XML.
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { accessiblePdf } from '../../electron/report/accessiblePdf.js';
import { table, TEXT_WIDTH_TWIPS, wordDocument } from '../../electron/report/wordParts.js';

const HEADER = ['Action', 'Lead agency', 'Due', 'Status'];
const rows = Array.from({ length: 70 }, (_, i) => [
  `Action ${i + 1}: review the strategy meeting records with the named nurses and the police, and report back`,
  i % 2 ? 'Police' : 'Health',
  '28 February 2027',
  'Open',
]);

async function pagesText(bytes: Buffer): Promise<string[]> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: new Uint8Array(bytes), isEvalSupported: false }).promise;
  const out: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const items = (await (await doc.getPage(i)).getTextContent()).items;
    out.push(items.map((it) => ('str' in it ? it.str : '')).join('\n'));
  }
  return out;
}

describe('a PDF table over several pages', () => {
  it('repeats its header row on every page it runs onto, with whole rows under it', async () => {
    const pdf = accessiblePdf({
      title: 'Tables',
      author: 'Test',
      subject: 'tables',
      createdAt: new Date('2026-12-01T12:00:00Z'),
      runningHeader: 'Tables',
    });
    pdf.heading('Action plan', 1);
    // Push the table near the foot of the first page, where a careless layout leaves its header alone.
    for (let i = 0; i < 30; i++) pdf.para(`Paragraph ${i + 1} of the introduction.`);
    pdf.table(HEADER, rows);
    const pages = await pagesText(await pdf.end());
    const withRows = pages.filter((t) => /Action \d+:/.test(t));
    expect(withRows.length).toBeGreaterThan(1);
    for (const text of withRows) {
      expect(text).toMatch(/Lead\s+agency/);
      // The header comes before the page's first row.
      expect(text.search(/Lead\s+agency/)).toBeLessThan(text.search(/Action \d+:/));
    }
    // No page carries the header row without a row of the table under it.
    for (const text of pages.filter((t) => /Lead\s+agency/.test(t))) expect(text).toMatch(/Action \d+:/);
    // Short values sit on one line: the status and the date are never broken.
    expect(withRows.join('\n')).not.toMatch(/\nOpe\n|\nSta\n|February\n+2027/);
    // Every row appears once, in order.
    const seen = withRows
      .join('\n')
      .match(/Action (\d+):/g)!
      .map((m) => Number(m.slice(7, -1)));
    expect(seen).toEqual(rows.map((_, i) => i + 1));
  });
});

describe('a Word table', () => {
  it('has fixed column widths fitted to its content, filling the text width, and a repeating header', async () => {
    const bytes = await wordDocument('Tables', 'tables', [table(HEADER, rows.slice(0, 3))]);
    const xml = strFromU8(unzipSync(new Uint8Array(bytes))['word/document.xml']!);
    const grid = [...xml.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));
    expect(grid).toHaveLength(4);
    expect(Math.abs(grid.reduce((a, b) => a + b, 0) - TEXT_WIDTH_TWIPS)).toBeLessThanOrEqual(4);
    const [action, lead, due, status] = grid as [number, number, number, number];
    expect(action).toBeGreaterThan(due);
    expect(due).toBeGreaterThan(lead);
    expect(lead).toBeGreaterThanOrEqual(status);
    expect(xml).toContain('<w:tblLayout w:type="fixed"/>');
    expect(xml).toContain('<w:tblHeader/>');
    expect(xml).toContain('<w:cantSplit/>');
  });
});
