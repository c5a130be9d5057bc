/**
 * Space-separated groups in monospace, four groups to a line so they can be read aloud and compared
 * group by group. The text stays `value` exactly, spaces included.
 */
export function GroupedCode({ value, className, id }: { value: string; className: string; id?: string }) {
  const groups = value.split(' ');
  const rows: string[] = [];
  for (let i = 0; i < groups.length; i += 4) rows.push(groups.slice(i, i + 4).join(' '));
  return (
    <code className={className} id={id}>
      {rows.map((row, i) => (
        <span className="app-fingerprint__row" key={i}>
          {row}
          {i < rows.length - 1 ? ' ' : ''}
        </span>
      ))}
    </code>
  );
}

/** A key fingerprint (16 groups of four hex digits), four groups to a line. */
export function Fingerprint({ value, id }: { value: string; id?: string }) {
  return <GroupedCode value={value} className="app-fingerprint" id={id} />;
}
