import type { Db } from '../open.js';

export interface SearchRow {
  kind: 'finding' | 'recommendation' | 'action' | 'evidence';
  refId: string;
  auditId: string;
  auditTitle: string;
  snippet: string;
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
  return {
    search(q: string, limit: number): SearchRow[] {
      const expr = ftsQuery(q);
      return expr ? query.all(`body : (${expr})`, limit) : [];
    },
  };
}
