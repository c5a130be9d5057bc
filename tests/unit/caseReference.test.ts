import { describe, expect, it } from 'vitest';
import { flagCaseReference } from '../../shared/caseReference.js';

const codes = (s: string) => flagCaseReference(s).map((f) => f.code);

describe('flagCaseReference', () => {
  it.each(['C-014', 'MASH-2017-03', 'Case 7', 'DA/12', 'CSE-A', 'D25-09'])(
    'accepts the pseudonymised reference %s',
    (ref) => {
      expect(flagCaseReference(ref)).toEqual([]);
    },
  );
  it.each([
    ['Jane Smith', 'looks_like_name'],
    ['Mohammed Ali Khan', 'looks_like_name'],
    ["Aoife O'Neill", 'looks_like_name'],
    ['943 476 5919', 'nhs_number'],
    ['9434765919', 'nhs_number'],
    ['QQ 12 34 56 C', 'ni_number'],
    ['12/03/2015', 'date'],
    ['2015-03-12', 'date'],
    ['SW1A 1AA', 'postcode'],
    ['jane@example.org', 'email'],
    ['07700 900123', 'phone'],
  ])('flags %s as %s', (ref, code) => {
    expect(codes(ref)).toContain(code);
  });
});
