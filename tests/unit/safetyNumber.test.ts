import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SAFETY_NUMBER_PATTERN, safetyNumber } from '../../shared/safetyNumber.js';

const grouped = (hex: string) => hex.match(/.{4}/g)!.join(' ');

describe('safety numbers', () => {
  it('matches the worked example in docs/security.md (RFC 8032 test 1 public key, computed with Python)', () => {
    // The raw public key of RFC 8032 section 7.1, TEST 1; its SHA-256 is the fingerprint.
    const publicKey = Buffer.from('d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a', 'hex');
    const fingerprint = grouped(createHash('sha256').update(publicKey).digest('hex'));
    expect(fingerprint).toBe('21fe 31df a154 a261 626b f854 046f d227 1b7b ed4b 6abe 45aa 5887 7ef4 7f97 21b9');
    expect(safetyNumber(fingerprint)).toBe('59986 02145 35015 44043 65614 66322 79648 31051 84587 70008 19505 37623');
  });

  it('reduces each 40-bit chunk modulo 10^10 with zero padding', () => {
    expect(safetyNumber(grouped('0'.repeat(64)))).toBe(Array(12).fill('00000').join(' '));
    // 0xffffffffff = 1099511627775, modulo 10^10 = 9511627775.
    expect(safetyNumber(grouped('f'.repeat(64)))).toBe(Array(6).fill('95116 27775').join(' '));
    // 0x0000000001 in the last chunk only: 59 zeros then a 1.
    expect(safetyNumber(grouped('0'.repeat(58) + '01' + '0000'))).toBe(Array(11).fill('00000').join(' ') + ' 00001');
  });

  it('ignores the last two bytes of the fingerprint, and refuses what is not a fingerprint', () => {
    const base = '0123456789abcdef'.repeat(4);
    expect(safetyNumber(grouped(base.slice(0, 60) + 'ffff'))).toBe(safetyNumber(grouped(base.slice(0, 60) + '0000')));
    expect(() => safetyNumber(base)).toThrow();
    expect(() => safetyNumber(grouped(base).toUpperCase())).toThrow();
  });

  it('is always 12 groups of five digits, and any change to one of the first 60 hex digits changes it', () => {
    const hex = fc.array(fc.constantFrom(...'0123456789abcdef'), { minLength: 64, maxLength: 64 });
    fc.assert(
      fc.property(hex, fc.integer({ min: 0, max: 59 }), fc.integer({ min: 1, max: 15 }), (digits, at, delta) => {
        const one = digits.join('');
        const changed = [...digits];
        changed[at] = ((parseInt(changed[at]!, 16) + delta) % 16).toString(16);
        const a = safetyNumber(grouped(one));
        expect(a).toMatch(SAFETY_NUMBER_PATTERN);
        // A one-digit change moves a 40-bit chunk by k·16^j (0 < k < 16), never a multiple of 5^10.
        expect(safetyNumber(grouped(changed.join('')))).not.toBe(a);
      }),
    );
  });
});
