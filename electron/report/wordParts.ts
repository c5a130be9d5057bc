// The pieces every Word report is made of, so each is written once: paragraphs, real heading
// styles, bullet lists, tables with a repeating header row, and a document in British English.
import { Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';

type Level = (typeof HeadingLevel)[keyof typeof HeadingLevel];

export const p = (text: string) => new Paragraph({ children: [new TextRun(text)], spacing: { after: 120 } });

export const h = (text: string, heading: Level = HeadingLevel.HEADING_2) =>
  new Paragraph({ text, heading, spacing: { before: 240, after: 120 } });

export const bullets = (items: string[], empty: string) =>
  items.length ? items.map((t) => new Paragraph({ text: t, bullet: { level: 0 } })) : [p(empty)];

export function table(header: string[], rows: string[][]): Table {
  const cell = (text: string, bold = false) =>
    new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, bold })] })] });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: header.map((t) => cell(t, true)) }),
      ...rows.map((r) => new TableRow({ children: r.map((t) => cell(t)) })),
    ],
  });
}

export function wordDocument(title: string, subject: string, children: (Paragraph | Table)[]): Promise<Buffer> {
  const doc = new Document({
    creator: 'Case Audit',
    title,
    subject,
    styles: { default: { document: { run: { font: 'Arial', size: 22, language: { value: 'en-GB' } } } } },
    sections: [{ children }],
  });
  return Packer.toBuffer(doc);
}
