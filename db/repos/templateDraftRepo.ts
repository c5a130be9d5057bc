import type { Db } from '../open.js';

export interface DraftRow {
  id: string;
  templateId: string;
  basedOnVersion: number | null;
  body: unknown;
  createdAt: string;
  updatedAt: string;
}

interface Row {
  id: string;
  template_id: string;
  based_on_version: number | null;
  body: string;
  created_at: string;
  updated_at: string;
}

const toDraft = (r: Row): DraftRow => ({
  id: r.id,
  templateId: r.template_id,
  basedOnVersion: r.based_on_version,
  body: JSON.parse(r.body) as unknown,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export function templateDraftRepo(db: Db) {
  const all = db.prepare<[], Row>('SELECT * FROM template_draft ORDER BY updated_at DESC');
  const one = db.prepare<[string], Row>('SELECT * FROM template_draft WHERE id = ?');
  const insert = db.prepare(
    'INSERT INTO template_draft (id, template_id, based_on_version, body, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const update = db.prepare('UPDATE template_draft SET body = ?, updated_at = ? WHERE id = ?');
  const remove = db.prepare('DELETE FROM template_draft WHERE id = ?');
  return {
    list: (): DraftRow[] => all.all().map(toDraft),
    get(id: string): DraftRow | undefined {
      const r = one.get(id);
      return r ? toDraft(r) : undefined;
    },
    insert(d: Omit<DraftRow, 'updatedAt'>): void {
      insert.run(d.id, d.templateId, d.basedOnVersion, JSON.stringify(d.body), d.createdAt, d.createdAt);
    },
    update(id: string, body: unknown, now: string): void {
      update.run(JSON.stringify(body), now, id);
    },
    remove(id: string): void {
      remove.run(id);
    },
  };
}
