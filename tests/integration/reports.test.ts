import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docxText, pdfText } from '../helpers/documents.js';
import { completeAudit, installation, sign, type Installation } from '../helpers/installations.js';
import { tempDir } from '../helpers/tmp.js';

const t = tempDir();
let inst: Installation;
let auditId: string;
let fingerprint: string;
beforeAll(async () => {
  inst = await installation(t.dir, 'reports', {
    name: 'Report Auditor',
    role: 'Independent auditor',
    agency: 'Independent',
  });
  const first = await completeAudit(inst.api, 'Front door audit 2016', { cases: 3, seed: 3 });
  await sign(inst.api, first);
  const second = await inst.api['audits.startReaudit']({ auditId: first, title: 'Front door re-audit 2017' });
  const board = (await inst.api['board.get']({}))!;
  auditId = second.id;
  const agencies = board.agencies.slice(0, 2).map((a) => a.id);
  const reauditCase = await inst.api['cases.add']({
    auditId,
    reference: 'R2-1',
    ageBand: '5-9',
    gender: 'male',
    ethnicity: 'white',
    disability: 'no',
    planType: 'child_in_need',
    agencyIds: agencies,
  });
  const f = await inst.api['findings.save']({
    auditId,
    kind: 'development',
    text: 'In some cases chronologies were out of date.',
    origin: 'own',
    caseIds: [],
    questionIds: [],
    themes: ['chronology'],
  });
  await inst.api['recommendations.save']({
    auditId,
    text: 'Chronologies are updated at every review.',
    findingIds: [f.id],
  });
  await inst.api['actions.save']({
    auditId,
    text: 'Introduce a chronology check at supervision.',
    leadAgencyId: agencies[0]!,
    ownerRole: 'Team manager',
    dueDate: '2027-04-30',
    successMeasure: 'Audit of 10 cases shows current chronologies',
  });
  for (const [agencyId, grade] of [
    [agencies[0]!, 'good'],
    [agencies[1]!, 'requires_improvement'],
    [null, 'good'],
  ] as const)
    await inst.api['grades.set']({ caseId: reauditCase.id, agencyId, grade, rationale: 'Seen in the records.' });
  fingerprint = (await inst.api['identity.get']({}))!.fingerprint;
}, 120_000);
afterAll(() => {
  inst.app.close();
  t.cleanup();
});

const SECTIONS = [
  'Summary',
  'Why the audit',
  'The sample',
  'Strengths',
  'In many or most cases the following strengths were found',
  'Development areas',
  'In many or most cases the following development areas were found',
  'Grades by agency',
  'Learning themes',
  'Recommendations',
  'Action plan',
  'Outcomes and impact',
  'Signature',
];

describe('the board report', () => {
  it('as PDF holds every section, the action rows, the trend and the signer fingerprint', async () => {
    const signedId = (await inst.api['audits.list']({})).find((a) => a.round === 1)!.id;
    const signed = await inst.api['reports.audit']({ auditId: signedId, format: 'pdf' });
    const text = await pdfText(Buffer.from(signed.base64, 'base64'));
    for (const s of SECTIONS) expect(text).toContain(s);
    expect(text).toContain(fingerprint);
    expect(text).toContain('openssl pkeyutl -verify');
    expect(text).toContain('Re-audit the front door in six months with the same tool.'); // an action row
    expect(text).toMatch(/MASH service manager 31 March 2027 .+ Not yet started/);
    expect(text).toContain('looked at 3 cases involving');
    expect(text).toMatch(/Safety number, to compare with the one the signer reads out: (\d{5} ){11}\d{5}/);
    // The demo answers every checklist's grade question: those are the agencies' grades.
    expect(text).toContain('6 grades were given by agencies; no overall grades were recorded.');
    expect(text).toContain(
      "Grades by agency Agency Outstanding Good Requires improvement Inadequate Children's social care",
    );
    expect(text).toMatch(/Learning theme Cases meeting the standard 95% interval/);

    const draft = await inst.api['reports.audit']({ auditId, format: 'pdf' });
    const draftText = await pdfText(Buffer.from(draft.base64, 'base64'));
    expect(draftText).toContain('Introduce a chronology check at supervision.');
    expect(draftText).toContain('Team manager');
    expect(draftText).toContain('In some cases chronologies were out of date.');
    expect(draftText).toContain('Round 1');
    expect(draftText).toContain('This report is a draft');
    expect(draftText).toContain('Overall, 1 case was graded Good.');
    expect(draftText).toMatch(
      /Agency Outstanding Good Requires improvement Inadequate .+ 0 1 0 0 .+ 0 0 1 0 Overall \(multi-agency\) 0 1 0 0/,
    );
    // Shares carry their counts; a change is judged against chance (shared/proportions.ts).
    expect(draftText).toContain(
      'Change from the first round measured to the last, and whether chance could explain it',
    );
    expect(draftText).toMatch(/\d+% \(\d of 3, small sample\)/);
    expect(draftText).toContain('Measured in one round only.');
    // en-GB dates, never ISO; numbered pages under a running header from the second page on.
    expect(draftText).toContain('30 April 2027');
    for (const t of [text, draftText]) expect(t).not.toMatch(/\b\d{4}-\d{2}-\d{2}\b/);
    expect(text).toMatch(/Page 1 of ([2-9]|\d\d)/);
    expect(text).toContain('Northshire Safeguarding Children Partnership · Front door audit 2016');
    expect(text).toContain('With 3 cases in the sample, every share in this report is a small sample');
  });

  it('as Word (.docx) holds the same content', async () => {
    const signedId = (await inst.api['audits.list']({})).find((a) => a.round === 1)!.id;
    const doc = await inst.api['reports.audit']({ auditId: signedId, format: 'docx' });
    const text = await docxText(Buffer.from(doc.base64, 'base64'));
    for (const s of SECTIONS) expect(text).toContain(s);
    expect(text).toContain(fingerprint);
    const draft = await docxText(
      Buffer.from((await inst.api['reports.audit']({ auditId, format: 'docx' })).base64, 'base64'),
    );
    expect(draft).toContain('Introduce a chronology check at supervision.');
  });

  it('consolidates a period for the QA sub-committee', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const r = await inst.api['reports.consolidated']({ from: '2020-01-01', to: '2099-12-31' });
    const text = await pdfText(Buffer.from(r.base64, 'base64'));
    expect(text).toContain('Front door audit 2016');
    expect(text).toContain('Front door re-audit 2017');
    expect(text).toContain('Actions across all audits');
    expect(text).toContain('Quality assurance report, 1 January 2020 to 31 December 2099');
    // Each audit's heading says what it is after its title, without a second pair of brackets.
    expect(text).toMatch(/Front door audit 2016: [^()]+, round 1, signed, 3 cases/);
    const word = await docxText(
      Buffer.from(
        (await inst.api['reports.consolidated']({ from: '2020-01-01', to: '2099-12-31', format: 'docx' })).base64,
        'base64',
      ),
    );
    expect(word).toContain('Front door re-audit 2017');
    expect(word).toContain('Actions across all audits');
    await expect(inst.api['reports.consolidated']({ from: today, to: '2000-01-01' })).rejects.toThrow(
      /to: the end of the period is before its start/,
    );
  });
});

describe('case-audit report', () => {
  it('writes the PDF and the Word file from the command line, and refuses bad arguments', async () => {
    inst.app.close();
    // The fixture's database uses a raw key; the CLI needs a key file, so make a CLI-made demo instead.
    const CLI = join(import.meta.dirname, '..', '..', 'bin', 'case-audit.js');
    const pass = join(t.dir, 'cli-pass.txt');
    writeFileSync(pass, 'report command passphrase');
    const db = join(t.dir, 'cli.db');
    const run = (...a: string[]) =>
      spawnSync(process.execPath, [CLI, ...a, '--passphrase-file', pass], { encoding: 'utf8', timeout: 120_000 });
    const demo = run('demo', '--db', db, '--json');
    expect(demo.status, demo.stderr).toBe(0);
    const id = (JSON.parse(demo.stdout) as { auditId: string }).auditId;
    const out = join(t.dir, 'board.pdf');
    expect(run('report', '--db', db, '--audit', id, '--out', out).status).toBe(0);
    const text = await pdfText(readFileSync(out));
    expect(text).toContain('MASH repeat audit (demo)');
    expect(text).toContain('Key fingerprint');
    const docx = join(t.dir, 'board.docx');
    expect(run('report', '--db', db, '--audit', id, '--out', docx).status).toBe(0);
    expect(await docxText(readFileSync(docx))).toContain('Action plan');
    expect(
      run('report', '--db', db, '--from', '2020-01-01', '--to', '2099-01-01', '--out', join(t.dir, 'qa.pdf')).status,
    ).toBe(0);
    expect(run('report', '--db', db, '--out', join(t.dir, 'x.pdf')).status).toBe(2);
    const reversed = run(
      'report',
      '--db',
      db,
      '--from',
      '2024-03-01',
      '--to',
      '2024-02-01',
      '--out',
      join(t.dir, 'r.pdf'),
    );
    expect(reversed.status).toBe(2);
    expect(reversed.stderr).toContain('to: the end of the period is before its start');
    expect(run('report', '--db', db, '--audit', id, '--out', join(t.dir, 'x.txt')).status).toBe(2);
    expect(existsSync(join(t.dir, 'x.pdf.partial'))).toBe(false);
  }, 120_000);
});
