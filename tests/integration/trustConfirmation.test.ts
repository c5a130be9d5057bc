// Trusting a key needs the person's confirmation that they compared its safety number, in the service
// and not only on the screen; a bundle from another board is held until someone agrees to that board.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp } from '../../electron/app.js';
import { DEFAULT_AGENCIES } from '../../shared/board.js';
import type { Api } from '../../shared/contract.js';
import { apiOver } from '../helpers/client.js';
import {
  completeAudit,
  installation,
  introduce,
  sign,
  tableCounts,
  type Installation,
} from '../helpers/installations.js';
import { tempDir } from '../helpers/tmp.js';

const t = tempDir();
let auditor: Installation;
let qa: Installation;
let southern: Installation; // an auditor of another partnership
let southernBundle: string;
let stranger: Installation;
let strangerBundle: string;

const SOUTH = 'Southmoor Safeguarding Children Partnership';

async function otherBoardInstallation(name: string): Promise<Installation> {
  const path = join(t.dir, `${name}.db`);
  const app = openApp(path, { key: Buffer.alloc(32, 9), actor: name, dailyBackup: false });
  const api: Api = apiOver(app.dispatch);
  await api['board.setup']({ name: SOUTH, agencies: DEFAULT_AGENCIES.map((a) => ({ ...a })) });
  await api['identity.create']({ name: 'Sol South', role: 'Independent auditor', agency: 'Southmoor' });
  return { app, api, path };
}

async function signedBundle(from: Installation, title: string): Promise<string> {
  const auditId = await completeAudit(from.api, title, { cases: 1 });
  await sign(from.api, auditId);
  return (await from.api['bundles.export']({ auditId, encrypt: false })).base64;
}

beforeAll(async () => {
  auditor = await installation(t.dir, 'auditor', { name: 'Sam Auditor', role: 'Auditor', agency: 'Independent' });
  qa = await installation(t.dir, 'qa', { name: 'QA Chair', role: 'Chair', agency: 'Northshire SCP' });
  stranger = await installation(t.dir, 'stranger', { name: 'Una Known', role: 'Auditor', agency: 'Elsewhere' });
  southern = await otherBoardInstallation('southern');
  strangerBundle = await signedBundle(stranger, 'Stranger audit');
  southernBundle = await signedBundle(southern, 'Southmoor audit');
});
afterAll(() => {
  for (const i of [auditor, qa, stranger, southern]) i.app.close();
  t.cleanup();
});

describe('trusting a key', () => {
  it('enrolling a card is refused without the safety-number confirmation, and nothing is trusted', async () => {
    const card = (await auditor.api['identity.card']({})).json;
    await expect(qa.api['trust.enrol']({ card, safetyNumberCompared: false })).rejects.toMatchObject({
      code: 'VALIDATION',
      message: expect.stringMatching(/^safetyNumberCompared: compare the safety number/),
    });
    // Left out altogether, the contract refuses it before the service.
    await expect(qa.api['trust.enrol']({ card } as never)).rejects.toMatchObject({ code: 'VALIDATION' });
    expect(await qa.api['trust.list']({})).toEqual([]);
    await introduce(auditor, qa);
    expect((await qa.api['trust.list']({})).map((k) => k.name)).toEqual(['Sam Auditor']);
  });

  it('accepting a quarantined bundle is refused without the confirmation; the bundle waits and its signer is not trusted', async () => {
    const first = await qa.api['bundles.import']({ fileName: 'stranger.caseaudit', base64: strangerBundle });
    expect(first.outcome).toBe('quarantined');
    const quarantineId = (first as { quarantineId: string }).quarantineId;
    const before = tableCounts(qa.app);
    await expect(qa.api['quarantine.accept']({ quarantineId, safetyNumberCompared: false })).rejects.toMatchObject({
      code: 'VALIDATION',
      message: expect.stringMatching(/^safetyNumberCompared:/),
    });
    expect(tableCounts(qa.app)).toEqual(before);
    expect((await qa.api['quarantine.list']({})).map((q) => q.id)).toEqual([quarantineId]);
    expect((await qa.api['trust.list']({})).some((k) => k.name === 'Una Known')).toBe(false);

    const accepted = await qa.api['quarantine.accept']({ quarantineId, safetyNumberCompared: true });
    expect(accepted.outcome).toBe('added');
    expect(await qa.api['quarantine.list']({})).toEqual([]);
    expect((await qa.api['trust.list']({})).some((k) => k.name === 'Una Known')).toBe(true);
  });
});

describe('a bundle from another board', () => {
  it('is held, naming both boards, until someone agrees to that board by name; nothing is written meanwhile', async () => {
    await qa.api['trust.enrol']({ card: (await southern.api['identity.card']({})).json, safetyNumberCompared: true });
    const before = tableCounts(qa.app);
    const held = await qa.api['bundles.import']({ fileName: 'south.caseaudit', base64: southernBundle });
    expect(held).toEqual({
      outcome: 'refused',
      check: 'board',
      message: `this bundle comes from ${SOUTH}, not Northshire Safeguarding Children Partnership: nothing was imported; import it again to confirm you want it here`,
      otherBoard: { bundle: SOUTH, here: 'Northshire Safeguarding Children Partnership' },
    });
    expect(tableCounts(qa.app)).toEqual(before);
    // Agreeing to some other name is not agreeing to this board.
    const wrong = await qa.api['bundles.import']({
      fileName: 'south.caseaudit',
      base64: southernBundle,
      acceptBoard: 'Northshire Safeguarding Children Partnership',
    });
    expect(wrong).toMatchObject({ outcome: 'refused', check: 'board' });
    const added = await qa.api['bundles.import']({
      fileName: 'south.caseaudit',
      base64: southernBundle,
      acceptBoard: SOUTH,
    });
    expect(added).toMatchObject({ outcome: 'added', auditTitle: 'Southmoor audit' });
  });

  it('from an unknown signer waits in quarantine, and accepting it also needs the board agreed to', async () => {
    const other = await otherBoardInstallation('southern-two');
    try {
      const bundle = await signedBundle(other, 'Second Southmoor audit');
      const first = await qa.api['bundles.import']({ fileName: 'south-2.caseaudit', base64: bundle });
      expect(first.outcome).toBe('quarantined');
      const quarantineId = (first as { quarantineId: string }).quarantineId;
      const held = await qa.api['quarantine.accept']({ quarantineId, safetyNumberCompared: true });
      expect(held).toMatchObject({ outcome: 'refused', check: 'board', otherBoard: { bundle: SOUTH } });
      expect((await qa.api['quarantine.list']({})).map((q) => q.id)).toEqual([quarantineId]);
      const added = await qa.api['quarantine.accept']({ quarantineId, safetyNumberCompared: true, acceptBoard: SOUTH });
      expect(added).toMatchObject({ outcome: 'added', auditTitle: 'Second Southmoor audit' });
    } finally {
      other.app.close();
    }
  });

  it('is the same board whatever the case and spacing of its name', async () => {
    const { otherBoard } = await import('../../shared/boardOrigin.js');
    expect(
      otherBoard('  northshire  Safeguarding children PARTNERSHIP ', 'Northshire Safeguarding Children Partnership'),
    ).toBeNull();
    expect(
      otherBoard('Northshire Safeguarding Adults Board', 'Northshire Safeguarding Children Partnership'),
    ).not.toBeNull();
  });
});
