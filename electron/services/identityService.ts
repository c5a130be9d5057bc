// This installation's identity, its identity card, and the list of trusted keys (enrol, revoke,
// choose the QA sub-committee's key as the recipient of encrypted bundles).
import type { ServiceHandlers } from '../../shared/contract.js';
import { AppError } from '../../shared/errors.js';
import { identityCardSchema, type Identity, type IdentityCard, type TrustedKey } from '../../shared/identity.js';
import { canonicalJson } from '../../shared/canonicalJson.js';
import { describeIssues } from '../../shared/validationPath.js';
import type { IdentityRow, TrustedRow } from '../../db/repos/identityRepo.js';
import {
  fingerprintOf,
  newEncryptionKeys,
  newSigningKeys,
  signCanonical,
  verifyBytes,
  type OkpJwk,
} from '../crypto/keys.js';
import type { PackInput } from '../bundle/pack.js';
import type { ServiceContext } from './context.js';

type Methods =
  | 'identity.get'
  | 'identity.create'
  | 'identity.card'
  | 'trust.list'
  | 'trust.enrol'
  | 'trust.revoke'
  | 'trust.setRecipient';

/** What the services hand out: the rows without their keys. */
export const publicIdentity = (r: IdentityRow): Identity => ({
  name: r.name,
  role: r.role,
  agency: r.agency,
  fingerprint: r.fingerprint,
  createdAt: r.createdAt,
});
export const publicTrusted = (r: TrustedRow): TrustedKey => ({
  name: r.name,
  role: r.role,
  agency: r.agency,
  fingerprint: r.fingerprint,
  isRecipient: r.isRecipient,
  enrolledAt: r.enrolledAt,
  revokedAt: r.revokedAt,
  revokedReason: r.revokedReason,
});

export function ownIdentity(ctx: ServiceContext): IdentityRow {
  const own = ctx.repos.identity.own();
  if (!own)
    throw new AppError(
      'NOT_FOUND',
      'Create your identity first (name, role and organisation): it is what you sign with.',
    );
  return own;
}

/** The installation's identity as the signer of a bundle it packs. */
export function bundleSigner(own: IdentityRow): PackInput['signer'] {
  return {
    fingerprint: own.fingerprint,
    name: own.name,
    role: own.role,
    agency: own.agency,
    signingKey: JSON.parse(own.signingPublic) as OkpJwk,
    privatePem: own.signingPrivate,
  };
}

/** Trusting a key needs the person's word that they compared its safety number with its owner, out of band. */
export function requireComparedSafetyNumber(compared: boolean): void {
  if (!compared)
    throw new AppError(
      'VALIDATION',
      'safetyNumberCompared: compare the safety number with the one its owner reads to you (by phone or in person), then confirm you did',
    );
}

export function identityCard(own: IdentityRow): IdentityCard {
  const unsigned = {
    format: 'case-audit-identity' as const,
    formatVersion: 1 as const,
    name: own.name,
    role: own.role,
    agency: own.agency,
    signingKey: JSON.parse(own.signingPublic) as IdentityCard['signingKey'],
    encryptionKey: JSON.parse(own.encryptionPublic) as IdentityCard['encryptionKey'],
    fingerprint: own.fingerprint,
    createdAt: own.createdAt,
  };
  return { ...unsigned, selfSignature: signCanonical(own.signingPrivate, unsigned) };
}

/** Reads an identity card from its JSON text: schema, fingerprint and self-signature. */
export function parseIdentityCard(text: string): IdentityCard {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new AppError('VALIDATION', 'The identity card is not valid JSON.');
  }
  const parsed = identityCardSchema.safeParse(raw);
  if (!parsed.success)
    throw new AppError('VALIDATION', `The identity card is not valid: ${describeIssues(parsed.error.issues)}`);
  const card = parsed.data;
  if (fingerprintOf(card.signingKey) !== card.fingerprint)
    throw new AppError('INTEGRITY', 'The identity card’s fingerprint does not match its key.');
  const { selfSignature, ...unsigned } = card;
  if (!verifyBytes(card.signingKey, Buffer.from(canonicalJson(unsigned)), Buffer.from(selfSignature, 'base64url'))) {
    throw new AppError(
      'INTEGRITY',
      'The identity card was altered after it was made (its self-signature does not match).',
    );
  }
  return card;
}

export function identityService(ctx: ServiceContext): Pick<ServiceHandlers, Methods> {
  const { repos } = ctx;
  return {
    'identity.get': () => {
      const own = repos.identity.own();
      return own ? publicIdentity(own) : null;
    },
    'identity.create': (person) =>
      ctx.tx(() => {
        if (repos.identity.own()) throw new AppError('CONFLICT', 'This installation already has an identity.');
        const signing = newSigningKeys();
        const encryption = newEncryptionKeys();
        const row: IdentityRow = {
          id: ctx.newId(),
          ...person,
          fingerprint: fingerprintOf(signing.publicJwk),
          createdAt: ctx.now(),
          signingPublic: JSON.stringify(signing.publicJwk),
          signingPrivate: signing.privatePem,
          encryptionPublic: JSON.stringify(encryption.publicJwk),
          encryptionPrivate: encryption.privatePem,
        };
        repos.identity.insertOwn(row);
        ctx.log('identity', row.fingerprint, 'create', null, publicIdentity(row));
        return publicIdentity(row);
      }),
    'identity.card': () => {
      const card = identityCard(ownIdentity(ctx));
      return {
        fileName: `${card.name.replace(/[^A-Za-z0-9]+/g, '-').toLowerCase()}-identity.json`,
        json: JSON.stringify(card, null, 2) + '\n',
        card,
      };
    },
    'trust.list': () => repos.identity.trusted().map(publicTrusted),
    'trust.enrol': ({ card: text, asRecipient, safetyNumberCompared }) =>
      ctx.tx(() => {
        requireComparedSafetyNumber(safetyNumberCompared);
        const card = parseIdentityCard(text);
        if (repos.identity.own()?.fingerprint === card.fingerprint)
          throw new AppError('CONFLICT', 'That is this installation’s own identity.');
        const existing = repos.identity.trustedByFingerprint(card.fingerprint);
        if (existing?.revokedAt)
          throw new AppError(
            'CONFLICT',
            `That key was revoked on ${existing.revokedAt.slice(0, 10)}; a revoked key is not enrolled again.`,
          );
        if (existing && existing.encryptionPublic === '') {
          repos.identity.fillKeys(
            card.fingerprint,
            JSON.stringify(card.signingKey),
            JSON.stringify(card.encryptionKey),
          );
        } else if (existing && existing.encryptionPublic !== JSON.stringify(card.encryptionKey)) {
          // Its owner rotated their encryption key: the card is self-signed by the same trusted signing key.
          repos.identity.setEncryptionPublic(card.fingerprint, JSON.stringify(card.encryptionKey));
          ctx.log(
            'trusted_key',
            card.fingerprint,
            'encryption_key',
            JSON.parse(existing.encryptionPublic),
            card.encryptionKey,
          );
        }
        if (!existing) {
          const row: TrustedRow = {
            fingerprint: card.fingerprint,
            name: card.name,
            role: card.role,
            agency: card.agency,
            signingPublic: JSON.stringify(card.signingKey),
            encryptionPublic: JSON.stringify(card.encryptionKey),
            isRecipient: false,
            enrolledAt: ctx.now(),
            revokedAt: null,
            revokedReason: null,
          };
          repos.identity.insertTrusted(row);
          ctx.log('trusted_key', card.fingerprint, 'enrol', null, publicTrusted(row));
        }
        // Another recipient, beside those already chosen (every QA member, an escrow key).
        if (asRecipient) {
          repos.identity.addRecipient(card.fingerprint);
          ctx.log('trusted_key', card.fingerprint, 'recipient', null, { isRecipient: true });
        }
        return publicTrusted(repos.identity.trustedByFingerprint(card.fingerprint)!);
      }),
    'trust.revoke': ({ fingerprint, reason }) =>
      ctx.tx(() => {
        const row = repos.identity.trustedByFingerprint(fingerprint);
        if (!row) throw new AppError('NOT_FOUND', 'No trusted key with that fingerprint.');
        if (row.revokedAt) return publicTrusted(row);
        repos.identity.revoke(fingerprint, reason, ctx.now());
        ctx.log('trusted_key', fingerprint, 'revoke', publicTrusted(row), { reason });
        return publicTrusted(repos.identity.trustedByFingerprint(fingerprint)!);
      }),
    'trust.setRecipient': ({ fingerprint }) =>
      ctx.tx(() => {
        if (fingerprint) {
          const row = repos.identity.trustedByFingerprint(fingerprint);
          if (!row || row.revokedAt) throw new AppError('NOT_FOUND', 'No usable trusted key with that fingerprint.');
        }
        repos.identity.setRecipient(fingerprint);
        ctx.log('trusted_key', fingerprint ?? '(none)', 'recipient', null, { isRecipient: fingerprint !== null });
        return repos.identity.trusted().map(publicTrusted);
      }),
  };
}

/** Every key exported bundles are encrypted to; none: bundles are signed but not encrypted. */
export const recipientKeys = (ctx: ServiceContext): OkpJwk[] =>
  ctx.repos.identity
    .recipients()
    .filter((r) => r.encryptionPublic !== '')
    .map((r) => JSON.parse(r.encryptionPublic) as OkpJwk);

/** The private keys bundles sent here may be encrypted to: the current one, then those retired. */
export function decryptionKeys(ctx: ServiceContext): string[] {
  const own = ctx.repos.identity.own();
  if (!own) return [];
  return [own.encryptionPrivate, ...ctx.repos.identity.retiredKeys().map((k) => k.privatePem)];
}
