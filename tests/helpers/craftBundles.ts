// Hostile bundles made from genuine ones: the content of a real signed revision, changed, and signed
// again by the real packing code with a real installation's key (trusted, untrusted or the auditor's
// own), so every check before the import's own passes and the import alone must refuse it.
import { randomUUID } from 'node:crypto';
import type { RevisionContent } from '../../shared/bundle.js';
import { canonicalJson } from '../../shared/canonicalJson.js';
import type { PanelContent } from '../../shared/panel.js';
import { templateSchema, type Template } from '../../shared/template.js';
import { packBundle, sha256 } from '../../electron/bundle/pack.js';
import { bundleSigner } from '../../electron/services/identityService.js';
import type { Installation } from './installations.js';

export interface Genuine {
  content: RevisionContent;
  contentHash: string;
  previousHash: string | null;
  report: Buffer;
}

/** A signed revision as the installation that signed it stores it. */
export function signedRevision(inst: Installation, auditId: string, revision?: number): Genuine {
  const bundles = inst.app.ctx.repos.bundles;
  const row = revision === undefined ? bundles.latestRevision(auditId) : bundles.revision(auditId, revision);
  if (!row) throw new Error(`no revision ${revision ?? 'latest'} of ${auditId}`);
  return {
    content: JSON.parse(row.content) as RevisionContent,
    contentHash: row.contentHash,
    previousHash: row.previousHash,
    report: row.report,
  };
}

/** The content as a new audit: the audit and every row of it under new ids (agencies keep theirs). */
export function asNewAudit(c: RevisionContent): RevisionContent {
  const ids = [
    c.audit.id,
    ...c.cases.map((x) => x.id),
    ...c.checklists.map((x) => x.id),
    ...c.findings.map((x) => x.id),
    ...c.recommendations.map((x) => x.id),
    ...c.actions.map((x) => x.id),
  ];
  const renewed = replaceIds(c, Object.fromEntries(ids.map((id) => [id, randomUUID()])));
  // A series is named by its first round's id: the new audit is its own first round.
  return { ...renewed, audit: { ...renewed.audit, seriesId: renewed.audit.id } };
}

/** A deep copy with every occurrence of some ids (UUIDs) replaced, references included. */
export function replaceIds<T>(value: T, ids: Record<string, string>): T {
  let text = JSON.stringify(value);
  for (const [from, to] of Object.entries(ids)) text = text.split(from).join(to);
  return JSON.parse(text) as T;
}

function signerOf(inst: Installation) {
  const own = inst.app.ctx.repos.identity.own();
  if (!own) throw new Error('the installation has no identity');
  return bundleSigner(own);
}

/**
 * Packs and signs `content` as revision content.revision of its audit, by `signer`'s key: the content's
 * signer becomes that key (as verify requires), the previous hash is what the caller says.
 * Templates are read from `templatesFrom` (the auditor's installation).
 */
export async function craftRevision(
  signer: Installation,
  content: RevisionContent,
  previousRevisionHash: string | null,
  templatesFrom: Installation,
  options: { report?: Uint8Array; templates?: Template[] } = {},
): Promise<{ bytes: Buffer; contentHash: string }> {
  const s = signerOf(signer);
  const signed: RevisionContent = {
    ...content,
    signer: { fingerprint: s.fingerprint, name: s.name, role: s.role, agency: s.agency },
  };
  const text = canonicalJson(signed);
  const stored = templatesFrom.app.ctx.repos.templates.get(content.audit.templateId, content.audit.templateVersion);
  if (!stored) throw new Error('no such template');
  const { bytes } = await packBundle({
    auditId: content.audit.id,
    auditTitle: content.audit.title,
    revision: content.revision,
    content: text,
    contentHash: sha256(text),
    previousRevisionHash,
    templates: options.templates ?? [templateSchema.parse(stored)],
    reportPdf: options.report ?? Buffer.from('%PDF-1.7\n%crafted\n'),
    signer: s,
    now: new Date().toISOString(),
  });
  return { bytes: Buffer.from(bytes), contentHash: sha256(text) };
}

/** A panel record signed by `signer`, with the audit's template as a panel bundle carries it. */
export async function craftPanel(
  signer: Installation,
  record: PanelContent,
  template: { id: string; version: number },
  templatesFrom: Installation,
): Promise<Buffer> {
  const s = signerOf(signer);
  const signed: PanelContent = {
    ...record,
    signer: { fingerprint: s.fingerprint, name: s.name, role: s.role, agency: s.agency },
  };
  const text = canonicalJson(signed);
  const { bytes } = await packBundle({
    kind: 'panel',
    auditId: record.panel.auditId,
    auditTitle: record.panel.auditTitle,
    revision: 1,
    content: text,
    contentHash: sha256(text),
    previousRevisionHash: null,
    templates: [templateSchema.parse(templatesFrom.app.ctx.repos.templates.get(template.id, template.version))],
    reportPdf: Buffer.from('%PDF-1.7\n%crafted panel\n'),
    signer: s,
    now: new Date().toISOString(),
  });
  return Buffer.from(bytes);
}

/** Every row of the tables an import can touch, in a stable order: compared whole before and after. */
export function dump(inst: Installation): Record<string, unknown[]> {
  const tables: Record<string, string> = {
    audit: 'id',
    audit_case: 'id',
    checklist: 'id',
    answer: 'checklist_id, question_id',
    case_grade: 'case_id, agency_id',
    case_discussion: 'case_id',
    finding: 'id',
    recommendation: 'id',
    action: 'id',
    action_update: 'id',
    agency: 'id',
    template: 'id, version',
    panel: 'id',
    panel_item: 'id',
    audit_revision: 'audit_id, revision',
    audit_pin: 'audit_id',
    imported_bundle: 'bundle_id',
    quarantine: 'id',
    trusted_key: 'fingerprint',
    change_log: 'seq',
  };
  return Object.fromEntries(
    Object.entries(tables).map(([t, order]) => [t, inst.app.db.prepare(`SELECT * FROM ${t} ORDER BY ${order}`).all()]),
  );
}

/** The change log records after `seq`, with their before and after parsed. */
export function logSince(inst: Installation, seq: number) {
  const rows = inst.app.db
    .prepare(
      'SELECT seq, entity, entity_id AS entityId, action, before, after FROM change_log WHERE seq > ? ORDER BY seq',
    )
    .all(seq) as {
    seq: number;
    entity: string;
    entityId: string;
    action: string;
    before: string | null;
    after: string | null;
  }[];
  return rows.map((r) => ({
    ...r,
    before: r.before === null ? null : (JSON.parse(r.before) as Record<string, unknown>),
    after: r.after === null ? null : (JSON.parse(r.after) as Record<string, unknown>),
  }));
}

export const lastSeq = (inst: Installation) =>
  (inst.app.db.prepare('SELECT coalesce(max(seq), 0) AS n FROM change_log').get() as { n: number }).n;
