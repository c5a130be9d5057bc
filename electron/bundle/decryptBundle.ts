// Opening an encrypted bundle: a JWE in the JSON General serialisation (one wrapped key per
// recipient, what Case Audit writes) or in the compact serialisation (older bundles, one recipient).
// The installation tries each private key it holds: its own and any it kept after rotating it.
import { z } from 'zod';
import type { GeneralJWE } from 'jose';
import { describeIssues } from '../../shared/validationPath.js';
import { decryptWith, keyId, publicJwkOf } from '../crypto/keys.js';
import { measureJson } from './jsonShape.js';

/** More recipients than any partnership's QA sub-committee and escrow keys; a bound on the work. */
export const MAX_RECIPIENTS = 64;
const MAX_JWE_VALUES = 10_000;

const b64url = z.string().regex(/^[A-Za-z0-9_-]*$/, 'must be base64url');
const headerSchema = z.record(z.string(), z.unknown());
const generalJweSchema = z.strictObject({
  protected: b64url.min(1),
  unprotected: headerSchema.optional(),
  aad: b64url.optional(),
  iv: b64url.min(1),
  ciphertext: b64url.min(1),
  tag: b64url.min(1),
  recipients: z
    .array(
      z.strictObject({
        header: z.looseObject({ kid: z.string().max(200).optional() }).optional(),
        encrypted_key: b64url.optional(),
      }),
    )
    .min(1, 'lists no recipient')
    .max(MAX_RECIPIENTS, `lists more than ${MAX_RECIPIENTS} recipients`),
});
const JWE_COMPACT = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

const NOT_OURS = 'the bundle is encrypted for another recipient, or was altered on the way';

export type EncryptedBundle = { form: 'compact'; jwe: string } | { form: 'general'; jwe: GeneralJWE };

/** What the file is: an encrypted bundle (either form), or a message saying why it is neither. */
export function parseEncrypted(
  bytes: Uint8Array,
): { ok: true; value: EncryptedBundle } | { ok: false; message: string } {
  const text = Buffer.from(bytes).toString('latin1').trim();
  if (JWE_COMPACT.test(text)) return { ok: true, value: { form: 'compact', jwe: text } };
  if (!text.startsWith('{'))
    return { ok: false, message: 'the file is not a Case Audit bundle (neither a signed zip nor an encrypted bundle)' };
  // Counted before parsing, as content.json is (jsonShape.ts): a JWE for every recipient allowed holds
  // about a thousand values, a hostile file of the same size could hold millions.
  if (!measureJson(bytes, { maxValues: MAX_JWE_VALUES, maxDepth: 16 }).ok)
    return {
      ok: false,
      message: `the encrypted bundle holds more JSON than a JWE may (at most ${MAX_JWE_VALUES} values)`,
    };
  let raw: unknown;
  try {
    raw = JSON.parse(Buffer.from(bytes).toString('utf8'));
  } catch {
    return { ok: false, message: 'the encrypted bundle is not valid JSON' };
  }
  const parsed = generalJweSchema.safeParse(raw);
  if (!parsed.success)
    return {
      ok: false,
      message: `the encrypted bundle is not a JWE in JSON serialisation: ${describeIssues(parsed.error.issues)}`,
    };
  return { ok: true, value: { form: 'general', jwe: parsed.data as GeneralJWE } };
}

/** The zip inside, or why it cannot be opened here. */
export async function decryptBundle(
  bundle: EncryptedBundle,
  privatePems: readonly string[],
): Promise<{ ok: true; plaintext: Uint8Array } | { ok: false; message: string }> {
  if (privatePems.length === 0)
    return { ok: false, message: 'the bundle is encrypted, and this installation has no key to open it' };
  let keys = privatePems;
  if (bundle.form === 'general') {
    // Each recipient names its key by thumbprint: try only keys named, so a bundle for others says so.
    const kids = bundle.jwe.recipients.map((r) => r.header?.kid);
    if (kids.every((k) => typeof k === 'string')) {
      const held = await Promise.all(privatePems.map(async (pem) => ({ pem, kid: await keyId(publicJwkOf(pem)) })));
      keys = held.filter((h) => kids.includes(h.kid)).map((h) => h.pem);
      if (keys.length === 0)
        return {
          ok: false,
          message: `${NOT_OURS} (it names ${kids.length === 1 ? 'one recipient' : `${kids.length} recipients`}, and this installation holds none of their keys)`,
        };
    }
  }
  for (const key of keys) {
    try {
      return { ok: true, plaintext: await decryptWith(key, bundle.jwe) };
    } catch {
      /* try the next key */
    }
  }
  return { ok: false, message: NOT_OURS };
}
