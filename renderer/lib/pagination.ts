// Which page numbers a GOV.UK pagination shows: the first, the last, the current page and one either
// side of it, with an ellipsis for each run of pages left out (a gap of a single page shows that page,
// since "…" would take the same room). https://design-system.service.gov.uk/components/pagination/
export type PageItem = number | 'ellipsis';

export function pageItems(current: number, pageCount: number): PageItem[] {
  if (pageCount < 1) return [];
  const page = Math.min(Math.max(1, current), pageCount);
  const shown = [...new Set([1, page - 1, page, page + 1, pageCount])]
    .filter((p) => p >= 1 && p <= pageCount)
    .sort((a, b) => a - b);
  const items: PageItem[] = [];
  for (const p of shown) {
    const previous = items.at(-1);
    if (typeof previous === 'number') {
      if (p - previous === 2) items.push(previous + 1);
      else if (p - previous > 2) items.push('ellipsis');
    }
    items.push(p);
  }
  return items;
}

/** "Showing 51 to 100 of 5,000 actions": the range of a page of `total` things. */
export function showingRange(page: number, pageSize: number, total: number, noun: [string, string]): string {
  const n = (x: number) => x.toLocaleString('en-GB');
  const word = total === 1 ? noun[0] : noun[1];
  if (total === 0) return `Showing 0 ${word}`;
  const from = (page - 1) * pageSize + 1;
  const to = Math.min(total, page * pageSize);
  return from === to
    ? `Showing ${n(from)} of ${n(total)} ${word}`
    : `Showing ${n(from)} to ${n(to)} of ${n(total)} ${word}`;
}
