// A PDF that public-sector readers can use: tagged (a structure tree of headings, paragraphs,
// lists, tables with header cells and figures with alternative text), in British English, titled,
// with Noto Sans embedded (shipped with the app, not one of the standard 14 fonts), identified as
// PDF/UA-1, and with its running header and page numbers marked as artifacts, not content.
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import { fitColumns } from './columnWidths.js';

const require = createRequire(import.meta.url);
const FONTS = {
  regular: require.resolve('@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf'),
  bold: require.resolve('@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf'),
};

export const INK = '#0b0c0c';
export const GREY = '#505a5f';
export const BLUE = '#1d70b8';
const RULE = '#b1b4b6';
const MARGIN = 56;

export interface AccessiblePdfOptions {
  title: string;
  author: string;
  subject: string;
  createdAt: Date;
  /** Printed at the top of every page after the first, as an artifact. */
  runningHeader: string;
}

export interface AccessiblePdf {
  doc: PDFKit.PDFDocument;
  /** The width text may take between the margins. */
  width: number;
  heading(text: string, level: 1 | 2 | 3): void;
  para(text: string, options?: { size?: number; color?: string; bold?: boolean }): void;
  bullets(items: string[], empty: string): void;
  /**
   * A table with a header row of TH cells, repeated on every page it runs onto; widths are fractions
   * of the text width (fitted to the content when left out).
   */
  table(header: string[], rows: string[][], widths?: number[]): void;
  /** Drawn content that means something (a chart), with the alternative text a screen reader reads. */
  figure(alt: string, height: number, draw: (top: number) => void): void;
  /** Drawn content that means nothing (a rule). */
  artifact(draw: () => void): void;
  end(): Promise<Buffer>;
}

export function accessiblePdf(o: AccessiblePdfOptions): AccessiblePdf {
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    pdfVersion: '1.7',
    // The types list only PDF/A; pdfkit also writes the PDF/UA identification.
    subset: 'PDF/UA' as PDFKit.Mixins.PDFSubsets,
    tagged: true,
    lang: 'en-GB',
    displayTitle: true,
    bufferPages: true,
    info: { Title: o.title, Author: o.author, Subject: o.subject, CreationDate: o.createdAt },
    compress: true,
    font: FONTS.regular,
  });
  doc.registerFont('Body', FONTS.regular);
  doc.registerFont('Bold', FONTS.bold);
  doc.font('Body');
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  const width = doc.page.width - 2 * MARGIN;
  const root = doc.struct('Document');
  doc.addStructure(root);

  const roomFor = (height: number) => {
    if (doc.y + height > doc.page.height - MARGIN - 20) doc.addPage();
  };
  const SIZES = { 1: 22, 2: 14, 3: 12 } as const;
  // A table cell's average character, measured in the bold face its header uses (the wider).
  const charWidth = () => {
    const sample = 'Etaoin shrdlu cmfwyp vbgkqj xz 0123456789';
    return doc.font('Bold').fontSize(9).widthOfString(sample) / sample.length;
  };

  const pdf: AccessiblePdf = {
    doc,
    width,
    heading(text, level) {
      // A heading is never the last thing on a page.
      if (level > 1) roomFor(90);
      doc.moveDown(level === 1 ? 0 : 0.8);
      doc
        .font('Bold')
        .fontSize(SIZES[level])
        .fillColor(INK)
        .text(text, MARGIN, doc.y, { width, structParent: root, structType: `H${level}` });
      doc.moveDown(0.3).font('Body').fontSize(11);
    },
    para(text, options = {}) {
      doc
        .font(options.bold ? 'Bold' : 'Body')
        .fontSize(options.size ?? 11)
        .fillColor(options.color ?? INK)
        .text(text, MARGIN, doc.y, { width, paragraphGap: 4, structParent: root, structType: 'P' });
    },
    bullets(items, empty) {
      if (items.length === 0) return pdf.para(empty);
      doc.font('Body').fontSize(11).fillColor(INK);
      doc.x = MARGIN;
      // pdfkit tags each item (LI with Lbl and LBody) under the parent it is given: the list itself.
      const list = doc.struct('L');
      root.add(list);
      doc.list(items, MARGIN, doc.y, { width, bulletRadius: 2, textIndent: 14, paragraphGap: 3, structParent: list });
      list.end();
      doc.moveDown(0.3);
    },
    table(header, rows, widths) {
      const columns = (widths ?? fitColumns(header, rows, width / charWidth())).map((f) => f * width);
      const PADDING = [3, 4, 3, 0] as const;
      const rowHeight = (cells: string[], font: 'Body' | 'Bold') => {
        doc.font(font).fontSize(9);
        const text = Math.max(
          ...cells.map((t, i) => doc.heightOfString(t || ' ', { width: columns[i]! - PADDING[1] - PADDING[3] })),
        );
        return text + PADDING[0] + PADDING[2];
      };
      const headerHeight = rowHeight(header, 'Bold');
      const heights = rows.map((r) => rowHeight(r, 'Body'));
      // Rows never split; a page holds whole rows under a repeated header row, and the header is never
      // left at the foot of a page without a row under it.
      const bottom = () => doc.page.height - MARGIN - 20;
      const pages: string[][][] = [];
      let y = doc.y;
      if (y + headerHeight + (heights[0] ?? 0) > bottom()) {
        doc.addPage();
        y = doc.y;
      }
      let firstTop = y;
      y += headerHeight;
      let current: string[][] = [];
      rows.forEach((r, i) => {
        if (current.length > 0 && y + heights[i]! > bottom()) {
          pages.push(current);
          current = [];
          y = MARGIN + headerHeight;
        }
        current.push(r);
        y += heights[i]!;
      });
      pages.push(current);
      pages.forEach((pageRows, index) => {
        if (index > 0) {
          doc.addPage();
          firstTop = doc.y;
        }
        doc.font('Body').fontSize(9).fillColor(INK);
        doc.x = MARGIN;
        const table = doc.table({
          position: { x: MARGIN, y: firstTop },
          maxWidth: width,
          columnStyles: columns,
          defaultStyle: { border: { bottom: 0.5 }, borderColor: RULE, padding: [...PADDING] },
          structParent: root,
        } as PDFKit.Mixins.TableOptions & { structParent: PDFKit.PDFStructureElement });
        table.row(header.map((text) => ({ text, type: 'TH', font: { src: FONTS.bold } })));
        for (const r of pageRows) table.row(r);
        table.end();
      });
      doc.x = MARGIN;
      doc.moveDown(0.5);
    },
    figure(alt, height, draw) {
      roomFor(height + 20);
      const top = doc.y + 10;
      // The bounding box is required of a figure in PDF/UA (pdfkit takes it, its types do not list it).
      const options = {
        alt,
        bbox: [MARGIN, top, MARGIN + width, top + height],
      } as PDFKit.Mixins.StructureElementOptions;
      root.add(doc.struct('Figure', options, () => draw(top)));
      doc.x = MARGIN;
      doc.y = top + height + 10;
    },
    artifact(draw) {
      doc.markContent('Artifact', { type: 'Layout' });
      draw();
      doc.endMarkedContent();
    },
    async end() {
      root.end();
      // The running header and page numbers, once the number of pages is known.
      const range = doc.bufferedPageRange();
      for (let i = range.start; i < range.start + range.count; i++) {
        doc.switchToPage(i);
        doc.markContent('Artifact', { type: 'Pagination' });
        const keep = doc.page.margins.bottom;
        doc.page.margins.bottom = 0;
        doc.font('Body').fontSize(8).fillColor(GREY);
        if (i > range.start) doc.text(o.runningHeader, MARGIN, 28, { width, lineBreak: false });
        doc.text(`Page ${i - range.start + 1} of ${range.count}`, MARGIN, doc.page.height - 36, {
          width,
          align: 'right',
          lineBreak: false,
        });
        doc.page.margins.bottom = keep;
        doc.endMarkedContent();
      }
      doc.end();
      return done;
    },
  };
  return pdf;
}
