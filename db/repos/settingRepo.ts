import type { Db } from '../open.js';

export function settingRepo(db: Db) {
  const get = db.prepare<[string], { value: string }>('SELECT value FROM setting WHERE key = ?');
  const put = db.prepare(
    'INSERT INTO setting (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at',
  );
  return {
    get(key: string): unknown {
      const r = get.get(key);
      return r ? (JSON.parse(r.value) as unknown) : undefined;
    },
    put(key: string, value: unknown, now: string): void {
      put.run(key, JSON.stringify(value), now);
    },
  };
}
