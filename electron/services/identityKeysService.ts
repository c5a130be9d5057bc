// The identity's keys beyond the card: a passphrase-encrypted backup to restore them on another
// laptop, rotating the encryption key (keeping the old one for bundles already made for it), and the
// list of recipients bundles are encrypted to (every QA member, an escrow key).
import type { ServiceHandlers } from '../../shared/contract.js';
import { AppError, fieldError } from '../../shared/errors.js';
import type { EncryptionKeyInfo } from '../../shared/identity.js';
import type { IdentityRow } from '../../db/repos/identityRepo.js';
import { readBackup, writeBackup, type IdentityKeys } from '../crypto/identityBackup.js';
import { keyId, newEncryptionKeys, publicJwkOf } from '../crypto/keys.js';
import type { ServiceContext } from './context.js';
import { ownIdentity, publicIdentity, publicTrusted } from './identityService.js';

type Methods =
  | 'identity.exportBackup'
  | 'identity.importBackup'
  | 'identity.encryptionKeys'
  | 'identity.rotateEncryptionKey'
  | 'recipients.list'
  | 'trust.setRecipients';

const kidOf = (privatePem: string) => keyId(publicJwkOf(privatePem));

async function keyList(ctx: ServiceContext): Promise<EncryptionKeyInfo[]> {
  const own = ownIdentity(ctx);
  const retired = ctx.repos.identity.retiredKeys();
  return [
    { kid: await kidOf(own.encryptionPrivate), current: true, retiredAt: null },
    ...(await Promise.all(
      retired.map(async (r) => ({ kid: await kidOf(r.privatePem), current: false, retiredAt: r.retiredAt })),
    )),
  ];
}

const slug = (name: string) =>
  name
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase() || 'identity';

export function identityKeysService(ctx: ServiceContext): Pick<ServiceHandlers, Methods> {
  const { repos } = ctx;
  return {
    'identity.exportBackup': async ({ passphrase }) => {
      const own = ownIdentity(ctx);
      const retired = repos.identity.retiredKeys();
      const text = await writeBackup(
        {
          ...publicIdentity(own),
          signingPrivate: own.signingPrivate,
          encryptionPrivate: own.encryptionPrivate,
          retired,
        },
        passphrase,
        ctx.now(),
      );
      ctx.tx(() => ctx.log('identity', own.fingerprint, 'export_backup', null, { encryptionKeys: retired.length + 1 }));
      return {
        fileName: `${slug(own.name)}-identity-backup.jwe`,
        text,
        fingerprint: own.fingerprint,
        encryptionKeys: retired.length + 1,
      };
    },

    'identity.importBackup': async ({ backup, passphrase }) => {
      // Everything is read and checked before the transaction: a refused file writes nothing.
      const keys: IdentityKeys = await readBackup(backup, passphrase);
      const held = new Set<string>();
      const own = repos.identity.own();
      if (own) {
        if (own.fingerprint !== keys.fingerprint)
          throw new AppError(
            'CONFLICT',
            `This installation already has another identity (${own.name}, fingerprint ${own.fingerprint}); restore the backup on an installation without one. Nothing was restored.`,
          );
        for (const pem of [own.encryptionPrivate, ...repos.identity.retiredKeys().map((r) => r.privatePem)])
          held.add(await kidOf(pem));
      }
      const candidates = [{ privatePem: keys.encryptionPrivate, retiredAt: ctx.now() }, ...keys.retired];
      const missing: IdentityKeys['retired'] = [];
      for (const k of candidates) if (!held.has(await kidOf(k.privatePem))) missing.push(k);

      return ctx.tx(() => {
        // The keys were checked outside the transaction: the identity must still be the one they were checked against.
        if (repos.identity.own()?.fingerprint !== own?.fingerprint)
          throw new AppError('CONFLICT', 'The identity changed while the backup was being read. Nothing was restored.');
        if (!own) {
          const row: IdentityRow = {
            id: ctx.newId(),
            name: keys.name,
            role: keys.role,
            agency: keys.agency,
            fingerprint: keys.fingerprint,
            createdAt: keys.createdAt,
            signingPublic: JSON.stringify(publicJwkOf(keys.signingPrivate)),
            signingPrivate: keys.signingPrivate,
            encryptionPublic: JSON.stringify(publicJwkOf(keys.encryptionPrivate)),
            encryptionPrivate: keys.encryptionPrivate,
          };
          repos.identity.insertOwn(row);
          repos.identity.putRetiredKeys(
            keys.retired.map((r) => ({
              publicJwk: JSON.stringify(publicJwkOf(r.privatePem)),
              privatePem: r.privatePem,
              retiredAt: r.retiredAt,
            })),
            ctx.now(),
          );
          ctx.log('identity', row.fingerprint, 'restore_backup', null, {
            ...publicIdentity(row),
            encryptionKeys: keys.retired.length + 1,
          });
          return { identity: publicIdentity(row), restored: 'new' as const, keysAdded: keys.retired.length + 2 };
        }
        // The same identity: keep this installation's current key, and add any key it does not hold.
        if (missing.length > 0) {
          repos.identity.putRetiredKeys(
            [
              ...repos.identity.retiredKeys(),
              ...missing.map((r) => ({
                publicJwk: JSON.stringify(publicJwkOf(r.privatePem)),
                privatePem: r.privatePem,
                retiredAt: r.retiredAt,
              })),
            ],
            ctx.now(),
          );
          ctx.log('identity', own.fingerprint, 'restore_backup', null, { keysAdded: missing.length });
        }
        return { identity: publicIdentity(own), restored: 'merged' as const, keysAdded: missing.length };
      });
    },

    'identity.encryptionKeys': () => keyList(ctx),

    'identity.rotateEncryptionKey': async () => {
      ctx.tx(() => {
        const own = ownIdentity(ctx);
        const next = newEncryptionKeys();
        repos.identity.putRetiredKeys(
          [
            ...repos.identity.retiredKeys(),
            { publicJwk: own.encryptionPublic, privatePem: own.encryptionPrivate, retiredAt: ctx.now() },
          ],
          ctx.now(),
        );
        repos.identity.setOwnEncryption(own.fingerprint, JSON.stringify(next.publicJwk), next.privatePem);
        ctx.log('identity', own.fingerprint, 'rotate_encryption_key', JSON.parse(own.encryptionPublic), next.publicJwk);
      });
      return { identity: publicIdentity(ownIdentity(ctx)), keys: await keyList(ctx) };
    },

    'recipients.list': () => repos.identity.recipients().map(publicTrusted),

    'trust.setRecipients': ({ fingerprints }) =>
      ctx.tx(() => {
        const unique = [...new Set(fingerprints)];
        for (const fp of unique) {
          const row = repos.identity.trustedByFingerprint(fp);
          if (!row || row.revokedAt) throw fieldError('NOT_FOUND', ['fingerprints'], `no usable trusted key ${fp}.`);
          if (row.encryptionPublic === '')
            throw fieldError(
              'VALIDATION',
              ['fingerprints'],
              `${row.name}’s key came from a bundle, which carries no encryption key; enrol their identity card first.`,
            );
        }
        const before = repos.identity.recipients().map((r) => r.fingerprint);
        repos.identity.setRecipients(unique);
        ctx.log('trusted_key', '(recipients)', 'recipients', { recipients: before }, { recipients: unique });
        return repos.identity.trusted().map(publicTrusted);
      }),
  };
}
