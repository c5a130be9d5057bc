// Import: verify everything first (verify.ts), then write in one transaction. The same bundle twice
// changes nothing; a newer revision supersedes an older one (history kept); an older revision after
// a newer one is recorded but does not overwrite; an unknown signer's valid bundle waits in quarantine.
import type { ImportOutcome, RevisionContent } from '../../shared/bundle.js';
import type { PanelContent } from '../../shared/panel.js';
import { AppError } from '../../shared/errors.js';
import { otherBoard, otherBoardMessage } from '../../shared/boardOrigin.js';
import { serialiseTemplate } from '../../shared/templateFile.js';
import { templateSchema } from '../../shared/template.js';
import type { ServiceContext } from '../services/context.js';
import { decryptionKeys } from '../services/identityService.js';
import { inlineBundleReader, type BundleReader, type ReadInput } from './bundleReader.js';
import { revokedMessage, type BundleReading, type VerifiedBundle } from './verify.js';

function mapAgencies(
  ctx: ServiceContext,
  content:
    | Pick<RevisionContent, 'agencies'>
    | { agencies: { id: string; name: string; kind: RevisionContent['agencies'][number]['kind'] }[] },
): (id: string) => string {
  const map = new Map<string, string>();
  const existing = ctx.repos.board.agencies();
  let sort = existing.length;
  for (const a of content.agencies) {
    const same = ctx.repos.board.agency(a.id) ?? existing.find((e) => e.name.toLowerCase() === a.name.toLowerCase());
    if (same) map.set(a.id, same.id);
    else {
      ctx.repos.board.insertAgency({ ...a, active: true }, sort++);
      ctx.log('agency', a.id, 'create', null, { ...a, from: 'import' });
      map.set(a.id, a.id);
    }
  }
  return (id) => {
    const local = map.get(id);
    if (!local) throw new AppError('INTEGRITY', 'content refers to an agency it does not list');
    return local;
  };
}

function write(ctx: ServiceContext, v: VerifiedBundle, content: RevisionContent, reportPdf: Buffer): ImportOutcome {
  const { repos } = ctx;
  const { manifest } = v;
  const base = { auditId: content.audit.id, auditTitle: content.audit.title, revision: content.revision };
  if (repos.bundles.wasImported(manifest.bundleId))
    return { outcome: 'skipped', ...base, message: 'already imported: nothing changed' };
  if (!repos.board.get())
    throw new AppError('CONFLICT', 'Set up the board on this installation before importing bundles.');

  const current = repos.audits.get(content.audit.id);
  if (current && current.origin === 'local') {
    return {
      outcome: 'refused',
      check: 'conflict',
      message: 'this audit was created on this installation; it cannot be imported over itself',
    };
  }
  const known = repos.bundles.revision(content.audit.id, content.revision);
  if (known) {
    if (known.contentHash !== manifest.contentHash) {
      return {
        outcome: 'refused',
        check: 'conflict',
        message: `a different revision ${content.revision} of this audit was imported before`,
      };
    }
    repos.bundles.recordImport(
      manifest.bundleId,
      content.audit.id,
      content.revision,
      manifest.signer.fingerprint,
      v.fileSha256,
      'recorded_older',
      ctx.now(),
    );
    return { outcome: 'skipped', ...base, message: `revision ${content.revision} is already here: nothing changed` };
  }

  for (const t of v.templates) {
    const here = repos.templates.get(t.id, t.version);
    if (!here) repos.templates.insert(t, false, ctx.now());
    else if (serialiseTemplate(templateSchema.parse(here)) !== serialiseTemplate(t)) {
      return {
        outcome: 'refused',
        check: 'templates',
        message: `template ${t.id} version ${t.version} differs from the one here`,
      };
    }
  }
  const previous = repos.bundles.latestRevisionHash(content.audit.id);
  const revisionRow = {
    auditId: content.audit.id,
    revision: content.revision,
    content: v.contentBytes,
    contentHash: manifest.contentHash,
    previousHash: manifest.previousRevisionHash,
    signerFingerprint: manifest.signer.fingerprint,
    signedAt: content.signedAt,
    report: reportPdf,
  };
  if (current && previous && previous.revision > content.revision) {
    repos.bundles.insertRevision(revisionRow);
    repos.bundles.recordImport(
      manifest.bundleId,
      content.audit.id,
      content.revision,
      manifest.signer.fingerprint,
      v.fileSha256,
      'recorded_older',
      ctx.now(),
    );
    ctx.log('audit', content.audit.id, 'import_older', null, {
      revision: content.revision,
      current: previous.revision,
    });
    return {
      outcome: 'recorded_older',
      ...base,
      message: `revision ${content.revision} is older than revision ${previous.revision} already here: kept in the history, not shown`,
    };
  }
  // What this writes is indexed for search after this transaction, by the search indexer
  // (db/migrations/0009_search_backlog.ts): the audit is queued here, in the same transaction.
  repos.searchBacklog.deferIndexing(true);
  repos.imports.replaceAudit(content, mapAgencies(ctx, content), ctx.now());
  repos.searchBacklog.deferIndexing(false);
  repos.searchBacklog.queue(content.audit.id, ctx.now());
  repos.bundles.insertRevision(revisionRow);
  repos.bundles.recordImport(
    manifest.bundleId,
    content.audit.id,
    content.revision,
    manifest.signer.fingerprint,
    v.fileSha256,
    'added',
    ctx.now(),
  );
  ctx.log('audit', content.audit.id, 'import', previous ? { revision: previous.revision } : null, {
    revision: content.revision,
    signer: manifest.signer.fingerprint,
    bundleId: manifest.bundleId,
  });
  return {
    outcome: 'added',
    ...base,
    superseded: previous?.revision ?? null,
    message: previous
      ? `revision ${content.revision} supersedes revision ${previous.revision}`
      : `added revision ${content.revision}`,
  };
}

function writePanel(ctx: ServiceContext, v: VerifiedBundle, record: PanelContent): ImportOutcome {
  const { repos } = ctx;
  const p = record.panel;
  const base = { auditId: p.auditId, auditTitle: p.auditTitle, revision: 1 };
  if (repos.bundles.wasImported(v.manifest.bundleId) || repos.panels.get(p.id)) {
    return { outcome: 'skipped', ...base, message: 'this panel record is already here: nothing changed' };
  }
  if (!repos.audits.get(p.auditId)) {
    return {
      outcome: 'refused',
      check: 'conflict',
      message: `the panel is about the audit "${p.auditTitle}", which is not on this installation: import the audit first`,
    };
  }
  const agency = mapAgencies(ctx, record);
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
  for (const item of p.items) {
    repos.panels.addItem(
      p.id,
      item.id,
      item.subject,
      item.findingId && repos.review.finding(item.findingId) ? item.findingId : null,
      now,
    );
    repos.panels.saveItem({
      itemId: item.id,
      challenge: item.challenge,
      response: item.response,
      outcome: item.outcome,
      escalation: item.escalation,
      followUp: item.followUp,
      now,
    });
  }
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
  ctx.log('panel', p.id, 'import', null, { signer: v.manifest.signer.fingerprint, bundleId: v.manifest.bundleId });
  return { outcome: 'added', ...base, superseded: null, message: `added the signed record of the panel "${p.title}"` };
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

export interface ImportOptions {
  acceptUnknownSigner?: boolean;
  /** The other board's name the person agreed to import from; a bundle from another board is held otherwise. */
  acceptBoard?: string | undefined;
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
 * Writes a bundle that was read (verified) before, perhaps on another thread while something else was
 * written: the signer's trust is looked up again here, so a key revoked or trusted meanwhile counts.
 */
export function importReading(
  ctx: ServiceContext,
  read: BundleReading,
  bytes: Uint8Array,
  fileName: string,
  options: { acceptUnknownSigner?: boolean; acceptBoard?: string | undefined } = {},
): ImportOutcome {
  if (!read.ok) return { outcome: 'refused', check: read.check, message: read.message };
  const trusted = ctx.repos.identity.trustedByFingerprint(read.manifest.signer.fingerprint);
  if (trusted?.revokedAt) {
    return {
      outcome: 'refused',
      check: 'revoked',
      message: revokedMessage(read.manifest.signer.fingerprint, trusted.revokedAt),
    };
  }
  const reading: VerifiedBundle = { ...read, signerKnown: trusted !== undefined };
  const { manifest } = reading;

  if (!reading.signerKnown && !options.acceptUnknownSigner) {
    return ctx.tx(() => {
      const existing = ctx.repos.bundles.quarantinedBySha(reading.fileSha256);
      const id = existing ?? ctx.newId();
      if (!existing) {
        ctx.repos.bundles.addToQuarantine({
          id,
          fileName,
          bundle: Buffer.from(bytes),
          fileSha256: reading.fileSha256,
          signerFingerprint: manifest.signer.fingerprint,
          signerName: manifest.signer.name,
          signerRole: manifest.signer.role,
          signerAgency: manifest.signer.agency,
          auditTitle: manifest.auditTitle,
          receivedAt: ctx.now(),
        });
        ctx.log('quarantine', id, 'add', null, { fileName, fingerprint: manifest.signer.fingerprint });
      }
      return {
        outcome: 'quarantined' as const,
        quarantineId: id,
        fingerprint: manifest.signer.fingerprint,
        signerName: manifest.signer.name,
        message: `signed by ${manifest.signer.name} (${manifest.signer.agency}), whose key is not on the trusted list: it waits in quarantine until someone checks the fingerprint ${manifest.signer.fingerprint}`,
      };
    });
  }
  const held = heldFromOtherBoard(ctx, reading, options.acceptBoard);
  if (held) return held;
  try {
    return ctx.tx(() =>
      reading.panel
        ? writePanel(ctx, reading, reading.panel)
        : write(ctx, reading, reading.content!, reading.reportPdf),
    );
  } catch (e) {
    if (e instanceof AppError) return { outcome: 'refused', check: 'conflict', message: e.message };
    throw e;
  }
}
