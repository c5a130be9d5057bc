import Database from 'better-sqlite3-multiple-ciphers';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { listBackups } from '../../db/backup.js';
import { migrate, schemaVersion } from '../../db/migrate.js';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../db/migrations/index.js';
import { openDatabase } from '../../db/open.js';
import { tempDir } from '../helpers/tmp.js';

let cleanups: (() => void)[] = [];
afterEach(() => {
  cleanups.forEach((c) => c());
  cleanups = [];
});

// Data each schema version can hold, written with that version's own tables: the fixture.
const SEED_V1 = `
  INSERT INTO board (id, name, created_at) VALUES ('b1', 'Old Board', '2017-01-01T00:00:00.000Z');
  INSERT INTO agency (id, name, kind, active, sort) VALUES ('a1', 'Police', 'police', 1, 0);
  INSERT INTO template (id, version, title, theme, scope, body, builtin, created_at)
    VALUES ('t', 1, 'T', 'other', 'case', '{"sections":[]}', 0, '2017-01-01T00:00:00.000Z');
  INSERT INTO audit (id, title, theme, template_id, template_version, status, created_at, updated_at)
    VALUES ('au1', 'MASH repeat audit', 'mash_front_door', 't', 1, 'in_progress', '2017-01-01T00:00:00.000Z', '2017-01-01T00:00:00.000Z');
  INSERT INTO audit_case (id, audit_id, reference, age_band, gender, ethnicity, disability, plan_type, created_at)
    VALUES ('c1', 'au1', 'M-01', '2-4', 'female', 'white', 'no', 'child_in_need', '2017-01-01T00:00:00.000Z');
  INSERT INTO checklist (id, case_id, agency_id, completed_at, updated_at) VALUES ('k1', 'c1', 'a1', NULL, '2017-01-01T00:00:00.000Z');
  INSERT INTO answer (checklist_id, question_id, value, evidence, updated_at) VALUES ('k1', 'q1', '"yes"', 'Seen alone on 3 visits', '2017-01-01T00:00:00.000Z');
`;
const SEED_V2 =
  SEED_V1 + `INSERT INTO setting (key, value, updated_at) VALUES ('idleLockMinutes', '7', '2017-01-01T00:00:00.000Z');`;
const SEED_V5 =
  SEED_V2 +
  `UPDATE audit SET series_id = 'au1';
   INSERT INTO finding (id, audit_id, kind, text, origin, case_ids, question_ids, themes, sort, created_at, updated_at)
     VALUES ('f1', 'au1', 'strength', 'Seen alone in most cases', 'own', '["c1"]', '["q1"]', '[]', 1, 'now', 'now');`;
const SEED: Record<number, string> = {
  6: SEED_V5,
  1: SEED_V1,
  2: SEED_V2,
  3: SEED_V2, // version 3 added the (empty) change log
  4: SEED_V2, // version 4 added (empty) template drafts
  5: SEED_V5,
  7: SEED_V5, // version 8 changed how search entries are kept, not what is stored
  8: SEED_V5, // version 9 added the (empty) search backlog of imports
};

describe('migrating databases made by every earlier schema version', () => {
  for (let version = 1; version < LATEST_SCHEMA_VERSION; version++) {
    it(`migrates a version ${version} database to version ${LATEST_SCHEMA_VERSION} without loss, keeping a backup first`, () => {
      const t = tempDir();
      cleanups.push(t.cleanup);
      const path = join(t.dir, `v${version}.db`);
      const old = new Database(path);
      migrate(old, version, MIGRATIONS.slice(0, version));
      old.exec(SEED[version]!);
      old.close();

      const db = openDatabase(path);
      expect(schemaVersion(db)).toBe(LATEST_SCHEMA_VERSION);
      expect(db.prepare('SELECT name FROM board').get()).toEqual({ name: 'Old Board' });
      expect(db.prepare('SELECT value, evidence FROM answer').get()).toEqual({
        value: '"yes"',
        evidence: 'Seen alone on 3 visits',
      });
      if (version >= 2)
        expect(db.prepare("SELECT value FROM setting WHERE key = 'idleLockMinutes'").get()).toEqual({ value: '7' });
      // Version 5 starts every existing audit as round 1 of its own series.
      expect(db.prepare('SELECT series_id, round FROM audit').get()).toEqual({ series_id: 'au1', round: 1 });
      if (version >= 5)
        expect(db.prepare('SELECT text FROM finding').get()).toEqual({ text: 'Seen alone in most cases' });
      // Version 6 marks existing audits as local and not yet signed.
      expect(db.prepare('SELECT revision, origin FROM audit').get()).toEqual({ revision: 0, origin: 'local' });
      // Version 7 indexes what was already there for search.
      expect(
        db.prepare("SELECT kind FROM search_index WHERE search_index MATCH 'alone' ORDER BY kind DESC").all(),
      ).toEqual(version >= 5 ? [{ kind: 'finding' }, { kind: 'evidence' }] : [{ kind: 'evidence' }]);
      // Version 9: nothing waits to be indexed, and evidence notes are indexed in step again.
      expect(db.prepare('SELECT count(*) AS n FROM search_backlog').get()).toEqual({ n: 0 });
      expect(db.prepare('SELECT defer_import FROM search_control').get()).toEqual({ defer_import: 0 });
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      db.close();

      const [backup] = listBackups(path).filter((b) => b.kind === 'pre-migration');
      expect(backup).toBeDefined();
      const copy = new Database(backup!.file, { readonly: true });
      expect(copy.pragma('user_version', { simple: true })).toBe(version);
      copy.close();
    });
  }
});
