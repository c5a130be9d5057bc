import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../shared/canonicalJson.js';

// The text every stored hash and signature was made with: the first, written-out implementation.
// The faster one must give exactly the same bytes for every value, or old change-log records and
// signed revisions would no longer verify.
function reference(value: unknown): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError('canonical JSON has no NaN or Infinity');
      return JSON.stringify(value);
    case 'object': {
      if (Array.isArray(value))
        return `[${value.map((v: unknown) => reference(v === undefined ? null : v)).join(',')}]`;
      const entries = Object.entries(value as Record<string, unknown>)
        .filter(([, v]) => v !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${reference(v)}`).join(',')}}`;
    }
    default:
      throw new TypeError(`canonical JSON cannot hold a ${typeof value}`);
  }
}

describe('canonical JSON', () => {
  it('gives the same text as the reference for any JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        expect(canonicalJson(v)).toBe(reference(v));
      }),
      { numRuns: 2000 },
    );
  });

  it('gives the same text with undefined members, integer-like keys and unsorted keys', () => {
    const values: unknown[] = [
      { b: 1, a: undefined, c: [undefined, 2], '10': 'x', '2': 'y', '01': 'z', '': 0 },
      { z: { y: { x: [{ b: 2, a: 1 }] } }, a: -0, n: 1e21, s: 'é\u2028"\\' },
      Object.assign(Object.create(null) as object, { b: 1, a: 2 }),
      [[], {}, [{}], 'text', 0.1, true, false, null],
      { date: new Date(0), buffer: Buffer.from('ab'), map: new Map([[1, 2]]) },
      JSON.parse('{"b":1,"__proto__":{"y":1,"x":2},"a":2}') as unknown,
    ];
    for (const v of values) expect(canonicalJson(v)).toBe(reference(v));
  });

  it('refuses what JSON cannot hold, as before', () => {
    for (const bad of [undefined, Number.NaN, { a: Infinity }, [() => 1], { f: () => 1 }, { s: Symbol('x') }, 1n]) {
      expect(() => canonicalJson(bad)).toThrow(TypeError);
      expect(() => reference(bad)).toThrow(TypeError);
    }
  });
});
