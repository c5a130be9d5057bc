// Challenge panels: the chair opens a panel on an audit (or one agency's Section 11 self-assessment),
// records challenge, response and outcome per item, turns agreed follow-up into tracked actions, and
// signs the record with the same key and canonical form as audits.
import { createHash } from 'node:crypto';
import { canonicalJson } from '../../shared/canonicalJson.js';
import type { ServiceHandlers } from '../../shared/contract.js';
import { AppError, fieldError } from '../../shared/errors.js';
import type { Panel, PanelContent } from '../../shared/panel.js';
import { signCanonical } from '../crypto/keys.js';
import type { ServiceContext } from './context.js';
import { bundleSigner, ownIdentity, recipientKeys } from './identityService.js';
import { packBundle } from '../bundle/pack.js';
import { renderPanelPdf } from '../report/panelPdf.js';
import { getTemplate } from './templateService.js';
import type { PanelContent as SignedPanel } from '../../shared/panel.js';

type Methods =
  | 'panels.list'
  | 'panels.create'
  | 'panels.get'
  | 'panels.update'
  | 'panels.addItem'
  | 'panels.saveItem'
  | 'panels.setOutcome'
  | 'panels.addFollowUp'
  | 'panels.signingPreview'
  | 'panels.sign'
  | 'panels.export';

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

export function panelService(ctx: ServiceContext): Pick<ServiceHandlers, Methods> {
  const { repos } = ctx;

  function panel(id: string): Panel {
    const p = repos.panels.get(id);
    if (!p) throw new AppError('NOT_FOUND', 'No such panel.');
    return p;
  }
  function openPanel(id: string): Panel {
    const p = panel(id);
    if (p.status === 'signed') throw new AppError('SIGNED', 'This panel record is signed and cannot change.');
    return p;
  }
  function content(p: Panel, signedAt: string): PanelContent {
    const own = ownIdentity(ctx);
    const { status: _s, signedAt: _a, signerFingerprint: _f, ...record } = p;
    const ids = new Set([
      ...(p.agencyId ? [p.agencyId] : []),
      ...p.attendees.map((a) => a.agencyId),
      ...p.items.flatMap((i) => i.responses.map((r) => r.agencyId)),
    ]);
    return {
      panel: record,
      agencies: repos.board
        .agencies()
        .filter((a) => ids.has(a.id))
        .map(({ id, name, kind }) => ({ id, name, kind })),
      signedAt,
      signer: { fingerprint: own.fingerprint, name: own.name, role: own.role, agency: own.agency },
    };
  }
  const blockers = (p: Panel) =>
    [
      repos.identity.own() ? null : 'create your identity first: it is what you sign with',
      p.status === 'signed' ? 'the panel is already signed' : null,
      p.attendees.length === 0 ? 'record who attended' : null,
      p.items.length === 0 ? 'add at least one item' : null,
      ...p.items.map((i, n) => (i.outcome === null ? `item ${n + 1} has no outcome` : null)),
      ...p.items.map((i, n) =>
        i.outcome === 'not_assured' && i.escalation.trim() === ''
          ? `item ${n + 1} is not assured: record the escalation`
          : null,
      ),
    ].filter((b): b is string => b !== null);

  return {
    'panels.list': ({ auditId }) => repos.panels.list(auditId),

    'panels.create': ({ auditId, agencyId, title, heldOn }) =>
      ctx.tx(() => {
        const audit = repos.audits.get(auditId);
        if (!audit) throw fieldError('NOT_FOUND', ['auditId'], 'no such audit');
        if (agencyId && !repos.board.agency(agencyId)) throw fieldError('VALIDATION', ['agencyId'], 'no such agency');
        const id = ctx.newId();
        const now = ctx.now();
        repos.panels.insert({ id, auditId, agencyId, title, heldOn, now });
        // The findings in question start the agenda: development areas first.
        const findings = repos.review
          .findings(auditId)
          .sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'development' ? -1 : 1));
        for (const f of findings) repos.panels.addItem(id, ctx.newId(), f.text, f.id, now);
        ctx.log('panel', id, 'create', null, { auditId, agencyId, title, heldOn });
        return panel(id);
      }),

    'panels.get': ({ panelId }) => panel(panelId),

    'panels.update': ({ panelId, title, heldOn, attendees }) =>
      ctx.tx(() => {
        const before = openPanel(panelId);
        attendees.forEach((a, i) => {
          if (!repos.board.agency(a.agencyId))
            throw fieldError('VALIDATION', ['attendees', i, 'agencyId'], `no such agency`);
        });
        repos.panels.update(panelId, title, heldOn, attendees, ctx.now());
        ctx.log(
          'panel',
          panelId,
          'update',
          { title: before.title, heldOn: before.heldOn, attendees: before.attendees },
          { title, heldOn, attendees },
        );
        return panel(panelId);
      }),

    'panels.addItem': ({ panelId, subject }) =>
      ctx.tx(() => {
        openPanel(panelId);
        const id = ctx.newId();
        repos.panels.addItem(panelId, id, subject, null, ctx.now());
        ctx.log('panel_item', id, 'create', null, { panelId, subject });
        return panel(panelId);
      }),

    'panels.saveItem': (input) =>
      ctx.tx(() => {
        const item = repos.panels.item(input.itemId);
        if (!item) throw fieldError('NOT_FOUND', ['itemId'], 'no such panel item');
        openPanel(item.panelId);
        const { responses, ...fields } = input;
        responses?.forEach((r, i) => {
          if (!repos.board.agency(r.agencyId))
            throw fieldError('VALIDATION', ['responses', i, 'agencyId'], 'no such agency');
        });
        const now = ctx.now();
        repos.panels.saveItem({ ...fields, now });
        if (responses) repos.panels.setResponses(input.itemId, responses, now);
        const { panelId: _p, ...before } = item;
        const after = repos.panels.item(input.itemId)!;
        const { panelId: _q, ...saved } = after;
        ctx.log('panel_item', input.itemId, 'update', before, saved);
        return panel(item.panelId);
      }),

    // Presentation mode records an outcome on its own, after the chair confirms it; an undo puts the
    // replaced outcome back through the same method, and both are in the change log.
    'panels.setOutcome': ({ itemId, outcome, undo }) =>
      ctx.tx(() => {
        const item = repos.panels.item(itemId);
        if (!item) throw fieldError('NOT_FOUND', ['itemId'], 'no such panel item');
        openPanel(item.panelId);
        if (item.outcome !== outcome) {
          repos.panels.setOutcome(itemId, outcome, ctx.now());
          ctx.log('panel_item', itemId, undo ? 'undo_outcome' : 'set_outcome', { outcome: item.outcome }, { outcome });
        }
        return panel(item.panelId);
      }),

    'panels.addFollowUp': ({ itemId, ...draft }) =>
      ctx.tx(() => {
        const item = repos.panels.item(itemId);
        if (!item) throw fieldError('NOT_FOUND', ['itemId'], 'no such panel item');
        const p = openPanel(item.panelId);
        if (item.actionId) throw new AppError('CONFLICT', 'This item already has its follow-up action.');
        if (!repos.board.agency(draft.leadAgencyId)) throw fieldError('VALIDATION', ['leadAgencyId'], 'no such agency');
        // Follow-up joins the audit's action plan even when the audit is signed: the plan is tracked, not signed again.
        const id = ctx.newId();
        const now = ctx.now();
        repos.actions.insert({
          id,
          auditId: p.auditId,
          recommendationId: null,
          ...draft,
          status: 'not_started',
          createdAt: now,
          updatedAt: now,
        });
        repos.panels.linkAction(itemId, id, now);
        ctx.log('action', id, 'create', null, { ...draft, fromPanel: p.id });
        return panel(p.id);
      }),

    // The signed record leaves as a bundle like an audit's: manifest kind 'panel', the record as content.
    'panels.export': async ({ panelId, encrypt }) => {
      const p = panel(panelId);
      const row = repos.panels.signedRecord(panelId);
      if (p.status !== 'signed' || !row) throw new AppError('VALIDATION', 'Sign the panel record before exporting it.');
      const own = ownIdentity(ctx);
      if (row.signerFingerprint !== own.fingerprint)
        throw new AppError('VALIDATION', 'Only the chair who signed the record exports it.');
      const record = JSON.parse(row.content) as SignedPanel;
      const audit = repos.audits.get(p.auditId)!;
      const recipients = recipientKeys(ctx);
      if (encrypt === true && recipients.length === 0)
        throw fieldError('VALIDATION', ['encrypt'], 'enrol a recipient’s identity card first.');
      const { bytes, manifest, encrypted } = await packBundle({
        kind: 'panel',
        auditId: p.auditId,
        auditTitle: audit.title,
        revision: 1,
        content: row.content,
        contentHash: row.contentHash,
        previousRevisionHash: null,
        templates: [getTemplate(ctx, audit.templateId, audit.templateVersion)],
        reportPdf: await renderPanelPdf(record),
        signer: bundleSigner(own),
        recipients: encrypt === false ? [] : recipients,
        now: ctx.now(),
      });
      return {
        fileName: `panel-${p.heldOn}.caseaudit`,
        base64: Buffer.from(bytes).toString('base64'),
        encrypted,
        bundleId: manifest.bundleId,
      };
    },

    'panels.signingPreview': ({ panelId }) => {
      const p = panel(panelId);
      const outcomes: Record<string, number> = {};
      for (const i of p.items) if (i.outcome) outcomes[i.outcome] = (outcomes[i.outcome] ?? 0) + 1;
      const b = blockers(p);
      return {
        contentHash: b.length ? '' : sha256(canonicalJson({ ...content(p, ''), signedAt: '' })),
        blockers: b,
        items: p.items.length,
        outcomes,
      };
    },

    'panels.sign': ({ panelId, contentHash }) =>
      ctx.tx(() => {
        const p = panel(panelId);
        const b = blockers(p);
        if (b.length) throw new AppError('VALIDATION', `Cannot sign yet: ${b.join('; ')}.`);
        if (sha256(canonicalJson({ ...content(p, ''), signedAt: '' })) !== contentHash) {
          throw new AppError('CONFLICT', 'The panel record changed after you reviewed it: review it again.');
        }
        const signed = content(p, ctx.now());
        const text = canonicalJson(signed);
        const own = ownIdentity(ctx);
        repos.panels.sign({
          id: panelId,
          content: text,
          contentHash: sha256(text),
          signature: signCanonical(own.signingPrivate, signed),
          fingerprint: own.fingerprint,
          signedAt: signed.signedAt,
        });
        ctx.log('panel', panelId, 'sign', { status: 'open' }, { status: 'signed', contentHash: sha256(text) });
        return panel(panelId);
      }),
  };
}
