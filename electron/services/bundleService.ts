// Signing an audit revision, and bundles out and in.
import { createHash } from 'node:crypto';
import { canonicalJson } from '../../shared/canonicalJson.js';
import type { ServiceHandlers } from '../../shared/contract.js';
import { AppError, fieldError } from '../../shared/errors.js';
import type { ImportOutcome, RevisionContent } from '../../shared/bundle.js';
import { buildRevisionContent } from '../bundle/revisionContent.js';
import { importReading, readInput, refusalOutcome, writeReading } from '../bundle/importBundle.js';
import type { QuarantineRow } from '../../db/repos/bundleRepo.js';
import { inlineBundleReader, type BundleReader } from '../bundle/bundleReader.js';
import { writeMark } from '../../db/writeMark.js';
import { packBundle } from '../bundle/pack.js';
import { buildReportModel } from '../report/reportModel.js';
import { renderReportPdf } from '../report/reportPdf.js';
import { signatureOf } from './reportService.js';
import type { ServiceContext } from './context.js';
import { bundleSigner, ownIdentity, requireComparedSafetyNumber, recipientKeys } from './identityService.js';
import { getTemplate } from './templateService.js';
import { personalDataInRevision } from '../../shared/personalData/passages.js';
import type { BundleReading } from '../bundle/verify.js';
import { detectorOptions, dismissalLookup } from './personalDataService.js';

type Methods =
  | 'audits.signingPreview'
  | 'audits.sign'
  | 'audits.newRevision'
  | 'bundles.export'
  | 'bundles.import'
  | 'quarantine.list'
  | 'quarantine.accept'
  | 'quarantine.reject';

// Strings are hashed as their UTF-8 bytes: the same digest, several times faster than update(string)
// for the megabytes of a signed revision.
const sha256 = (s: string | Uint8Array) =>
  createHash('sha256')
    .update(typeof s === 'string' ? Buffer.from(s, 'utf8') : s)
    .digest('hex');
/** What the person signing saw: the content without the moment of signing. */
const substanceHash = (c: RevisionContent) => sha256(canonicalJson({ ...c, signedAt: '' }));

/**
 * An added revision's outcome lists what looks like personal data in its free text, with this
 * partnership's own words for the detector.
 */
function withPersonalData(ctx: ServiceContext, outcome: ImportOutcome, read: BundleReading): ImportOutcome {
  if (outcome.outcome !== 'added' || !read.ok || !read.content) return outcome;
  const { audit } = read.content;
  const template = read.templates.find((t) => t.id === audit.templateId && t.version === audit.templateVersion);
  return {
    ...outcome,
    personalData: personalDataInRevision(read.content, { ...detectorOptions(ctx), ...(template ? { template } : {}) }),
  };
}

/**
 * `afterImport` runs after a bundle was added (the search indexer is scheduled from it). Bundles are
 * read (verified) by `reader`, on its worker thread: a caller that sends the next bundle before the
 * last one's answer (the import screen keeps two on their way) has it verified while the last one is
 * written. Writes happen in the order the bundles arrived, one transaction each.
 */
export function bundleService(
  ctx: ServiceContext,
  afterImport: () => void = () => {},
  reader: BundleReader = inlineBundleReader(),
): Pick<ServiceHandlers, Methods> {
  const { repos } = ctx;
  let lastWrite: Promise<unknown> = Promise.resolve();
  // The last signing preview and the write mark it was built at (db/writeMark.ts): equal marks mean
  // nothing was written since, so the content it built is still what the audit holds.
  let lastPreview: {
    auditId: string;
    mark: string;
    contentHash: string;
    previewed: ReturnType<typeof preview>;
  } | null = null;

  /**
   * What accepting a bundle from the quarantine decides, inside its import's transaction: the key is
   * trusted for later bundles, the bundle leaves the quarantine, and the decision is logged, naming
   * the key the audit was pinned to when it was another.
   */
  function acceptQuarantined(q: QuarantineRow, outcome: ImportOutcome, pinned: string | null) {
    if (!repos.identity.trustedByFingerprint(q.signerFingerprint)) {
      // Accepting the bundle trusts its signer for later ones too; no encryption key is known from a bundle.
      repos.identity.insertTrusted({
        fingerprint: q.signerFingerprint,
        name: q.signerName,
        role: q.signerRole,
        agency: q.signerAgency,
        signingPublic: '',
        encryptionPublic: '',
        isRecipient: false,
        enrolledAt: ctx.now(),
        revokedAt: null,
        revokedReason: null,
      });
    }
    repos.bundles.removeFromQuarantine(q.id);
    ctx.log('quarantine', q.id, 'accept', null, {
      fingerprint: q.signerFingerprint,
      auditId: q.auditId,
      outcome: outcome.outcome,
      ...(pinned && pinned !== q.signerFingerprint
        ? { differentSigner: { pinned, accepted: q.signerFingerprint } }
        : {}),
    });
  }

  function preview(auditId: string) {
    const audit = repos.audits.get(auditId);
    if (!audit) throw new AppError('NOT_FOUND', 'No such audit.');
    const own = repos.identity.own();
    const signer = own ?? {
      name: '',
      role: '',
      agency: '',
      fingerprint: '0000 '.repeat(15) + '0000',
      createdAt: ctx.now(),
    };
    const revision = audit.revision + 1;
    const content = buildRevisionContent(ctx, auditId, revision, signer, ctx.now());
    const checklists = repos.checklists.forAudit(auditId);
    // Every flagged passage of what is signed, with the auditor's dismissals: one neither fixed nor
    // dismissed stops signing, here in the service and not only on the screen.
    const personalData = personalDataInRevision(content, {
      ...detectorOptions(ctx),
      template: getTemplate(ctx, audit.templateId, audit.templateVersion),
      dismissalOf: dismissalLookup(ctx, auditId),
    });
    const openPassages = personalData.open ?? 0;
    const blockers = [
      own ? null : 'create your identity first: it is what you sign with',
      audit.origin === 'imported' ? 'an imported audit is signed by its auditor, not here' : null,
      audit.status !== 'in_progress'
        ? `revision ${audit.revision} is already signed: start a new revision to change it`
        : null,
      content.cases.length === 0 ? 'add the sampled cases first' : null,
      checklists.some((k) => k.completedAt === null)
        ? `${checklists.filter((k) => k.completedAt === null).length} checklists are not marked complete`
        : null,
      openPassages > 0
        ? `${openPassages === 1 ? '1 passage looks' : `${openPassages} passages look`} like personal data: fix or dismiss ${openPassages === 1 ? 'it' : 'each'}`
        : null,
    ].filter((b): b is string => b !== null);
    return { audit, content, blockers, own, personalData };
  }

  const withoutSignature = ({ signer: _signer, signedAt: _signedAt, ...rest }: RevisionContent) => rest;

  return {
    'audits.signingPreview': ({ auditId, withContent }) => {
      const mark = writeMark(ctx.db);
      const previewed = preview(auditId);
      const { audit, content, blockers, own, personalData } = previewed;
      const contentHash = substanceHash(content);
      lastPreview = { auditId, mark, contentHash, previewed };
      return {
        auditId,
        revision: audit.revision + 1,
        contentHash,
        counts: {
          cases: content.cases.length,
          checklists: content.checklists.length,
          answers: content.answers.length,
          findings: content.findings.length,
          recommendations: content.recommendations.length,
          actions: content.actions.length,
        },
        blockers,
        personalData,
        ...(withContent ? { content: withoutSignature(content) } : {}),
        signer: own
          ? {
              name: own.name,
              role: own.role,
              agency: own.agency,
              fingerprint: own.fingerprint,
              createdAt: own.createdAt,
            }
          : null,
      };
    },

    'audits.sign': async ({ auditId, contentHash }) => {
      // Signing right after its preview, with nothing written since, signs what the preview built
      // (stamped with the moment of signing) instead of building and hashing it all again.
      const kept =
        lastPreview?.auditId === auditId &&
        lastPreview.contentHash === contentHash &&
        lastPreview.mark === writeMark(ctx.db)
          ? lastPreview.previewed
          : null;
      lastPreview = null;
      const { audit, content: built, blockers } = kept ?? preview(auditId);
      if (blockers.length > 0) throw new AppError('VALIDATION', `Cannot sign yet: ${blockers.join('; ')}.`);
      if (!kept && substanceHash(built) !== contentHash)
        throw new AppError('CONFLICT', 'The audit changed after you reviewed it: review what you are signing again.');
      const content: RevisionContent = kept ? { ...built, signedAt: ctx.now() } : built;
      const own = ownIdentity(ctx);
      const signedAt = content.signedAt;
      const signature = signatureOf(content);
      // The canonical text as UTF-8 once: hashed, then stored from the same bytes (bundleRepo casts them
      // to text), not encoded again by the driver.
      const textBytes = Buffer.from(canonicalJson(content), 'utf8');
      const textHash = sha256(textBytes);
      const before = writeMark(ctx.db);
      // Drawn from what is being signed; at the moment of signing nothing has happened since.
      const model = { ...buildReportModel(ctx, audit, signature, undefined, content), sinceSigning: null };
      const pdf = await renderReportPdf(model, new Date(signedAt));
      return ctx.tx(() => {
        // Nothing may have changed while the report was drawn. When nothing at all was written in the
        // meantime that is proof enough; otherwise the content is built again and compared.
        if (writeMark(ctx.db) !== before) {
          const again = preview(auditId);
          if (substanceHash(again.content) !== contentHash)
            throw new AppError('CONFLICT', 'The audit changed while it was being signed: try again.');
        }
        const previous = repos.bundles.latestRevisionHash(auditId);
        repos.bundles.insertRevision({
          auditId,
          revision: content.revision,
          content: textBytes,
          contentHash: textHash,
          previousHash: previous?.contentHash ?? null,
          signerFingerprint: own.fingerprint,
          signedAt,
          report: pdf,
        });
        repos.audits.setStatus(auditId, 'signed', content.revision, ctx.now());
        ctx.log(
          'audit',
          auditId,
          'sign',
          { status: audit.status, revision: audit.revision },
          { status: 'signed', revision: content.revision, contentHash: textHash },
        );
        return repos.audits.get(auditId)!;
      });
    },

    'audits.newRevision': ({ auditId }) =>
      ctx.tx(() => {
        const audit = repos.audits.get(auditId);
        if (!audit) throw new AppError('NOT_FOUND', 'No such audit.');
        if (audit.origin === 'imported')
          throw new AppError('SIGNED', 'An imported audit changes only when its auditor sends a new revision.');
        if (audit.status !== 'signed') return audit;
        repos.audits.setStatus(auditId, 'in_progress', audit.revision, ctx.now());
        ctx.log(
          'audit',
          auditId,
          'new_revision',
          { status: 'signed' },
          { status: 'in_progress', nextRevision: audit.revision + 1 },
        );
        return repos.audits.get(auditId)!;
      }),

    'bundles.export': async ({ auditId, encrypt }) => {
      const audit = repos.audits.get(auditId);
      if (!audit) throw new AppError('NOT_FOUND', 'No such audit.');
      const latest = repos.bundles.latestRevision(auditId);
      if (!latest) throw new AppError('VALIDATION', 'The audit has no signed revision to export yet: sign it first.');
      const own = ownIdentity(ctx);
      if (latest.signerFingerprint !== own.fingerprint)
        throw new AppError('VALIDATION', 'Only the auditor who signed a revision exports it.');
      const recipients = recipientKeys(ctx);
      if (!ctx.policy.allowUnencryptedExport && (encrypt === false || recipients.length === 0))
        throw fieldError(
          'VALIDATION',
          ['encrypt'],
          recipients.length === 0
            ? 'your organisation allows only encrypted bundles: enrol the QA sub-committee’s identity card as the recipient first.'
            : 'your organisation allows only encrypted bundles: export it encrypted.',
        );
      if (encrypt === true && recipients.length === 0)
        throw fieldError(
          'VALIDATION',
          ['encrypt'],
          'enrol the QA sub-committee’s identity card as the recipient first.',
        );
      const { bytes, manifest, encrypted } = await packBundle({
        auditId,
        auditTitle: audit.title,
        revision: latest.revision,
        content: latest.content,
        contentHash: latest.contentHash,
        previousRevisionHash: latest.previousHash,
        // The audit's pinned template (a local audit's template never changes; the revision records the same).
        templates: [getTemplate(ctx, audit.templateId, audit.templateVersion)],
        reportPdf: latest.report,
        signer: bundleSigner(own),
        recipients: encrypt === false ? [] : recipients,
        now: ctx.now(),
      });
      const slug =
        audit.title
          .replace(/[^A-Za-z0-9]+/g, '-')
          .replace(/^-|-$/g, '')
          .toLowerCase()
          .slice(0, 60) || 'audit';
      return {
        fileName: `${slug}-r${latest.revision}.caseaudit`,
        base64: Buffer.from(bytes).toString('base64'),
        encrypted,
        bundleId: manifest.bundleId,
      };
    },

    'bundles.import': ({ fileName, base64, acceptBoard }) => {
      const bytes = Buffer.from(base64, 'base64');
      const reading = reader.read(bytes, readInput(ctx));
      const written = lastWrite.then(async () => {
        const read = await reading;
        const outcome = importReading(ctx, read, bytes, fileName, { acceptBoard });
        if (outcome.outcome === 'added') afterImport();
        return withPersonalData(ctx, outcome, read);
      });
      lastWrite = written.catch(() => {});
      return written;
    },

    // The pin is read now, not when the bundle arrived: another key may have been pinned since.
    'quarantine.list': () =>
      repos.bundles.quarantine().map(({ fileSha256: _sha, ...q }) => {
        const pinned = q.auditId ? (repos.bundles.pin(q.auditId)?.signerFingerprint ?? null) : null;
        const reason = pinned && pinned !== q.signerFingerprint ? ('different_signer' as const) : q.reason;
        return { ...q, reason, pinnedFingerprint: pinned };
      }),

    'quarantine.accept': async ({ quarantineId, safetyNumberCompared, acceptBoard, acceptDifferentSigner }) => {
      requireComparedSafetyNumber(safetyNumberCompared);
      const q = repos.bundles.quarantined(quarantineId);
      const bytes = repos.bundles.quarantineBytes(quarantineId);
      if (!q || !bytes) throw new AppError('NOT_FOUND', 'No such bundle in quarantine.');
      const reading = await reader.read(bytes, readInput(ctx));
      // The import, the trust it gives the key and the decision are one transaction: all or nothing.
      // A bundle for an audit pinned to another key needs acceptDifferentSigner (writeReading throws
      // a VALIDATION error naming both keys otherwise, and the bundle stays in quarantine).
      let outcome: ImportOutcome;
      try {
        outcome = ctx.tx(() => {
          const pinned = q.auditId ? (repos.bundles.pin(q.auditId)?.signerFingerprint ?? null) : null;
          const written = writeReading(ctx, reading, bytes, q.fileName, {
            acceptUnknownSigner: true,
            acceptDifferentSigner: acceptDifferentSigner === true,
            acceptBoard,
            fromQuarantine: true,
          });
          if (written.outcome === 'refused') return written;
          acceptQuarantined(q, written, pinned);
          return written;
        });
      } catch (e) {
        const refused = refusalOutcome(e);
        if (!refused) throw e;
        outcome = refused;
      }
      if (outcome.outcome === 'added') afterImport();
      return withPersonalData(ctx, outcome, reading);
    },

    'quarantine.reject': ({ quarantineId }) =>
      ctx.tx(() => {
        const q = repos.bundles.quarantined(quarantineId);
        if (!q) throw new AppError('NOT_FOUND', 'No such bundle in quarantine.');
        repos.bundles.removeFromQuarantine(quarantineId);
        ctx.log('quarantine', quarantineId, 'reject', { fingerprint: q.signerFingerprint }, null);
        return { removed: true as const };
      }),
  };
}
