// The pieces every Word report is made of, so each is written once: paragraphs, real heading
// styles, bullet lists, tables with a repeating header row, and a document in British English.
import {
  AlignmentType,
  Document,
  Footer,
  Header,
  HeadingLevel,
  PageNumber,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { fitColumns } from './columnWidths.js';

/** The text width of an A4 page with Word's default margins of one inch, in twentieths of a point. */
export const TEXT_WIDTH_TWIPS = 11906 - 2 * 1440;
/** An average character of 11-point Arial in bold, with room to spare, in twentieths of a point. */
const CHAR_TWIPS = 120;

type Level = (typeof HeadingLevel)[keyof typeof HeadingLevel];

export const p = (text: string) => new Paragraph({ children: [new TextRun(text)], spacing: { after: 120 } });

export const h = (text: string, heading: Level = HeadingLevel.HEADING_2) =>
  new Paragraph({ text, heading, spacing: { before: 240, after: 120 } });

export const bullets = (items: string[], empty: string) =>
  items.length ? items.map((t) => new Paragraph({ text: t, bullet: { level: 0 } })) : [p(empty)];

/** A table whose header row repeats on every page, with columns fitted to their content (fixed layout). */
export function table(header: string[], rows: string[][]): Table {
  const widths = fitColumns(header, rows, TEXT_WIDTH_TWIPS / CHAR_TWIPS).map((f) => Math.round(f * TEXT_WIDTH_TWIPS));
  const cell = (text: string, column: number, bold = false) =>
    new TableCell({
      width: { size: widths[column]!, type: WidthType.DXA },
      children: [new Paragraph({ children: [new TextRun({ text, bold })] })],
    });
  return new Table({
    width: { size: TEXT_WIDTH_TWIPS, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: header.map((t, i) => cell(t, i, true)) }),
      ...rows.map((r) => new TableRow({ cantSplit: true, children: r.map((t, i) => cell(t, i)) })),
    ],
  });
}

/**
 * A Word document in British English, with "Page N of M" in its footer and, when given, a running
 * header (the board and the report's title, as on the PDF's pages).
 */
export function wordDocument(
  title: string,
  subject: string,
  children: (Paragraph | Table)[],
  runningHeader?: string,
): Promise<Buffer> {
  const small = { size: 18, color: '505A5F' };
  const doc = new Document({
    creator: 'Case Audit',
    title,
    subject,
    styles: { default: { document: { run: { font: 'Arial', size: 22, language: { value: 'en-GB' } } } } },
    sections: [
      {
        ...(runningHeader
          ? {
              headers: {
                default: new Header({
                  children: [new Paragraph({ children: [new TextRun({ text: runningHeader, ...small })] })],
                }),
              },
            }
          : {}),
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.RIGHT,
                children: [
                  new TextRun({ children: ['Page ', PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES], ...small }),
                ],
              }),
            ],
          }),
        },
        children,
      },
    ],
  });
  return Packer.toBuffer(doc);
}
