import type { Panel, PanelItem, PanelItemResponse } from '../../shared/panel.js';
import type { Db } from '../open.js';

interface PanelRow {
  id: string;
  auditId: string;
  auditTitle: string;
  agencyId: string | null;
  agencyName: string | null;
  title: string;
  heldOn: string;
  attendees: string;
  status: 'open' | 'signed';
  signedAt: string | null;
  signerFingerprint: string | null;
}

const SELECT = `SELECT p.id, p.audit_id AS auditId, a.title AS auditTitle, p.agency_id AS agencyId, g.name AS agencyName,
  p.title, p.held_on AS heldOn, p.attendees, p.status, p.signed_at AS signedAt, p.signer_fingerprint AS signerFingerprint
  FROM panel p JOIN audit a ON a.id = p.audit_id LEFT JOIN agency g ON g.id = p.agency_id`;

export function panelRepo(db: Db) {
  const one = db.prepare<[string], PanelRow>(`${SELECT} WHERE p.id = ?`);
  const all = db.prepare<[], PanelRow>(`${SELECT} ORDER BY p.held_on DESC`);
  const forAudit = db.prepare<[string], PanelRow>(`${SELECT} WHERE p.audit_id = ? ORDER BY p.held_on DESC`);
  const items = db.prepare<
    [string],
    Omit<PanelItem, 'responses'>
  >(`SELECT id, subject, finding_id AS findingId, challenge, response, outcome, escalation,
    follow_up AS followUp, action_id AS actionId FROM panel_item WHERE panel_id = ? ORDER BY sort`);
  const item = db.prepare<
    [string],
    Omit<PanelItem, 'responses'> & { panelId: string }
  >(`SELECT id, panel_id AS panelId, subject, finding_id AS findingId, challenge,
    response, outcome, escalation, follow_up AS followUp, action_id AS actionId FROM panel_item WHERE id = ?`);
  const insert =
    db.prepare(`INSERT INTO panel (id, audit_id, agency_id, title, held_on, attendees, created_at, updated_at)
    VALUES (@id, @auditId, @agencyId, @title, @heldOn, '[]', @now, @now)`);
  const update = db.prepare('UPDATE panel SET title = ?, held_on = ?, attendees = ?, updated_at = ? WHERE id = ?');
  const nextSort = db.prepare<[string], { n: number }>(
    'SELECT coalesce(max(sort), 0) + 1 AS n FROM panel_item WHERE panel_id = ?',
  );
  const insertItem = db.prepare(
    `INSERT INTO panel_item (id, panel_id, sort, subject, finding_id, updated_at) VALUES (?, ?, ?, ?, ?, ?)`,
  );
  const saveItem = db.prepare(`UPDATE panel_item SET challenge = @challenge, response = @response, outcome = @outcome,
    escalation = @escalation, follow_up = @followUp, updated_at = @now WHERE id = @itemId`);
  const responsesOfPanel = db.prepare<[string], PanelItemResponse & { itemId: string }>(
    `SELECT r.item_id AS itemId, r.agency_id AS agencyId, r.response FROM panel_item_response r
    JOIN panel_item i ON i.id = r.item_id WHERE i.panel_id = ? ORDER BY r.item_id, r.sort`,
  );
  const responsesOfItem = db.prepare<[string], PanelItemResponse>(
    'SELECT agency_id AS agencyId, response FROM panel_item_response WHERE item_id = ? ORDER BY sort',
  );
  const clearResponses = db.prepare('DELETE FROM panel_item_response WHERE item_id = ?');
  const insertResponse = db.prepare(
    'INSERT INTO panel_item_response (item_id, agency_id, sort, response, updated_at) VALUES (?, ?, ?, ?, ?)',
  );
  const setOutcome = db.prepare('UPDATE panel_item SET outcome = ?, updated_at = ? WHERE id = ?');
  const linkAction = db.prepare('UPDATE panel_item SET action_id = ?, updated_at = ? WHERE id = ?');
  const sign =
    db.prepare(`UPDATE panel SET status = 'signed', content = @content, content_hash = @contentHash, signature = @signature,
    signer_fingerprint = @fingerprint, signed_at = @signedAt, updated_at = @signedAt WHERE id = @id`);

  const signed = db.prepare<[string], { content: string; contentHash: string; signerFingerprint: string }>(
    `SELECT content, content_hash AS contentHash, signer_fingerprint AS signerFingerprint FROM panel WHERE id = ? AND status = 'signed'`,
  );
  const toPanel = (r: PanelRow): Panel => {
    const byItem = new Map<string, PanelItemResponse[]>();
    for (const { itemId, ...response } of responsesOfPanel.all(r.id)) {
      const list = byItem.get(itemId) ?? [];
      list.push(response);
      byItem.set(itemId, list);
    }
    return {
      ...r,
      attendees: JSON.parse(r.attendees) as Panel['attendees'],
      items: items.all(r.id).map((i) => ({ ...i, responses: byItem.get(i.id) ?? [] })),
    };
  };
  return {
    get(id: string): Panel | undefined {
      const r = one.get(id);
      return r ? toPanel(r) : undefined;
    },
    list: (auditId?: string): Panel[] => (auditId ? forAudit.all(auditId) : all.all()).map(toPanel),
    item(id: string): (PanelItem & { panelId: string }) | undefined {
      const row = item.get(id);
      return row ? { ...row, responses: responsesOfItem.all(id) } : undefined;
    },
    /** The signed record as stored: the canonical JSON, its hash and the signer. */
    signedRecord: (id: string) => signed.get(id),
    insert: (p: { id: string; auditId: string; agencyId: string | null; title: string; heldOn: string; now: string }) =>
      insert.run(p),
    update: (id: string, title: string, heldOn: string, attendees: unknown, now: string) =>
      update.run(title, heldOn, JSON.stringify(attendees), now, id),
    addItem(panelId: string, id: string, subject: string, findingId: string | null, now: string): void {
      insertItem.run(id, panelId, nextSort.get(panelId)!.n, subject, findingId, now);
    },
    saveItem: (v: {
      itemId: string;
      challenge: string;
      response: string;
      outcome: string | null;
      escalation: string;
      followUp: string;
      now: string;
    }) => saveItem.run(v),
    /** Replaces the item's responses per agency with these, in this order (empty ones are not kept). */
    setResponses(itemId: string, responses: readonly PanelItemResponse[], now: string): void {
      clearResponses.run(itemId);
      responses.forEach((r, i) => {
        if (r.response.trim() !== '') insertResponse.run(itemId, r.agencyId, i + 1, r.response, now);
      });
    },
    setOutcome: (itemId: string, outcome: string | null, now: string) => setOutcome.run(outcome, now, itemId),
    linkAction: (itemId: string, actionId: string, now: string) => linkAction.run(actionId, now, itemId),
    sign: (v: {
      id: string;
      content: string;
      contentHash: string;
      signature: string;
      fingerprint: string;
      signedAt: string;
    }) => sign.run(v),
  };
}
