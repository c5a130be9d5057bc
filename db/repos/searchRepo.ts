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

export function searchRepo(db: Db) {
  const query = db.prepare<[string, number], SearchRow>(`
    SELECT s.kind, s.ref_id AS refId, s.audit_id AS auditId, a.title AS auditTitle,
           snippet(search_index, 3, '⟦', '⟧', '…', 16) AS snippet
    FROM search_index s JOIN audit a ON a.id = s.audit_id
    WHERE search_index MATCH ? ORDER BY rank LIMIT ?`);
  // Only some kinds: filtered in the query, so a kind with few matches is not crowded out of the first
  // N by another kind's many (evidence notes outnumber findings twenty to one; filtering the first N
  // afterwards found no finding at all for words common in evidence notes). The kind is read from
  // search_ref by rowid, cheaper than the index's own UNINDEXED column. This walks the matches in rank
  // order until N of the kinds are found: at the scale model 60-200 ms for a kind rare among the
  // matches, against about 40 ms unfiltered (docs/performance.md).
  const queryKinds = db.prepare<[string, string, number], SearchRow>(`
    SELECT s.kind, s.ref_id AS refId, s.audit_id AS auditId, a.title AS auditTitle,
           snippet(search_index, 3, '⟦', '⟧', '…', 16) AS snippet
    FROM search_index s JOIN search_ref r ON r.id = s.rowid JOIN audit a ON a.id = s.audit_id
    WHERE search_index MATCH ? AND r.kind IN (SELECT value FROM json_each(?)) ORDER BY rank LIMIT ?`);
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
      if (!expr) return [];
      return kinds
        ? queryKinds.all(`body : (${expr})`, JSON.stringify(kinds), limit)
        : query.all(`body : (${expr})`, limit);
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
