import { allQuestions, type Template } from '../../shared/template.js';
import type { TemplateSummary } from '../../shared/templateSummary.js';
import type { AuditTheme } from '../../shared/vocabulary.js';
import type { Db } from '../open.js';

interface Row {
  id: string;
  version: number;
  title: string;
  theme: string;
  scope: string;
  body: string;
  builtin: number;
  latest: number;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

export function templateRepo(db: Db) {
  const list = db.prepare<[], Row>(`
    SELECT t.id, t.version, t.title, t.theme, t.scope, t.body, t.builtin,
           t.version = (SELECT max(version) FROM template v WHERE v.id = t.id) AS latest
    FROM template t ORDER BY t.builtin DESC, t.title, t.version DESC`);
  const one = db.prepare<[string, number], { body: string }>('SELECT body FROM template WHERE id = ? AND version = ?');
  const latestVersion = db.prepare<[string], { v: number | null }>(
    'SELECT max(version) AS v FROM template WHERE id = ?',
  );
  const insert = db.prepare(
    'INSERT INTO template (id, version, title, theme, scope, body, builtin, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const exists = db.prepare<[string, number], { one: number }>(
    'SELECT 1 AS one FROM template WHERE id = ? AND version = ?',
  );
  const parsed = new Map<string, { body: string; template: Template }>();

  return {
    list(): TemplateSummary[] {
      return list.all().map((r) => {
        const t = JSON.parse(r.body) as Template;
        return {
          id: r.id,
          version: r.version,
          title: r.title,
          theme: r.theme as AuditTheme,
          scope: r.scope as 'case' | 'agency',
          description: t.description,
          questionCount: allQuestions(t).length,
          builtin: r.builtin === 1,
          latest: r.latest === 1,
        };
      });
    },
    /**
     * The stored body; callers re-validate it when it comes from outside the process. A version never
     * changes, so the parsed template is kept (frozen: callers share it) and parsed again only if the
     * stored text differs from the text it was parsed from (as after a rolled-back insert).
     */
    get(id: string, version: number): Template | undefined {
      const r = one.get(id, version);
      if (!r) return undefined;
      const key = `${id}@${version}`;
      const known = parsed.get(key);
      if (known?.body === r.body) return known.template;
      const template = deepFreeze(JSON.parse(r.body) as Template);
      parsed.set(key, { body: r.body, template });
      return template;
    },
    latestVersion(id: string): number | null {
      return latestVersion.get(id)?.v ?? null;
    },
    exists(id: string, version: number): boolean {
      return exists.get(id, version) !== undefined;
    },
    insert(t: Template, builtin: boolean, createdAt: string): void {
      insert.run(t.id, t.version, t.title, t.theme, t.scope, JSON.stringify(t), builtin ? 1 : 0, createdAt);
    },
  };
}
export type TemplateRepo = ReturnType<typeof templateRepo>;
