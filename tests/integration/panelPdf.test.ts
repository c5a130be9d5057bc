// The challenge panel's signed record as an accessible document, read back by tools that did not
// write it: pdfjs (structure tree, language, PDF/UA identification, text) and poppler's pdffonts.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderPanelPdf } from '../../electron/report/panelPdf.js';
import { panelContentSchema } from '../../shared/panel.js';
import { safetyNumber } from '../../shared/safetyNumber.js';
import { tempDir } from '../helpers/tmp.js';

const t = tempDir();
const police = '6f1c0a52-4c39-4d0e-9a43-1b1d2c5e7a10';
const health = '0b7e3c6e-2a5f-4f9b-8d3e-9c4a1e6b2d70';
const fingerprint = 'a1b2 c3d4 e5f6 0718 293a 4b5c 6d7e 8f90 a1b2 c3d4 e5f6 0718 293a 4b5c 6d7e 8f90';
const content = panelContentSchema.parse({
  panel: {
    id: '3d5e7f90-1a2b-4c3d-8e4f-5a6b7c8d9e0f',
    auditId: '4e6f8a01-2b3c-4d4e-9f50-6a7b8c9d0e1f',
    auditTitle: 'Child sexual exploitation audit 2026',
    agencyId: police,
    agencyName: 'Police',
    title: 'CSE audit challenge panel',
    heldOn: '2026-11-20',
    attendees: [
      { role: 'Detective Inspector', agencyId: police },
      { role: 'Named nurse', agencyId: health },
    ],
    items: [
      {
        id: '5f7a9b12-3c4d-4e5f-8a61-7b8c9d0e1f2a',
        subject: 'Use of the CSE risk assessment tool',
        findingId: null,
        challenge: 'How do you know referrals are screened?',
        response: 'Monthly dip sampling.',
        outcome: 'not_assured',
        escalation: 'Stage 2: letter from the chair to the chief superintendent',
        followUp: 'Share dip-sample results',
        actionId: null,
      },
      {
        id: '6a8bac23-4d5e-4f60-9b72-8c9d0e1f2a3b',
        subject: 'Voice of the child in strategy meetings',
        findingId: null,
        challenge: 'Evidence?',
        response: 'Provided.',
        outcome: 'assured',
        escalation: '',
        followUp: '',
        actionId: null,
      },
    ],
  },
  agencies: [
    { id: police, name: 'Police', kind: 'police' },
    { id: health, name: 'Health', kind: 'health' },
  ],
  signedAt: '2026-11-21T10:30:00.000Z',
  signer: { fingerprint, name: 'Pat Chair', role: 'Independent chair', agency: 'Safeguarding partnership' },
});

let pdf: Buffer;
beforeAll(async () => {
  pdf = await renderPanelPdf(content);
});
afterAll(() => t.cleanup());

interface StructNode {
  role?: string;
  children?: StructNode[];
}
const walk = (n: StructNode, out: StructNode[] = []): StructNode[] => {
  out.push(n);
  for (const c of n.children ?? []) walk(c, out);
  return out;
};

async function open(bytes: Buffer) {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  return pdfjs.getDocument({ data: new Uint8Array(bytes), isEvalSupported: false }).promise;
}

describe('the challenge panel record PDF', () => {
  it('is tagged with headings, paragraphs and lists, in en-GB, titled, PDF/UA-1', async () => {
    const doc = await open(pdf);
    const nodes: StructNode[] = [];
    for (let i = 1; i <= doc.numPages; i++) {
      const tree = (await (await doc.getPage(i)).getStructTree()) as StructNode | null;
      expect(tree, `page ${i} has a structure tree`).not.toBeNull();
      walk(tree!, nodes);
    }
    const roles = new Set(nodes.map((n) => n.role));
    for (const role of ['Document', 'H1', 'H2', 'H3', 'P', 'L', 'LI', 'LBody']) expect(roles, role).toContain(role);
    expect(nodes.filter((n) => n.role === 'H3')).toHaveLength(2);
    const { info, metadata } = (await doc.getMetadata()) as {
      info: { Language?: string; Title?: string };
      metadata: { get(name: string): unknown } | null;
    };
    expect(info.Language).toBe('en-GB');
    expect(info.Title).toBe('CSE audit challenge panel');
    expect(metadata?.get('pdfuaid:part')).toBe('1');
  });

  it('reads as a record: en-GB dates, the outcome in words, the signature in plain words', async () => {
    const doc = await open(pdf);
    let text = '';
    for (let i = 1; i <= doc.numPages; i++)
      text += (await (await doc.getPage(i)).getTextContent()).items.map((it) => ('str' in it ? it.str : '')).join(' ');
    text = text.replace(/\s+/g, ' ');
    expect(text).toContain('held on 20 November 2026, with Police');
    expect(text).toContain('Detective Inspector, Police');
    expect(text).toContain('Not assured');
    expect(text).toContain('Stage 2: letter from the chair');
    expect(text).toContain('Signed by Pat Chair, Independent chair, Safeguarding partnership, on 21 November 2026.');
    expect(text).toContain(safetyNumber(fingerprint));
    expect(text).toMatch(/Page 1 of \d/);
    expect(text).not.toMatch(/2026-11-2\d/);
  });

  it('embeds its fonts, none of them one of the standard 14', () => {
    const file = join(t.dir, 'panel.pdf');
    writeFileSync(file, pdf);
    const rows = execFileSync('pdffonts', [file], { encoding: 'utf8' }).trim().split('\n').slice(2);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row).toMatch(/NotoSans.* yes /);
      expect(row).not.toMatch(/Helvetica|Times|Courier/);
    }
  });

  it('is the same document every time the same record is rendered', async () => {
    expect((await renderPanelPdf(content)).equals(pdf)).toBe(true);
  });
});
