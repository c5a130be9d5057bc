// The recovery key as people handle it: 20 random bytes (160 bits) written as 32 characters of
// Crockford's base32 in 8 groups of 4 (`7KQ2-M9XD-…`). No wordlist is needed, the characters cannot be
// confused (no I, L, O or U; typed ones are read as 1, 1, 0), and case, spaces and hyphens do not matter.
import { z } from 'zod';
import { newPassphraseSchema } from './settings.js';

export const RECOVERY_KEY_BYTES = 20;
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const CHARS = (RECOVERY_KEY_BYTES * 8) / 5; // 32
const GROUP = 4;

export function encodeRecoveryKey(bytes: Uint8Array): string {
  if (bytes.length !== RECOVERY_KEY_BYTES) throw new Error(`a recovery key is ${RECOVERY_KEY_BYTES} bytes`);
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    value &= (1 << bits) - 1;
  }
  return out.match(new RegExp(`.{${GROUP}}`, 'g'))!.join('-');
}

/** The 20 bytes of a recovery key as typed (any case, spaces and hyphens anywhere), or null. */
export function decodeRecoveryKey(text: string): Uint8Array | null {
  const chars = text.toUpperCase().replace(/[\s-]/g, '').replace(/[IL]/g, '1').replace(/O/g, '0');
  if (chars.length !== CHARS) return null;
  const out = new Uint8Array(RECOVERY_KEY_BYTES);
  let bits = 0;
  let value = 0;
  let i = 0;
  for (const ch of chars) {
    const digit = ALPHABET.indexOf(ch);
    if (digit < 0) return null;
    value = (value << 5) | digit;
    bits += 5;
    if (bits >= 8) {
      out[i++] = (value >>> (bits - 8)) & 255;
      bits -= 8;
      value &= (1 << bits) - 1;
    }
  }
  return out;
}

/** The recovery key inside a saved recovery file (or any text), else the text itself. */
export function findRecoveryKey(text: string): string {
  const found = /[0-9A-Za-z]{4}(?:-[0-9A-Za-z]{4}){7}/.exec(text);
  return found ? found[0] : text.trim();
}

export const recoveryKeySchema = z
  .string()
  .max(200)
  .refine((s) => decodeRecoveryKey(s) !== null, {
    message: 'a recovery key is 32 letters and digits, in 8 groups of 4 (XXXX-XXXX-…)',
  });

/** Restoring with the recovery key: the key, and the new passphrase twice. */
export const recoverInputSchema = z
  .strictObject({
    recoveryKey: recoveryKeySchema,
    passphrase: newPassphraseSchema.shape.passphrase,
    confirm: z.string().max(1024),
  })
  .refine((v) => v.passphrase === v.confirm, { path: ['confirm'], message: 'the two passphrases do not match' });

/** What a saved recovery file holds: the key, and what it is for. */
export function recoveryFileText(recoveryKey: string, createdAt: string): string {
  return [
    'Case Audit recovery key',
    '',
    `  ${recoveryKey}`,
    '',
    `Made ${createdAt}. With this key and the database's key file (<database>.keys) the database can`,
    'be opened and a new passphrase chosen, if the passphrase is forgotten: "Forgotten your passphrase?',
    'Use your recovery key" on the unlock screen, or case-audit recover. Keep it away from the laptop,',
    'somewhere safe: anyone who has it and a copy of the database can read the database.',
    '',
  ].join('\n');
}
