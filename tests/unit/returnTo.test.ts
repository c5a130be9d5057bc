import { describe, expect, it } from 'vitest';
import { validateReturnSearch, withReturnTo } from '../../renderer/routes/returnTo.js';

const AUDIT = '7d6c1f7e-8a43-4c55-9a3e-3f1f0b6a2c11';

describe('the returnTo search parameter', () => {
  it("accepts only an audit's check before signing", () => {
    expect(validateReturnSearch({ returnTo: `/audits/${AUDIT}/sign` })).toEqual({ returnTo: `/audits/${AUDIT}/sign` });
    for (const returnTo of [
      undefined,
      '',
      '/audits/not-an-id/sign',
      `/audits/${AUDIT}/export`,
      `/audits/${AUDIT}/sign?x=1`,
      `https://example.com/audits/${AUDIT}/sign`,
      `//example.com/audits/${AUDIT}/sign`,
      `/audits/${AUDIT}/sign/../../settings`,
      `/audits/%E0%A4%A/sign`,
      42,
    ])
      expect(validateReturnSearch({ returnTo })).toEqual({ returnTo: undefined });
  });

  it('is added to a path, keeping its query, and left out when there is none', () => {
    const back = `/audits/${AUDIT}/sign`;
    expect(withReturnTo('/checklists/abc/sections/s1', back)).toBe(
      `/checklists/abc/sections/s1?returnTo=${encodeURIComponent(back)}`,
    );
    expect(withReturnTo('/actions?status=overdue', back)).toBe(
      `/actions?status=overdue&returnTo=${encodeURIComponent(back)}`,
    );
    expect(withReturnTo('/identity', undefined)).toBe('/identity');
  });
});
