// Kills a process with SIGKILL at random moments while it writes, then reopens the file: the
// database must pass its integrity check, every acknowledged write must be there, and a migration
// must be either done or not done. Bounded in time; random timings differ per run.
import Database from 'better-sqlite3-multiple-ciphers';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { listBackups } from '../../db/backup.js';
import { migrate, schemaVersion } from '../../db/migrate.js';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../db/migrations/index.js';
import { openDatabase } from '../../db/open.js';
import { openApp } from '../../electron/app.js';
import { writeFileSync } from 'node:fs';
import { apiOver } from '../helpers/client.js';
import { completeAudit, installation, introduce, sign } from '../helpers/installations.js';
import { agencyId, setUpBoard } from '../helpers/fixtures.js';
import { tempDir } from '../helpers/tmp.js';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures');
const t = tempDir();
afterAll(() => t.cleanup());
const BUDGET_MS = 20_000;

/** Every table, index, trigger and view with its SQL, SQLite's own objects left out. */
function schemaOf(db: Database.Database): Array<{ type: string; name: string; sql: string | null }> {
  return db
    .prepare("SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name")
    .all() as Array<{ type: string; name: string; sql: string | null }>;
}

/** The schema of a new database taken the same way, version 1 first, then up to `version`. */
function schemaAt(version: number) {
  const ref = new Database(':memory:');
  try {
    migrate(ref, 1, MIGRATIONS.slice(0, 1));
    migrate(ref, version);
    return schemaOf(ref);
  } finally {
    ref.close();
  }
}

function runAndKill(args: string[], afterMs: number, onLine: (line: string) => void = () => {}): Promise<void> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
    let buffered = '';
    child.stdout.on('data', (c: Buffer) => {
      buffered += c.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop()!;
      lines.forEach(onLine);
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), afterMs);
    child.on('exit', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

describe('crash safety', () => {
  it('keeps every acknowledged answer when the process is killed during autosave', async () => {
    const dbPath = join(t.dir, 'autosave.db');
    const key = Buffer.alloc(32, 3);
    const app = openApp(dbPath, { key });
    const api = apiOver(app.dispatch);
    const board = await setUpBoard(api);
    const [tpl] = await api['templates.list']({});
    const audit = await api['audits.create']({ title: 'Crash test', templateId: tpl!.id });
    await api['cases.add']({
      auditId: audit.id,
      reference: 'K-1',
      ageBand: '10-13',
      gender: 'female',
      ethnicity: 'asian',
      disability: 'no',
      planType: 'child_protection',
      agencyIds: [agencyId(board, "Children's social care")],
    });
    const checklistId = (await api['audits.get']({ auditId: audit.id })).checklists[0]!.id;
    const { template } = await api['checklists.get']({ checklistId });
    const questionIds = template.sections[0]!.questions.filter((q) => q.appliesTo.length === 0)
      .slice(0, 3)
      .map((q) => q.id);
    app.close();

    const started = Date.now();
    let runs = 0;
    while (Date.now() - started < BUDGET_MS && runs < 12) {
      runs++;
      const acked = new Map<string, number>();
      await runAndKill(
        [join(FIXTURES, 'autosaveWorker.mjs'), dbPath, key.toString('hex'), checklistId, ...questionIds],
        150 + Math.random() * 600,
        (line) => {
          const [, q, n] = line.split(' ');
          acked.set(q!, Number(n));
        },
      );
      const db = openDatabase(dbPath, { key });
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      for (const [questionId, n] of acked) {
        const row = db
          .prepare('SELECT evidence FROM answer WHERE checklist_id = ? AND question_id = ?')
          .get(checklistId, questionId) as { evidence: string };
        // The stored save is the acknowledged one or a later one, never an earlier one.
        expect(Number(row.evidence.replace('save ', ''))).toBeGreaterThanOrEqual(n);
      }
      db.close();
    }
    expect(runs).toBeGreaterThan(2);
  });

  it('leaves a migration either done or not done when killed during it', async () => {
    const started = Date.now();
    let runs = 0;
    while (Date.now() - started < BUDGET_MS / 2 && runs < 10) {
      runs++;
      const dbPath = join(t.dir, `migrate-${runs}.db`);
      const old = new Database(dbPath);
      migrate(old, 1, MIGRATIONS.slice(0, 1));
      old.exec(`INSERT INTO board (id, name, created_at) VALUES ('b', 'Board', 'now');
                INSERT INTO agency (id, name, kind, sort) VALUES ('a', 'Police', 'police', 0);`);
      // Enough rows that the pre-migration backup and the migration take measurable time.
      old.exec(
        "INSERT INTO template (id, version, title, theme, scope, body, created_at) VALUES ('t', 1, 'T', 'other', 'case', '{}', 'now')",
      );
      old.exec(
        "INSERT INTO audit (id, title, theme, template_id, template_version, created_at, updated_at) VALUES ('au', 'A', 'other', 't', 1, 'now', 'now')",
      );
      old.exec(
        "INSERT INTO audit_case (id, audit_id, reference, age_band, gender, ethnicity, disability, plan_type, created_at) VALUES ('c', 'au', 'R', '2-4', 'male', 'white', 'no', 'none', 'now')",
      );
      old.exec("INSERT INTO checklist (id, case_id, agency_id, updated_at) VALUES ('k', 'c', 'a', 'now')");
      const insert = old.prepare(
        "INSERT INTO answer (checklist_id, question_id, value, evidence, updated_at) VALUES ('k', ?, '\"yes\"', ?, 'now')",
      );
      old.transaction(() => {
        for (let i = 0; i < 20_000; i++) insert.run(`q${i}`, 'evidence text '.repeat(10));
      })();
      old.close();

      await runAndKill([join(FIXTURES, 'migrateWorker.mjs'), dbPath], 60 + Math.random() * 250);
      const db = new Database(dbPath);
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      const version = schemaVersion(db);
      expect(version).toBeGreaterThanOrEqual(1);
      expect(version).toBeLessThanOrEqual(LATEST_SCHEMA_VERSION);
      // Each migration done is recorded once, in order, and none beyond the version: the version bump
      // and the migration's record moved together.
      const recorded = db.prepare('SELECT version FROM schema_migrations ORDER BY version').pluck().all();
      expect(recorded).toEqual(Array.from({ length: version }, (_, i) => i + 1));
      // Done or not done: the schema is exactly that of a database migrated to this version, so no
      // migration left part of its tables, columns, indexes or triggers behind.
      expect(schemaOf(db)).toEqual(schemaAt(version));
      expect(db.prepare('SELECT count(*) AS n FROM answer').get()).toEqual({ n: 20_000 });
      db.close();
      // Whatever backups exist are whole (a partial one never carries a backup's name).
      for (const b of listBackups(dbPath)) {
        const copy = new Database(b.file, { readonly: true });
        expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
        copy.close();
      }
      // And opening it again finishes the job.
      const finished = openDatabase(dbPath);
      expect(schemaVersion(finished)).toBe(LATEST_SCHEMA_VERSION);
      finished.close();
    }
  });

  it('never leaves an import half-present when killed during it', async () => {
    const auditor = await installation(t.dir, 'crash-auditor', { name: 'A', role: 'Auditor', agency: 'X' });
    const qa = await installation(t.dir, 'crash-qa', { name: 'Q', role: 'QA', agency: 'Board' });
    await introduce(auditor, qa);
    const files: string[] = [];
    for (let i = 0; i < 4; i++) {
      const id = await completeAudit(auditor.api, `Crash import ${i}`, { cases: 4, seed: i });
      await sign(auditor.api, id);
      const file = join(t.dir, `b${i}.caseaudit`);
      writeFileSync(file, Buffer.from((await auditor.api['bundles.export']({ auditId: id })).base64, 'base64'));
      files.push(file);
    }
    auditor.app.close();
    const key = Buffer.alloc(32, 'crash-qa'.length); // as tests/helpers/installations.ts makes it
    const expected = new Map<string, { cases: number; answers: number }>();
    qa.app.close();

    const started = Date.now();
    let runs = 0;
    while (Date.now() - started < BUDGET_MS && runs < 8) {
      runs++;
      const acked: string[] = [];
      await runAndKill(
        [join(FIXTURES, 'importWorker.mjs'), qa.path, key.toString('hex'), ...files],
        300 + Math.random() * 2500,
        (line) => {
          const [, outcome, auditId] = line.split(' ');
          if (outcome === 'added') acked.push(auditId!);
        },
      );
      const db = openDatabase(qa.path, { key });
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      // Every audit is all there or not there: its cases, checklists and answers match its signed content.
      const audits = db.prepare("SELECT id FROM audit WHERE origin = 'imported'").all() as { id: string }[];
      for (const { id } of audits) {
        const content = JSON.parse(
          (
            db.prepare('SELECT content FROM audit_revision WHERE audit_id = ? ORDER BY revision DESC').get(id) as {
              content: string;
            }
          ).content,
        ) as { cases: unknown[]; answers: unknown[] };
        const cases = (db.prepare('SELECT count(*) AS n FROM audit_case WHERE audit_id = ?').get(id) as { n: number })
          .n;
        const answers = (
          db
            .prepare(
              'SELECT count(*) AS n FROM answer a JOIN checklist k ON k.id = a.checklist_id JOIN audit_case c ON c.id = k.case_id WHERE c.audit_id = ?',
            )
            .get(id) as { n: number }
        ).n;
        expect({ cases, answers }).toEqual({ cases: content.cases.length, answers: content.answers.length });
        expected.set(id, { cases, answers });
      }
      for (const id of acked) expect(audits.map((a) => a.id)).toContain(id);
      expect((db.prepare('SELECT count(*) AS n FROM imported_bundle').get() as { n: number }).n).toBe(audits.length);
      db.close();
    }
    expect(expected.size).toBeGreaterThan(0);
  }, 120_000);
});
