import type { TrustedKey } from '../../../shared/identity.js';

/** The QA sub-committee's keys that bundles are encrypted to (none when no card is enrolled as such). */
export const recipientsOf = (keys: TrustedKey[]) => keys.filter((k) => k.isRecipient && !k.revokedAt);
