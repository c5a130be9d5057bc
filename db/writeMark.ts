// A mark of everything written to the database: equal marks mean no row was inserted, changed or
// deleted in between, by this connection (total_changes) or by any other (data_version). Lets a
// long step (drawing a report) prove cheaply that what it read has not changed since.
import type { Db } from './open.js';

export function writeMark(db: Db): string {
  const dataVersion = db.pragma('data_version', { simple: true }) as number;
  const changes = db.prepare('SELECT total_changes()').pluck().get() as number;
  return `${dataVersion}:${changes}`;
}
