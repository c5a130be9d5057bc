// Column widths that fit a table's content, for documents whose tables are not laid out by a
// browser: each column first gets room for its longest word (so no word breaks) and, up to a line's
// worth, for its longest cell (so short values such as dates and statuses sit on one line); what is
// left goes to the prose columns in proportion to how much they hold.

/** Characters beyond which a cell is prose that may wrap, not a value that should sit on one line. */
const ONE_LINE = 18;
/** No column is narrower than this many characters' room. */
const MIN_CHARS = 4;
/** Room a cell's padding takes, in characters. */
const PADDING_CHARS = 1;

const longestWord = (text: string) => Math.max(0, ...text.split(/\s+/).map((w) => w.length));

/**
 * Each column's share of the table's width (fractions summing to 1), for a table whose width holds
 * `capacity` characters of its text.
 */
export function fitColumns(header: string[], rows: string[][], capacity: number): number[] {
  const columns = header.map((h, i) => [h, ...rows.map((r) => r[i] ?? '')]);
  const need = columns.map((cells) => {
    const word = Math.max(...cells.map(longestWord));
    const line = Math.min(ONE_LINE, Math.max(...cells.map((c) => c.length)));
    return Math.max(MIN_CHARS, word, line) + PADDING_CHARS;
  });
  const needed = need.reduce((a, b) => a + b, 0);
  // Too little room for every column's need: share it out in proportion to the needs.
  if (needed >= capacity) return need.map((n) => n / needed);
  const bulk = columns.map((cells) => Math.max(0, ...cells.map((c) => c.length)) - ONE_LINE);
  const bulkSum = bulk.reduce((a, b) => a + Math.max(0, b), 0);
  const spare = capacity - needed;
  const extra = bulk.map((b, i) => (bulkSum > 0 ? (spare * Math.max(0, b)) / bulkSum : (spare * need[i]!) / needed));
  return need.map((n, i) => (n + extra[i]!) / capacity);
}
