import type { Db } from '../open.js';

export interface SearchRow {
  kind: 'finding' | 'recommendation' | 'action' | 'evidence';
  refId: string;
  auditId: string;
  auditTitle: string;
  snippet: string;
}

export interface ChecklistContext {
  checklistId: string;
  caseReference: string;
  agencyName: string;
  templateId: string;
  templateVersion: number;
}

/** Words of the query as an FTS5 expression: every word must match, each as a prefix. */
export function ftsQuery(q: string): string | null {
  const words = q.match(/[\p{L}\p{N}]+/gu) ?? [];
  if (words.length === 0) return null;
  return words
    .slice(0, 12)
    .map((w) => `"${w}"*`)
    .join(' ');
}

const ALL_KINDS: readonly SearchRow['kind'][] = ['finding', 'recommendation', 'action', 'evidence'];

/**
 * The FTS5 expression `body` limited to `kinds` (all of them when undefined; null when none), through
 * the indexed kind column (migration 10). Without evidence notes: `kind : (…) AND body`, so FTS5 ranks
 * only the entries of those kinds (1-15 ms at the scale model, against 60-210 ms when the matches of
 * every kind were walked in rank order). With them: `body NOT kind : (the other kinds)`. The results
 * are the same, but bm25 counts the entries of every phrase of the query once per search, and the
 * evidence notes' token is on about 360,000 entries at the scale model (about 10 ms to count) against
 * at most 27,000 for the other three kinds together.
 */
export function kindsMatch(body: string, kinds?: readonly SearchRow['kind'][]): string | null {
  if (!kinds) return body;
  const wanted = ALL_KINDS.filter((k) => kinds.includes(k));
  if (wanted.length === 0) return null;
  if (wanted.length === ALL_KINDS.length) return body;
  const tokens = (ks: readonly string[]) => ks.map((k) => `"${k}"`).join(' OR ');
  return wanted.includes('evidence')
    ? `${body} NOT kind : (${tokens(ALL_KINDS.filter((k) => !wanted.includes(k)))})`
    : `kind : (${tokens(wanted)}) AND ${body}`;
}

export function searchRepo(db: Db) {
  // One statement for every search: the kinds are part of the FTS5 expression (kindsMatch), so FTS5
  // ranks only the entries of those kinds. The rank is bm25 over the body (migration 10).
  const query = db.prepare<[string, number], SearchRow>(`
    SELECT s.kind, s.ref_id AS refId, s.audit_id AS auditId, a.title AS auditTitle,
           snippet(search_index, 3, '⟦', '⟧', '…', 16) AS snippet
    FROM search_index s JOIN audit a ON a.id = s.audit_id
    WHERE search_index MATCH ? ORDER BY rank LIMIT ?`);
  // Context for the hits a search returns (never for every match): looked up by primary key.
  const checklistContext = db.prepare<[string], ChecklistContext>(`
    SELECT k.id AS checklistId, c.reference AS caseReference, g.name AS agencyName,
           a.template_id AS templateId, a.template_version AS templateVersion
    FROM json_each(?) j JOIN checklist k ON k.id = j.value JOIN audit_case c ON c.id = k.case_id
    JOIN agency g ON g.id = k.agency_id JOIN audit a ON a.id = c.audit_id`);
  const actionAgencies = db.prepare<[string], { actionId: string; agencyName: string }>(`
    SELECT x.id AS actionId, g.name AS agencyName
    FROM json_each(?) j JOIN action x ON x.id = j.value JOIN agency g ON g.id = x.lead_agency_id`);
  return {
    search(q: string, limit: number, kinds?: readonly SearchRow['kind'][]): SearchRow[] {
      const expr = ftsQuery(q);
      const match = expr === null ? null : kindsMatch(`body : (${expr})`, kinds);
      return match === null ? [] : query.all(match, limit);
    },
    /** The case, agency and pinned template of each of these checklists. */
    checklistContext(checklistIds: readonly string[]): Map<string, ChecklistContext> {
      if (checklistIds.length === 0) return new Map();
      return new Map(checklistContext.all(JSON.stringify([...new Set(checklistIds)])).map((r) => [r.checklistId, r]));
    },
    /** The lead agency's name of each of these actions. */
    actionAgencies(actionIds: readonly string[]): Map<string, string> {
      if (actionIds.length === 0) return new Map();
      return new Map(
        actionAgencies.all(JSON.stringify([...new Set(actionIds)])).map((r) => [r.actionId, r.agencyName]),
      );
    },
  };
}
