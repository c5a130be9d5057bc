/**
 * A key fingerprint (16 groups of four hex digits) in monospace, four groups to a line so it can be
 * read aloud and compared group by group. The text stays the fingerprint exactly, spaces included.
 */
export function Fingerprint({ value, id }: { value: string; id?: string }) {
  const groups = value.split(' ');
  const rows: string[] = [];
  for (let i = 0; i < groups.length; i += 4) rows.push(groups.slice(i, i + 4).join(' '));
  return (
    <code className="app-fingerprint" id={id}>
      {rows.map((row, i) => (
        <span className="app-fingerprint__row" key={i}>
          {row}
          {i < rows.length - 1 ? ' ' : ''}
        </span>
      ))}
    </code>
  );
}
