// Import: verify everything first (verify.ts), then check and write in one transaction. The same
// bundle twice changes nothing; a newer revision supersedes an older one (history kept); an older
// revision after a newer one is recorded but does not overwrite; an unknown signer's valid bundle
// waits in quarantine.
//
// What a verified bundle may change (docs/bundle-format.md, "Importing"):
// - only its own audit's (or panel's) rows: an id that exists under another audit is refused;
// - an audit's first accepted revision pins its signer and board; a later revision signed by another
//   key waits in quarantine until someone accepts that signer for the audit explicitly, and one
//   naming another board is refused;
// - revisions follow on: N+1 after N, naming N's content hash as its previous revision; an older
//   revision is recorded only where it fits the chain already here;
// - the content passes the rules local entry applies (shared/importedContent.ts);
// - every change is in the change log.
// Each check reads only; the first refusal undoes the transaction, so nothing is half-written.
import type { BundleCheck, ImportOutcome, RevisionContent } from '../../shared/bundle.js';
import type { PanelContent } from '../../shared/panel.js';
import { AppError } from '../../shared/errors.js';
import { otherBoard, otherBoardMessage } from '../../shared/boardOrigin.js';
import { describeProblems, panelContentProblems, revisionContentProblems } from '../../shared/importedContent.js';
import { serialiseTemplate } from '../../shared/templateFile.js';
import { templateSchema, type Template } from '../../shared/template.js';
import type { AuditPin, QuarantineReason } from '../../db/repos/bundleRepo.js';
import type { ForeignRow } from '../../db/repos/importRepo.js';
import type { ServiceContext } from '../services/context.js';
import { decryptionKeys } from '../services/identityService.js';
import { inlineBundleReader, type BundleReader, type ReadInput } from './bundleReader.js';
import { revokedMessage, type BundleReading, type VerifiedBundle } from './verify.js';

/** A check that refused the bundle while its transaction was open: thrown, so the transaction is undone. */
export class ImportRefusal extends Error {
  constructor(
    readonly check: BundleCheck,
    message: string,
  ) {
    super(message);
  }
}
const refuse = (check: BundleCheck, message: string): never => {
  throw new ImportRefusal(check, message);
};

const short = (hash: string) => `${hash.slice(0, 12)}…`;

type AgencyLike = { id: string; name: string; kind: RevisionContent['agencies'][number]['kind'] };

/**
 * How the sender's agencies map onto this board's, worked out without writing: the same name (case
 * aside) is the same agency; otherwise a new agency, under the sender's id when that id is free here
 * and under a new one when it is taken (an id alone never maps onto an agency of another name).
 */
function planAgencies(ctx: ServiceContext, agencies: readonly AgencyLike[]) {
  const existing = ctx.repos.board.agencies();
  const byName = new Map(existing.map((a) => [a.name.toLowerCase(), a.id]));
  const map = new Map<string, string>();
  const create: AgencyLike[] = [];
  for (const a of agencies) {
    const same = byName.get(a.name.toLowerCase());
    if (same) map.set(a.id, same);
    else {
      const id = ctx.repos.board.agency(a.id) ? ctx.newId() : a.id;
      create.push({ ...a, id });
      map.set(a.id, id);
      byName.set(a.name.toLowerCase(), id);
    }
  }
  return {
    write(): void {
      let sort = existing.length;
      for (const a of create) {
        ctx.repos.board.insertAgency({ ...a, active: true }, sort++);
        ctx.log('agency', a.id, 'create', null, { ...a, from: 'import' });
      }
    },
    map(id: string): string {
      const local = map.get(id);
      if (!local) throw new ImportRefusal('content', `content refers to the agency "${id}", which it does not list`);
      return local;
    },
  };
}

/** The bundle's templates: each is added, or must be identical to the version here. */
function planTemplates(ctx: ServiceContext, templates: readonly Template[]) {
  const add: Template[] = [];
  for (const t of templates) {
    const here = ctx.repos.templates.get(t.id, t.version);
    if (!here) add.push(t);
    else if (serialiseTemplate(templateSchema.parse(here)) !== serialiseTemplate(t))
      refuse('templates', `template ${t.id} version ${t.version} differs from the one here`);
  }
  return () => {
    for (const t of add) {
      ctx.repos.templates.insert(t, false, ctx.now());
      ctx.log('template', `${t.id}@${t.version}`, 'import', null, { title: t.title, from: 'bundle' });
    }
  };
}

const TABLE_WORDS: Record<ForeignRow['table'], [string, string]> = {
  audit_case: ['cases', 'case'],
  checklist: ['checklists', 'checklist'],
  finding: ['findings', 'finding'],
  recommendation: ['recommendations', 'recommendation'],
  action: ['actions', 'action'],
  panel_item: ['panel.items', 'panel item'],
};

/** Refuses when any row the revision would write exists under another audit. */
function checkOwnership(ctx: ServiceContext, c: RevisionContent): void {
  const [first, ...more] = ctx.repos.imports.foreignRows(c);
  if (!first) return;
  const [list, word] = TABLE_WORDS[first.table];
  const items: { id: string }[] = (c as unknown as Record<string, { id: string }[]>)[list] ?? [];
  const index = items.findIndex((x) => x.id === first.id);
  const owner = ctx.repos.audits.get(first.owner);
  refuse(
    'ownership',
    `content.${list}[${index}].id: the ${word} "${first.id}" belongs to ${owner ? `the audit "${owner.title}"` : 'another audit'} here, and a bundle may write only its own audit's rows${more.length > 0 ? ` (${more.length} more id${more.length > 1 ? 's' : ''} of other audits)` : ''}`,
  );
}

/** Where a revision goes in the audit's history here, or why it cannot go anywhere. */
type Place =
  | { kind: 'new' }
  | { kind: 'next'; previous: { revision: number; contentHash: string } }
  | { kind: 'older'; latest: number };

function placeRevision(ctx: ServiceContext, v: VerifiedBundle, exists: boolean): Place {
  const { revision: n, previousRevisionHash: prev, contentHash } = v.manifest;
  const bundles = ctx.repos.bundles;
  const auditId = v.manifest.auditId;
  if (n === 1 && prev !== null)
    refuse('chain', 'revision 1 names a previous revision (previousRevisionHash must be null)');
  if (n > 1 && prev === null)
    refuse('chain', `revision ${n} names no previous revision (previousRevisionHash is missing)`);
  if (!exists) return { kind: 'new' };
  const latest = bundles.latestRevisionHash(auditId);
  if (!latest) return refuse('chain', 'this audit has no signed revision here to follow on from');
  if (n === latest.revision + 1) {
    if (prev !== latest.contentHash)
      refuse(
        'chain',
        `revision ${n} names ${short(prev!)} as its previous revision, but revision ${latest.revision} here is ${short(latest.contentHash)}: it does not follow on from the history here`,
      );
    return { kind: 'next', previous: latest };
  }
  if (n > latest.revision + 1)
    refuse(
      'chain',
      `revision ${n} does not follow on from revision ${latest.revision} here: revision ${latest.revision + 1} is missing (revisions are imported in order)`,
    );
  // An older revision than the latest, not here yet: it must be the one the next revision here names.
  const after = bundles.revisionLink(auditId, n + 1);
  if (!after)
    refuse('chain', `revision ${n + 1} is not here, so revision ${n} cannot be placed in this audit's history`);
  if (after!.previousHash !== contentHash)
    refuse(
      'chain',
      `revision ${n + 1} here names ${after!.previousHash ? short(after!.previousHash) : 'no revision'} as its previous revision, not this revision ${n} (${short(contentHash)})`,
    );
  const before = n > 1 ? bundles.revisionLink(auditId, n - 1) : undefined;
  if (before && before.contentHash !== prev)
    refuse(
      'chain',
      `revision ${n} names ${short(prev!)} as its previous revision, but revision ${n - 1} here is ${short(before.contentHash)}`,
    );
  return { kind: 'older', latest: latest.revision };
}

export interface WriteOptions {
  acceptUnknownSigner?: boolean;
  /**
   * The explicit decision that this bundle's signer may take over an audit pinned to another key
   * (quarantine.accept with acceptDifferentSigner). Without it such a bundle waits in quarantine.
   */
  acceptDifferentSigner?: boolean;
  /** The other board's name the person agreed to import from; a bundle from another board is held otherwise. */
  acceptBoard?: string | undefined;
  /** From the quarantine: a decision still needed is an error to show, not a second quarantine. */
  fromQuarantine?: boolean;
}

interface Decision {
  reason: QuarantineReason;
  pinned: string | null;
}

function differentSignerMessage(v: VerifiedBundle, title: string, pinned: string): string {
  const s = v.manifest.signer;
  return `revision ${v.manifest.revision} of "${title}" is signed by ${s.name} (${s.fingerprint}), but this audit is pinned to the key ${pinned}, which signed it here`;
}

/** Puts the bundle in quarantine (once per file) with why it waits. */
function quarantine(
  ctx: ServiceContext,
  v: VerifiedBundle,
  bytes: Uint8Array,
  fileName: string,
  decision: Decision,
  title: string,
): ImportOutcome {
  const { manifest } = v;
  const existing = ctx.repos.bundles.quarantinedBySha(v.fileSha256);
  const id = existing ?? ctx.newId();
  if (!existing) {
    ctx.repos.bundles.addToQuarantine({
      id,
      fileName,
      bundle: Buffer.from(bytes),
      fileSha256: v.fileSha256,
      signerFingerprint: manifest.signer.fingerprint,
      signerName: manifest.signer.name,
      signerRole: manifest.signer.role,
      signerAgency: manifest.signer.agency,
      auditTitle: manifest.auditTitle,
      receivedAt: ctx.now(),
      auditId: manifest.auditId,
      reason: decision.reason,
    });
    ctx.log('quarantine', id, 'add', null, {
      fileName,
      fingerprint: manifest.signer.fingerprint,
      auditId: manifest.auditId,
      reason: decision.reason,
      pinned: decision.pinned,
    });
  }
  const message =
    decision.reason === 'different_signer'
      ? `${differentSignerMessage(v, title, decision.pinned!)}: it waits in quarantine until someone accepts a different signer for this audit`
      : `signed by ${manifest.signer.name} (${manifest.signer.agency}), whose key is not on the trusted list: it waits in quarantine until someone checks the fingerprint ${manifest.signer.fingerprint}`;
  return {
    outcome: 'quarantined',
    quarantineId: id,
    fingerprint: manifest.signer.fingerprint,
    signerName: manifest.signer.name,
    message,
  };
}

/** The decision a bundle needs before it is written (an unknown key, another key than the pinned one), or null. */
function decisionNeeded(
  ctx: ServiceContext,
  v: VerifiedBundle,
  place: Place | null,
  pin: AuditPin | undefined,
  options: WriteOptions,
): Decision | null {
  const fp = v.manifest.signer.fingerprint;
  let pinned: string | null = null;
  if (place?.kind === 'next' && pin && pin.signerFingerprint !== fp) pinned = pin.signerFingerprint;
  // An older revision may come from any key that signed this audit's history here.
  if (place?.kind === 'older' && !ctx.repos.bundles.revisionSigners(v.manifest.auditId).includes(fp))
    pinned = pin?.signerFingerprint ?? null;
  if (pinned && !options.acceptDifferentSigner) return { reason: 'different_signer', pinned };
  if (!v.signerKnown && !options.acceptUnknownSigner) return { reason: 'unknown_signer', pinned: null };
  return null;
}

/**
 * A bundle from another board (its content names a board other than this installation's) is not
 * written until the person agrees to that board by name; a panel record names no board.
 */
function heldFromOtherBoard(
  ctx: ServiceContext,
  v: VerifiedBundle,
  accepted: string | undefined,
): ImportOutcome | null {
  const here = ctx.repos.board.get()?.name;
  const from = v.content?.board.name;
  if (here === undefined || from === undefined || accepted === from) return null;
  const other = otherBoard(from, here);
  if (!other) return null;
  return {
    outcome: 'refused',
    check: 'board',
    message: `${otherBoardMessage(other)}: nothing was imported; import it again to confirm you want it here`,
    otherBoard: other,
  };
}

function writeAudit(
  ctx: ServiceContext,
  v: VerifiedBundle,
  content: RevisionContent,
  bytes: Uint8Array,
  fileName: string,
  options: WriteOptions,
): ImportOutcome {
  const { repos } = ctx;
  const { manifest } = v;
  const auditId = content.audit.id;
  const base = { auditId, auditTitle: content.audit.title, revision: content.revision };
  if (repos.bundles.wasImported(manifest.bundleId))
    return { outcome: 'skipped', ...base, message: 'already imported: nothing changed' };
  if (!repos.board.get())
    throw new AppError('CONFLICT', 'Set up the board on this installation before importing bundles.');

  const current = repos.audits.get(auditId);
  if (current && current.origin === 'local')
    refuse('conflict', 'this audit was created on this installation; it cannot be imported over itself');
  const pin = current ? repos.bundles.pin(auditId) : undefined;
  const known = repos.bundles.revisionLink(auditId, content.revision);
  if (known) {
    if (known.contentHash !== manifest.contentHash)
      refuse('chain', `a different revision ${content.revision} of this audit was imported before`);
    repos.bundles.recordImport(
      manifest.bundleId,
      auditId,
      content.revision,
      manifest.signer.fingerprint,
      v.fileSha256,
      'recorded_older',
      ctx.now(),
    );
    ctx.log('audit', auditId, 'import_again', null, { revision: content.revision, bundleId: manifest.bundleId });
    return { outcome: 'skipped', ...base, message: `revision ${content.revision} is already here: nothing changed` };
  }
  // The audit's board, as its first revision here named it.
  if (pin && pin.boardName !== '' && otherBoard(content.board.name, pin.boardName))
    refuse(
      'ownership',
      `content.board.name: this audit belongs to "${pin.boardName}" here, and revision ${content.revision} names "${content.board.name}"`,
    );
  const place = (() => {
    try {
      return placeRevision(ctx, v, current !== undefined);
    } catch (e) {
      // A revision that cannot be placed, from another key than the audit's: say whose audit it is.
      if (e instanceof ImportRefusal && pin && pin.signerFingerprint !== manifest.signer.fingerprint)
        refuse(
          e.check,
          `${e.message} (this audit is pinned here to the key ${pin.signerFingerprint}; this bundle is signed by ${manifest.signer.fingerprint})`,
        );
      throw e;
    }
  })();

  const template = v.templates.find(
    (t) => t.id === content.audit.templateId && t.version === content.audit.templateVersion,
  );
  if (!template) return refuse('templates', "the audit's template is not in the bundle");
  const problems = revisionContentProblems(content, template);
  if (problems.length > 0) refuse('content', describeProblems(problems));
  const writeTemplates = planTemplates(ctx, v.templates);
  if (place.kind !== 'older') checkOwnership(ctx, content);

  const decision = decisionNeeded(ctx, v, place, pin, options);
  if (decision) {
    if (options.fromQuarantine)
      throw new AppError(
        'VALIDATION',
        decision.reason === 'different_signer'
          ? `acceptDifferentSigner: ${differentSignerMessage(v, content.audit.title, decision.pinned!)}; accept a different signer for this audit to import it`
          : 'the signer is not trusted',
      );
    return quarantine(ctx, v, bytes, fileName, decision, content.audit.title);
  }
  const held = heldFromOtherBoard(ctx, v, options.acceptBoard);
  if (held) return held;

  writeTemplates();
  const revisionRow = {
    auditId,
    revision: content.revision,
    content: v.contentBytes,
    contentHash: manifest.contentHash,
    previousHash: manifest.previousRevisionHash,
    signerFingerprint: manifest.signer.fingerprint,
    signedAt: content.signedAt,
    report: v.reportPdf,
  };
  if (place.kind === 'older') {
    repos.bundles.insertRevision(revisionRow);
    repos.bundles.recordImport(
      manifest.bundleId,
      auditId,
      content.revision,
      manifest.signer.fingerprint,
      v.fileSha256,
      'recorded_older',
      ctx.now(),
    );
    ctx.log('audit', auditId, 'import_older', null, {
      revision: content.revision,
      current: place.latest,
      contentHash: manifest.contentHash,
      signer: manifest.signer.fingerprint,
      bundleId: manifest.bundleId,
    });
    return {
      outcome: 'recorded_older',
      ...base,
      message: `revision ${content.revision} is older than revision ${place.latest} already here: kept in the history, not shown`,
    };
  }

  const agencies = planAgencies(ctx, content.agencies);
  agencies.write();
  // What this writes is indexed for search after this transaction, by the search indexer
  // (db/migrations/0009_search_backlog.ts): the audit is queued here, in the same transaction.
  repos.searchBacklog.deferIndexing(true);
  const replaced = repos.imports.replaceAudit(content, (id) => agencies.map(id), ctx.now());
  repos.searchBacklog.deferIndexing(false);
  repos.searchBacklog.queue(auditId, ctx.now());
  repos.bundles.insertRevision(revisionRow);
  repos.bundles.recordImport(
    manifest.bundleId,
    auditId,
    content.revision,
    manifest.signer.fingerprint,
    v.fileSha256,
    'added',
    ctx.now(),
  );
  const fp = manifest.signer.fingerprint;
  if (!pin) {
    repos.bundles.insertPin({
      auditId,
      signerFingerprint: fp,
      boardName: content.board.name,
      pinnedRevision: content.revision,
      pinnedAt: ctx.now(),
    });
    ctx.log('audit', auditId, 'pin', null, { signer: fp, board: content.board.name, revision: content.revision });
  } else if (pin.signerFingerprint !== fp) {
    // Only reached with the explicit decision (acceptDifferentSigner): the pin moves to the new key.
    repos.bundles.repin({ auditId, signerFingerprint: fp, pinnedRevision: content.revision, pinnedAt: ctx.now() });
    ctx.log(
      'audit',
      auditId,
      'signer_change',
      { signer: pin.signerFingerprint, revision: pin.pinnedRevision },
      { signer: fp, revision: content.revision, decision: 'accepted a different signer from the quarantine' },
    );
  }
  // Rows that are the signed revision's content are recorded by its hash (the revision is stored,
  // immutable, next to them); actions also carry the QA sub-committee's progress, so each one the
  // revision creates or changes is recorded with its fields before and after.
  for (const x of replaced.actions)
    ctx.log('action', x.id, x.before ? 'import_update' : 'import_create', x.before, {
      ...x.after,
      revision: content.revision,
    });
  for (const id of replaced.keptForPanels)
    ctx.log('finding', id, 'kept_for_panel', null, {
      revision: content.revision,
      reason: 'the revision no longer has this finding, and a signed panel record discusses it',
    });
  const previous = place.kind === 'next' ? place.previous : null;
  ctx.log(
    'audit',
    auditId,
    'import',
    previous ? { revision: previous.revision, contentHash: previous.contentHash, rows: replaced.before } : null,
    {
      revision: content.revision,
      contentHash: manifest.contentHash,
      previousHash: manifest.previousRevisionHash,
      signer: fp,
      bundleId: manifest.bundleId,
      rows: replaced.after,
    },
  );
  return {
    outcome: 'added',
    ...base,
    superseded: previous?.revision ?? null,
    message: previous
      ? `revision ${content.revision} supersedes revision ${previous.revision}`
      : `added revision ${content.revision}`,
  };
}

function writePanel(
  ctx: ServiceContext,
  v: VerifiedBundle,
  record: PanelContent,
  bytes: Uint8Array,
  fileName: string,
  options: WriteOptions,
): ImportOutcome {
  const { repos } = ctx;
  const p = record.panel;
  const base = { auditId: p.auditId, auditTitle: p.auditTitle, revision: 1 };
  if (repos.bundles.wasImported(v.manifest.bundleId))
    return { outcome: 'skipped', ...base, message: 'this panel record is already here: nothing changed' };
  const here = repos.panels.signedRecord(p.id);
  if (here?.contentHash === v.manifest.contentHash)
    return { outcome: 'skipped', ...base, message: 'this panel record is already here: nothing changed' };
  if (repos.panels.get(p.id))
    refuse(
      'ownership',
      `content.panel.id: the panel "${p.id}" here is another panel record; a bundle cannot change it`,
    );
  const audit = repos.audits.get(p.auditId);
  if (!audit)
    refuse(
      'conflict',
      `the panel is about the audit "${p.auditTitle}", which is not on this installation: import the audit first`,
    );
  const problems = panelContentProblems(record);
  if (problems.length > 0) refuse('content', describeProblems(problems));
  const [foreign] = repos.imports.foreignPanelItems(
    p.id,
    p.items.map((i) => i.id),
  );
  if (foreign)
    refuse(
      'ownership',
      `content.panel.items[${p.items.findIndex((i) => i.id === foreign.id)}].id: the item "${foreign.id}" belongs to another panel here`,
    );
  const findingIds = p.items.map((item, i) => {
    if (!item.findingId) return null;
    const f = repos.review.finding(item.findingId);
    if (f && f.auditId !== p.auditId)
      refuse('ownership', `content.panel.items[${i}].findingId: the finding belongs to another audit here`);
    return f ? item.findingId : null;
  });
  const decision = decisionNeeded(ctx, v, null, undefined, options);
  if (decision) {
    if (options.fromQuarantine) throw new AppError('VALIDATION', 'the signer is not trusted');
    return quarantine(ctx, v, bytes, fileName, decision, p.title);
  }

  const agencies = planAgencies(ctx, record.agencies);
  agencies.write();
  const agency = (id: string) => agencies.map(id);
  const now = ctx.now();
  repos.panels.insert({
    id: p.id,
    auditId: p.auditId,
    agencyId: p.agencyId ? agency(p.agencyId) : null,
    title: p.title,
    heldOn: p.heldOn,
    now,
  });
  repos.panels.update(
    p.id,
    p.title,
    p.heldOn,
    p.attendees.map((a) => ({ ...a, agencyId: agency(a.agencyId) })),
    now,
  );
  p.items.forEach((item, i) => {
    repos.panels.addItem(p.id, item.id, item.subject, findingIds[i]!, now);
    repos.panels.saveItem({
      itemId: item.id,
      challenge: item.challenge,
      response: item.response,
      outcome: item.outcome,
      escalation: item.escalation,
      followUp: item.followUp,
      now,
    });
    repos.panels.setResponses(
      item.id,
      item.responses.map((r) => ({ ...r, agencyId: agency(r.agencyId) })),
      now,
    );
  });
  repos.panels.sign({
    id: p.id,
    content: Buffer.from(v.contentBytes).toString('utf8'),
    contentHash: v.manifest.contentHash,
    signature: '',
    fingerprint: v.manifest.signer.fingerprint,
    signedAt: record.signedAt,
  });
  repos.bundles.recordImport(
    v.manifest.bundleId,
    p.auditId,
    1,
    v.manifest.signer.fingerprint,
    v.fileSha256,
    'added',
    now,
  );
  // The items are the signed record's content, stored in the panel row next to them.
  ctx.log('panel', p.id, 'import', null, {
    auditId: p.auditId,
    signer: v.manifest.signer.fingerprint,
    bundleId: v.manifest.bundleId,
    contentHash: v.manifest.contentHash,
    items: p.items.length,
  });
  return { outcome: 'added', ...base, superseded: null, message: `added the signed record of the panel "${p.title}"` };
}

export interface ImportOptions extends WriteOptions {
  /** Where bundles are read (verified); on this thread when omitted. */
  reader?: BundleReader;
}

/** What a reader needs from this installation: its decryption key and its trust list, as they are now. */
export function readInput(ctx: ServiceContext): ReadInput {
  return {
    decryptionKeys: decryptionKeys(ctx),
    trusted: Object.fromEntries(ctx.repos.identity.trusted().map((t) => [t.fingerprint, { revokedAt: t.revokedAt }])),
  };
}

/** Reads (verifies) a bundle, then writes what passed, in one transaction. */
export async function importBundleBytes(
  ctx: ServiceContext,
  bytes: Uint8Array,
  fileName: string,
  options: ImportOptions = {},
): Promise<ImportOutcome> {
  const reading = await (options.reader ?? inlineBundleReader()).read(bytes, readInput(ctx));
  return importReading(ctx, reading, bytes, fileName, options);
}

/**
 * Checks and writes a verified bundle; call inside a transaction (importReading opens one). A refusal
 * is thrown as ImportRefusal, so the caller's transaction is undone with everything it wrote.
 */
export function writeReading(
  ctx: ServiceContext,
  read: BundleReading,
  bytes: Uint8Array,
  fileName: string,
  options: WriteOptions = {},
): ImportOutcome {
  if (!read.ok) return refuse(read.check, read.message);
  const trusted = ctx.repos.identity.trustedByFingerprint(read.manifest.signer.fingerprint);
  if (trusted?.revokedAt) refuse('revoked', revokedMessage(read.manifest.signer.fingerprint, trusted.revokedAt));
  const reading: VerifiedBundle = { ...read, signerKnown: trusted !== undefined };
  return reading.panel
    ? writePanel(ctx, reading, reading.panel, bytes, fileName, options)
    : writeAudit(ctx, reading, reading.content!, bytes, fileName, options);
}

/** The outcome of a refusal thrown while writing, or undefined for any other error. */
export function refusalOutcome(e: unknown): ImportOutcome | undefined {
  if (e instanceof ImportRefusal) return { outcome: 'refused', check: e.check, message: e.message };
  return undefined;
}

/**
 * Writes a bundle that was read (verified) before, perhaps on another thread while something else was
 * written: the signer's trust is looked up again here, so a key revoked or trusted meanwhile counts.
 */
export function importReading(
  ctx: ServiceContext,
  read: BundleReading,
  bytes: Uint8Array,
  fileName: string,
  options: WriteOptions = {},
): ImportOutcome {
  if (!read.ok) return { outcome: 'refused', check: read.check, message: read.message };
  try {
    return ctx.tx(() => writeReading(ctx, read, bytes, fileName, options));
  } catch (e) {
    const refused = refusalOutcome(e);
    if (refused) return refused;
    if (e instanceof AppError && e.code === 'CONFLICT')
      return { outcome: 'refused', check: 'conflict', message: e.message };
    throw e;
  }
}
