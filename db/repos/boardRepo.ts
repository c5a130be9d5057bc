import type { Agency, Board } from '../../shared/board.js';
import type { AgencyKind } from '../../shared/vocabulary.js';
import type { Db } from '../open.js';

interface AgencyRow {
  id: string;
  name: string;
  kind: string;
  active: number;
}

export function boardRepo(db: Db) {
  const toAgency = (r: AgencyRow): Agency => ({
    id: r.id,
    name: r.name,
    kind: r.kind as AgencyKind,
    active: r.active === 1,
  });
  const selectBoard = db.prepare<[], { id: string; name: string; created_at: string }>(
    'SELECT id, name, created_at FROM board',
  );
  const selectAgencies = db.prepare<[], AgencyRow>('SELECT id, name, kind, active FROM agency ORDER BY sort, name');
  const selectAgency = db.prepare<[string], AgencyRow>('SELECT id, name, kind, active FROM agency WHERE id = ?');
  const insertBoard = db.prepare('INSERT INTO board (id, name, created_at) VALUES (?, ?, ?)');
  const renameBoard = db.prepare('UPDATE board SET name = ?');
  const insertAgency = db.prepare('INSERT INTO agency (id, name, kind, active, sort) VALUES (?, ?, ?, ?, ?)');
  const updateAgency = db.prepare('UPDATE agency SET name = ?, kind = ?, active = ?, sort = ? WHERE id = ?');

  return {
    get(): Board | null {
      const b = selectBoard.get();
      if (!b) return null;
      return { id: b.id, name: b.name, createdAt: b.created_at, agencies: selectAgencies.all().map(toAgency) };
    },
    createBoard(id: string, name: string, createdAt: string): void {
      insertBoard.run(id, name, createdAt);
    },
    renameBoard(name: string): void {
      renameBoard.run(name);
    },
    agency(id: string): Agency | undefined {
      const r = selectAgency.get(id);
      return r ? toAgency(r) : undefined;
    },
    agencies(): Agency[] {
      return selectAgencies.all().map(toAgency);
    },
    insertAgency(a: Agency, sort: number): void {
      insertAgency.run(a.id, a.name, a.kind, a.active ? 1 : 0, sort);
    },
    updateAgency(a: Agency, sort: number): void {
      updateAgency.run(a.name, a.kind, a.active ? 1 : 0, sort, a.id);
    },
  };
}
export type BoardRepo = ReturnType<typeof boardRepo>;
