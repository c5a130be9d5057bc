// Evidence for the partnership's yearly report, from real audits, a re-audit, actions and a panel,
// read back by tools that did not write it: papaparse (CSV), pdfjs (PDF), mammoth (Word), and the
// real CLI as a subprocess.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { londonDate } from '../../shared/today.js';
import { docxText, pdfText } from '../helpers/documents.js';
import { completeAudit, installation, sign, type Installation } from '../helpers/installations.js';
import { tempDir } from '../helpers/tmp.js';

const t = tempDir();
let inst: Installation;
let first: string;
let second: string;
const TODAY = londonDate(new Date());
const PERIOD = { from: '2020-04-01', to: TODAY };

beforeAll(async () => {
  inst = await installation(t.dir, 'evidence', { name: 'QA Lead', role: 'QA sub-committee', agency: 'Partnership' });
  first = await completeAudit(inst.api, 'Front door audit', { cases: 6, seed: 3 });
  await sign(inst.api, first);
  second = await completeAudit(inst.api, 'Front door re-audit', { cases: 6, seed: 11, reauditOf: first });
  await sign(inst.api, second);
  await completeAudit(inst.api, 'Neglect audit (in progress)', { cases: 1, seed: 5 });

  const [done, risky] = await inst.api['actions.list']({ auditId: first });
  await inst.api['actions.addUpdate']({
    actionId: done!.id,
    note: 'Template changed and staff briefed.',
    status: 'complete',
  });
  await inst.api['actions.addUpdate']({ actionId: risky!.id, note: 'No re-audit lead yet.', status: 'at_risk' });

  const board = (await inst.api['board.get']({}))!;
  const police = board.agencies.find((a) => a.name === 'Police')!;
  const panel = await inst.api['panels.create']({
    auditId: second,
    agencyId: police.id,
    title: 'Police panel',
    heldOn: TODAY,
  });
  const withItem = await inst.api['panels.addItem']({ panelId: panel.id, subject: 'Information sharing' });
  await inst.api['panels.saveItem']({
    itemId: withItem.items[0]!.id,
    challenge: 'Why were checks late?',
    response: 'Staffing.',
    outcome: 'not_assured',
    escalation: '',
    followUp: 'A plan for cover',
  });
  await inst.api['panels.addFollowUp']({
    itemId: withItem.items[0]!.id,
    text: 'Agree cover for MASH police checks.',
    leadAgencyId: police.id,
    ownerRole: 'Detective Inspector',
    dueDate: '2027-06-30',
    successMeasure: 'Checks within 24 hours in a dip sample',
  });
}, 180_000);
afterAll(() => {
  inst.app.close();
  t.cleanup();
});

const evidence = async (format: 'pdf' | 'docx' | 'csv') =>
  Buffer.from((await inst.api['reports.yearlyEvidence']({ ...PERIOD, format })).base64, 'base64');

describe('the yearly report evidence', () => {
  it('gives its figures as CSV, each naming the audits it was counted from', async () => {
    const csv = (await evidence('csv')).toString('utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff); // a BOM, so Excel reads UTF-8
    const parsed = Papa.parse<string[]>(csv.slice(1).trim(), { skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    const [header, ...rows] = parsed.data;
    expect(header).toEqual(['Section', 'Measure', 'Value', 'Audits', 'Audit ids']);
    const row = (measure: string) => rows.filter((r) => r[1] === measure);

    expect(row('Audits signed in the period')).toEqual([
      [
        'Audits carried out',
        'Audits signed in the period',
        '2',
        'Front door audit; Front door re-audit',
        `${first}; ${second}`,
      ],
    ]);
    expect(row('Cases audited').map((r) => [r[2], r[4]])).toEqual([
      ['6', first],
      ['6', second],
    ]);
    expect(row('Actions completed or verified in the period')[0]!.slice(2)).toEqual(['1', 'Front door audit', first]);
    expect(row('Actions overdue or at risk at the end of the period')[0]![2]).toBe('1');
    expect(row('Challenge panels held')[0]!.slice(2)).toEqual(['1', 'Front door re-audit', second]);
    expect(row('Follow-up actions from challenge panels')[0]![2]).toBe('1');
    // The re-audit against round 1, theme by theme, in words.
    const changes = rows.filter((r) => r[1]!.startsWith('Re-audit change: '));
    expect(changes.length).toBeGreaterThan(0);
    for (const c of changes) {
      expect(c[2]).toMatch(/percentage points|No change/);
      expect(c[4]).toBe(second);
    }
    // Every id named is an audit of this installation; the audit in progress is counted in none.
    const ids = new Set((await inst.api['audits.list']({})).map((a) => a.id));
    for (const r of rows) for (const id of r[4] ? r[4].split('; ') : []) expect(ids).toContain(id);
    expect(csv).not.toContain('Neglect audit');
  });

  it('reads as a document with every section the yearly report needs, in PDF and Word', async () => {
    const sections = [
      'Evidence for the yearly report, 1 April 2020 to',
      'Audits carried out',
      'What the audits found',
      'What changed as a result',
      'Areas with little or no progress',
      'Challenge panels and the actions from them',
      "How children's and families' views were used",
    ];
    const pdf = await pdfText(await evidence('pdf'));
    for (const s of sections) expect(pdf).toContain(s);
    expect(pdf).toContain('Under way at the end of the period: Neglect audit (in progress)');
    expect(pdf).toContain('1 action was completed or verified in the period.');
    expect(pdf).toContain('Agree cover for MASH police checks.');
    expect(pdf).toMatch(/Front door re-audit: the voice of the child was heard and recorded in \d of 6 cases/);
    const word = await docxText(await evidence('docx'));
    for (const s of sections) expect(word).toContain(s);
    // Findings under lead-ins saying which kind they are; each share with its count, a small one marked
    // as the audit's own report marks it (fewer than 5 cases, the threshold these audits were signed with).
    // A page's footer can fall inside a finding's line.
    for (const text of [pdf.replace(/ Page \d+ of \d+/g, ''), word]) {
      expect(text).toContain('Strengths found:');
      expect(text).toContain('Development areas found:');
      const stated = [
        ...text.matchAll(/In (?:many or most|some|a few) cases \((\d+) of (\d+)\)[^.]*\.( \(small sample\))?/g),
      ];
      expect(stated.length).toBeGreaterThan(0);
      for (const [finding, , of, small] of stated) expect(Boolean(small), finding).toBe(Number(of) < 5);
      expect(text).toMatch(/Front door re-audit, [A-Z][^,]+, from \d of 6 cases to \d of 6\. (Up|Down|No change)/);
    }
  });

  it('refuses a period that ends before it starts', async () => {
    await expect(inst.api['reports.yearlyEvidence']({ from: TODAY, to: '2020-01-01', format: 'csv' })).rejects.toThrow(
      /to: the end of the period is before its start/,
    );
  });

  it('is written by the command line, CSV only with --evidence', () => {
    inst.app.close();
    const CLI = join(import.meta.dirname, '..', '..', 'bin', 'case-audit.js');
    const pass = join(t.dir, 'pass.txt');
    writeFileSync(pass, 'yearly evidence passphrase');
    const db = join(t.dir, 'cli.db');
    const run = (...a: string[]) =>
      spawnSync(process.execPath, [CLI, ...a, '--passphrase-file', pass], { encoding: 'utf8', timeout: 120_000 });
    expect(run('demo', '--db', db, '--json').status).toBe(0);
    const out = join(t.dir, 'evidence.csv');
    const ok = run('report', '--db', db, '--evidence', '--from', '2020-01-01', '--to', '2099-12-31', '--out', out);
    expect(ok.status, ok.stderr).toBe(0);
    const rows = Papa.parse<string[]>(readFileSync(out, 'utf8').slice(1).trim()).data;
    expect(rows.find((r) => r[1] === 'Audits signed in the period')?.[2]).toBe('1');
    const refused = run(
      'report',
      '--db',
      db,
      '--from',
      '2020-01-01',
      '--to',
      '2099-12-31',
      '--out',
      join(t.dir, 'x.csv'),
    );
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('only the yearly evidence (--evidence) is written as CSV');
  }, 120_000);
});
