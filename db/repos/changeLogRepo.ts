import { createHash } from 'node:crypto';
import { canonicalJson } from '../../shared/canonicalJson.js';
import type { Db } from '../open.js';

export const GENESIS_HASH = '0'.repeat(64);

export interface ChangeRecord {
  seq: number;
  at: string;
  actor: string;
  entity: string;
  entityId: string;
  action: string;
  before: unknown;
  after: unknown;
  prevHash: string;
}

interface Row {
  seq: number;
  at: string;
  actor: string;
  entity: string;
  entity_id: string;
  action: string;
  before: string | null;
  after: string | null;
  prev_hash: string;
  hash: string;
}

/** The hash of a record: SHA-256 over the canonical JSON of every field but the hash itself. */
export function recordHash(r: ChangeRecord): string {
  return createHash('sha256').update(canonicalJson(r)).digest('hex');
}

export type ChainCheck = { ok: true; records: number } | { ok: false; records: number; seq: number; reason: string };

export function changeLogRepo(db: Db) {
  const last = db.prepare<[], { seq: number; hash: string }>(
    'SELECT seq, hash FROM change_log ORDER BY seq DESC LIMIT 1',
  );
  const insert = db.prepare(
    `INSERT INTO change_log (seq, at, actor, entity, entity_id, action, before, after, prev_hash, hash)
     VALUES (@seq, @at, @actor, @entity, @entityId, @action, @before, @after, @prevHash, @hash)`,
  );
  const all = db.prepare<[], Row>('SELECT * FROM change_log ORDER BY seq');
  // Records past their retention period are removed as a prefix; the chain starts after the last one.
  const anchor = db.prepare<[], { seq: number; hash: string }>(
    'SELECT through_seq AS seq, through_hash AS hash FROM change_log_trim WHERE id = 1',
  );
  const forEntity = db.prepare<[string, string], Row>(
    'SELECT * FROM change_log WHERE entity = ? AND entity_id = ? ORDER BY seq',
  );

  const toRecord = (r: Row): ChangeRecord => ({
    seq: r.seq,
    at: r.at,
    actor: r.actor,
    entity: r.entity,
    entityId: r.entity_id,
    action: r.action,
    before: r.before === null ? null : (JSON.parse(r.before) as unknown),
    after: r.after === null ? null : (JSON.parse(r.after) as unknown),
    prevHash: r.prev_hash,
  });

  return {
    /** Appends one record, chained to the last; call inside the action's transaction. */
    append(entry: Omit<ChangeRecord, 'seq' | 'prevHash'>): void {
      const prev = last.get() ?? anchor.get();
      const record: ChangeRecord = {
        ...entry,
        before: entry.before ?? null,
        after: entry.after ?? null,
        seq: (prev?.seq ?? 0) + 1,
        prevHash: prev && prev.seq > 0 ? prev.hash : GENESIS_HASH,
      };
      insert.run({
        ...record,
        before: record.before === null ? null : canonicalJson(record.before),
        after: record.after === null ? null : canonicalJson(record.after),
        hash: recordHash(record),
      });
    },
    history: (entity: string, entityId: string): ChangeRecord[] => forEntity.all(entity, entityId).map(toRecord),
    /** Walks the whole chain and reports the first record that does not fit. */
    verify(): ChainCheck {
      const from = anchor.get() ?? { seq: 0, hash: GENESIS_HASH };
      let prevHash = from.hash;
      let expectedSeq = from.seq + 1;
      let records = 0;
      for (const row of all.iterate()) {
        records++;
        let record: ChangeRecord;
        try {
          record = toRecord(row);
        } catch {
          return { ok: false, records, seq: row.seq, reason: 'the record is not valid JSON' };
        }
        if (row.seq !== expectedSeq)
          return {
            ok: false,
            records,
            seq: row.seq,
            reason: `expected record ${expectedSeq} here: a record is missing`,
          };
        if (row.prev_hash !== prevHash)
          return { ok: false, records, seq: row.seq, reason: 'it does not link to the record before it' };
        if (recordHash(record) !== row.hash)
          return { ok: false, records, seq: row.seq, reason: 'its content does not match its hash: it was altered' };
        prevHash = row.hash;
        expectedSeq++;
      }
      return { ok: true, records };
    },
  };
}
export type ChangeLogRepo = ReturnType<typeof changeLogRepo>;
