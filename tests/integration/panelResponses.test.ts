// A multi-agency panel item answered by each agency, and presentation's outcomes: chosen, confirmed,
// undone, every change in the change log; the responses travel in the signed panel bundle, and a
// bundle signed before responses were kept per agency still imports.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalJson } from '../../shared/canonicalJson.js';
import { panelContentSchema, type Panel } from '../../shared/panel.js';
import { packBundle } from '../../electron/bundle/pack.js';
import { renderPanelPdf } from '../../electron/report/panelPdf.js';
import { checkDatabase } from '../../electron/maintenance.js';
import { bundleSigner, ownIdentity } from '../../electron/services/identityService.js';
import { getTemplate } from '../../electron/services/templateService.js';
import { completeAudit, installation, introduce, sign, type Installation } from '../helpers/installations.js';
import { tempDir } from '../helpers/tmp.js';

const t = tempDir();
let chair: Installation;
let other: Installation;
let auditId: string;
let ids: { police: string; health: string; social: string };

beforeAll(async () => {
  chair = await installation(t.dir, 'chair', { name: 'Independent Chair', role: 'Chair', agency: 'Northshire SCP' });
  other = await installation(t.dir, 'board', { name: 'Board Manager', role: 'Manager', agency: 'Northshire SCP' });
  await introduce(chair, other);
  auditId = await completeAudit(chair.api, 'Neglect audit', { cases: 2 });
  await sign(chair.api, auditId);
  const b = await chair.api['bundles.export']({ auditId });
  await other.api['trust.enrol']({ card: (await chair.api['identity.card']({})).json, safetyNumberCompared: true });
  expect((await other.api['bundles.import']({ fileName: 'a', base64: b.base64 })).outcome).toBe('added');
  const board = (await chair.api['board.get']({}))!;
  const named = (n: string) => board.agencies.find((a) => a.name === n)!.id;
  ids = { police: named('Police'), health: named('Health'), social: named("Children's social care") };
}, 120_000);
afterAll(() => {
  chair.app.close();
  other.app.close();
  t.cleanup();
});

async function multiAgencyPanel(title: string): Promise<Panel> {
  const p = await chair.api['panels.create']({ auditId, agencyId: null, title, heldOn: '2026-11-20' });
  return chair.api['panels.update']({
    panelId: p.id,
    title,
    heldOn: p.heldOn,
    attendees: [
      { role: 'Detective Inspector', agencyId: ids.police },
      { role: 'Designated nurse', agencyId: ids.health },
    ],
  });
}

const history = (itemId: string) => chair.app.ctx.repos.changeLog.history('panel_item', itemId);

describe('responses per agency', () => {
  it('keeps each agency’s response in order, replaces them on save, drops empty ones and logs the change', async () => {
    const panel = await multiAgencyPanel('Neglect panel');
    const item = panel.items[0]!;
    let saved = await chair.api['panels.saveItem']({
      itemId: item.id,
      challenge: 'Who saw the children alone?',
      response: '',
      outcome: null,
      responses: [
        { agencyId: ids.health, response: 'Health visitors saw them at home.' },
        { agencyId: ids.police, response: 'Officers did not: we will add it to the checklist.' },
      ],
    });
    expect(saved.items[0]!.responses).toEqual([
      { agencyId: ids.health, response: 'Health visitors saw them at home.' },
      { agencyId: ids.police, response: 'Officers did not: we will add it to the checklist.' },
    ]);
    // Saving without `responses` leaves them as they are.
    saved = await chair.api['panels.saveItem']({
      itemId: item.id,
      challenge: 'Who saw the children alone, and when?',
      response: '',
      outcome: null,
    });
    expect(saved.items[0]!.responses).toHaveLength(2);
    // An emptied response removes that agency's.
    saved = await chair.api['panels.saveItem']({
      itemId: item.id,
      challenge: 'Who saw the children alone, and when?',
      response: '',
      outcome: null,
      responses: [
        { agencyId: ids.police, response: 'Officers now record it.' },
        { agencyId: ids.health, response: '  ' },
      ],
    });
    expect(saved.items[0]!.responses).toEqual([{ agencyId: ids.police, response: 'Officers now record it.' }]);
    const log = history(item.id);
    expect(log.at(-1)!.action).toBe('update');
    expect(log.at(-1)!.before).toMatchObject({
      responses: expect.arrayContaining([expect.objectContaining({ agencyId: ids.health })]),
    });
    expect(log.at(-1)!.after).toMatchObject({
      responses: [{ agencyId: ids.police, response: 'Officers now record it.' }],
    });
  });

  it('refuses an unknown agency or the same agency twice, naming the field, and writes nothing', async () => {
    const panel = await multiAgencyPanel('Refusals');
    const item = panel.items[0]!;
    const before = history(item.id).length;
    await expect(
      chair.api['panels.saveItem']({
        itemId: item.id,
        challenge: 'x',
        response: '',
        outcome: null,
        responses: [{ agencyId: '00000000-0000-4000-8000-000000000000', response: 'From nowhere' }],
      }),
    ).rejects.toMatchObject({ code: 'VALIDATION', issues: [{ path: ['responses', 0, 'agencyId'] }] });
    await expect(
      chair.api['panels.saveItem']({
        itemId: item.id,
        challenge: 'x',
        response: '',
        outcome: null,
        responses: [
          { agencyId: ids.police, response: 'One' },
          { agencyId: ids.police, response: 'Two' },
        ],
      }),
    ).rejects.toMatchObject({ code: 'VALIDATION', issues: [{ path: ['responses', 1, 'agencyId'] }] });
    expect(history(item.id)).toHaveLength(before);
    expect((await chair.api['panels.get']({ panelId: panel.id })).items[0]!.challenge).toBe('');
  });
});

describe('outcomes from presentation mode', () => {
  it('sets an outcome, undoes it to the one before, and logs both; the same outcome again changes nothing', async () => {
    const panel = await multiAgencyPanel('Outcomes');
    const item = panel.items[0]!;
    let p = await chair.api['panels.setOutcome']({ itemId: item.id, outcome: 'partly_assured' });
    expect(p.items[0]!.outcome).toBe('partly_assured');
    p = await chair.api['panels.setOutcome']({ itemId: item.id, outcome: 'not_assured' });
    expect(p.items[0]!.outcome).toBe('not_assured');
    p = await chair.api['panels.setOutcome']({ itemId: item.id, outcome: 'partly_assured', undo: true });
    expect(p.items[0]!.outcome).toBe('partly_assured');
    const n = history(item.id).length;
    await chair.api['panels.setOutcome']({ itemId: item.id, outcome: 'partly_assured' });
    expect(history(item.id)).toHaveLength(n);

    const log = history(item.id).slice(-3);
    expect(log.map((r) => [r.action, r.before, r.after])).toEqual([
      ['set_outcome', { outcome: null }, { outcome: 'partly_assured' }],
      ['set_outcome', { outcome: 'partly_assured' }, { outcome: 'not_assured' }],
      ['undo_outcome', { outcome: 'not_assured' }, { outcome: 'partly_assured' }],
    ]);
    // Undoing the first outcome clears it again.
    p = await chair.api['panels.setOutcome']({ itemId: item.id, outcome: null, undo: true });
    expect(p.items[0]!.outcome).toBeNull();
    expect(checkDatabase(chair.app.db)).toMatchObject({ changeLog: { ok: true } });
  });

  it('refuses an unknown item', async () => {
    await expect(
      chair.api['panels.setOutcome']({ itemId: '00000000-0000-4000-8000-000000000001', outcome: 'assured' }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

async function signAll(panel: Panel): Promise<Panel> {
  for (const item of panel.items) await chair.api['panels.setOutcome']({ itemId: item.id, outcome: 'assured' });
  const preview = await chair.api['panels.signingPreview']({ panelId: panel.id });
  expect(preview.blockers).toEqual([]);
  return chair.api['panels.sign']({ panelId: panel.id, contentHash: preview.contentHash });
}

describe('the signed record', () => {
  it('locks the responses and the outcome, and carries each agency’s response to the other installation', async () => {
    let panel = await multiAgencyPanel('Signed with responses');
    const item = panel.items[0]!;
    await chair.api['panels.saveItem']({
      itemId: item.id,
      challenge: 'How is neglect recognised early?',
      response: '',
      outcome: null,
      responses: [
        { agencyId: ids.health, response: 'The graded care profile at every 2-year check.' },
        // An agency that did not attend answers in writing: it joins the record's agencies.
        { agencyId: ids.social, response: 'Supervision notes cite the profile.' },
      ],
    });
    panel = await signAll(await chair.api['panels.get']({ panelId: panel.id }));
    await expect(chair.api['panels.setOutcome']({ itemId: item.id, outcome: 'not_assured' })).rejects.toMatchObject({
      code: 'SIGNED',
    });
    expect(() =>
      chair.app.db.prepare('UPDATE panel_item_response SET response = ? WHERE item_id = ?').run('forged', item.id),
    ).toThrow(/immutable/);
    expect(() => chair.app.db.prepare('DELETE FROM panel_item_response WHERE item_id = ?').run(item.id)).toThrow(
      /immutable/,
    );
    const record = panelContentSchema.parse(JSON.parse(chair.app.ctx.repos.panels.signedRecord(panel.id)!.content));
    expect(record.agencies.map((a) => a.id)).toContain(ids.social);
    // The record's PDF names each agency's response (read back with poppler).
    const pdfPath = join(t.dir, 'panel.pdf');
    writeFileSync(pdfPath, await renderPanelPdf(record));
    const text = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' });
    expect(text).toMatch(/Response from Health\s+The graded care profile at every 2-year check\./);
    expect(text).toMatch(/Response from Children's social care\s+Supervision notes cite the profile\./);

    const exported = await chair.api['panels.export']({ panelId: panel.id });
    expect((await other.api['bundles.import']({ fileName: exported.fileName, base64: exported.base64 })).outcome).toBe(
      'added',
    );
    const there = await other.api['panels.get']({ panelId: panel.id });
    const otherBoard = (await other.api['board.get']({}))!;
    const nameThere = (id: string) => otherBoard.agencies.find((a) => a.id === id)?.name;
    expect(there.items[0]!.responses.map((r) => [nameThere(r.agencyId), r.response])).toEqual([
      ['Health', 'The graded care profile at every 2-year check.'],
      ["Children's social care", 'Supervision notes cite the profile.'],
    ]);
  });

  it('imports a panel bundle signed before responses per agency, with its one response', async () => {
    let panel = await multiAgencyPanel('Signed with one response');
    await chair.api['panels.saveItem']({
      itemId: panel.items[0]!.id,
      challenge: 'Chronologies?',
      response: 'All agencies keep one.',
      outcome: null,
    });
    panel = await signAll(await chair.api['panels.get']({ panelId: panel.id }));
    // The record as an earlier release signed it: items without `responses`.
    const current = JSON.parse(chair.app.ctx.repos.panels.signedRecord(panel.id)!.content) as {
      panel: { items: Record<string, unknown>[] };
    };
    for (const i of current.panel.items) delete i.responses;
    const content = canonicalJson(current);
    expect(content).not.toContain('"responses"');
    const ctx = chair.app.ctx;
    const audit = ctx.repos.audits.get(auditId)!;
    const { bytes } = await packBundle({
      kind: 'panel',
      auditId,
      auditTitle: audit.title,
      revision: 1,
      content,
      contentHash: createHash('sha256').update(content).digest('hex'),
      previousRevisionHash: null,
      templates: [getTemplate(ctx, audit.templateId, audit.templateVersion)],
      reportPdf: await renderPanelPdf(panelContentSchema.parse(current)),
      signer: bundleSigner(ownIdentity(ctx)),
      recipients: [],
      now: ctx.now(),
    });
    const imported = await other.api['bundles.import']({
      fileName: 'old-panel.caseaudit',
      base64: Buffer.from(bytes).toString('base64'),
    });
    expect(imported.outcome).toBe('added');
    const there = await other.api['panels.get']({ panelId: panel.id });
    expect(there.items[0]).toMatchObject({ response: 'All agencies keep one.', responses: [] });
  });
});
