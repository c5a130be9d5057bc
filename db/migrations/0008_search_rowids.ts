// Schema version 8: the search index keeps its entries by rowid. In version 7 a change to a finding,
// an action or an evidence note removed its old entry with `WHERE kind = ? AND ref_id = ?`, and FTS5
// cannot look up an UNINDEXED column: every autosave of an evidence note read the whole index (over
// 600 ms with the 400,000 answers of a board's ten years; see docs/performance.md). Now each indexed
// thing has a row in search_ref whose id is the rowid of its entry, and the triggers replace entries
// by rowid. An evidence note whose text did not change is not re-indexed at all.
const KINDS = {
  finding: {
    table: 'finding',
    ref: (r: string) => `${r}.id`,
    audit: (r: string) => `${r}.audit_id`,
    body: (r: string) => `${r}.text`,
    columns: 'text',
  },
  recommendation: {
    table: 'recommendation',
    ref: (r: string) => `${r}.id`,
    audit: (r: string) => `${r}.audit_id`,
    body: (r: string) => `${r}.text`,
    columns: 'text',
  },
  action: {
    table: 'action',
    ref: (r: string) => `${r}.id`,
    audit: (r: string) => `${r}.audit_id`,
    body: (r: string) => `${r}.text || ' ' || ${r}.success_measure || ' ' || ${r}.owner_role`,
    columns: 'text, success_measure, owner_role',
  },
  evidence: {
    table: 'answer',
    ref: (r: string) => `${r}.checklist_id || '/' || ${r}.question_id`,
    audit: (r: string) =>
      `(SELECT c.audit_id FROM checklist k JOIN audit_case c ON c.id = k.case_id WHERE k.id = ${r}.checklist_id)`,
    body: (r: string) => `${r}.evidence`,
    columns: 'evidence',
  },
} as const;

type Kind = keyof typeof KINDS;
const refOf = (kind: Kind, ref: string) => `(SELECT id FROM search_ref WHERE kind = '${kind}' AND ref_id = ${ref})`;

/** Removes the entry of `ref` (if any) from the index. */
const remove = (kind: Kind, ref: string) => `DELETE FROM search_index WHERE rowid = ${refOf(kind, ref)};`;

/** (Re-)adds the entry of the NEW row, when `when` holds. */
function add(kind: Kind, when: string): string {
  const k = KINDS[kind];
  const ref = k.ref('NEW');
  // Not INSERT OR IGNORE: inside a trigger the conflict policy of the statement that fired it wins
  // (an upsert's, for an answer), so the row is added only where it is missing.
  return `INSERT INTO search_ref (kind, ref_id) SELECT '${kind}', ${ref} WHERE ${when} AND NOT EXISTS ${refOf(kind, ref)};
  INSERT INTO search_index (rowid, kind, ref_id, audit_id, body)
    SELECT ${refOf(kind, ref)}, '${kind}', ${ref}, ${k.audit('NEW')}, ${k.body('NEW')} WHERE ${when};`;
}

function triggers(kind: Kind): string {
  const k = KINDS[kind];
  // Evidence notes are indexed only when there is a note; the rest always.
  const present = kind === 'evidence' ? `NEW.evidence <> ''` : '1';
  const changed = k.columns
    .split(', ')
    .map((c) => `OLD.${c} IS NOT NEW.${c}`)
    .join(' OR ');
  return `
DROP TRIGGER IF EXISTS search_${kind}_insert;
DROP TRIGGER IF EXISTS search_${kind}_update;
DROP TRIGGER IF EXISTS search_${kind}_delete;
CREATE TRIGGER search_${kind}_insert AFTER INSERT ON ${k.table} BEGIN
  ${remove(kind, k.ref('NEW'))}
  ${add(kind, present)}
END;
CREATE TRIGGER search_${kind}_update AFTER UPDATE OF ${k.columns} ON ${k.table} WHEN ${changed} BEGIN
  ${remove(kind, k.ref('OLD'))}
  ${add(kind, present)}
END;
CREATE TRIGGER search_${kind}_delete AFTER DELETE ON ${k.table} BEGIN
  ${remove(kind, k.ref('OLD'))}
  DELETE FROM search_ref WHERE kind = '${kind}' AND ref_id = ${k.ref('OLD')};
END;`;
}

export const up = /* sql */ `
CREATE TABLE search_ref (
  id INTEGER PRIMARY KEY,   -- the rowid of the entry in search_index
  kind TEXT NOT NULL,
  ref_id TEXT NOT NULL,
  UNIQUE (kind, ref_id)
) STRICT;

-- The entries version 7 made keep their rowids; a duplicate (never expected) is dropped.
INSERT OR IGNORE INTO search_ref (id, kind, ref_id) SELECT rowid, kind, ref_id FROM search_index ORDER BY rowid;
DELETE FROM search_index WHERE rowid NOT IN (SELECT id FROM search_ref);
${(Object.keys(KINDS) as Kind[]).map(triggers).join('\n')}
`;
