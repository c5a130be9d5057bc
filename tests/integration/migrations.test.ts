import Database from 'better-sqlite3-multiple-ciphers';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { listBackups } from '../../db/backup.js';
import { migrate, schemaVersion } from '../../db/migrate.js';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../db/migrations/index.js';
import { openDatabase } from '../../db/open.js';
import { searchBacklogRepo } from '../../db/repos/searchBacklogRepo.js';
import { searchRepo } from '../../db/repos/searchRepo.js';
import { signedFiguresRepo } from '../../db/repos/signedFiguresRepo.js';
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
// Version 9: every kind indexed, a gap in the rowids (an entry removed), and an imported finding still
// waiting in the search backlog (written while the index's insert triggers were held off).
const SEED_V9 =
  SEED_V5 +
  `INSERT INTO finding (id, audit_id, kind, text, origin, case_ids, question_ids, themes, sort, created_at, updated_at)
     VALUES ('f2', 'au1', 'strength', 'Removed before the upgrade', 'own', '[]', '[]', '[]', 2, 'now', 'now');
   INSERT INTO recommendation (id, audit_id, text, finding_ids, sort, created_at, updated_at)
     VALUES ('r1', 'au1', 'Use the chronology template', '["f1"]', 1, 'now', 'now');
   DELETE FROM finding WHERE id = 'f2';
   INSERT INTO action (id, audit_id, recommendation_id, text, lead_agency_id, owner_role, due_date, success_measure, status, created_at, updated_at)
     VALUES ('x1', 'au1', 'r1', 'Chronology training', 'a1', 'Team manager', '2018-01-01', 'Chronologies on file', 'not_started', 'now', 'now');
   UPDATE search_control SET defer_import = 1;
   INSERT INTO finding (id, audit_id, kind, text, origin, case_ids, question_ids, themes, sort, created_at, updated_at)
     VALUES ('f3', 'au1', 'development', 'Imported: no chronology on file', 'own', '[]', '[]', '[]', 3, 'now', 'now');
   UPDATE search_control SET defer_import = 0;
   INSERT INTO search_backlog (audit_id, queued_at) VALUES ('au1', 'now');`;
const SEED: Record<number, string> = {
  6: SEED_V5,
  1: SEED_V1,
  2: SEED_V2,
  3: SEED_V2, // version 3 added the (empty) change log
  4: SEED_V2, // version 4 added (empty) template drafts
  5: SEED_V5,
  7: SEED_V5, // version 8 changed how search entries are kept, not what is stored
  8: SEED_V5, // version 9 added the (empty) search backlog of imports
  9: SEED_V9,
  10: SEED_V9, // version 10 changed how the search index holds the kind, not what is stored
  11: SEED_V9, // version 11 added figures that are counted on use
  12: SEED_V9, // version 12 pinned imported audits (none here); version 13 added archiving and deletion
  13: SEED_V9, // version 14 added the (empty) audit programme
  14: SEED_V9, // version 15 added the (empty) personal-data dismissals
  15: SEED_V9, // version 16 gave panel items a response per agency (no panels here)
  16: SEED_V9, // version 17 added retention periods (their defaults) and legal holds (none)
};

type Entry = { id: number; kind: string; ref_id: string };

describe('migrating databases made by every earlier schema version', () => {
  for (let version = 1; version < LATEST_SCHEMA_VERSION; version++) {
    it(`migrates a version ${version} database to version ${LATEST_SCHEMA_VERSION} without loss, keeping a backup first`, () => {
      const t = tempDir();
      cleanups.push(t.cleanup);
      const path = join(t.dir, `v${version}.db`);
      const old = new Database(path);
      migrate(old, version, MIGRATIONS.slice(0, version));
      old.exec(SEED[version]!);
      // The search entries as they were (from version 7 on), by rowid.
      const entriesBefore =
        version >= 7
          ? old.prepare<[], Entry>('SELECT rowid AS id, kind, ref_id FROM search_index ORDER BY rowid').all()
          : [];
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
      // Version 9: nothing waits to be indexed (but what was queued), and evidence notes are indexed in step again.
      expect(db.prepare('SELECT count(*) AS n FROM search_backlog').get()).toEqual({ n: version >= 9 ? 1 : 0 });
      expect(db.prepare('SELECT defer_import FROM search_control').get()).toEqual({ defer_import: 0 });
      // Version 10 indexes the kind: every entry there was (from version 7 on; made by migration 7
      // otherwise) is found by its kind with its rowid, and its reference still names it.
      const entries =
        version >= 7
          ? entriesBefore
          : db.prepare<[], Entry>('SELECT rowid AS id, kind, ref_id FROM search_index ORDER BY rowid').all();
      expect(entries.length).toBe(version >= 9 ? 4 : version >= 5 ? 2 : 1);
      for (const kind of ['finding', 'recommendation', 'action', 'evidence'])
        expect(
          db
            .prepare<[string], Entry>(
              'SELECT rowid AS id, kind, ref_id FROM search_index WHERE search_index MATCH ? ORDER BY rowid',
            )
            .all(`kind : "${kind}"`),
        ).toEqual(entries.filter((e) => e.kind === kind));
      expect(db.prepare('SELECT id, kind, ref_id FROM search_ref ORDER BY id').all()).toEqual(entries);
      const search = searchRepo(db);
      const found = (q: string, kinds?: ('finding' | 'recommendation' | 'action' | 'evidence')[]) =>
        search.search(q, 50, kinds).map((h) => h.refId);
      expect(found('alone', ['evidence'])).toEqual(['k1/q1']);
      if (version >= 5) expect(found('alone', ['finding', 'action'])).toEqual(['f1']);
      if (version >= 9) {
        expect(found('chronology', ['recommendation'])).toEqual(['r1']);
        expect(found('chronology', ['action'])).toEqual(['x1']);
        expect(found('chronology', ['finding'])).toEqual([]); // f3 waits in the backlog
        expect(found('removed')).toEqual([]);
        // The indexer adds the queued finding to the new index, by kind.
        db.transaction(() => searchBacklogRepo(db).indexAudit('au1'))();
        expect(found('chronology', ['finding'])).toEqual(['f3']);
        expect(found('chronology', ['finding', 'recommendation', 'action']).sort()).toEqual(['f3', 'r1', 'x1']);
        expect(db.prepare('SELECT count(*) AS n FROM search_backlog').get()).toEqual({ n: 0 });
      }
      // Inserts, edits and removals after the upgrade keep the new index in step (the new triggers).
      db.prepare(`UPDATE answer SET evidence = 'Seen with the Makaton board' WHERE checklist_id = 'k1'`).run();
      expect(found('alone', ['evidence'])).toEqual([]);
      expect(found('makaton', ['evidence'])).toEqual(['k1/q1']);
      expect(found('makaton', ['finding'])).toEqual([]);
      // Version 11 keeps the figures of signed revisions (db/migrations/0011_dashboard_figures.ts): none
      // after the upgrade (they are counted on use), and a row only for a revision that was signed, while
      // the audit is signed at it. The action indexes carry the status for the dashboard's counts.
      expect(db.prepare('SELECT count(*) AS n FROM signed_figures').get()).toEqual({ n: 0 });
      expect(db.prepare('SELECT count(*) AS n FROM signed_totals').get()).toEqual({ n: 0 });
      const columns = (index: string) => (db.pragma(`index_info(${index})`) as { name: string }[]).map((c) => c.name);
      expect(columns('action_by_audit')).toEqual(['audit_id', 'status', 'due_date']);
      expect(columns('action_by_agency_due')).toEqual(['lead_agency_id', 'due_date', 'status']);
      const figures = signedFiguresRepo(db);
      const row = {
        auditId: 'au1',
        revision: 1,
        method: 1,
        templateId: 't',
        templateVersion: 1,
        thresholds: '{}',
        agencyKinds: '{"a1":"police"}',
        heatmap: '[]',
        grades: '[]',
        assessed: 0,
        met: 0,
        prevalence: '{}',
      };
      const store = (r: typeof row) => db.transaction(() => figures.store(r, 'now'))();
      expect(store(row)).toBe(false); // the audit is not signed
      db.exec(`INSERT INTO audit_revision (audit_id, revision, content, content_hash, previous_hash, signer_fingerprint, signed_at, report)
                 VALUES ('au1', 1, '{}', 'h1', NULL, 'fp', 'now', x'25');
               UPDATE audit SET status = 'signed', revision = 1 WHERE id = 'au1';`);
      expect(store(row)).toBe(true);
      expect(figures.missing(1)).toEqual([]);
      expect(figures.missing(2)).toEqual(['au1']);
      // A revision that was never signed cannot have figures.
      db.exec(`UPDATE audit SET revision = 2 WHERE id = 'au1'`);
      expect(() => store({ ...row, revision: 2 })).toThrow(/FOREIGN KEY/);
      expect(figures.all().map((r) => [r.auditId, r.revision])).toEqual([['au1', 1]]);
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(db.pragma('foreign_key_check')).toEqual([]);
      db.close();

      const [backup] = listBackups(path).filter((b) => b.kind === 'pre-migration');
      expect(backup).toBeDefined();
      const copy = new Database(backup!.file, { readonly: true });
      expect(copy.pragma('user_version', { simple: true })).toBe(version);
      copy.close();
    });
  }
});

describe('migration 12: imported audits pinned to their signer', () => {
  it('pins each imported audit to the signer and board of the revision shown, and says why each quarantined bundle waits', () => {
    const t = tempDir();
    cleanups.push(t.cleanup);
    const path = join(t.dir, 'v11.db');
    const old = new Database(path);
    migrate(old, 11, MIGRATIONS.slice(0, 11));
    old.exec(SEED_V9);
    // An audit imported at revisions 1 and 2 (signed by two keys: the pin is revision 2's), one still
    // at revision 1 with content that names no board, and a bundle waiting in quarantine.
    const content = (board: string) => JSON.stringify({ board: { name: board } });
    old.exec(`
      INSERT INTO audit (id, title, theme, template_id, template_version, status, created_at, updated_at, series_id, revision, origin)
        VALUES ('im1', 'Imported', 'other', 't', 1, 'signed', 'then', 'then', 'im1', 2, 'imported'),
               ('im2', 'Imported too', 'other', 't', 1, 'signed', 'then', 'then', 'im2', 1, 'imported');
      INSERT INTO audit_revision (audit_id, revision, content, content_hash, previous_hash, signer_fingerprint, signed_at, report)
        VALUES ('im1', 1, '${content('Northshire SCP')}', 'h1', NULL, 'fp-a', '2017-01-01', x'25'),
               ('im1', 2, '${content('Northshire SCP')}', 'h2', 'h1', 'fp-b', '2017-02-01', x'25'),
               ('im2', 1, '{}', 'h3', NULL, 'fp-a', '2017-03-01', x'25');
      INSERT INTO imported_bundle (bundle_id, audit_id, revision, signer_fingerprint, file_sha256, outcome, imported_at)
        VALUES ('b1', 'im1', 1, 'fp-a', 's1', 'added', '2017-01-05'), ('b2', 'im1', 2, 'fp-b', 's2', 'added', '2017-02-05');
      INSERT INTO quarantine (id, file_name, bundle, file_sha256, signer_fingerprint, signer_name, signer_role, signer_agency, audit_title, received_at)
        VALUES ('q1', 'x.caseaudit', x'00', 's3', 'fp-c', 'C', 'Auditor', 'Elsewhere', 'Other', '2017-04-01');
    `);
    old.close();

    const db = openDatabase(path);
    expect(schemaVersion(db)).toBe(LATEST_SCHEMA_VERSION);
    expect(db.prepare('SELECT * FROM audit_pin ORDER BY audit_id').all()).toEqual([
      {
        audit_id: 'im1',
        signer_fingerprint: 'fp-b',
        board_name: 'Northshire SCP',
        pinned_revision: 2,
        pinned_at: '2017-01-05',
      },
      { audit_id: 'im2', signer_fingerprint: 'fp-a', board_name: '', pinned_revision: 1, pinned_at: '2017-03-01' },
    ]);
    // The local audit is not pinned: bundles are never imported over it.
    expect(db.prepare("SELECT count(*) AS n FROM audit_pin WHERE audit_id = 'au1'").get()).toEqual({ n: 0 });
    expect(db.prepare('SELECT audit_id, reason FROM quarantine').all()).toEqual([
      { audit_id: null, reason: 'unknown_signer' },
    ]);
    expect(() => db.prepare("UPDATE quarantine SET reason = 'because'").run()).toThrow(/CHECK/);
    expect(() => db.prepare("DELETE FROM audit_pin WHERE audit_id = 'im1'").run()).toThrow(/stays pinned/);
    expect(() => db.prepare("INSERT INTO audit_pin VALUES ('nope', 'fp', 'b', 1, 'now')").run()).toThrow(/FOREIGN KEY/);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    db.close();
  });
});
