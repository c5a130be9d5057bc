// A table of records written as the two files people open in their own tools: CSV (RFC 4180, UTF-8
// with a byte order mark so Excel reads it as UTF-8) and an Excel workbook (.xlsx, through exceljs)
// whose cells have real types: dates are dates, numbers are numbers, the header row is bold and
// frozen, the columns are filtered and sized to what they hold. Exports only read the database.
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import { personalDataStatement, type ExportKind } from '../../shared/exportPersonalData.js';

export type ColumnType = 'text' | 'number' | 'date';

export interface Column {
  header: string;
  type: ColumnType;
}

/** A cell: text, a number, a calendar date as YYYY-MM-DD, or empty. */
export type Cell = string | number | null;

export interface Table {
  /** The worksheet's name (Excel allows 31 characters, without : \ / ? * [ ]). */
  sheet: string;
  columns: readonly Column[];
  rows: ReadonlyArray<readonly Cell[]>;
  /** Which export it is, for the statement of the personal data it holds (the workbook's description). */
  personalData: ExportKind;
}

export type TableFormat = 'csv' | 'xlsx';

export const TABLE_FILE_TYPES: Record<TableFormat, string> = {
  csv: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
/** Excel's width is in characters; prose columns stop growing here and wrap. */
const MAX_WIDTH = 60;
const MIN_WIDTH = 8;

/**
 * Text a spreadsheet would run as a formula when the CSV is opened (=, +, -, @, a tab or a carriage
 * return first): written with a leading apostrophe, as OWASP advises, so free text that came from a
 * bundle cannot run in the reader's spreadsheet. The workbook needs no such guard: its text cells are
 * text, never formulas.
 */
const FORMULA_START = /^[=+\-@\t\r]/;
export function csvSafeText(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

function checkCell(column: Column, cell: Cell, row: number): void {
  if (cell === null) return;
  const ok =
    column.type === 'number'
      ? typeof cell === 'number' && Number.isFinite(cell)
      : column.type === 'date'
        ? typeof cell === 'string' && ISO_DATE.test(cell)
        : typeof cell === 'string';
  if (!ok) throw new TypeError(`row ${row + 1}, column "${column.header}": not a ${column.type}: ${String(cell)}`);
}

function checkTable(t: Table): void {
  t.rows.forEach((r, i) => {
    if (r.length !== t.columns.length)
      throw new TypeError(`row ${i + 1} has ${r.length} cells, not ${t.columns.length}`);
    t.columns.forEach((c, j) => checkCell(c, r[j] ?? null, i));
  });
}

export function renderCsv(t: Table): Buffer {
  checkTable(t);
  const rows = t.rows.map((r) =>
    r.map((cell, j) => (cell === null ? '' : t.columns[j]!.type === 'text' ? csvSafeText(String(cell)) : cell)),
  );
  const text = stringify([t.columns.map((c) => c.header), ...rows], { record_delimiter: '\r\n' });
  return Buffer.from(`\uFEFF${text}`, 'utf8');
}

/** A calendar date as Excel holds one: midnight UTC of that day (exceljs writes dates from UTC). */
const excelDate = (iso: string) => new Date(`${iso}T00:00:00Z`);

function width(column: Column, rows: Table['rows'], j: number): number {
  if (column.type === 'date') return Math.max(12, column.header.length + 2);
  const longest = Math.max(column.header.length, ...rows.map((r) => String(r[j] ?? '').length));
  return Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, longest + 2));
}

export async function renderXlsx(t: Table, created: Date): Promise<Buffer> {
  checkTable(t);
  const book = new ExcelJS.Workbook();
  book.creator = 'Case Audit';
  book.created = created;
  book.modified = created;
  // Excel shows it under File, Info, Properties (Comments); a CSV has nowhere to say it.
  book.description = personalDataStatement(t.personalData);
  const sheet = book.addWorksheet(t.sheet.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31), {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  sheet.columns = t.columns.map((c, j) => ({
    header: c.header,
    width: width(c, t.rows, j),
    style:
      c.type === 'date'
        ? { numFmt: 'dd/mm/yyyy' }
        : c.type === 'text'
          ? { alignment: { wrapText: true, vertical: 'top' } }
          : { alignment: { vertical: 'top' } },
  }));
  for (const r of t.rows)
    sheet.addRow(r.map((cell, j) => (cell !== null && t.columns[j]!.type === 'date' ? excelDate(String(cell)) : cell)));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: 'top', wrapText: true };
  if (t.columns.length > 0)
    sheet.autoFilter = {
      from: { row: 1, column: 1 },
      to: { row: Math.max(1, t.rows.length + 1), column: t.columns.length },
    };
  return Buffer.from(await book.xlsx.writeBuffer());
}

export async function renderTable(t: Table, format: TableFormat, created: Date): Promise<Buffer> {
  return format === 'csv' ? renderCsv(t) : renderXlsx(t, created);
}
