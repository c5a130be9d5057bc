// Schema version 10: the kind of each search entry is indexed, so full-text search filters by it.
// Until version 9 `kind` was UNINDEXED: a search limited to some kinds (the Search screen's checkboxes)
// walked the matches of every kind in rank order until 50 of the wanted kinds were found, 60-210 ms at
// the scale model for a kind rare among the matches (docs/performance.md). Now `kind` is an indexed
// column holding one token per entry (the same text as before: finding, recommendation, action,
// evidence), and a search asks FTS5 for `kind : (...) AND body : (...)` (db/repos/searchRepo.ts).
//
// Chosen over one FTS table per kind (each would rank by its own document frequencies and lengths, so
// merged results would not be in the order one index gives) and over an external-content table (it
// would not avoid rebuilding the index, which is the cost here). The rank stays bm25 over the body
// alone: the table's rank option gives the other columns weight 0, so the kind token adds nothing to a
// score; its only effect is that every entry is one token longer for bm25's length normalisation
// (the same for every entry; FTS5 offers no way to leave a token out of the length). In a sample of
// 1,827 searches at the scale model, 90% returned exactly the hits of version 9 in its order; the rest
// swapped hits whose version 9 scores were close (within 1% in the 40 such searches examined).
// snippet() still reads column 3, the body.
//
// FTS5 cannot make a column indexed in place: the index is rebuilt into a new table with every entry
// keeping its rowid (search_ref's ids stay valid), and the old table is dropped. Every trigger that
// writes the index is recreated as version 8 (updates and removals by rowid) and version 9 (inserts
// held off while an import writes) made it. About 10 s at the scale model (384,000 entries, measured
// on 2 shared cores), once, after the pre-migration backup (about 9 s there). The file keeps the old
// index's pages as free pages (about 160 MB at the scale model), which later writes reuse.
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

const dropTriggers = (kind: Kind) => `
DROP TRIGGER IF EXISTS search_${kind}_insert;
DROP TRIGGER IF EXISTS search_${kind}_update;
DROP TRIGGER IF EXISTS search_${kind}_delete;`;

function createTriggers(kind: Kind): string {
  const k = KINDS[kind];
  // Evidence notes are indexed only when there is a note; the rest always.
  const present = kind === 'evidence' ? `NEW.evidence <> ''` : '1';
  const changed = k.columns
    .split(', ')
    .map((c) => `OLD.${c} IS NOT NEW.${c}`)
    .join(' OR ');
  return `
CREATE TRIGGER search_${kind}_insert AFTER INSERT ON ${k.table}
WHEN ${present} AND (SELECT defer_import FROM search_control WHERE id = 1) = 0 BEGIN
  ${remove(kind, k.ref('NEW'))}
  ${add(kind, '1')}
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

const kinds = Object.keys(KINDS) as Kind[];

export const up = /* sql */ `
${kinds.map(dropTriggers).join('\n')}
ALTER TABLE search_index RENAME TO search_index_v9;
CREATE VIRTUAL TABLE search_index USING fts5(
  kind,                -- finding | recommendation | action | evidence, one token, for filtering
  ref_id UNINDEXED,    -- finding/recommendation/action id, or checklist_id/question_id
  audit_id UNINDEXED,
  body,
  tokenize = 'porter unicode61'
);
-- ORDER BY rank: bm25 over the body only (weights by column: kind, ref_id, audit_id, body).
INSERT INTO search_index (search_index, rank) VALUES ('rank', 'bm25(0.0, 0.0, 0.0, 1.0)');
-- The copy is one bulk insert: with a 64 MB buffer (1 MB by default) FTS5 keeps the whole new index
-- (about 46 MB at the scale model) in memory and writes it once, as one segment, instead of in 1 MB
-- pieces merged along the way (the copy takes about 4 s instead of 5.6 s there).
INSERT INTO search_index (search_index, rank) VALUES ('hashsize', 67108864);
INSERT INTO search_index (rowid, kind, ref_id, audit_id, body)
  SELECT rowid, kind, ref_id, audit_id, body FROM search_index_v9 ORDER BY rowid;
INSERT INTO search_index (search_index, rank) VALUES ('hashsize', 1048576);
DROP TABLE search_index_v9;
${kinds.map(createTriggers).join('\n')}
`;
