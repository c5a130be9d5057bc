// The count of values made before JSON.parse runs must never be lower than what JSON.parse makes
// (keys included), whatever the strings hold (quotes, backslashes, brackets, non-ASCII).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { measureJson } from '../../electron/bundle/jsonShape.js';
import { safeParseFirstIssue } from '../../shared/boundedParse.js';
import { revisionContentSchema } from '../../shared/bundle.js';

/** Values JSON.parse makes for a text: every object, array, string, key, number and literal. */
function reference(v: unknown): { values: number; depth: number } {
  if (Array.isArray(v)) {
    const inner = v.map(reference);
    return {
      values: 1 + inner.reduce((s, x) => s + x.values, 0),
      depth: 1 + Math.max(0, ...inner.map((x) => x.depth)),
    };
  }
  if (v !== null && typeof v === 'object') {
    const inner = Object.values(v).map(reference);
    return {
      values: 1 + inner.length + inner.reduce((s, x) => s + x.values, 0),
      depth: 1 + Math.max(0, ...inner.map((x) => x.depth)),
    };
  }
  return { values: 1, depth: 0 };
}

const bytes = (s: string) => Buffer.from(s, 'utf8');
const unlimited = { maxValues: Number.MAX_SAFE_INTEGER, maxDepth: 1000 };

describe('measureJson', () => {
  it('counts exactly the values and nesting JSON.parse makes, for any JSON, indented or not', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.boolean(), (value, indent) => {
        const text = JSON.stringify(value, null, indent ? 2 : undefined);
        const shape = measureJson(bytes(text), unlimited);
        const expected = reference(JSON.parse(text));
        expect(shape).toEqual({ ok: true, values: expected.values, depth: expected.depth });
      }),
      { numRuns: 500 },
    );
  });

  it('is not fooled by quotes, backslashes and brackets inside strings', () => {
    const text = JSON.stringify({ a: 'he said \\"[{,:}]\\" \\\\', b: ['\\\\', '"', '’'] });
    expect(measureJson(bytes(text), unlimited)).toEqual({ ok: true, ...reference(JSON.parse(text)) });
  });

  it('stops at the first value or level over its limit', () => {
    expect(measureJson(bytes('[1,2,3]'), { maxValues: 3, maxDepth: 5 })).toEqual({ ok: false, over: 'values' });
    expect(measureJson(bytes('[1,2,3]'), { maxValues: 4, maxDepth: 5 })).toMatchObject({ ok: true, values: 4 });
    expect(measureJson(bytes('[[[]]]'), { maxValues: 10, maxDepth: 2 })).toEqual({ ok: false, over: 'depth' });
  });
});

describe('safeParseFirstIssue', () => {
  it('reports a few issues for content with a hundred thousand bad answers, not one per answer', () => {
    const bad = { answers: Array.from({ length: 100_000 }, () => ({ nope: 1 })) };
    const full = revisionContentSchema.safeParse(bad);
    expect(full.success || full.error.issues.length).toBeGreaterThan(1000);
    const first = safeParseFirstIssue(revisionContentSchema, bad);
    expect(first.success).toBe(false);
    if (!first.success) expect(first.error.issues.length).toBeLessThanOrEqual(2);
  });
});
